// The pure SHA-256 the page's import worker uses for generated ids gives Node's digests.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/import/sha256';

describe('sha256Hex', () => {
	it('matches node:crypto on edge lengths and non-ASCII text', () => {
		const samples = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'دمشق\u001fevent_date=2023-01-02', '😀'.repeat(40)];
		for (const s of samples) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
	});
});
