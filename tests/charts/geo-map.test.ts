// The real map over the shipped boundaries: units keyed by p-code or Natural Earth id, names in either language,
// the colour scale per theme, the point layer, and the text alternative; rendered with ECharts' SSR renderer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapTable } from '../../src/lib/charts/alt-table';
import { cellSymbolSize, geoMapOption, geoMapRows, MAP_THEME, unitsOf, type GeoCell } from '../../src/lib/charts/geo-map';
import { OCHA_ATTRIBUTION } from '../../src/lib/data/boundary-files';
import { SYRIA_GOVERNORATES } from '../../src/lib/data/gazetteer';
import { echarts, renderSvg, svgTexts } from './ssr';

const read = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../static/boundaries', name), 'utf8'));
const admin1 = read('syria-admin1.json');
const admin2 = read('syria-admin2.json');
const yemen = read('admin1/YEM.json');
echarts.registerMap('test-syria-admin1', admin1);
echarts.registerMap('test-syria-admin2', admin2);
echarts.registerMap('test-yem', yemen);

const units1 = unitsOf(admin1, 'pcode');
const values = new Map([['SY02', 120], ['SY01', 7], ['SY09', 40], ['SY99', 5]]);
type MapItem = { name: string; value: number };

describe('geoMapOption over Syria governorates', () => {
	const option = geoMapOption({ mapName: 'test-syria-admin1', nameProperty: 'pcode', units: units1, values, measure: 'incidents', lang: 'en' });
	const data = (option.series as { data: MapItem[] }[])[0].data;

	it('lists every governorate once, keyed by p-code, 0 where there are none, and ignores unknown keys', () => {
		expect(data.map((d) => d.name).sort()).toEqual(SYRIA_GOVERNORATES.map((g) => g.pcode));
		expect(data.find((d) => d.name === 'SY02')?.value).toBe(120);
		expect(data.find((d) => d.name === 'SY14')?.value).toBe(0);
		expect(data.some((d) => d.name === 'SY99')).toBe(false);
	});

	it('draws the 14 governorates with their English names and a colour scale up to the largest value', () => {
		const svg = renderSvg(option, 700, 500);
		const texts = svgTexts(svg);
		for (const g of SYRIA_GOVERNORATES) expect(texts).toContain(g.en);
		expect(texts).toContain('120');
		expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(14);
	});

	it('writes Arabic names in Arabic, the map itself unchanged', () => {
		const ar = geoMapOption({ mapName: 'test-syria-admin1', nameProperty: 'pcode', units: units1, values, measure: 'incidents', lang: 'ar' });
		const texts = svgTexts(renderSvg(ar, 700, 500));
		for (const g of SYRIA_GOVERNORATES) expect(texts).toContain(g.ar);
	});

	it('uses the dark ramp on a dark page, from dark (few) to bright (many)', () => {
		const dark = geoMapOption({ mapName: 'test-syria-admin1', nameProperty: 'pcode', units: units1, values, measure: 'killed', lang: 'en', dark: true });
		expect((dark.visualMap as { inRange: { color: string[] } }).inRange.color).toEqual([...MAP_THEME.dark.ramp]);
		const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
		const ramp = MAP_THEME.dark.ramp;
		for (let i = 1; i < ramp.length; i++) expect(lum(ramp[i])).toBeGreaterThan(lum(ramp[i - 1]));
		expect((dark.geo as { itemStyle: { areaColor: string } }).itemStyle.areaColor).toBe(MAP_THEME.dark.empty);
	});

	it('outlines selected units and draws the credit line', () => {
		const o = geoMapOption({
			mapName: 'test-syria-admin1', nameProperty: 'pcode', units: units1, values, measure: 'incidents', lang: 'en',
			selected: ['SY02'], credit: OCHA_ATTRIBUTION
		});
		expect((o.geo as { regions: { name: string }[] }).regions.map((r) => r.name)).toEqual(['SY02']);
		expect(svgTexts(renderSvg(o, 700, 500))).toContain(OCHA_ATTRIBUTION);
	});

	it('has a text alternative equal to what the map colours', () => {
		const table = mapTable(option, 'Incidents', (k) => units1.find((u) => u.key === k)!.name_en);
		const rows = geoMapRows({ units: units1, values, lang: 'en' });
		expect(table.rows.map((r) => [r.key, r.values[0]])).toEqual(rows.map((r) => [r.key, r.value]));
		expect(rows[0]).toEqual({ key: 'SY02', label: 'Aleppo', value: 120 });
		expect(geoMapRows({ units: units1, values, lang: 'ar' })[0].label).toBe('حلب');
	});
});

describe('geoMapOption over districts and other countries', () => {
	it('keeps district names off the map (62 would not fit) but in the tooltip and table', () => {
		const units2 = unitsOf(admin2, 'pcode');
		const o = geoMapOption({ mapName: 'test-syria-admin2', nameProperty: 'pcode', units: units2, values: new Map([['SY0204', 3]]), measure: 'incidents', lang: 'en' });
		expect(units2).toHaveLength(62);
		expect(svgTexts(renderSvg(o, 700, 500))).not.toContain("A'zaz");
		expect(geoMapRows({ units: units2, values: new Map([['SY0204', 3]]), lang: 'en' })[0]).toEqual({ key: 'SY0204', label: "A'zaz", value: 3 });
	});

	it('keys Natural Earth units by id (Yemen)', () => {
		const units = unitsOf(yemen, 'id');
		const o = geoMapOption({ mapName: 'test-yem', nameProperty: 'id', units, values: new Map([['YEM-158', 9]]), measure: 'incidents', lang: 'ar', labels: true });
		const texts = svgTexts(renderSvg(o, 700, 500));
		expect(texts).toContain('محافظة تعز'); // Natural Earth's Arabic name
		expect(units.find((u) => u.key === 'YEM-158')?.name_en).toBe('Ta`izz');
	});
});

describe('point layer', () => {
	const cells: GeoCell[] = [
		{ lon: 37.1, lat: 36.2, n: 40, killed: 12, injured: 3, incident_id: null },
		{ lon: 40.1, lat: 35.3, n: 1, killed: 0, injured: 0, incident_id: 'acled:SYR1' },
		{ lon: 36.3, lat: 33.5, n: 9, killed: 30, injured: 0, incident_id: null }
	];

	it('draws one marker per cell on the same geo, sized by the measure, counts on the multi-incident cells', () => {
		const o = geoMapOption({ mapName: 'test-syria-admin1', nameProperty: 'pcode', units: units1, values, measure: 'killed', lang: 'en', cells });
		const series = o.series as { type: string; data: { value: number[]; name: string; symbolSize: number; label: { show: boolean } }[] }[];
		expect(series.map((s) => s.type)).toEqual(['map', 'scatter']);
		expect((o.visualMap as { seriesIndex: number }).seriesIndex).toBe(0); // the scale colours the units only
		const points = series[1].data;
		expect(points.map((p) => p.value[2])).toEqual([12, 0, 30]);
		expect(points[2].symbolSize).toBe(26);
		expect(points[1].name).toBe('acled:SYR1');
		expect(points.map((p) => p.label.show)).toEqual([true, false, true]);
		const texts = svgTexts(renderSvg(o, 700, 500));
		expect(texts).toContain('40');
		expect(texts).toContain('9');
	});

	it('sizes markers by area between 5 and 26 px', () => {
		expect(cellSymbolSize(0, 10)).toBe(5);
		expect(cellSymbolSize(10, 10)).toBe(26);
		expect(cellSymbolSize(2.5, 10)).toBe(16);
	});
});
