// What went wrong with the engine, in words an analyst can act on. DuckDB and the browser report failures in their
// own terms ("Invalid Error: tried to read past the end", "database does not exist" for a file that answered 404);
// the page shows this module's sentence, with the original message kept, shortened, for whoever debugs it.
// The patterns are the messages measured in Chromium with DuckDB-WASM 1.32 and in native DuckDB 1.4.3 (now 1.4.4)
// (tests/engine/engine-errors.test.ts produces the native ones for real).

export type EngineFailure =
	| 'artifact-missing'
	| 'artifact-unreachable'
	| 'artifact-corrupt'
	| 'artifact-truncated'
	| 'artifact-incompatible'
	| 'out-of-memory'
	| 'wasm'
	| 'worker'
	| 'stopped'
	| 'query';

export class EngineError extends Error {
	constructor(
		readonly kind: EngineFailure,
		message: string,
		/** The original message, shortened (empty when the sentence says it all). */
		readonly detail = ''
	) {
		super(detail ? `${message} (${detail})` : message);
		this.name = 'EngineError';
	}
}

const MAX_DETAIL = 240;
const shorten = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s);

/** The text of any thrown value. */
export function errorText(e: unknown): string {
	if (e instanceof Error) return e.message || e.name;
	return typeof e === 'string' ? e : String(e);
}

interface Rule {
	test: RegExp;
	kind: EngineFailure;
	say: (m: RegExpExecArray, artifact: string) => string;
}

// First match wins: memory, then the engine's own parts, then the data file's causes from specific to generic.
const RULES: readonly Rule[] = [
	{
		test: /out of memory|\bOOM\b|could not allocate|failed to allocate|Cannot enlarge memory|Array buffer allocation failed|Maximum call stack/i,
		kind: 'out-of-memory',
		say: () => 'the browser ran out of memory for this query; narrow the filters (a shorter date range, fewer values) and try again'
	},
	// Before the network rules: a wasm file that cannot be fetched is an engine problem, not a data problem. The
	// patterns name our own start-up messages, not any URL (a deployment path may well contain "worker").
	{
		test: /DuckDB wasm file|WebAssembly|CompileError|LinkError/,
		kind: 'wasm',
		say: () => 'the DuckDB WebAssembly engine could not be loaded'
	},
	{
		test: /DuckDB worker|DuckDB bundle without a worker/,
		kind: 'worker',
		say: () => 'the DuckDB worker could not run'
	},
	{
		test: /non-success status: (\d{3})|HTTP (\d{3})/,
		kind: 'artifact-unreachable',
		say: (m, a) => (m[1] ?? m[2]) === '404' ? `the data file ${a} was not found on the server (HTTP 404)` : `the data file ${a} could not be read from the server (HTTP ${m[1] ?? m[2]})`
	},
	{
		test: /NetworkError|Failed to load|Failed to fetch|network error/i,
		kind: 'artifact-unreachable',
		say: (_, a) => `the data file ${a} could not be read from the server (network error)`
	},
	{
		test: /database does not exist/,
		kind: 'artifact-missing',
		say: (_, a) => `the data file ${a} was not found on the server`
	},
	{
		test: /not a valid DuckDB database file|Corrupt database file|checksum/i,
		kind: 'artifact-corrupt',
		say: (_, a) => `the data file ${a} is damaged or is not the file the build wrote; rebuild it with npm run data:build`
	},
	{
		test: /read past the end|Could not read enough bytes|unexpected end|truncated/i,
		kind: 'artifact-truncated',
		say: (_, a) => `the data file ${a} is incomplete (cut short on the server or in transfer); rebuild or re-upload it`
	},
	{
		test: /version number|can only read versions|Catalog Error|schema_version/i,
		kind: 'artifact-incompatible',
		say: (_, a) => `the data file ${a} does not match this version of Rasd; rebuild it with npm run data:build`
	}
];

/**
 * An EngineError for any failure of starting the engine or running a query. An EngineError passes through as it
 * is; anything else is matched against the known causes, and an unknown one keeps its own message (kind 'query').
 * @param artifact the artifact's path as the deployer knows it (data/rasd.duckdb), for the message.
 */
export function explainEngineError(e: unknown, artifact = 'data/rasd.duckdb'): EngineError {
	if (e instanceof EngineError) return e;
	const text = errorText(e).trim() || 'unknown error';
	for (const rule of RULES) {
		const m = rule.test.exec(text);
		if (m) return new EngineError(rule.kind, rule.say(m, artifact), shorten(text));
	}
	return new EngineError('query', shorten(text));
}
