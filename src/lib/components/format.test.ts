import { describe, expect, it } from 'vitest';
import { percentChange, placeLabel, safeHttpUrl } from './format';

describe('format helpers', () => {
	it('computes the change against the previous period', () => {
		expect(percentChange(150, 100)).toBe(50);
		expect(percentChange(5, 0)).toBe(null);
	});
	it('links only absolute http(s) URLs', () => {
		expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
		expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
		expect(safeHttpUrl('javascript:alert(1)')).toBe(null);
		expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBe(null);
		expect(safeHttpUrl('data:text/html,<b>x</b>')).toBe(null);
		expect(safeHttpUrl('/relative/path')).toBe(null);
		expect(safeHttpUrl('')).toBe(null);
		expect(safeHttpUrl(42)).toBe(null);
	});
	it('labels places', () => {
		expect(placeLabel(['Town', 'Ar-Raqqa', 'Ar-Raqqa', null, 'Syria'])).toBe('Town, Ar-Raqqa, Syria');
	});
});
