// The artifact the browser ATTACHes, built from invented rows by the real build: the rows go through the project's
// Parquet writer and scripts/lib/artifact-build.ts (tests/helpers/tiny-artifact.ts), so the tables, ENUM types,
// keys, rollup, meta and sources are the build's own, never a copy; columns added to the schema flow through (a row
// without one gets null). The file is attached read-only as `rasd`, as the page attaches it. Its engine binds
// parameters the way DuckDB-WASM does (every number as DOUBLE, text as VARCHAR) and is strict about results: any
// value that is not a string, a number or null fails the query, which checks the builders' promise that results
// need no conversion.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ARTIFACT_ALIAS } from '../../src/lib/data/artifact';
import type { Incident } from '../../src/lib/data/schema';
import type { BoundQuery, QueryEngine, QueryResult, SqlParam } from '../../src/lib/query/engine';
import { INCIDENTS } from '../../src/lib/query/columns';
import type { SearchIndexLayout } from '../../src/lib/query/search-index';
import { writeTinyArtifact } from '../helpers/tiny-artifact';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface FixtureDb {
	engine: QueryEngine;
	/** Runs test-written SQL (independent expectations) and returns plain row objects. */
	rows(sql: string, params?: SqlParam[]): Promise<Record<string, unknown>[]>;
	close(): void;
}

function bindLikeWasm(stmt: Awaited<ReturnType<DuckDBConnection['prepare']>>, params: readonly SqlParam[]): void {
	params.forEach((v, i) => {
		const index = i + 1;
		if (v === null) stmt.bindNull(index);
		else if (typeof v === 'number') stmt.bindDouble(index, v);
		else if (typeof v === 'string') stmt.bindVarchar(index, v);
		else stmt.bindBoolean(index, v);
	});
}

class StrictEngine implements QueryEngine {
	constructor(private readonly conn: DuckDBConnection) {}

	async run(query: BoundQuery): Promise<QueryResult> {
		const stmt = await this.conn.prepare(query.sql);
		if (stmt.parameterCount !== query.params.length) {
			throw new Error(`statement has ${stmt.parameterCount} placeholders but ${query.params.length} params`);
		}
		bindLikeWasm(stmt, query.params);
		const reader = await stmt.runAndReadAll();
		const names = reader.columnNames();
		const raw = reader.getColumnsObjectJS();
		const columns: QueryResult['columns'] = {};
		for (const name of names) {
			columns[name] = (raw[name] ?? []).map((v) => {
				if (v === null || typeof v === 'string' || typeof v === 'number') return v;
				throw new Error(`column ${name} returned a ${typeof v} (${String(v)}): the builder must cast it`);
			});
		}
		return { names, columns, rowCount: reader.currentRowCount };
	}
}

export async function openFixtureDb(rows: readonly Incident[], searchLayout: SearchIndexLayout = 'file'): Promise<FixtureDb> {
	const dir = mkdtempSync(join(tmpdir(), 'rasd-fixture-'));
	const artifact = await writeTinyArtifact(rows, dir, searchLayout);
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run(`ATTACH ${literal(artifact)} AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
	return fixtureOver(instance, conn, () => rmSync(dir, { recursive: true, force: true }));
}

/** The strict engine and a row reader over a connection; close() also runs `cleanUp`. */
function fixtureOver(instance: DuckDBInstance, conn: DuckDBConnection, cleanUp = () => {}): FixtureDb {
	return {
		engine: new StrictEngine(conn),
		async rows(sql, params = []) {
			const stmt = await conn.prepare(sql);
			bindLikeWasm(stmt, params);
			return (await stmt.runAndReadAll()).getRowObjectsJS() as Record<string, unknown>[];
		},
		close() {
			conn.closeSync();
			instance.closeSync();
			cleanUp();
		}
	};
}

/** Columnar result as row objects (for comparisons). */
export function resultRows(r: QueryResult): Record<string, string | number | null>[] {
	return Array.from({ length: r.rowCount }, (_, i) => Object.fromEntries(r.names.map((n) => [n, r.columns[n][i]])));
}

/**
 * The same strict engine over a Parquet file read as is (`rasd.incidents` = every column of the file, no ENUMs or
 * rollup): for builders that read only the incidents table, over a real dataset such as data/incidents.parquet.
 */
export async function openParquetDb(path: string): Promise<FixtureDb> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run("ATTACH ':memory:' AS rasd");
	await conn.run(`CREATE TABLE ${INCIDENTS} AS SELECT * FROM read_parquet(${literal(path)}) ORDER BY event_date`);
	return fixtureOver(instance, conn);
}
