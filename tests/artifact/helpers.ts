// Shared by the artifact tests: a small generated incident Parquet in a temp dir, and native DuckDB queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { demoIncidents } from '../../src/lib/demo/generator';
import { IncidentParquetWriter } from '../../scripts/lib/incident-parquet-writer';
import type { Incident } from '../../src/lib/data/schema';

const created: string[] = [];

/** A fresh folder under os.tmpdir(); removeTempDirs() (in afterAll) deletes the ones this test file made. */
export function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	created.push(dir);
	return dir;
}

export function removeTempDirs(): void {
	for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `rows` demo incidents (plus `extra`) to dir/incidents.parquet. */
export async function smallParquet(dir: string, rows: number, seed: number, extra: Incident[] = []): Promise<string> {
	const out = join(dir, 'incidents.parquet');
	const writer = await IncidentParquetWriter.open(out, { merge: false, dedupe: false });
	for (const incident of demoIncidents(seed, rows)) await writer.add(incident);
	for (const incident of extra) await writer.add(incident);
	await writer.finish();
	return out;
}

type Plain = string | number | boolean | null | Plain[];
const plain = (v: unknown): Plain => {
	if (typeof v === 'bigint') return Number(v);
	if (Array.isArray(v)) return v.map(plain);
	return v as Plain;
};

/**
 * Runs SQL in a fresh in-memory native DuckDB (after the `setup` statements, e.g. an ATTACH); rows as plain JS
 * arrays (BigInt -> number).
 */
export async function nativeRows(sql: string, params: (string | number)[] = [], setup: string[] = []): Promise<Plain[][]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const statement of setup) await conn.run(statement);
		const reader = await conn.runAndReadAll(sql, sql.includes('$1') ? params : []);
		return reader.getRowsJS().map((row) => row.map(plain));
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
