// Runs DuckDB-WASM's worker script inside a worker that reports its failures. DuckDB's browser worker compiles the
// wasm in a promise nobody handles: when the file is not valid wasm (a server answering with an HTML page, a cut
// download) the rejection stays inside the worker and the page waits forever (measured with 1.32). Rethrown
// outside the promise, it becomes an `error` event on the page's Worker, which wasm-engine.ts turns into a clear
// start-up failure (or, after start-up, stops the engine so every pending query is rejected).
// The DuckDB worker's URL comes in the query string (?worker=...) and must be on this worker's own origin.
self.addEventListener('unhandledrejection', (event) => {
	event.preventDefault(); // reported once, below, as the worker's error (not also as an unhandled rejection)
	const reason = event.reason;
	setTimeout(() => {
		throw reason instanceof Error ? reason : new Error(String(reason));
	});
});

const target = new URL(new URL(self.location.href).searchParams.get('worker') || '', self.location.href);
if (target.origin !== self.location.origin) throw new Error('the DuckDB worker must be served from this origin');
importScripts(target.href);
