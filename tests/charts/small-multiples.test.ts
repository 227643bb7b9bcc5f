// Small multiples of the timeline (issue 12): one chart per series of the stack, at most 14, on one value scale,
// without the band, the rolling line or the imprecise series.
import { describe, expect, it } from 'vitest';
import { MAX_MULTIPLES, smallMultiples, timelineOption } from '../../src/lib/charts/timeline';

const rows = Array.from({ length: 20 }, (_, k) => [
	{ bucket: '2023-01-01', series: `S${String(k).padStart(2, '0')}`, value: k + 1 },
	{ bucket: '2023-02-01', series: `S${String(k).padStart(2, '0')}`, value: 2 * (k + 1) }
]).flat();

describe('smallMultiples', () => {
	const option = timelineOption(rows, {
		grain: 'month', stack: 'target', measure: 'incidents', from: '2023-01-01', to: '2023-02-28', maxSeries: MAX_MULTIPLES,
		band: true, rolling: true, imprecise: [{ bucket: '2023-01-01', series: 'S19', precision: 'year', value: 3 }]
	});
	const multiples = smallMultiples(option);

	it('draws one chart per series, at most 14 (the 13 largest and Other)', () => {
		expect(multiples).toHaveLength(MAX_MULTIPLES);
		// S19 less its 3 imprecise incidents ties with S18 (57 each): ties go by key.
		expect(multiples.slice(0, 2).map((m) => m.id)).toEqual(['S18', 'S19']);
		expect(multiples.at(-1)!.id).toBe('__other__');
	});

	it('puts every chart on the same scale: the largest bucket of any series', () => {
		const maxes = multiples.map((m) => (m.option.yAxis as { max: number }).max);
		// "Other" gathers S00-S06: 2 x (1 + ... + 7) = 56 in February, more than S19's 40.
		expect(new Set(maxes)).toEqual(new Set([56]));
	});

	it('leaves the band, the rolling line and the imprecise series out', () => {
		for (const m of multiples) expect((m.option.series as unknown[]).length).toBe(1);
		expect(multiples.some((m) => m.id.startsWith('__imprecise') || m.id.startsWith('__band') || m.id === '__rolling__')).toBe(false);
	});
});
