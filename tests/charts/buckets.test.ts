// Bucket starts and the filled bucket axis, across year ends, ISO weeks, leap days and several time zones.
import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketSequence, bucketStart } from '../../src/lib/charts/buckets';
import { GRAINS } from '../../src/lib/query/filters';
import { refBucket } from '../query/reference';

describe('bucketStart', () => {
	it.each([
		['2023-01-01', 'week', '2022-12-26'], // a Sunday belongs to the week of the Monday before
		['2023-01-02', 'week', '2023-01-02'],
		['2024-12-31', 'week', '2024-12-30'], // ISO 2025-W01 starts in 2024
		['2021-01-03', 'week', '2020-12-28'], // 2020 has 53 ISO weeks
		['2024-02-29', 'month', '2024-02-01'],
		['2023-03-31', 'quarter', '2023-01-01'],
		['2023-04-01', 'quarter', '2023-04-01'],
		['2023-12-31', 'quarter', '2023-10-01'],
		['2023-07-15', 'year', '2023-01-01'],
		['2024-02-29', 'day', '2024-02-29']
	] as const)('%s at %s grain -> %s', (date, grain, expected) => {
		expect(bucketStart(date, grain)).toBe(expected);
	});

	it('agrees with the UTC reference (and DuckDB, see tests/query) on every day of 2020-2025', () => {
		for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
			const day = new Date(t).toISOString().slice(0, 10);
			for (const grain of GRAINS) expect(bucketStart(day, grain)).toBe(refBucket(day, grain));
		}
	});
});

describe('bucketSequence', () => {
	it('lists every ISO week across a year end, including week 53', () => {
		expect(bucketSequence('2020-12-20', '2021-01-12', 'week')).toEqual([
			'2020-12-14',
			'2020-12-21',
			'2020-12-28',
			'2021-01-04',
			'2021-01-11'
		]);
		expect(bucketSequence('2020-12-28', '2021-01-03', 'week').map((b) => bucketLabel(b, 'week'))).toEqual(['2020-W53']);
		expect(bucketLabel('2024-12-30', 'week')).toBe('2025-W01');
	});
	it('lists months, quarters and years across year ends', () => {
		expect(bucketSequence('2022-11-15', '2023-02-01', 'month')).toEqual(['2022-11-01', '2022-12-01', '2023-01-01', '2023-02-01']);
		expect(bucketSequence('2022-08-15', '2023-04-01', 'quarter')).toEqual(['2022-07-01', '2022-10-01', '2023-01-01', '2023-04-01']);
		expect(bucketSequence('2022-08-15', '2024-01-01', 'year')).toEqual(['2022-01-01', '2023-01-01', '2024-01-01']);
		expect(bucketSequence('2024-02-27', '2024-03-01', 'day')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
	});
	it('is empty when from > to, and refuses absurd ranges instead of hanging', () => {
		expect(bucketSequence('2023-02-01', '2023-01-01', 'day')).toEqual([]);
		expect(() => bucketSequence('1000-01-01', '2023-01-01', 'day')).toThrow(/coarser grain/);
	});
	it('has no gaps or repeats: consecutive buckets are one step apart', () => {
		const days = bucketSequence('2019-12-25', '2025-01-05', 'day');
		expect(days.length).toBe(1839);
		expect(new Set(days).size).toBe(days.length);
		const weeks = bucketSequence('2019-12-25', '2025-01-05', 'week');
		for (let i = 1; i < weeks.length; i++) {
			expect((Date.parse(weeks[i]) - Date.parse(weeks[i - 1])) / 86_400_000).toBe(7);
		}
	});
});

describe('labels', () => {
	it.each([
		['2023-01-05', 'day', '2023-01-05'],
		['2023-01-02', 'week', '2023-W01'],
		['2023-01-01', 'month', 'Jan 2023'],
		['2023-04-01', 'quarter', 'Q2 2023'],
		['2023-01-01', 'year', '2023']
	] as const)('%s %s -> %s', (start, grain, label) => {
		expect(bucketLabel(start, grain)).toBe(label);
	});
});
