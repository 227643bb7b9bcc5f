// The engine's failures as the page words them. Native DuckDB 1.4.4 (the wasm runs 1.4.3; same storage format) produces the file and
// memory errors for real here; the HTTP ones only happen in the browser, so their texts are the ones measured in
// Chromium with DuckDB-WASM 1.32 (tests/e2e/failure-*.test.ts see them end to end).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../src/lib/query/filters';
import { incidentCountQuery } from '../../src/lib/query/sql';
import { EngineError, explainEngineError, type EngineFailure } from '../../src/lib/engine/engine-errors';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { writeTinyArtifact } from '../helpers/tiny-artifact';

let dir: string;
let artifact: Buffer;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rasd-engine-errors-'));
	artifact = readFileSync(await writeTinyArtifact(undefined, dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error native DuckDB throws when the page's count query runs over `bytes` as the artifact. */
async function nativeError(bytes: Buffer | null): Promise<unknown> {
	const path = join(dir, `case-${Math.random().toString(36).slice(2)}.duckdb`);
	if (bytes) writeFileSync(path, bytes);
	try {
		const engine = await NodeEngine.open({ artifact: path });
		try {
			await engine.run(incidentCountQuery(EMPTY_FILTERS));
		} finally {
			engine.close();
		}
	} catch (e) {
		return e;
	}
	throw new Error('expected the query to fail');
}

const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24));

describe('real DuckDB failures get a clear cause', () => {
	it.each<[string, () => Buffer | null, EngineFailure, RegExp]>([
		['a missing file', () => null, 'artifact-missing', /data file data\/rasd\.duckdb was not found/],
		['random bytes', () => noise(artifact.length), 'artifact-corrupt', /damaged or is not the file the build wrote/],
		['a damaged block', () => Buffer.concat([artifact.subarray(0, 12288), noise(artifact.length - 12288)]), 'artifact-corrupt', /damaged/],
		['a file cut to a tenth', () => artifact.subarray(0, Math.floor(artifact.length / 10)), 'artifact-truncated', /incomplete/]
	])('%s', async (_, bytes, kind, said) => {
		const raw = await nativeError(bytes());
		const explained = explainEngineError(raw);
		expect(explained).toBeInstanceOf(EngineError);
		expect(explained.kind).toBe(kind);
		expect(explained.message).toMatch(said);
		// The original message is kept (shortened) for whoever debugs it.
		expect(explained.detail).toBe(String((raw as Error).message).slice(0, explained.detail.length).replace(/…$/, '') + (explained.detail.endsWith('…') ? '…' : ''));
	});

	it('a database without the incidents table: rebuild advice', async () => {
		const empty = join(dir, 'empty.duckdb');
		const instance = await DuckDBInstance.create(empty);
		(await instance.connect()).closeSync();
		instance.closeSync();
		const e = await nativeError(readFileSync(empty));
		expect(explainEngineError(e).kind).toBe('artifact-incompatible');
	});

	it('out of memory: advice to narrow the filters', async () => {
		const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4MB', threads: '1' });
		const conn = await instance.connect();
		const e = await conn.runAndReadAll('SELECT list(range) FROM range(10000000)').catch((x: unknown) => x);
		conn.closeSync();
		instance.closeSync();
		const explained = explainEngineError(e);
		expect(explained.kind).toBe('out-of-memory');
		expect(explained.message).toMatch(/ran out of memory for this query; narrow the filters/);
	});
});

describe('browser failures (messages measured in Chromium)', () => {
	it.each<[string, EngineFailure, RegExp]>([
		[
			'Invalid Error: Error: Range request for http://127.0.0.1:39127/data/rasd.duckdb failed with error: Error: Range request for http://127.0.0.1:39127/data/rasd.duckdb did returned non-success status: 500 "Internal Server Error""',
			'artifact-unreachable',
			/could not be read from the server \(HTTP 500\)/
		],
		[
			"Invalid Error: Error: Range request for http://127.0.0.1:42657/data/rasd.duckdb failed with error: NetworkError: Failed to execute 'send' on 'XMLHttpRequest': Failed to load 'http://127.0.0.1:42657/data/rasd.duckdb'.",
			'artifact-unreachable',
			/network error/
		],
		['IO Error: Cannot open database "rasd.duckdb" in read-only mode: database does not exist', 'artifact-missing', /was not found/],
		['Invalid Error: tried to read past the end', 'artifact-truncated', /incomplete/],
		['the DuckDB wasm file could not be reached (Failed to fetch)', 'wasm', /WebAssembly engine could not be loaded/],
		['the DuckDB wasm file answered HTTP 404', 'wasm', /WebAssembly engine could not be loaded/],
		['the DuckDB worker failed: it could not be loaded', 'worker', /worker could not run/],
		['Binder Error: Referenced column "nope" not found', 'query', /^Binder Error/]
	])('%s', (text, kind, said) => {
		const e = explainEngineError(new Error(text));
		expect(e.kind).toBe(kind);
		expect(e.message).toMatch(said);
		expect(e.message.length).toBeLessThan(400);
	});

	it('a URL that happens to contain "worker" or "wasm" is not mistaken for an engine failure', () => {
		const text = 'Invalid Error: Range request for https://x.org/worker-tools/wasm/data/rasd.duckdb did returned non-success status: 503 ""';
		expect(explainEngineError(new Error(text)).kind).toBe('artifact-unreachable');
	});

	it('an EngineError passes through; a thrown non-Error gets its text', () => {
		const original = new EngineError('artifact-missing', 'x');
		expect(explainEngineError(original)).toBe(original);
		expect(explainEngineError('plain text').message).toBe('plain text');
		expect(explainEngineError(undefined).message).toBe('undefined');
		expect(explainEngineError(new Error('x'.repeat(5000))).message.length).toBeLessThan(300);
	});
});
