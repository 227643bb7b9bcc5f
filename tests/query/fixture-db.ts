// An in-memory DuckDB shaped like the browser artifact (src/lib/data/artifact.ts): `ATTACH ':memory:' AS rasd`,
// the incidents table with the ENUM columns, day_key and month_key, the month rollup, and the meta and sources
// tables, filled from invented rows. Its engine binds parameters the way DuckDB-WASM does (every number as DOUBLE,
// text as VARCHAR) and is strict about results: any value that is not a string, a number or null fails the query,
// which checks the builders' promise that results need no conversion.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ENUM_COLUMNS } from '../../src/lib/data/artifact';
import { INCIDENTS, INCIDENTS_MONTH } from '../../src/lib/query/columns';
import { rollupTableSelectSql } from '../../src/lib/query/rollup';
import { SEARCH_TEXT_SQL } from '../../src/lib/query/where';
import { INCIDENT_COLUMNS, createIncidentsTableSql, type Incident } from '../../src/lib/data/schema';
import type { BoundQuery, QueryEngine, QueryResult, SqlParam } from '../../src/lib/query/engine';

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

/** The ENUM of a column: its distinct values in reverse order, so that sorting by the ENUM (rather than by
 *  text) would give a visibly wrong order. */
function enumType(rows: readonly Incident[], column: keyof Incident): string {
	const values = [...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === 'string'))];
	values.sort().reverse();
	if (values.length === 0) values.push('(none)'); // DuckDB refuses an empty ENUM
	return `ENUM(${values.map(literal).join(', ')})`;
}

export async function openFixtureDb(rows: readonly Incident[]): Promise<FixtureDb> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run(createIncidentsTableSql('staging'));
	const placeholders = INCIDENT_COLUMNS.map((c) => (c.type === 'DATE' ? 'CAST(? AS DATE)' : '?')).join(', ');
	const insert = await conn.prepare(`INSERT INTO staging VALUES (${placeholders})`);
	for (const row of rows) {
		INCIDENT_COLUMNS.forEach((c, i) => {
			const v = row[c.name];
			if (v === null) insert.bindNull(i + 1);
			else if (c.type === 'INTEGER') insert.bindInteger(i + 1, v as number);
			else if (c.type === 'DOUBLE') insert.bindDouble(i + 1, v as number);
			else insert.bindVarchar(i + 1, String(v));
		});
		await insert.run();
	}
	const enums = new Set<string>(ENUM_COLUMNS);
	const select = INCIDENT_COLUMNS.map((c) =>
		enums.has(c.name) ? `CAST(${c.name} AS ${enumType(rows, c.name)}) AS ${c.name}` : c.name
	);
	await conn.run("ATTACH ':memory:' AS rasd");
	await conn.run(
		`CREATE TABLE rasd.incidents AS SELECT ${select.join(', ')}, ` +
			`CAST(event_date - DATE '1970-01-01' AS INTEGER) AS day_key, ` +
			`CAST(year(event_date) * 12 + month(event_date) - 1 AS INTEGER) AS month_key, ` +
			`${SEARCH_TEXT_SQL} AS search_text ` +
			`FROM staging ORDER BY event_date`
	);
	// The month rollup by the build's own SQL (scripts/lib/artifact-build.ts runs the same function).
	await conn.run(`CREATE TABLE ${INCIDENTS_MONTH} AS ${rollupTableSelectSql(INCIDENTS)}`);
	await conn.run(
		`CREATE TABLE rasd.meta AS SELECT count(*)::BIGINT AS row_count, min(event_date) AS date_min, ` +
			`max(event_date) AS date_max, 'fixture' AS source_sha256, '2025-01-01T00:00:00Z' AS built_at, ` +
			`count(*) FILTER (WHERE source_dataset = 'synthetic')::BIGINT AS synthetic_rows, 1 AS schema_version FROM staging`
	);
	await conn.run(
		`CREATE TABLE rasd.sources AS SELECT source_dataset, count(*)::BIGINT AS rows, min(event_date) AS date_min, ` +
			`max(event_date) AS date_max, 'citation of ' || source_dataset AS citation FROM staging GROUP BY source_dataset`
	);
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
		}
	};
}
