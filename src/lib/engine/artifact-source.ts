// How the browser reads the artifact: by range requests (DuckDB-WASM reads the pages a query needs) or, for a small
// artifact, in one download kept in memory; and what is kept across visits so the next one reads nothing over HTTP
// that this one read (range reads: service-worker.ts; the whole file: the Cache API, here). Both are keyed by the
// artifact's version as the server reports it (artifact-cache-keys.ts), so a rebuilt artifact is never answered
// from an old copy; a cache that fails (quota, private mode) just means reading over the network.
import * as duckdb from '@duckdb/duckdb-wasm';
import { ARTIFACT_PATH } from '../data/artifact';
import { EngineError } from './engine-errors';
import { declaredSize } from './artifact-header';
import { artifactVersion, cacheKey, cacheName, staleCaches, totalSize } from './artifact-cache-keys';

/**
 * Artifacts up to this size are read in one download (measured, see docs/reading.md: on the
 * bench's local server the whole 38 MB file at 200k rows costs less than the startup's range reads, 180 MB at 1M
 * does not, and in memory the file counts against the browser's memory goal).
 */
export const WHOLE_READ_MAX_BYTES = Number(import.meta.env?.VITE_RASD_WHOLE_READ_MAX_MB ?? 64) * 1e6;

export type ReadMode = 'whole' | 'ranges';

/** Whole for a known small size, ranges otherwise (an unknown size could be anything). */
export function readModeFor(bytes: number | null, maxWhole = WHOLE_READ_MAX_BYTES): ReadMode {
	return bytes !== null && bytes > 0 && bytes <= maxWhole ? 'whole' : 'ranges';
}

export interface ArtifactInfo {
	/** Total bytes, from the HEAD's Content-Length (null when the server did not say). */
	bytes: number | null;
	/** The server's version of the file (null: no validator, so nothing is cached). */
	version: string | null;
}

/**
 * HEAD of the artifact: its size and version, and a clear failure for a data file that is not there, before DuckDB
 * reports it as "database does not exist". Anything but a definite HTTP error (an opaque network failure, a server
 * without HEAD) is left to DuckDB.
 */
export async function probeArtifact(artifactUrl: string): Promise<ArtifactInfo> {
	const response = await fetch(artifactUrl, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
	if (!response) return { bytes: null, version: null };
	if (response.ok) return { bytes: totalSize(response.headers), version: artifactVersion(response.headers) };
	if (response.status === 404) throw new EngineError('artifact-missing', `the data file ${ARTIFACT_PATH} was not found on the server (HTTP 404)`);
	throw new EngineError('artifact-unreachable', `the data file ${ARTIFACT_PATH} could not be read from the server (HTTP ${response.status})`);
}

/**
 * Registers the service worker that keeps range reads (service-worker.ts) and resolves once it controls the page,
 * or at once where there is none (no support, a failed registration), or after `waitMs`: DuckDB's worker must be
 * created after, because a worker is controlled only if its page was when it started.
 */
export function serviceWorkerControl(artifactUrl: string, waitMs = 1500): Promise<void> {
	const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
	if (!container || container.controller) return Promise.resolve();
	const root = artifactUrl.slice(0, artifactUrl.length - ARTIFACT_PATH.length);
	return new Promise<void>((done) => {
		const timer = setTimeout(done, waitMs);
		const finish = () => {
			clearTimeout(timer);
			done();
		};
		container.addEventListener('controllerchange', finish, { once: true });
		container.register(`${root}service-worker.js`, { type: import.meta.env?.DEV ? 'module' : 'classic' }).catch(finish);
	});
}

/**
 * The artifact's bytes when it is read whole (null: read by ranges). Started as soon as the HEAD has answered, so
 * the download runs while the wasm engine instantiates rather than after it.
 */
export function prefetchArtifact(artifactUrl: string, info: ArtifactInfo): Promise<Uint8Array | null> {
	return readModeFor(info.bytes) === 'whole' ? readWhole(artifactUrl, info.version) : Promise.resolve(null);
}

/** Registers the artifact with DuckDB under `name`: the bytes already read whole, or its URL for range reads. */
export async function registerArtifact(
	db: duckdb.AsyncDuckDB,
	name: string,
	artifactUrl: string,
	whole: Promise<Uint8Array | null>
): Promise<void> {
	const bytes = await whole;
	if (bytes) {
		// Read whole, a file cut short would be reported as damaged (DuckDB sees zeros past its end): say what it is.
		const declared = declaredSize(bytes);
		if (declared !== null && bytes.length < declared) {
			throw new EngineError('artifact-truncated', `the data file ${ARTIFACT_PATH} is incomplete (cut short on the server or in transfer); rebuild or re-upload it`);
		}
		return db.registerFileBuffer(name, bytes);
	} // the buffer moves to the worker: read it again to re-register
	await db.registerFileURL(name, artifactUrl, duckdb.DuckDBDataProtocol.HTTP, false);
}

/** The whole file, from the Cache API when this version is there, else downloaded (and kept); null on a failure. */
async function readWhole(artifactUrl: string, version: string | null): Promise<Uint8Array | null> {
	const cache = version ? await openCache(version) : null;
	const key = cacheKey(artifactUrl, 'whole');
	const hit = await cache?.match(key).catch(() => undefined);
	if (hit) {
		const body = await hit.arrayBuffer().catch(() => null);
		if (body && body.byteLength === Number(version!.split(':')[0])) return new Uint8Array(body);
	}
	const response = await fetch(artifactUrl, { cache: 'no-store' }).catch(() => null);
	// A failure is left to the range reads, which report it as every other read failure.
	if (!response || response.status !== 200) return null;
	const served = artifactVersion(response.headers);
	// Kept only under the version the download itself carries: a file changed since the HEAD is not mislabelled.
	if (served) {
		const target = served === version ? cache : await openCache(served);
		if (target) void target.put(key, response.clone()).catch(() => undefined);
		void pruneCaches(served);
	}
	const body = await response.arrayBuffer().catch(() => null);
	return body ? new Uint8Array(body) : null;
}

async function openCache(version: string): Promise<Cache | null> {
	if (typeof caches === 'undefined') return null;
	return caches.open(cacheName(version)).catch(() => null);
}

async function pruneCaches(keep: string): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys().catch(() => []);
	await Promise.all(staleCaches(names, keep).map((n) => caches.delete(n).catch(() => false)));
}
