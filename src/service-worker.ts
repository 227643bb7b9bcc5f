/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Keeps the artifact's range reads across visits: DuckDB-WASM's worker reads data/rasd.duckdb with synchronous
// range requests, which the page's service worker sees (measured in Chromium 156), so a range read once is answered
// from the Cache API on the next visit instead of over HTTP. Only the artifact is touched; every other request goes
// to the network untouched. Entries are keyed by the artifact's version (ETag or Last-Modified, and size) as the
// server reports it: a rebuilt artifact gets a new version at its first HEAD and every older cache is deleted. Any
// cache failure (quota, private mode) falls back to the network.
import { ARTIFACT_PATH } from '$lib/data/artifact';
import { artifactVersion, cacheKey, cacheName, parseRange, staleCaches, type ByteRange } from '$lib/engine/artifact-cache-keys';

declare const self: ServiceWorkerGlobalScope;

const ARTIFACT_URL = new URL(ARTIFACT_PATH, self.registration.scope).href;

/** The version the server reported last (DuckDB's HEAD at every attach, the page's probe, any read's response). */
let current: string | null = null;

self.addEventListener('install', () => void self.skipWaiting());
// Claim the open page at once: its DuckDB worker is created only once the page is controlled (artifact-source.ts),
// so the first visit's reads are kept too.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.url !== ARTIFACT_URL) return;
	if (request.method === 'HEAD') return event.respondWith(learn(event, fetch(request)));
	const range = request.method === 'GET' ? parseRange(request.headers.get('range')) : null;
	if (range) event.respondWith(rangeRead(event, request, range));
});

/** Notes the version a network response carries; a new one makes every other version's cache stale. */
async function learn(event: FetchEvent, pending: Promise<Response>): Promise<Response> {
	const response = await pending;
	const version = response.ok ? artifactVersion(response.headers) : null;
	if (version && version !== current) {
		current = version;
		event.waitUntil(
			caches
				.keys()
				.then((names) => Promise.all(staleCaches(names, version).map((n) => caches.delete(n))))
				.catch(() => undefined)
		);
	}
	return response;
}

async function rangeRead(event: FetchEvent, request: Request, range: ByteRange): Promise<Response> {
	const version = current;
	if (version) {
		const hit = await caches
			.open(cacheName(version))
			.then((c) => c.match(cacheKey(ARTIFACT_URL, range)))
			.catch(() => undefined);
		if (hit) return partial(hit);
	}
	const response = await learn(event, fetch(request));
	const served = response.status === 206 ? artifactVersion(response.headers) : null;
	// Only what the server sent for the version it reports now, and only the exact range asked for.
	if (served && served === current && response.headers.get('content-range')?.startsWith(`bytes ${range.start}-${range.end}/`)) {
		const copy = response.clone();
		event.waitUntil(store(served, range, copy).catch(() => undefined));
	}
	return response;
}

/** The Cache API refuses 206 responses: kept as a 200 with the range's headers, answered as the 206 it was. */
async function store(version: string, range: ByteRange, response: Response): Promise<void> {
	// Streamed into the cache, not read into this worker's heap first.
	const body = response.body;
	const headers = new Headers();
	for (const name of ['content-range', 'content-type', 'etag', 'last-modified']) {
		const value = response.headers.get(name);
		if (value !== null) headers.set(name, value);
	}
	const cache = await caches.open(cacheName(version));
	await cache.put(cacheKey(ARTIFACT_URL, range), new Response(body, { status: 200, headers }));
}

function partial(stored: Response): Response {
	const headers = new Headers(stored.headers);
	headers.set('accept-ranges', 'bytes');
	return new Response(stored.body, { status: 206, statusText: 'Partial Content', headers });
}
