import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_CACHE_PREFIX, artifactVersion, cacheKey, cacheName, parseRange, staleCaches, totalSize } from './artifact-cache-keys';
import { readModeFor } from './artifact-source';

const headers = (h: Record<string, string>) => new Headers(h);

describe('artifact versions', () => {
	it('a version names the validator and the total size, from a HEAD or from a range response alike', () => {
		const head = artifactVersion(headers({ etag: '"abc"', 'content-length': '1234' }));
		const range = artifactVersion(headers({ etag: '"abc"', 'content-range': 'bytes 0-99/1234', 'content-length': '100' }));
		expect(head).toBe('1234:"abc"');
		expect(range).toBe(head);
	});

	it('a different ETag, Last-Modified or size is a different version', () => {
		const etag = fc.stringMatching(/^"[\w-]{1,20}"$/);
		fc.assert(
			fc.property(etag, etag, fc.nat(), fc.nat(), (a, b, n, m) => {
				const va = artifactVersion(headers({ etag: a, 'content-length': String(n) }));
				const vb = artifactVersion(headers({ etag: b, 'content-range': `bytes 0-0/${m}` }));
				expect(va === vb).toBe(a === b && n === m);
			})
		);
		expect(artifactVersion(headers({ 'last-modified': 'Sun, 06 Dec 2026 06:00:00 GMT', 'content-length': '5' }))).not.toBe(
			artifactVersion(headers({ 'last-modified': 'Sun, 06 Dec 2026 06:00:01 GMT', 'content-length': '5' }))
		);
	});

	it('without a validator or a size there is no version (nothing is cached)', () => {
		expect(artifactVersion(headers({ 'content-length': '1234' }))).toBeNull();
		expect(artifactVersion(headers({ etag: '"abc"' }))).toBeNull();
		expect(artifactVersion(headers({ etag: '"abc"', 'content-range': 'bytes */*' }))).toBeNull();
	});

	it('reads the total size from Content-Range before Content-Length', () => {
		expect(totalSize(headers({ 'content-range': 'bytes 5-9/100', 'content-length': '5' }))).toBe(100);
		expect(totalSize(headers({ 'content-length': '42' }))).toBe(42);
		expect(totalSize(headers({}))).toBeNull();
	});
});

describe('ranges and cache keys', () => {
	it('parses exactly the closed ranges DuckDB-WASM sends, and round-trips them into distinct keys', () => {
		fc.assert(
			fc.property(fc.nat(2 ** 40), fc.nat(2 ** 30), fc.nat(2 ** 40), fc.nat(2 ** 30), (s1, l1, s2, l2) => {
				const r1 = parseRange(`bytes=${s1}-${s1 + l1}`);
				const r2 = parseRange(`bytes=${s2}-${s2 + l2}`);
				expect(r1).toEqual({ start: s1, end: s1 + l1 });
				const url = 'https://example.org/app/data/rasd.duckdb';
				expect(cacheKey(url, r1!) === cacheKey(url, r2!)).toBe(s1 === s2 && l1 === l2);
				expect(cacheKey(url, r1!)).not.toBe(cacheKey(url, 'whole'));
			})
		);
		for (const h of [null, 'bytes=5-', 'bytes=-5', 'bytes=9-5', 'bytes=0-1,3-4', 'items=0-1']) expect(parseRange(h)).toBeNull();
	});

	it('every cache but the current version is stale; foreign caches are left alone', () => {
		const names = [cacheName('1:"a"'), cacheName('2:"b"'), 'other-app', `${ARTIFACT_CACHE_PREFIX}old`];
		expect(staleCaches(names, '1:"a"')).toEqual([cacheName('2:"b"'), `${ARTIFACT_CACHE_PREFIX}old`]);
	});
});

describe('read mode', () => {
	it('reads a known small artifact whole and anything else by ranges', () => {
		expect(readModeFor(10e6, 64e6)).toBe('whole');
		expect(readModeFor(64e6, 64e6)).toBe('whole');
		expect(readModeFor(64e6 + 1, 64e6)).toBe('ranges');
		expect(readModeFor(null, 64e6)).toBe('ranges');
		expect(readModeFor(0, 64e6)).toBe('ranges');
	});
});
