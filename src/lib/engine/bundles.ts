// Self-hosted DuckDB-WASM bundles (no CDN): Vite copies these files into the build and hands back their URLs.
// Only mvp and eh are shipped; the threaded coi bundle needs COOP/COEP headers and starts 1.5 s slower.
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
// no-inline: a data: URL worker would need worker-src data: in the CSP (and would not be same-origin).
import workerGuard from './duckdb-worker-guard.js?url&no-inline';

export const DUCKDB_BUNDLES = {
	mvp: { mainModule: mvpModule, mainWorker: mvpWorker },
	eh: { mainModule: ehModule, mainWorker: ehWorker }
};

/** The small worker script that runs DuckDB's worker and reports its unhandled failures (duckdb-worker-guard.js). */
export const WORKER_GUARD = workerGuard;
