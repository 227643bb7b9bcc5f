import { describe, expect, it } from 'vitest';
import { formatChange, formatInt, percentChange, placeLabel, provinceLabel, safeHttpUrl } from './format';

describe('format helpers', () => {
	it('formats exact integers and unknowns', () => {
		expect(formatInt(1234567)).toBe('1,234,567');
		expect(formatInt(0)).toBe('0');
		expect(formatInt(null)).toBe('—');
	});
	it('computes the change against the previous period', () => {
		expect(percentChange(150, 100)).toBe(50);
		expect(percentChange(5, 0)).toBe(null);
		expect(formatChange(50)).toBe('+50%');
		expect(formatChange(-3.14)).toBe('−3.1%');
		expect(formatChange(0)).toBe('±0%');
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
	it('labels places and provinces', () => {
		expect(provinceLabel('SY11')).toBe('Ar-Raqqa');
		expect(provinceLabel('Nineveh')).toBe('Nineveh');
		expect(provinceLabel(null)).toBe('(unknown)');
		expect(placeLabel(['Town', 'Ar-Raqqa', 'Ar-Raqqa', null, 'Syria'])).toBe('Town, Ar-Raqqa, Syria');
	});
});
