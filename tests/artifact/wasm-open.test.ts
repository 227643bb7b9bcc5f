// The artifact must open read-only in the browser's engine. DuckDB-WASM 1.32's Node build runs the same wasm as the
// browser; the artifact is registered as a buffer and ATTACHed READ_ONLY, as the browser does over HTTP.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_ALIAS, ARTIFACT_SCHEMA_VERSION, ENUM_COLUMNS } from '../../src/lib/data/artifact';
import { connectToArtifact, type NodeWasmConnection } from '../helpers/node-wasm';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import type { BoundQuery } from '../../src/lib/query/engine';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/query/filters';
import {
	categoryQuery,
	incidentCountQuery,
	incidentPageQuery,
	kpiQuery,
	provinceQuery,
	timelineQuery,
	type SourceOptions
} from '../../src/lib/query/sql';
import { nativeRows, removeTempDirs, smallParquet, tempDir } from './helpers';

afterAll(removeTempDirs);

type Connection = NodeWasmConnection;

/** Arrow rows as plain arrays; BigInt counts become numbers, Arrow lists become arrays. */
function rows(conn: Connection, sql: string): unknown[][] {
	const table = conn.query(sql);
	const names = table.schema.fields.map((f) => f.name);
	return table.toArray().map((r) =>
		names.map((n) => {
			const v = (r as Record<string, unknown>)[n];
			if (typeof v === 'bigint') return Number(v);
			if (v && typeof v === 'object' && 'toArray' in v) return Array.from((v as { toArray(): unknown[] }).toArray());
			return v;
		})
	);
}

describe('artifact in DuckDB-WASM 1.32 (Node build of the same wasm)', () => {
	let parquet = '';
	let conn: Connection;
	let closeDb = () => {};

	beforeAll(async () => {
		const dir = tempDir('rasd-wasm-');
		parquet = await smallParquet(dir, 3000, 11);
		const artifact = join(dir, 'rasd.duckdb');
		await buildArtifact({ input: parquet, output: artifact });

		conn = await connectToArtifact(artifact);
		closeDb = () => conn.close();
	});

	afterAll(() => closeDb());

	it('has the same row count as the source Parquet read natively', async () => {
		const [[expected]] = await nativeRows('SELECT count(*) FROM read_parquet($1)', [parquet]);
		expect(expected).toBe(3000);
		expect(rows(conn, `SELECT count(*) FROM ${ARTIFACT_ALIAS}.incidents`)).toEqual([[expected]]);
	});

	it('has the same per-p-code counts as the source Parquet', async () => {
		const expected = await nativeRows(
			'SELECT admin1_pcode, count(*) FROM read_parquet($1) GROUP BY 1 ORDER BY 1', [parquet]
		);
		const actual = rows(conn, `SELECT CAST(admin1_pcode AS VARCHAR) p, count(*) FROM ${ARTIFACT_ALIAS}.incidents GROUP BY 1 ORDER BY 1`);
		expect(actual).toEqual(expected);
		expect(actual.length).toBe(14);
	});

	it('reads every ENUM column as an ENUM of exactly the distinct values in the source', async () => {
		for (const column of ENUM_COLUMNS) {
			const [[type]] = rows(conn, `SELECT typeof(${column}) FROM ${ARTIFACT_ALIAS}.incidents LIMIT 1`);
			expect(String(type), column).toMatch(/^ENUM\(/);
			const [[members]] = rows(conn, `SELECT enum_range(${column})::VARCHAR[] FROM ${ARTIFACT_ALIAS}.incidents LIMIT 1`);
			const distinct = await nativeRows(
				`SELECT DISTINCT ${column} FROM read_parquet($1) WHERE ${column} IS NOT NULL ORDER BY 1`, [parquet]
			);
			expect(members, column).toEqual(distinct.map((r) => r[0]));
			// NULLs survive as NULLs of the ENUM type.
			const [[nullsNative]] = await nativeRows(`SELECT count(*) FILTER (WHERE ${column} IS NULL) FROM read_parquet($1)`, [parquet]);
			expect(rows(conn, `SELECT count(*) FILTER (WHERE ${column} IS NULL) FROM ${ARTIFACT_ALIAS}.incidents`), column).toEqual([[nullsNative]]);
		}
	});

	it('exposes every schema column plus actor_group, day_key, month_key, row_key and the duplicate columns, and the meta/sources tables', () => {
		const names = rows(conn, `SELECT column_name FROM (DESCRIBE ${ARTIFACT_ALIAS}.incidents)`).map((r) => r[0]);
		expect(names).toEqual([...INCIDENT_COLUMN_NAMES, 'actor_group', 'day_key', 'month_key', 'row_key', 'dup_group', 'dup_score', 'dup_keep']);
		expect(rows(conn, `SELECT row_count, synthetic_rows, schema_version FROM ${ARTIFACT_ALIAS}.meta`)).toEqual([[3000, 3000, ARTIFACT_SCHEMA_VERSION]]);
		expect(rows(conn, `SELECT source_dataset, rows FROM ${ARTIFACT_ALIAS}.sources`)).toEqual([['synthetic', 3000]]);
	});

	it('answers from the month rollup exactly what the incidents table answers', () => {
		// Bound like the page binds (prepared statement; every JS number a DOUBLE).
		const run = (q: BoundQuery) => {
			const stmt = conn.prepare(q.sql);
			try {
				return JSON.stringify(stmt.query(...q.params).toArray(), (_, v) => (typeof v === 'bigint' ? Number(v) : v));
			} finally {
				stmt.close();
			}
		};
		const range = { min: '2017-01-01', max: '2025-12-31' };
		const views: Partial<ViewState>[] = [
			{},
			{ from: '2019-03-15', to: '2020-02-10', provinces: ['SY07', 'SY02'] },
			{ from: '2020-01-01', to: '2020-12-31', targets: ['Military', 'Police'], measure: 'killed', sortDir: 'asc', page: 3 },
			{ to: '2018-06-20', grain: 'quarter', stack: 'target', page: 7 }
		];
		let viaRollup = 0;
		for (const patch of views) {
			const v = { ...DEFAULT_VIEW, ...patch };
			const builders: ((o: SourceOptions) => BoundQuery)[] = [
				(o) => kpiQuery(v, range, o),
				(o) => timelineQuery(v, o),
				(o) => provinceQuery(v, { ...o, ignoreOwnFilter: true }),
				(o) => categoryQuery(v, 'target', { ...o, ignoreOwnFilter: true, limit: null }),
				(o) => incidentCountQuery(v, o),
				(o) => incidentPageQuery(v, 50, o)
			];
			for (const build of builders) {
				const auto = build({});
				if (auto.sql.includes('incidents_month')) viaRollup++;
				expect(run(auto), auto.sql.slice(0, 80)).toBe(run(build({ source: 'raw' })));
			}
		}
		// Every query but the oldest-first page (which needs no rollup bound).
		expect(viaRollup).toBe(views.length * 6 - 1);
	});

	it('is attached read-only: writes are refused', () => {
		expect(() => conn.query(`DELETE FROM ${ARTIFACT_ALIAS}.incidents`)).toThrow(/read-only|read only/i);
	});
});
