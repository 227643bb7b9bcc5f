// The browser's QueryEngine: DuckDB-WASM in a Web Worker over the static artifact, started once and shared.
// Browser only, and loaded with a dynamic import: a top-level import of duckdb-wasm resolves to its Node build
// during prerendering and breaks the build.
import type { QueryEngine } from '../query/engine';
import { ARTIFACT_ALIAS } from '../data/artifact';
import { PreparedEngine } from './prepared-engine';

/** Name the artifact is registered under in DuckDB's virtual file system (a constant, never user text). */
const ARTIFACT_FILE = 'rasd.duckdb';

let shared: Promise<QueryEngine> | null = null;

/**
 * Starts the engine on first call; later calls get the same promise (idempotent, so every view can ask).
 * A failed start is forgotten so that a later call (a "retry" button) can try again.
 * @param artifactUrl absolute URL of the artifact on the page's own origin.
 */
export function startWasmEngine(artifactUrl: string): Promise<QueryEngine> {
	if (!shared) {
		shared = start(artifactUrl);
		shared.catch(() => (shared = null));
	}
	return shared;
}

async function start(artifactUrl: string): Promise<QueryEngine> {
	const [duckdb, { DUCKDB_BUNDLES }] = await Promise.all([import('@duckdb/duckdb-wasm'), import('./bundles')]);
	// Feature check: the eh bundle where wasm exceptions are supported, else mvp.
	const bundle = await duckdb.selectBundle(DUCKDB_BUNDLES);
	if (!bundle.mainWorker) throw new Error('DuckDB bundle without a worker');
	// DuckDB-WASM never settles instantiate() when the worker cannot fetch the wasm (measured: a failed request
	// leaves the page "starting" forever), so an unreachable bundle is detected up front with a HEAD request, and a
	// worker that fails to load rejects through its error event. No timeout: slow networks just take longer.
	const probe = await fetch(bundle.mainModule, { method: 'HEAD' }).catch((e: unknown) => {
		throw new Error(`the DuckDB wasm file could not be reached (${e instanceof Error ? e.message : String(e)})`);
	});
	if (!probe.ok) throw new Error(`the DuckDB wasm file answered HTTP ${probe.status}`);
	const worker = new Worker(bundle.mainWorker);
	const workerFailed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new Error(`the DuckDB worker failed: ${e.message || 'it could not be loaded'}`)), {
			once: true
		})
	);
	workerFailed.catch(() => undefined);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), workerFailed]);
		// Range requests only: without these options registerFileURL downloads the whole file up front.
		// forceFullHTTPReads must be given as false explicitly: in 1.32, allowFullHTTPReads: false with
		// forceFullHTTPReads unset makes every open fail without a request ("database does not exist"), measured
		// in Chromium; with it the artifact opens with one HEAD and a few ranged GETs.
		await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false } });
		await db.registerFileURL(ARTIFACT_FILE, artifactUrl, duckdb.DuckDBDataProtocol.HTTP, false);
		const conn = await db.connect();
		await conn.query(`ATTACH '${ARTIFACT_FILE}' AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
		return new PreparedEngine(conn);
	} catch (error) {
		await db.terminate().catch(() => undefined);
		throw error;
	}
}
