// The browser's QueryEngine: DuckDB-WASM in a Web Worker over the static artifact, started once and shared.
// Browser only: the page loads this module with a dynamic import (a top-level import of duckdb-wasm in the page
// resolves to its Node build during prerendering and breaks the build). Here the imports are static, so the
// page's one dynamic import fetches this module, duckdb-wasm and the bundle URLs together rather than in turn.
import * as duckdb from '@duckdb/duckdb-wasm';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { ARTIFACT_ALIAS, ARTIFACT_PATH } from '../data/artifact';
import { explainEngineError } from './engine-errors';
import { DUCKDB_BUNDLES, WORKER_GUARD } from './bundles';
import { GuardedEngine } from './guarded-engine';
import { CachingEngine, type CachedLookup } from './result-cache';
import { PreparedEngine } from './prepared-engine';
import { ReattachingEngine } from './reattach';
import { DataSwitcher, type LocalData } from './local-data';
import type { ArrowTableLike } from './arrow-result';
import { memoryLimitSql } from './memory-limit';
import { prefetchArtifact, probeArtifact, registerArtifact, serviceWorkerControl, type ArtifactInfo } from './artifact-source';
import type { DataChoice } from '../data/display';

/** The page's engine: queries (answered from a result cache when asked before), plus the choice of the data they
 *  read (local-data.ts), which empties that cache. */
export class PageEngine extends GuardedEngine implements CachedLookup {
	private readonly results: CachingEngine;

	constructor(
		inner: QueryEngine,
		private readonly switcher: DataSwitcher
	) {
		const results = new CachingEngine(inner);
		super(results, ARTIFACT_PATH);
		this.results = results;
	}

	/** A search waits while the local dataset's search index is still to be built (search-gate.ts). */
	override run(query: BoundQuery): Promise<QueryResult> {
		const gate = this.switcher.searchIndex.waitFor(query.sql);
		return gate ? gate.then(() => super.run(query)) : super.run(query);
	}

	override runArrow(query: BoundQuery): Promise<ArrowTableLike | null> {
		const gate = this.switcher.searchIndex.waitFor(query.sql);
		return gate ? gate.then(() => super.runArrow(query)) : super.runArrow(query);
	}

	/** Builds the local dataset's search index if it was left for later; resolves once searches can run. */
	completeSearchIndex(): Promise<void> {
		return this.switcher.searchIndex.buildNow();
	}

	cached(query: BoundQuery): QueryResult | undefined {
		return this.isStopped ? undefined : this.results.cached(query);
	}

	/** Forgets every kept answer (the data read may have changed under the same statements). */
	forgetResults(): void {
		this.results.clear();
	}

	/** Makes `rasd` the published artifact, the local dataset, or both; resolves once the data is ready. */
	async setData(choice: DataChoice, local: LocalData | null): Promise<void> {
		// Emptied before (no answer of the old data is read meanwhile) and after (none asked meanwhile is kept).
		this.forgetResults();
		try {
			await this.switcher.set(choice, local);
		} finally {
			this.forgetResults();
		}
	}
}

/** Name the artifact is registered under in DuckDB's virtual file system (a constant, never user text). */
const ARTIFACT_FILE = 'rasd.duckdb';

let shared: Promise<PageEngine> | null = null;

/**
 * Starts the engine on first call; later calls get the same promise (idempotent, so every view can ask).
 * A failed start is forgotten so that a later call (a "retry" button) can try again.
 * @param artifactUrl absolute URL of the artifact on the page's own origin.
 */
export function startWasmEngine(artifactUrl: string): Promise<PageEngine> {
	if (!shared) {
		const started = start(artifactUrl, () => {
			// The engine stopped mid-session (its worker failed): the next start builds a new one.
			if (shared === started) shared = null;
		}).catch((e: unknown) => {
			throw explainEngineError(e, ARTIFACT_PATH);
		});
		shared = started;
		started.catch(() => {
			if (shared === started) shared = null;
		});
	}
	return shared;
}

/** For a race: rejects when the check fails, never settles when it passes (and is never an unhandled rejection). */
function failureOf(check: Promise<void>): Promise<never> {
	const failure = check.then(() => new Promise<never>(() => undefined));
	failure.catch(() => undefined);
	return failure;
}

async function start(artifactUrl: string, onStop: () => void): Promise<PageEngine> {
	// The artifact's HEAD probe runs while the worker and the wasm start: a failure ends the start at once, and the
	// artifact is attached only once the probe has passed.
	const artifactChecked = probeArtifact(artifactUrl);
	const artifactMissing = failureOf(artifactChecked.then(() => undefined));
	// DuckDB's worker is controlled by the service worker that keeps its range reads only if the page already was.
	const controlled = serviceWorkerControl(artifactUrl);
	// Feature check: the eh bundle where wasm exceptions are supported, else mvp.
	const bundle = await duckdb.selectBundle(DUCKDB_BUNDLES);
	if (!bundle.mainWorker) throw new Error('DuckDB bundle without a worker');
	// DuckDB-WASM never settles instantiate() when the worker cannot fetch the wasm (measured: a failed request
	// leaves the page "starting" forever), so an unreachable bundle is detected with a HEAD request, run alongside
	// the instantiation rather than before it (it used to delay the worker by a round trip), and a worker that fails
	// to load rejects through its error event. No timeout: slow networks just take longer.
	const wasmUnreachable = failureOf(
		fetch(bundle.mainModule, { method: 'HEAD' }).then(
			(probe) => {
				if (!probe.ok) throw new Error(`the DuckDB wasm file answered HTTP ${probe.status}`);
			},
			(e: unknown) => {
				throw new Error(`the DuckDB wasm file could not be reached (${e instanceof Error ? e.message : String(e)})`);
			}
		)
	);
	await controlled;
	// DuckDB's worker runs inside the guard (duckdb-worker-guard.js), which turns its unhandled rejections into
	// error events: without it a wasm file that fails to compile leaves the start pending forever.
	const worker = new Worker(`${WORKER_GUARD}?worker=${encodeURIComponent(new URL(bundle.mainWorker, location.href).href)}`);
	const workerFailed = new Promise<never>((_, reject) =>
		worker.addEventListener(
			'error',
			(e) => {
				e.preventDefault(); // handled here: reported in the page, not as an uncaught exception
				reject(new Error(`the DuckDB worker failed: ${e.message || 'it could not be loaded'}`));
			},
			{ once: true }
		)
	);
	workerFailed.catch(() => undefined);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		const instantiating = db.instantiate(bundle.mainModule, bundle.pthreadWorker);
		instantiating.catch(() => undefined); // the race below reports the first failure; the loser must not go unhandled
		// A small artifact is downloaded whole once the wasm is instantiated, not beside it: measured at 200k (28 MB),
		// the download and its cache copy beside the instantiation slowed it from 1.0 to 2.0 s on 2 cores.
		const prefetched = instantiating.then(() => artifactChecked).then((info) => prefetchArtifact(artifactUrl, info));
		prefetched.catch(() => undefined); // a failed probe or instantiation is reported by the race below
		await Promise.race([instantiating, workerFailed, wasmUnreachable, artifactMissing]);
		// Range requests only: without these options registerFileURL downloads the whole file up front.
		// forceFullHTTPReads must be given as false explicitly: in 1.32, allowFullHTTPReads: false with
		// forceFullHTTPReads unset makes every open fail without a request ("database does not exist"), measured
		// in Chromium; with it the artifact opens with one HEAD and a few ranged GETs.
		await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false } });
		let info: ArtifactInfo = await artifactChecked;
		await registerArtifact(db, ARTIFACT_FILE, artifactUrl, prefetched);
		const conn = await db.connect();
		const limit = memoryLimitSql();
		if (limit) await conn.query(limit);
		const attachAs = (alias: string) => conn.query(`ATTACH '${ARTIFACT_FILE}' AS ${alias} (READ_ONLY)`);
		await attachAs(ARTIFACT_ALIAS);
		const prepared = new PreparedEngine(conn);
		const switcher = new DataSwitcher(
			db,
			conn,
			async (alias) => {
				// The file's pages are cached below DuckDB too: register the URL afresh so nothing read before is kept.
				await db.dropFile(ARTIFACT_FILE);
				await registerArtifact(db, ARTIFACT_FILE, artifactUrl, prefetchArtifact(artifactUrl, info));
				await attachAs(alias);
			},
			() => prepared.close()
		);
		let engine: PageEngine | null = null;
		const reattaching = new ReattachingEngine(prepared, async () => {
			if (!switcher.showsArtifact) return;
			// The file may have been rebuilt: its size and version again, so no older copy is used. Asked first: while
			// the server still fails, nothing is detached and the next query tries again.
			const fresh = await probeArtifact(artifactUrl);
			// A reattached file may be a rebuilt artifact: no answer of the old one may be served from the cache.
			engine?.forgetResults();
			await prepared.close();
			// IF EXISTS: a repair cut short after its detach (the download failing) must not block the next one.
			await conn.query(`DETACH DATABASE IF EXISTS ${ARTIFACT_ALIAS}`);
			await db.dropFile(ARTIFACT_FILE);
			info = fresh;
			await registerArtifact(db, ARTIFACT_FILE, artifactUrl, prefetchArtifact(artifactUrl, info));
			await attachAs(ARTIFACT_ALIAS);
			engine?.forgetResults();
		});
		const page = new PageEngine(reattaching, switcher);
		engine = page;
		// After start-up, a worker error means the engine is gone: fail every pending and later query (AsyncDuckDB
		// would leave them unanswered), free the worker, and let the page offer a restart.
		worker.addEventListener('error', (e) => {
			e.preventDefault();
			page.stop(new Error(`the DuckDB worker failed: ${e.message || 'unknown error'}`));
		});
		void page.stopped.then(() => {
			onStop();
			void db.terminate().catch(() => undefined);
		});
		return page;
	} catch (error) {
		await db.terminate().catch(() => undefined);
		throw error;
	}
}
