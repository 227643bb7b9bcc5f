import { describe, expect, it } from 'vitest';
import { CATEGORICAL, OTHER_COLOUR, SEQUENTIAL, seriesColours } from '../../src/lib/charts/palette';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';

describe('palette', () => {
	it('has 16 distinct categorical colours and a light-to-dark sequential scale', () => {
		expect(CATEGORICAL).toHaveLength(16);
		expect(new Set(CATEGORICAL.map((c) => c.toLowerCase())).size).toBe(16);
		for (const c of [...CATEGORICAL, ...SEQUENTIAL]) expect(c).toMatch(/^#[0-9A-F]{6}$/i);
		const luminance = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const l = SEQUENTIAL.map(luminance);
		for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
	});
	it('gives each governorate its own fixed colour and neutral keys grey', () => {
		const all = seriesColours([...SYRIA_PCODES]);
		expect(new Set(all.values()).size).toBe(14);
		const some = seriesColours(['SY14', 'Baghdad', '(unknown)', 'SY02'], ['(unknown)']);
		expect(some.get('SY14')).toBe(all.get('SY14'));
		expect(some.get('SY02')).toBe(all.get('SY02'));
		expect(some.get('(unknown)')).toBe(OTHER_COLOUR);
		expect([all.get('SY14'), all.get('SY02')]).not.toContain(some.get('Baghdad'));
	});
});
