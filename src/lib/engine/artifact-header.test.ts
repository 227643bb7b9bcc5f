import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { declaredSize } from './artifact-header';

describe('the size a DuckDB file declares', () => {
	it('equals the real size of files DuckDB wrote, of several sizes', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rasd-header-'));
		try {
			for (const rows of [0, 1_000, 300_000]) {
				const path = join(dir, `t${rows}.duckdb`);
				const db = await DuckDBInstance.create(path);
				const c = await db.connect();
				await c.run(`CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(${rows})`);
				await c.run('CHECKPOINT');
				c.closeSync();
				db.closeSync();
				const file = new Uint8Array(readFileSync(path));
				expect(declaredSize(file)).toBe(file.length);
				// Cut short anywhere past the headers: the declared size is still the whole file's.
				expect(declaredSize(file.subarray(0, Math.max(12_288, file.length >> 1)))).toBe(file.length);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the built artifact declares its own size', () => {
		const artifact = join('static', 'data', 'rasd.duckdb');
		if (!existsSync(artifact)) return;
		const file = new Uint8Array(readFileSync(artifact));
		expect(declaredSize(file)).toBe(file.length);
	});

	it('anything that is not a DuckDB header declares nothing', () => {
		expect(declaredSize(new Uint8Array(100))).toBeNull();
		expect(declaredSize(new Uint8Array(20_000))).toBeNull();
		const noise = new Uint8Array(20_000).map((_, i) => (i * 2654435761) >>> 24);
		expect(declaredSize(noise)).toBeNull();
	});
});
