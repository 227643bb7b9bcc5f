// The map's figures from the map channel's rows: per unit, unmatched names listed rather than guessed, placements
// totalled; boundary files merged under one key; brush areas to boxes.
import { describe, expect, it } from 'vitest';
import { brushBbox, mapFigures, mergeLayers } from '../../src/lib/charts/map-data';
import type { QueryResult } from '../../src/lib/query/engine';

const result = (rows: Record<string, string | number | null>[]): QueryResult => {
	const names = ['pcode', 'iso3', 'admin1', 'place', 'n', 'killed', 'injured'];
	return { names, rowCount: rows.length, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n] ?? null)])) };
};

describe('mapFigures', () => {
	const rows = result([
		{ pcode: 'SY02', place: 'point', n: 10, killed: 4, injured: 1 },
		{ pcode: 'SY02', place: 'admin1', n: 3, killed: 1, injured: 0 },
		{ pcode: null, iso3: 'YEM', admin1: 'Sanaa', place: 'town', n: 2, killed: 0, injured: 0 },
		{ pcode: null, iso3: 'YEM', admin1: 'Socotra', place: 'admin1', n: 5, killed: 2, injured: 0 },
		{ pcode: 'SY0999', place: 'point', n: 1, killed: 0, injured: 0 }
	]);
	const crosswalk = { match: (iso3: string | null | undefined, name: string | null | undefined) => (iso3 === 'YEM' && name === 'Sanaa' ? { unit: { id: 'YEM-1' } as never, step: 'exact' as const } : null) };

	it('sums the measure per unit key, lists what no unit holds, and totals placements', () => {
		const f = mapFigures(rows, 'killed', new Set(['SY02', 'YEM-1']), crosswalk);
		expect(f.values).toEqual(new Map([['SY02', 5], ['YEM-1', 0]]));
		expect(f.counts).toEqual(new Map([['SY02', 13], ['YEM-1', 2]]));
		expect(f.unmatched.map((u) => [u.pcode, u.iso3, u.admin1, u.n])).toEqual([
			[null, 'YEM', 'Socotra', 5],
			['SY0999', null, null, 1]
		]);
		expect(f.total).toBe(21);
		expect(f.places.point).toBe(11);
		expect(f.places.admin1).toBe(8);
	});

	it('without a crosswalk, names outside Syria stay unmatched', () => {
		const f = mapFigures(rows, 'incidents', new Set(['SY02']), null);
		expect(f.unmatched.reduce((a, u) => a + u.n, 0)).toBe(8);
	});
});

describe('mergeLayers', () => {
	it('copies each file key to `key` and prefers the names it is given', () => {
		const feature = (props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props, geometry: null });
		const merged = mergeLayers([
			{ geo: { type: 'FeatureCollection', features: [feature({ pcode: 'SY02', name_en: 'Aleppo', name_ar: 'حلب' })] }, keyProperty: 'pcode', source: 'ocha', names: new Map([['SY02', { en: 'Aleppo (g)', ar: 'حلب' }]]) },
			{ geo: { type: 'FeatureCollection', features: [feature({ id: 'YEM-1', name: "Sana'a", name_ar: 'صنعاء' })] }, keyProperty: 'id', source: 'natural-earth' }
		]);
		expect(merged.geo.features.map((f) => f.properties.key)).toEqual(['SY02', 'YEM-1']);
		expect(merged.units).toEqual([
			{ key: 'SY02', name_en: 'Aleppo (g)', name_ar: 'حلب' },
			{ key: 'YEM-1', name_en: "Sana'a", name_ar: 'صنعاء' }
		]);
		expect(merged.sources).toEqual(['ocha', 'natural-earth']);
	});
});

describe('brushBbox', () => {
	it('reads a rectangle and a lasso', () => {
		expect(brushBbox({ brushType: 'rect', coordRange: [[38, 36], [34, 35]] })).toEqual({ minLon: 36, minLat: 34, maxLon: 38, maxLat: 35 });
		expect(brushBbox({ brushType: 'polygon', coordRange: [[36, 34], [38, 35], [37, 36.5]] })).toEqual({ minLon: 36, minLat: 34, maxLon: 38, maxLat: 36.5 });
		expect(brushBbox({ brushType: 'lineX', coordRange: [1, 2] })).toBeNull();
	});
});
