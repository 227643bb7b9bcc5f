// Test helper: DuckDB-WASM's Node build (the same wasm the browser runs, offline), blocking API, instantiated and
// optionally with an artifact attached the way the page attaches it (a registered file, READ_ONLY). Node only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { ARTIFACT_ALIAS } from '../../src/lib/data/artifact';

const require = createRequire(import.meta.url);

export type NodeWasmDb = Awaited<ReturnType<typeof duckdb.createDuckDB>>;
export type NodeWasmConnection = ReturnType<NodeWasmDb['connect']>;

export async function openNodeWasm(): Promise<NodeWasmDb> {
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
	return db;
}

/** A connection with the artifact file attached read-only as `rasd`, as in the browser. */
export async function connectToArtifact(artifact: string): Promise<NodeWasmConnection> {
	const db = await openNodeWasm();
	db.registerFileBuffer('rasd.duckdb', new Uint8Array(readFileSync(artifact)));
	const conn = db.connect();
	conn.query(`ATTACH 'rasd.duckdb' AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
	return conn;
}
