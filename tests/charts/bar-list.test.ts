// Ranked bars: order, raw keys as ids, null key, highlight, labels; rendered to SVG.
import { describe, expect, it } from 'vitest';
import { NULL_KEY, barListOption } from '../../src/lib/charts/bar-list';
import { MUTED_COLOUR } from '../../src/lib/charts/palette';
import type { QueryResult } from '../../src/lib/query/engine';
import { renderSvg, svgTexts } from './ssr';

const rows: QueryResult = {
	names: ['key', 'value'],
	columns: { key: ['Police', null, 'Military', 'Private Citizens & Property'], value: [5, 9, 12, 1] },
	rowCount: 4
};
type Item = { value: number; id: string; itemStyle: { color: string } };

describe('barListOption', () => {
	const o = barListOption(rows, { highlight: ['Police'], measure: 'killed' });
	const labels = (o.yAxis as { data: string[]; inverse: boolean }).data;
	const items = (o.series as { data: Item[] }[])[0].data;

	it('ranks largest first (top) with raw keys as ids', () => {
		expect((o.yAxis as { inverse: boolean }).inverse).toBe(true);
		expect(labels).toEqual(['Military', 'Not recorded', 'Police', 'Private Citizens & Property']);
		expect(items.map((i) => [i.id, i.value])).toEqual([
			['Military', 12],
			[NULL_KEY, 9],
			['Police', 5],
			['Private Citizens & Property', 1]
		]);
	});

	it('mutes the bars that are not highlighted', () => {
		expect(items.find((i) => i.id === 'Police')!.itemStyle.color).not.toBe(MUTED_COLOUR);
		expect(items.filter((i) => i.itemStyle.color === MUTED_COLOUR)).toHaveLength(3);
		const plain = barListOption(rows);
		expect((plain.series as { data: Item[] }[])[0].data.every((i) => i.itemStyle.color !== MUTED_COLOUR)).toBe(true);
	});

	it('renders labels and exact values into the SVG, with caller labels', () => {
		const texts = svgTexts(renderSvg(barListOption(rows, { labels: { Police: 'الشرطة' } }))).join('\n');
		expect(texts).toContain('الشرطة');
		expect(texts).toContain('Military');
		expect(texts).toContain('Not recorded');
		expect(texts).toContain('12');
	});
});
