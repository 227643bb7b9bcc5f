import { describe, expect, it } from 'vitest';
import { geometricMean, max, median, percentile, round, sum } from '../../bench/lib/stats';

describe('bench stats', () => {
	it('nearest-rank percentiles return measured values', () => {
		const v = [5, 1, 4, 2, 3];
		expect(percentile(v, 50)).toBe(3);
		expect(percentile(v, 95)).toBe(5);
		expect(percentile(v, 0)).toBe(1);
		expect(percentile(v, 100)).toBe(5);
		// 20 values: p95 is the 19th smallest, not an interpolation between the 19th and 20th.
		const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(twenty, 95)).toBe(19);
		expect(median([10, 30, 20, 40])).toBe(20);
		expect(Number.isNaN(percentile([], 50))).toBe(true);
		expect(() => percentile([1], 101)).toThrow();
	});

	it('sum, max, geometric mean and rounding', () => {
		expect(sum([1, 2, 3.5])).toBe(6.5);
		expect(max([3, 9, 2])).toBe(9);
		expect(geometricMean([1, 4])).toBeCloseTo(2, 12);
		expect(Number.isNaN(geometricMean([1, 0]))).toBe(true);
		expect(round(12.345)).toBe(12.3);
		expect(round(1234.5)).toBe(1235);
	});
});
