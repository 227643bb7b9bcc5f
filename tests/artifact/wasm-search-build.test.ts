// The page builds a local dataset's artifact with the same statements in DuckDB-WASM (src/lib/engine/local-data.ts):
// the search index must build there too and hold exactly what the Node build holds, and a search must answer the same.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { INCIDENT_COLUMNS } from '../../src/lib/data/schema';
import { buildArtifactTables, type SqlRunner } from '../../src/lib/query/artifact-sql';
import { EMPTY_FILTERS } from '../../src/lib/query/filters';
import { exportQuery } from '../../src/lib/query/sql';
import { openNodeWasm, type NodeWasmConnection } from '../helpers/node-wasm';
import { nativeRows, removeTempDirs, smallParquet, tempDir } from './helpers';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

afterAll(removeTempDirs);

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

function blockingRunner(conn: NodeWasmConnection): SqlRunner {
	const exec = (sql: string, params?: readonly unknown[]) => {
		if (!params?.length) return conn.query(sql);
		const stmt = conn.prepare(sql);
		try {
			return stmt.query(...params);
		} finally {
			stmt.close();
		}
	};
	return {
		run: async (sql, params) => void exec(sql, params),
		rows: async (sql, params) => exec(sql, params).toArray().map((r) => r.toArray().map(plain))
	};
}

describe('the search index built by DuckDB-WASM', () => {
	let conn: NodeWasmConnection;
	let artifact = '';
	let close = () => {};

	beforeAll(async () => {
		const dir = tempDir('rasd-wasm-search-');
		const parquet = await smallParquet(dir, 2000, 5);
		artifact = join(dir, 'rasd.duckdb');
		await buildArtifact({ input: parquet, output: artifact });
		const db = await openNodeWasm();
		db.registerFileBuffer('published.duckdb', new Uint8Array(readFileSync(artifact)));
		conn = db.connect();
		close = () => conn.close();
		// As the page does for "both": the published rows as local rows, then the shared build into memory.
		conn.query(`ATTACH 'published.duckdb' AS published (READ_ONLY)`);
		const columns = INCIDENT_COLUMNS.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(', ');
		conn.query(`CREATE TEMP TABLE local_rows AS SELECT ${columns} FROM published.incidents`);
		conn.query(`ATTACH ':memory:' AS rasd`);
		conn.query('USE rasd');
		await buildArtifactTables(blockingRunner(conn), { source: 'temp.local_rows', label: 'test rows', sourceSha256: 'x', builtAt: 'x' });
		// And as the page builds a local dataset: the in-memory layout of the postings.
		conn.query(`ATTACH ':memory:' AS mem`);
		conn.query('USE mem');
		await buildArtifactTables(blockingRunner(conn), { source: 'temp.local_rows', label: 'test rows', sourceSha256: 'x', builtAt: 'x', searchLayout: 'memory' });
		conn.query('USE rasd');
	}, 120_000);
	afterAll(() => close());

	it('holds the same vocabulary and postings as the Node build', async () => {
		const sql = {
			tokens: 'SELECT token_id, token FROM %s.search_tokens ORDER BY token_id',
			postings: 'SELECT token_id, row_key, count(*) FROM %s.search_postings GROUP BY ALL ORDER BY ALL'
		};
		for (const q of Object.values(sql)) {
			const wasm = blockingRunner(conn).rows(q.replace('%s', 'rasd'));
			const node = await nativeRows(q.replace('%s', 'a'), [], [`ATTACH '${artifact}' AS a (READ_ONLY)`]);
			expect(await wasm).toEqual(node);
			expect(node.length).toBeGreaterThan(100);
		}
	});

	it('the in-memory layout holds the same vocabulary and (token, incident) pairs, some repeated, sorted by token', async () => {
		const run = (q: string) => blockingRunner(conn).rows(q);
		expect(await run('SELECT token_id, token FROM mem.search_tokens ORDER BY token_id')).toEqual(await run('SELECT token_id, token FROM rasd.search_tokens ORDER BY token_id'));
		const pairs = 'SELECT DISTINCT token_id, row_key FROM %s.search_postings ORDER BY ALL';
		expect(await run(pairs.replace('%s', 'mem'))).toEqual(await run(pairs.replace('%s', 'rasd')));
		const [[all, distinct]] = await run('SELECT count(*), count(DISTINCT (token_id, row_key)) FROM mem.search_postings');
		const [[fileAll]] = await run('SELECT count(*) FROM rasd.search_postings');
		expect(Number(all)).toBeGreaterThan(Number(fileAll));
		expect(Number(distinct)).toBeLessThan(Number(all));
		// Stored in token order: a lookup reads the blocks of its tokens only.
		const [[unsorted]] = await run('SELECT count(*) FROM (SELECT token_id < lag(token_id) OVER (ORDER BY rowid) AS back FROM mem.search_postings) WHERE back');
		expect(Number(unsorted)).toBe(0);
	});

	it('answers a search as the Node build does', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const native = await instance.connect();
		await native.run(`ATTACH '${artifact}' AS rasd (READ_ONLY)`);
		try {
			let found = 0;
			for (const q of ['raqqa', 'الرقة', 'gunmen aleppo', 'ar-', 'zzqx']) {
				const b = exportQuery({ ...EMPTY_FILTERS, q });
				const stmt = conn.prepare(b.sql);
				const wasm = stmt.query(...b.params).toArray().map((r) => String(r.incident_id));
				stmt.close();
				const nodeStmt = await native.prepare(b.sql);
				b.params.forEach((v, i) => nodeStmt.bindVarchar(i + 1, String(v)));
				const node = (await nodeStmt.runAndReadAll()).getRowObjectsJS().map((r) => String(r.incident_id));
				expect(wasm, q).toEqual(node);
				found += node.length;
			}
			expect(found).toBeGreaterThan(100);
		} finally {
			native.closeSync();
			instance.closeSync();
		}
	});
});
