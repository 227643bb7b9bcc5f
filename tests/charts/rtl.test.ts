// Charts in Arabic: Arabic names, Arabic-Indic digits when chosen, the chrome mirrored (value axis, ranked bars,
// tooltips) and the time axis still running from the past on the left, drawn to SVG as the browser would.
import { describe, expect, it } from 'vitest';
import { barListOption } from '../../src/lib/charts/bar-list';
import { tileMapOption } from '../../src/lib/charts/tile-map';
import { timelineOption, tooltipHtml } from '../../src/lib/charts/timeline';
import { SYRIA_GOVERNORATES } from '../../src/lib/data/gazetteer';
import { makeLocale } from '../../src/lib/i18n/locale';
import type { QueryResult } from '../../src/lib/query/engine';
import { renderSvg, svgTexts } from './ssr';

const ar = makeLocale('ar', 'arab');
const arLatn = makeLocale('ar', 'latn');

const rows: QueryResult = {
	names: ['bucket', 'series', 'value'],
	columns: {
		bucket: ['2023-01-02', '2023-01-02', '2023-01-16'],
		series: ['SY11', 'SY09', 'SY11'],
		value: [1200, 3, 7]
	},
	rowCount: 3
};

/** x positions of the axis labels, in the order the texts appear. */
function labelX(svg: string, texts: string[]): number[] {
	return texts.map((text) => {
		const m = new RegExp(`<text[^>]*transform="translate\\(([\\d.]+) [\\d.]+\\)"[^>]*>${text}</text>`).exec(svg);
		if (!m) throw new Error(`no label ${text}`);
		return Number(m[1]);
	});
}

describe('timeline in Arabic', () => {
	const o = timelineOption(rows, { grain: 'week', stack: 'province', measure: 'incidents', from: null, to: null, text: ar.chart });

	it('keeps time running left to right, and moves the value axis to the right', () => {
		expect((o.xAxis as { inverse: boolean }).inverse).toBe(false);
		expect((o.yAxis as { position: string }).position).toBe('right');
		const svg = renderSvg(o, 1200, 400);
		// Issue 12: weeks read as the day they start, not as ISO week numbers.
		const weeks = ['أسبوع ٢ كانون الثاني ٢٠٢٣', 'أسبوع ٩ كانون الثاني ٢٠٢٣', 'أسبوع ١٦ كانون الثاني ٢٠٢٣'];
		const x = labelX(svg, weeks);
		expect(x[0]).toBeLessThan(x[1]);
		expect(x[1]).toBeLessThan(x[2]);
	});

	it('writes governorate names, the measure and figures in Arabic with Arabic-Indic digits', () => {
		const texts = svgTexts(renderSvg(o));
		expect(texts).toEqual(expect.arrayContaining(['الرقة', 'دير الزور', 'الحوادث']));
		expect(texts.some((t) => /^[٠-٩٬]+$/.test(t) && t !== '٠')).toBe(true);
		expect(texts.filter((t) => /[0-9]/.test(t))).toEqual([]);
	});

	it('writes tooltips right to left, escaped, with exact figures', () => {
		expect((o.tooltip as { extraCssText?: string }).extraCssText).toContain('direction: rtl');
		const html = tooltipHtml([{ axisValue: '2023-01-02', seriesName: 'الرقة <b>', value: 1200, marker: '' }], 'week', 'killed', ar.chart);
		expect(html).toBe(
			'<b>أسبوع ٢ كانون الثاني ٢٠٢٣</b><br>الرقة &#60;b&#62;: <b>١٬٢٠٠</b><br>القتلى، المجموع: <b>١٬٢٠٠</b>'
		);
	});
});

describe('ranked bars in Arabic', () => {
	const targets: QueryResult = { names: ['key', 'value'], columns: { key: ['Military', 'Police'], value: [12, 3] }, rowCount: 2 };

	it('mirror: names on the right, bars growing leftwards, figures at the bar ends', () => {
		const o = barListOption(targets, { measure: 'incidents', labels: (k) => arLatn.category('target', k), text: arLatn.chart });
		expect((o.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((o.yAxis as { position: string }).position).toBe('right');
		const svg = renderSvg(o, 600, 200);
		const texts = svgTexts(svg);
		expect(texts).toEqual(expect.arrayContaining(['عسكري', 'الشرطة', '12', '3']));
		// The category names are at the right edge of the chart.
		const [x] = labelX(svg, ['عسكري']);
		expect(x).toBeGreaterThan(400);
	});

	it('stay as before in English', () => {
		const o = barListOption(targets, { measure: 'incidents' });
		expect((o.xAxis as { inverse: boolean }).inverse).toBe(false);
		expect((o.yAxis as { position: string }).position).toBe('left');
	});
});

describe('tile map in Arabic', () => {
	it('names every governorate in Arabic, at the same (unmirrored) tiles', () => {
		const provinces: QueryResult = { names: ['pcode', 'value'], columns: { pcode: ['SY02'], value: [1234] }, rowCount: 1 };
		const o = tileMapOption(provinces, { measure: 'incidents', text: ar.chart });
		const en = tileMapOption(provinces, { measure: 'incidents' });
		const tiles = (x: typeof o) => (x.series as { data: { name: string; value: number[] }[] }[])[0].data.map((d) => [d.name, d.value[0], d.value[1]]);
		expect(tiles(o)).toEqual(tiles(en));
		const texts = svgTexts(renderSvg(o, 600, 600)).join('\n');
		for (const g of SYRIA_GOVERNORATES) expect(texts).toContain(g.ar);
		expect(texts).toContain('١٬٢٣٤');
		expect(texts).not.toContain('Aleppo');
	});
});
