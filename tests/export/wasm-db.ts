// Test helper: DuckDB-WASM's Node build (the same wasm the browser runs, offline), blocking API, so that tests get
// the exact Arrow tables the page gets. Node only.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { ArrowTableLike } from '../../src/lib/engine/arrow-result';

const require = createRequire(import.meta.url);

export interface WasmDb {
	/** Runs SQL with bound parameters (a prepared statement) and returns the Arrow table. */
	query(sql: string, params?: unknown[]): ArrowTableLike;
	registerFile(name: string, bytes: Uint8Array): void;
}

export async function openWasmDb(): Promise<WasmDb> {
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const conn = db.connect();
	return {
		query(sql, params = []) {
			const stmt = conn.prepare(sql);
			try {
				return stmt.query(...params) as unknown as ArrowTableLike;
			} finally {
				stmt.close();
			}
		},
		registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		}
	};
}
