// Ranked horizontal bars (target types, attack types, perpetrators, sources, provinces outside Syria), largest at
// the top. Each bar's data item carries its raw key as `id`, so a click (params.data.id) maps back to a filter
// value; a row whose key is null ("not recorded") gets NULL_KEY, which is not a filter value.
import type { EChartsOption } from 'echarts';
import type { Measure } from '../query/filters';
import { escapeHtml, labelOf, num, rowsOf, str, type ChartInput, type Labels } from './data';
import { MUTED_COLOUR, OKABE_ITO } from './palette';
import { ENGLISH_TEXT, tooltipDirection, type ChartText } from './text';

export const NULL_KEY = '__null__';
const BAR_COLOUR = OKABE_ITO[4];

export interface BarListOptions {
	/** Display labels by key (default: the key itself). */
	labels?: Labels;
	/** Keys to emphasise (the selected filter values); the others are drawn muted. None = all in colour. */
	highlight?: readonly string[];
	measure?: Measure;
	/** Label of the null key (default text.notRecorded). */
	nullLabel?: string;
	/** Language, digits and direction (default English, left to right). */
	text?: ChartText;
}

export function barListOption(input: ChartInput, options: BarListOptions = {}): EChartsOption {
	const rows = rowsOf(input)
		.map((r) => ({ key: str(r.key), value: num(r.value) }))
		.sort((a, b) => b.value - a.value);
	const text = options.text ?? ENGLISH_TEXT;
	const highlight = new Set(options.highlight ?? []);
	const label = (key: string | null) =>
		key === null ? (options.nullLabel ?? text.notRecorded) : labelOf(options.labels, key, (k) => k);
	const labels = rows.map((r) => label(r.key));
	const measure = options.measure ? text.measure(options.measure) : 'Value';
	// Right to left, the bars mirror like the rest of the layout: names on the right, bars growing leftwards.
	const rtl = text.rtl;
	return {
		tooltip: {
			trigger: 'item',
			formatter: (p: unknown) => {
				const { dataIndex } = p as { dataIndex: number };
				const row = rows[dataIndex];
				return row ? `${escapeHtml(labels[dataIndex])}<br>${escapeHtml(measure)}: <b>${text.number(row.value)}</b>` : '';
			},
			...tooltipDirection(text)
		},
		grid: { left: rtl ? 56 : 8, right: rtl ? 8 : 56, top: 8, bottom: 8, containLabel: true },
		xAxis: { type: 'value', show: false, inverse: rtl },
		yAxis: {
			type: 'category',
			inverse: true,
			position: rtl ? 'right' : 'left',
			data: labels,
			axisTick: { show: false },
			axisLabel: { width: 180, overflow: 'truncate' }
		},
		series: [
			{
				type: 'bar',
				barMaxWidth: 22,
				data: rows.map((r) => ({
					value: r.value,
					id: r.key ?? NULL_KEY,
					itemStyle: { color: highlight.size === 0 || (r.key !== null && highlight.has(r.key)) ? BAR_COLOUR : MUTED_COLOUR }
				})),
				label: { show: true, position: rtl ? 'left' : 'right', formatter: (p: unknown) => text.number(num((p as { value: number }).value)) }
			}
		]
	};
}
