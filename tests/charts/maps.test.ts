// The tile map and the choropleth: all 14 governorates keyed by p-code, at the gazetteer's tile positions,
// coloured by value, labelled with names; rendered to SVG.
import { describe, expect, it } from 'vitest';
import { choroplethOption } from '../../src/lib/charts/choropleth';
import { otherProvinceRows, syriaValues } from '../../src/lib/charts/province-rows';
import { TILE_COLUMNS, TILE_ROWS, tileMapOption } from '../../src/lib/charts/tile-map';
import { SYRIA_GOVERNORATES, SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import type { QueryResult } from '../../src/lib/query/engine';
import { SQUARES_GEOJSON } from '../fixtures/query/syria-squares.geojson';
import { echarts, renderSvg, svgTexts } from './ssr';

const provinces: QueryResult = {
	names: ['pcode', 'admin1', 'country', 'value'],
	columns: {
		pcode: ['SY02', 'SY01', null, null, null, 'SY02'],
		admin1: ['Aleppo', 'Damascus', 'Nineveh', null, 'Baghdad', 'Aleppo'],
		country: ['Syria', 'Syria', 'Iraq', 'Syria', 'Iraq', 'Syria'],
		value: [1200, 7, 9, 3, 0, 34]
	},
	rowCount: 6
};

type HeatItem = { name: string; value: [number, number, number]; label: { color: string } };

describe('province rows', () => {
	it('sums by p-code with every governorate present', () => {
		const v = syriaValues(provinces);
		expect(v.size).toBe(14);
		expect(v.get('SY02')).toBe(1234);
		expect(v.get('SY01')).toBe(7);
		expect(v.get('SY14')).toBe(0);
	});
	it('lists the rest for the ranked bars', () => {
		expect(otherProvinceRows(provinces)).toEqual([
			{ key: 'Nineveh, Iraq', value: 9 },
			{ key: 'Unknown province, Syria', value: 3 },
			{ key: 'Baghdad, Iraq', value: 0 }
		]);
	});
});

describe('tileMapOption', () => {
	const o = tileMapOption(provinces, { measure: 'incidents' });
	const items = (o.series as { data: HeatItem[] }[])[0].data;

	it('places the 14 governorates on distinct tiles of the 5 x 5 grid, named by p-code', () => {
		expect(items.map((i) => i.name).sort()).toEqual([...SYRIA_PCODES].sort());
		const cells = items.map((i) => `${i.value[0]},${i.value[1]}`);
		expect(new Set(cells).size).toBe(14);
		for (const i of items) {
			const g = SYRIA_GOVERNORATES.find((x) => x.pcode === i.name)!;
			expect([i.value[0], i.value[1]]).toEqual([...g.tile]);
			expect(i.value[0]).toBeLessThan(TILE_COLUMNS);
			expect(i.value[1]).toBeLessThan(TILE_ROWS);
		}
		expect(items.find((i) => i.name === 'SY02')!.value[2]).toBe(1234);
		expect(items.find((i) => i.name === 'SY13')!.value[2]).toBe(0);
	});

	it('colours by value on a scale from 0 to the maximum, with readable label colours', () => {
		expect(o.visualMap).toMatchObject({ min: 0, max: 1234, dimension: 2 });
		expect(items.find((i) => i.name === 'SY02')!.label.color).toBe('#FFFFFF');
		expect(items.find((i) => i.name === 'SY01')!.label.color).toBe('#1A1A1A');
		const empty = tileMapOption({ names: [], columns: {}, rowCount: 0 }, { measure: 'killed' });
		expect(empty.visualMap).toMatchObject({ min: 0, max: 1 });
	});

	it('renders every governorate name and value into the SVG', () => {
		const texts = svgTexts(renderSvg(o, 600, 600)).join('\n');
		for (const g of SYRIA_GOVERNORATES) expect(texts).toContain(g.en);
		expect(texts).toContain('1,234');
		expect(texts).toContain("Dar'a");
	});

	it('takes caller labels (e.g. Arabic names)', () => {
		const ar = tileMapOption(provinces, { measure: 'incidents', labels: Object.fromEntries(SYRIA_GOVERNORATES.map((g) => [g.pcode, g.ar])) });
		const texts = svgTexts(renderSvg(ar, 600, 600)).join('\n');
		expect(texts).toContain('حلب');
		expect(texts).toContain('القنيطرة');
		expect(texts).not.toContain('Aleppo');
	});
});

describe('choroplethOption', () => {
	echarts.registerMap('test-syria-squares', SQUARES_GEOJSON as never);
	echarts.registerMap('test-syria-by-code', {
		...SQUARES_GEOJSON,
		features: SQUARES_GEOJSON.features.map((f) => ({ ...f, properties: { ...f.properties, ADM1_PCODE: 'wrong' } }))
	} as never);

	it('keys regions by p-code and lists all 14', () => {
		const o = choroplethOption(provinces, { measure: 'killed', mapName: 'test-syria-squares' });
		const [s] = o.series as { type: string; map: string; nameProperty: string; data: { name: string; value: number }[] }[];
		expect(s).toMatchObject({ type: 'map', map: 'test-syria-squares', nameProperty: 'ADM1_PCODE' });
		expect(s.data).toHaveLength(14);
		expect(s.data.find((d) => d.name === 'SY02')!.value).toBe(1234);
	});

	it('renders governorate names (not the file\'s names) into the SVG', () => {
		const texts = svgTexts(renderSvg(choroplethOption(provinces, { measure: 'incidents', mapName: 'test-syria-squares' }), 600, 600)).join('\n');
		for (const g of SYRIA_GOVERNORATES) expect(texts).toContain(g.en);
		expect(texts).not.toContain('Name in file');
	});

	it('reads the p-code from a configurable property', () => {
		const o = choroplethOption(provinces, { measure: 'incidents', mapName: 'test-syria-by-code', nameProperty: 'CODE' });
		// CODE holds "X-SY02": no region matches a p-code, so no governorate name can be drawn...
		expect(svgTexts(renderSvg(o, 600, 600)).join('\n')).not.toContain('Aleppo');
		// ...while the right property draws them all.
		const right = choroplethOption(provinces, { measure: 'incidents', mapName: 'test-syria-squares', nameProperty: 'ADM1_PCODE' });
		expect(svgTexts(renderSvg(right, 600, 600)).join('\n')).toContain('Aleppo');
	});
});
