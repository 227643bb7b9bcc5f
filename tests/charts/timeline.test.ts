// The timeline option: filled buckets, series ids and names, stacking, tooltips, data zoom; rendered to SVG.
import { describe, expect, it } from 'vitest';
import { OTHER_SERIES, timelineOption, tooltipHtml } from '../../src/lib/charts/timeline';
import type { QueryResult } from '../../src/lib/query/engine';
import { renderSvg, svgTexts } from './ssr';

type Series = { id: string; name: string; type: string; stack: string; data: number[]; itemStyle: { color: string } };
const seriesOf = (o: ReturnType<typeof timelineOption>) => o.series as Series[];
const axisOf = (o: ReturnType<typeof timelineOption>) => (o.xAxis as { data: string[] }).data;

function result(rows: [string, string, number][]): QueryResult {
	return {
		names: ['bucket', 'series', 'value'],
		columns: { bucket: rows.map((r) => r[0]), series: rows.map((r) => r[1]), value: rows.map((r) => r[2]) },
		rowCount: rows.length
	};
}

describe('timelineOption', () => {
	const rows = result([
		['2022-12-26', 'SY02', 2],
		['2022-12-26', 'SY01', 1],
		['2023-01-09', 'SY02', 4],
		['2023-01-09', '(unknown)', 1]
	]);

	it('fills every ISO week between the range ends with 0 and keeps raw keys as ids', () => {
		const o = timelineOption(rows, { grain: 'week', stack: 'province', measure: 'incidents', from: '2022-12-20', to: '2023-01-20' });
		expect(axisOf(o)).toEqual(['2022-12-19', '2022-12-26', '2023-01-02', '2023-01-09', '2023-01-16']);
		expect(seriesOf(o).map((s) => [s.id, s.name, s.data])).toEqual([
			['SY02', 'Aleppo', [0, 2, 0, 4, 0]],
			['(unknown)', 'Unknown province', [0, 0, 0, 1, 0]],
			['SY01', 'Damascus', [0, 1, 0, 0, 0]]
		]);
		expect(seriesOf(o).every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
	});

	it('uses stacked areas at day grain and the rows\' own range when the ends are open', () => {
		const o = timelineOption(result([['2024-02-28', 'Police', 1], ['2024-03-01', 'Police', 2]]), {
			grain: 'day', stack: 'target', measure: 'killed', from: null, to: null
		});
		expect(axisOf(o)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
		const [s] = seriesOf(o) as (Series & { areaStyle?: object })[];
		expect(s).toMatchObject({ id: 'Police', name: 'Police', type: 'line', stack: 'total', data: [1, 0, 2] });
		expect(s.areaStyle).toBeDefined();
	});

	it('accepts row objects too, and caller labels', () => {
		const o = timelineOption([{ bucket: '2023-01-01', series: 'SY02', value: 3 }], {
			grain: 'month', stack: 'province', measure: 'incidents', from: '2022-11-05', to: '2023-01-31', labels: { SY02: 'حلب' }
		});
		expect(axisOf(o)).toEqual(['2022-11-01', '2022-12-01', '2023-01-01']);
		expect(seriesOf(o)[0]).toMatchObject({ id: 'SY02', name: 'حلب', data: [0, 0, 3] });
	});

	it('merges the smallest series beyond maxSeries into "Other" and keeps totals', () => {
		const many = result(Array.from({ length: 20 }, (_, i) => ['2023-01-01', `Key ${String(i).padStart(2, '0')}`, 20 - i] as [string, string, number]));
		const o = timelineOption(many, { grain: 'month', stack: 'target', measure: 'incidents', from: null, to: null, maxSeries: 5 });
		const s = seriesOf(o);
		expect(s.map((x) => x.id)).toEqual(['Key 00', 'Key 01', 'Key 02', 'Key 03', OTHER_SERIES]);
		expect(s[4].data).toEqual([16 + 15 + 14 + 13 + 12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3 + 2 + 1]);
		expect(s.reduce((sum, x) => sum + x.data[0], 0)).toBe(210);
		expect(s[4].name).toBe('Other');
	});

	it('keeps one colour per governorate whatever else is shown', () => {
		const a = timelineOption(result([['2023-01-01', 'SY02', 1]]), { grain: 'month', stack: 'province', measure: 'incidents', from: null, to: null });
		const b = timelineOption(rows, { grain: 'month', stack: 'province', measure: 'incidents', from: null, to: null });
		const colour = (o: ReturnType<typeof timelineOption>, id: string) => seriesOf(o).find((s) => s.id === id)!.itemStyle.color;
		expect(colour(a, 'SY02')).toBe(colour(b, 'SY02'));
		expect(colour(b, 'SY01')).not.toBe(colour(b, 'SY02'));
	});

	it('has an inside and a slider data zoom on the category axis', () => {
		const o = timelineOption(rows, { grain: 'week', stack: 'province', measure: 'incidents', from: null, to: null });
		expect((o.dataZoom as { type: string; xAxisIndex: number }[]).map((z) => [z.type, z.xAxisIndex])).toEqual([
			['inside', 0],
			['slider', 0]
		]);
	});

	it('tooltip shows exact values, the total, and escapes names', () => {
		const html = tooltipHtml(
			[
				{ axisValue: '2023-01-02', seriesName: '<img src=x onerror=alert(1)>', value: 1234, marker: '' },
				{ axisValue: '2023-01-02', seriesName: 'Aleppo', value: 0, marker: '' },
				{ axisValue: '2023-01-02', seriesName: 'Damascus', value: 5, marker: '' }
			],
			'week',
			'killed'
		);
		expect(html).toContain('Week of 2023-01-02 (2023-W01)');
		expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;: <b>1,234</b>');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('Aleppo'); // zero rows are left out
		expect(html).toContain('Killed, total: <b>1,239</b>');
		expect(html).not.toContain('range');
	});

	it('adds the deaths range to the tooltip where some source gives one, as the KPI does', () => {
		const ranged: QueryResult = {
			names: ['bucket', 'series', 'value', 'low', 'high'],
			columns: { bucket: ['2023-01-02', '2023-01-02', '2023-01-09'], series: ['SY02', 'SY01', 'SY01'], value: [10, 5, 4], low: [8, 5, 4], high: [14, 5, 4] },
			rowCount: 3
		};
		const o = timelineOption(ranged, { grain: 'week', stack: 'province', measure: 'killed', from: null, to: null });
		const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
		const at = (bucket: string, values: number[]) => formatter(values.map((value, k) => ({ axisValue: bucket, seriesName: `s${k}`, value, marker: '' })));
		expect(at('2023-01-02', [10, 5])).toContain('range 13 to 19 where sources give one');
		expect(at('2023-01-09', [4])).not.toContain('range');
	});

	it('renders to SVG with legend names and axis labels', () => {
		const o = timelineOption(rows, { grain: 'week', stack: 'province', measure: 'incidents', from: '2022-12-20', to: '2023-01-20' });
		const texts = svgTexts(renderSvg(o));
		expect(texts).toEqual(expect.arrayContaining(['Aleppo', 'Damascus', 'Unknown province', '2022-W52', '2023-W02', 'Incidents']));
	});
});
