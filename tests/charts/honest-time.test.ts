// Honest time series (issue 12, section 3 and the band of section 2), the pure parts: bucket ends and counts, the
// coarser grain when a range needs too many buckets, week labels, the baseline band and rolling average, partial
// buckets, and the timeline option with an imprecise series, partial buckets, the band and the top-7 stack.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_RULE, baselineBand, rollingMean } from '../../src/lib/charts/baseline-band';
import { bucketCount, bucketEnd, bucketSequence, grainForRange, MAX_BUCKETS, weekOfLabel } from '../../src/lib/charts/buckets';
import {
	ABOVE_SERIES,
	BAND_SERIES,
	IMPRECISE_SERIES_PREFIX,
	OTHER_SERIES,
	ROLLING_SERIES,
	impreciseTotal,
	partialBuckets,
	timelineOption,
	tooltipHtml
} from '../../src/lib/charts/timeline';
import { GRAINS } from '../../src/lib/query/filters';
import { renderSvg, svgTexts } from './ssr';

type S = { id: string; name: string; type: string; stack?: string; data: unknown[]; itemStyle?: { decal?: unknown; color?: string }; markArea?: { data: unknown[] } };
const seriesOf = (o: ReturnType<typeof timelineOption>) => o.series as S[];
const plain = (data: unknown[]) => data.map((d) => (d !== null && typeof d === 'object' ? (d as { value: number }).value : d));

describe('bucket ends and counts', () => {
	it('ends a bucket on the day before the next one starts', () => {
		expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
		expect(bucketEnd('2023-03-08', 'week')).toBe('2023-03-12');
		expect(bucketEnd('2023-11-15', 'quarter')).toBe('2023-12-31');
		expect(bucketEnd('2023-05-05', 'year')).toBe('2023-12-31');
		expect(bucketEnd('2023-05-05', 'day')).toBe('2023-05-05');
	});

	it('counts the buckets bucketSequence lists, without listing them', () => {
		const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
		fc.assert(
			fc.property(day, day, fc.constantFrom(...GRAINS), (a, b, grain) => {
				const [from, to] = a <= b ? [a, b] : [b, a];
				expect(bucketCount(from, to, grain)).toBe(bucketSequence(from, to, grain).length);
			}),
			{ numRuns: 300 }
		);
		expect(bucketCount('2023-02-01', '2023-01-01', 'day')).toBe(0);
	});
});

describe('grainForRange', () => {
	it('draws 1970-2025 by day as weeks, with a notice, instead of failing', () => {
		expect(bucketCount('1970-01-01', '2025-12-31', 'day')).toBeGreaterThan(MAX_BUCKETS);
		expect(grainForRange('1970-01-01', '2025-12-31', 'day')).toEqual({
			grain: 'week',
			notice: { code: 'grain-coarsened', asked: 'day', used: 'week', buckets: 20_454 }
		});
	});
	it('keeps the asked grain when it fits, and climbs as far as needed', () => {
		expect(grainForRange('2017-01-01', '2025-12-31', 'day')).toEqual({ grain: 'day', notice: null });
		expect(grainForRange('2017-01-01', '2025-12-31', 'day', 100).grain).toBe('quarter');
		expect(grainForRange('1000-01-01', '9999-12-31', 'week').grain).toBe('year');
	});
});

describe('weekOfLabel', () => {
	it('reads a week as the day it starts, in English and Arabic, with either digits', () => {
		expect(weekOfLabel('2023-03-06')).toBe('week of 6 Mar 2023');
		expect(weekOfLabel('2023-03-09')).toBe('week of 6 Mar 2023'); // any day of the week names its Monday
		expect(weekOfLabel('2024-12-30')).toBe('week of 30 Dec 2024');
		expect(weekOfLabel('2023-03-06', 'ar')).toBe('أسبوع 6 آذار 2023');
		expect(weekOfLabel('2023-03-06', 'ar', 'arab')).toBe('أسبوع ٦ آذار ٢٠٢٣');
	});
});

describe('baselineBand', () => {
	it('is the mean of the 12 periods before, +- 2 sample standard deviations', () => {
		const history = [10, 12, 8, 11, 9, 10, 13, 7, 10, 11, 9, 10];
		const band = baselineBand([...history, 30, 11]);
		expect(band.slice(0, 12).every((b) => b.mean === null && !b.above)).toBe(true);
		const mean = 10;
		const sd = Math.sqrt(history.reduce((a, x) => a + (x - mean) ** 2, 0) / 11);
		expect(band[12].mean).toBeCloseTo(mean, 12);
		expect(band[12].upper).toBeCloseTo(mean + 2 * sd, 12);
		expect(band[12].lower).toBeCloseTo(mean - 2 * sd, 12);
		expect(band[12].above).toBe(true);
		// The next band slides: the 30 is now part of the history, and 11 is inside.
		expect(band[13].mean).toBeCloseTo((history.slice(1).reduce((a, b) => a + b, 0) + 30) / 12, 12);
		expect(band[13].above).toBe(false);
	});
	it('is at least +-1 wide, and skips partial periods', () => {
		const flat = baselineBand([...new Array(12).fill(5), 6, 7]);
		expect([flat[12].lower, flat[12].upper, flat[12].above]).toEqual([4, 6, false]);
		expect(flat[13].above).toBe(true);
		// A partial first period (2) is neither history nor averaged: 12 complete periods are needed after it.
		const partial = [true, ...new Array(13).fill(false)];
		const b = baselineBand([2, ...new Array(12).fill(5), 9], partial);
		expect(b[12].mean).toBeNull();
		expect(b[13]).toMatchObject({ mean: 5, upper: 6, above: true });
	});
	it('states its rule in English and Arabic', () => {
		expect(BAND_RULE.en).toMatch(/12 complete periods/);
		expect(BAND_RULE.ar).toMatch(/[\u0600-\u06FF]/);
	});
});

describe('rollingMean and partial buckets', () => {
	it('averages the k periods ending on each, null before and across partial ones', () => {
		expect(rollingMean([4, 8, 0, 4, 12], 4)).toEqual([null, null, null, 4, 6]);
		expect(rollingMean([4, 8, 0, 4, 12], 2, [false, false, false, false, true])).toEqual([null, 6, 4, 2, null]);
		expect(() => rollingMean([1], 0)).toThrow();
	});
	it('marks the buckets that reach outside the covered days', () => {
		const buckets = ['2023-01-01', '2023-02-01', '2023-03-01'];
		expect(partialBuckets(buckets, 'month', { from: '2023-01-15', to: '2023-03-31' })).toEqual([true, false, false]);
		expect(partialBuckets(buckets, 'month', { from: '2023-01-01', to: '2023-03-30' })).toEqual([false, false, true]);
		expect(partialBuckets(buckets, 'month', null)).toEqual([false, false, false]);
	});
});

describe('timelineOption, honest', () => {
	const rows = [
		{ bucket: '2023-01-02', series: 'SY02', value: 5 },
		{ bucket: '2023-01-02', series: 'SY01', value: 1 },
		{ bucket: '2023-01-09', series: 'SY02', value: 2 }
	];
	// Of those, 3 of Aleppo's first week and Damascus's one are known only to the month.
	const imprecise = [
		{ bucket: '2023-01-02', series: 'SY02', precision: 'month', value: 3 },
		{ bucket: '2023-01-02', series: 'SY01', precision: 'month', value: 1 }
	];

	it('takes imprecise incidents out of their series and draws them hatched, outside the tooltip total', () => {
		const o = timelineOption(rows, { grain: 'week', stack: 'province', measure: 'incidents', from: null, to: null, imprecise });
		const s = seriesOf(o);
		expect(s.map((x) => [x.id, plain(x.data)])).toEqual([
			['SY02', [2, 2]],
			[`${IMPRECISE_SERIES_PREFIX}month`, [4, 0]]
		]);
		const hatched = s[1];
		expect(hatched.name).toBe('date known only to the month');
		expect(hatched.itemStyle?.decal).toBeDefined();
		expect(hatched.stack).toBe('total');
		expect(impreciseTotal(imprecise)).toBe(4);
		const html = tooltipHtml(
			[
				{ axisValue: '2023-01-02', seriesId: 'SY02', seriesName: 'Aleppo', value: 2 },
				{ axisValue: '2023-01-02', seriesId: `${IMPRECISE_SERIES_PREFIX}month`, seriesName: 'date known only to the month', value: 4 }
			],
			'week',
			'incidents'
		);
		expect(html).toContain('Incidents, total: <b>2</b>');
		expect(html).toContain('date known only to the month: <b>4</b>');
	});

	it('draws partial buckets lighter and marks them', () => {
		const o = timelineOption(rows, {
			grain: 'week', stack: 'province', measure: 'incidents', from: '2023-01-04', to: '2023-01-15',
			coverage: { from: '2023-01-04', to: '2023-01-15' }
		});
		const [aleppo] = seriesOf(o);
		expect(aleppo.data[0]).toEqual({ value: 5, itemStyle: { opacity: 0.4 } });
		expect(aleppo.data[1]).toBe(2);
		expect(aleppo.markArea?.data).toEqual([[{ xAxis: '2023-01-02' }, { xAxis: '2023-01-02' }]]);
		expect(svgTexts(renderSvg(o))).toContain('partial');
	});

	it('stacks the 7 largest series and "Other" by default', () => {
		const many = Array.from({ length: 10 }, (_, i) => ({ bucket: '2023-01-01', series: `K${i}`, value: 10 - i }));
		const s = seriesOf(timelineOption(many, { grain: 'month', stack: 'target', measure: 'incidents', from: null, to: null }));
		expect(s.map((x) => x.id)).toEqual(['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', OTHER_SERIES]);
		expect(s[7].data).toEqual([3 + 2 + 1]);
	});

	it('draws bars at day grain over more than a year', () => {
		const long = [{ bucket: '2020-01-01', series: 'SY01', value: 1 }, { bucket: '2021-06-01', series: 'SY01', value: 1 }];
		expect(seriesOf(timelineOption(long, { grain: 'day', stack: 'province', measure: 'incidents', from: null, to: null }))[0].type).toBe('bar');
	});

	it('adds the band, the marks above it and the rolling average, outside the stack', () => {
		const monthly = Array.from({ length: 14 }, (_, t) => ({
			bucket: `${2022 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`,
			series: 'SY01',
			value: t === 13 ? 40 : 10
		}));
		const o = timelineOption(monthly, { grain: 'month', stack: 'province', measure: 'incidents', from: null, to: null, band: true, rolling: true });
		const s = seriesOf(o);
		const byId = new Map(s.map((x) => [x.id, x]));
		expect(byId.get(BAND_SERIES)?.stack).toBe('band');
		expect(byId.get(ABOVE_SERIES)?.data.slice(12)).toEqual([null, 40]);
		expect(byId.get(ROLLING_SERIES)?.data.slice(0, 3)).toEqual([null, null, 10]);
		expect(byId.get(ROLLING_SERIES)?.data[13]).toBe(20);
		const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter([
			{ axisValue: '2023-02-01', seriesId: 'SY01', seriesName: 'Damascus', value: 40 },
			{ axisValue: '2023-02-01', seriesId: '__band_lower__', seriesName: 'usual range', value: 9 },
			{ axisValue: '2023-02-01', seriesId: BAND_SERIES, seriesName: 'usual range', value: 2 },
			{ axisValue: '2023-02-01', seriesId: ABOVE_SERIES, seriesName: 'above the usual range', value: 40 }
		]);
		expect(html).toContain('Incidents, total: <b>40</b>');
		expect(html).toContain('usual range: 9 – 11');
		expect(html).toContain('above the usual range');
		expect(html).toContain('12 complete periods');
		expect(() => renderSvg(o)).not.toThrow();
	});
});
