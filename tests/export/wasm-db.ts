// Test helper: DuckDB-WASM's Node build (the same wasm the browser runs, offline), blocking API, so that tests get
// the exact Arrow tables the page gets. Node only.
import type { ArrowTableLike } from '../../src/lib/engine/arrow-result';
import { openNodeWasm } from '../helpers/node-wasm';

export interface WasmDb {
	/** Runs SQL with bound parameters (a prepared statement) and returns the Arrow table. */
	query(sql: string, params?: unknown[]): ArrowTableLike;
	registerFile(name: string, bytes: Uint8Array): void;
}

export async function openWasmDb(): Promise<WasmDb> {
	const db = await openNodeWasm();
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
