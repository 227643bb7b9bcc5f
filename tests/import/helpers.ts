// Shared by the importer tests: fixture paths, temp dirs, and DuckDB reads of the output for independent checks.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Incident } from '../../src/lib/data/schema';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const fixture = (...parts: string[]) => join(repoRoot, 'tests/fixtures', ...parts);

/** The real exports, read in place (never copied into the repo). */
export const realDir = resolve(repoRoot, '../shared/data/real');
export const hasRealData = existsSync(realDir);
export const real = (...parts: string[]) => join(realDir, ...parts);

export function tempDir(prefix = 'rasd-import-'): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs SQL on an in-memory DuckDB; values come back as plain JS (BigInt counts turned into numbers). */
export async function query(sql: string, params: (string | number)[] = []): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const reader = params.length ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
		return reader.getRowObjectsJS().map((row) =>
			Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
		);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** All incidents of a Parquet output, dates as ISO strings, keyed by incident_id. */
export async function readIncidents(parquet: string): Promise<Map<string, Incident>> {
	const rows = await query(
		`SELECT * REPLACE (CAST(event_date AS VARCHAR) AS event_date, CAST(date_end AS VARCHAR) AS date_end)
		 FROM read_parquet(?) ORDER BY incident_id`,
		[parquet]
	);
	return new Map(rows.map((r) => [r.incident_id as string, r as unknown as Incident]));
}

/** Encodes text in a single-byte code page (windows-1256, windows-1252, ...) by inverting TextDecoder's table. */
export function encodeSingleByte(text: string, encoding: string): Buffer {
	const decoder = new TextDecoder(encoding);
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) {
		const ch = decoder.decode(Uint8Array.of(b));
		if (!table.has(ch)) table.set(ch, b);
	}
	return Buffer.from(
		Array.from(text, (ch) => {
			const b = table.get(ch);
			if (b === undefined) throw new Error(`${JSON.stringify(ch)} has no byte in ${encoding}`);
			return b;
		})
	);
}
