// Smoke test of the benchmark machinery (`npm run bench`), no timing thresholds: a tiny synthetic set (20k rows)
// goes through the whole pipeline (generate, artifact, served app, Chromium, 3 interactions + the 2 export
// steps, CSV export, wasm replay, native DuckDB) and the record must carry every field with a finite, positive
// value; the exported row count was checked against native DuckDB inside the run, and is checked again here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../bench/lib/datasets';
import { EXPORT_PREP } from '../../bench/lib/interactions';
import { BUILD_DIR, CHROMIUM } from '../../bench/lib/paths';
import { formatTable, writeResults, type BenchRecord, type ResultsFile } from '../../bench/lib/report';
import { runSize } from '../../bench/lib/run-size';
import { describeMachine } from '../../bench/lib/machine';

const ROWS = 20_000;
const INTERACTIONS = 3;
const missing = [
	existsSync(join(BUILD_DIR, 'index.html')) ? null : `${BUILD_DIR} has no built app (npm run build)`,
	existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing`
].filter((m): m is string => m !== null);
if (missing.length) console.warn(`bench smoke test skipped: ${missing.join('; ')}`);

const REQUIRED = [
	'rows',
	'firstChartMs',
	'interactiveMs',
	'filterP50Ms',
	'filterP95Ms',
	'filterMaxMs',
	'csvExportMs',
	'peakMemoryMB',
	'artifactMB',
	'wasmNativeRatio'
] as const;

describe.skipIf(missing.length > 0)('npm run bench machinery (20k rows, 3 interactions)', () => {
	const cacheDir = mkdtempSync(join(tmpdir(), 'rasd-bench-smoke-'));
	afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

	it('produces a complete record with sane values', async () => {
		const lines: string[] = [];
		const dataset = await demoDataset(ROWS, 7, cacheDir, (l) => lines.push(l));
		expect(dataset.rows).toBe(ROWS);
		const record: BenchRecord = await runSize({
			dataset,
			cacheDir,
			buildDir: BUILD_DIR,
			rebuild: false,
			interactions: INTERACTIONS,
			reps: 1,
			warmLoads: 1, // one reload: the second visit must read nothing again
			log: (l) => lines.push(l)
		});

		for (const field of REQUIRED) {
			const value = record[field];
			expect(typeof value, field).toBe('number');
			expect(Number.isFinite(value) && (value as number) > 0, `${field} = ${value}`).toBe(true);
		}
		expect(record.rows).toBe(ROWS);
		expect(record.detail.errors).toEqual([]);
		expect(record.detail.foreignRequests).toEqual([]);
		expect(record.detail.interactions).toBe(INTERACTIONS + EXPORT_PREP.length);
		expect(record.filterP50Ms).toBeLessThanOrEqual(record.filterP95Ms);
		expect(record.filterP95Ms).toBeLessThanOrEqual(record.filterMaxMs);
		expect(record.firstChartMs).toBeLessThanOrEqual(record.interactiveMs);
		// The first visit read the artifact; the second read nothing of it again (docs/reading.md).
		expect(record.detail.startupReadMB).toBeGreaterThan(0);
		expect(record.detail.warmReadMB).toBe(0);

		// Below 100,000 rows the export takes every incident; count them independently, in the generated Parquet.
		const db = await DuckDBInstance.create(':memory:', { threads: '1' });
		const conn = await db.connect();
		const all = Number((await conn.runAndReadAll('SELECT count(*) FROM read_parquet($1)', [dataset.parquet])).getRows()[0][0]);
		conn.closeSync();
		db.closeSync();
		expect(all).toBe(ROWS);
		expect(record.csvRows).toBe(all);

		// Every query the page ran was replayed in the browser and natively, and was recognised.
		expect(record.detail.queries.length).toBeGreaterThan(10);
		for (const q of record.detail.queries) {
			expect(q.kind).not.toBe('other');
			expect(q.wasmMs).toBeGreaterThan(0);
			expect(q.nativeMs).toBeGreaterThan(0);
		}
		// The default view draws the map (its units and cells), not the governorate tiles' 'province' query.
		for (const kind of ['kpis', 'timeline', 'map', 'cells', 'target', 'attack', 'count', 'rows', 'export']) {
			expect(record.detail.wasmNativeByKind[kind]?.queries, kind).toBeGreaterThan(0);
		}
		expect(record.peakPssMB).toBeGreaterThan(0);
		expect(record.peakPssMB).toBeLessThanOrEqual(record.peakMemoryMB);

		// The JSON and the table.
		const out = join(cacheDir, 'results.json');
		const doc: ResultsFile = {
			benchmark: 'rasd',
			version: 1,
			startedAt: new Date().toISOString(),
			finishedAt: new Date().toISOString(),
			command: 'smoke',
			machine: describeMachine(),
			options: {},
			records: [record]
		};
		writeResults(out, doc);
		const back = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
		expect(back.records[0].rows).toBe(ROWS);
		expect(back.machine.nproc).toBeGreaterThan(0);
		expect(formatTable(back.records)).toContain('| 20k ');
	}, 240_000);
});
