// Ranked horizontal bars (target types, attack types, perpetrators, sources, provinces outside Syria), largest at
// the top. Each bar's data item carries its raw key as `id`, so a click (params.data.id) maps back to a filter
// value; a row whose key is null ("not recorded") gets NULL_KEY, which is not a filter value.
import type { EChartsOption } from 'echarts';
import type { Measure } from '../query/filters';
import { MEASURE_LABELS, escapeHtml, formatNumber, labelOf, num, rowsOf, str, type ChartInput, type Labels } from './data';
import { MUTED_COLOUR, OKABE_ITO } from './palette';

export const NULL_KEY = '__null__';
const BAR_COLOUR = OKABE_ITO[4];

export interface BarListOptions {
	/** Display labels by key (default: the key itself). */
	labels?: Labels;
	/** Keys to emphasise (the selected filter values); the others are drawn muted. None = all in colour. */
	highlight?: readonly string[];
	measure?: Measure;
	/** Label of the null key. */
	nullLabel?: string;
}

export function barListOption(input: ChartInput, options: BarListOptions = {}): EChartsOption {
	const rows = rowsOf(input)
		.map((r) => ({ key: str(r.key), value: num(r.value) }))
		.sort((a, b) => b.value - a.value);
	const highlight = new Set(options.highlight ?? []);
	const label = (key: string | null) =>
		key === null ? (options.nullLabel ?? 'Not recorded') : labelOf(options.labels, key, (k) => k);
	const labels = rows.map((r) => label(r.key));
	const measure = options.measure ? MEASURE_LABELS[options.measure] : 'Value';
	return {
		tooltip: {
			trigger: 'item',
			formatter: (p: unknown) => {
				const { dataIndex } = p as { dataIndex: number };
				const row = rows[dataIndex];
				return row ? `${escapeHtml(labels[dataIndex])}<br>${escapeHtml(measure)}: <b>${formatNumber(row.value)}</b>` : '';
			}
		},
		grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
		xAxis: { type: 'value', show: false },
		yAxis: {
			type: 'category',
			inverse: true,
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
				label: { show: true, position: 'right', formatter: (p: unknown) => formatNumber(num((p as { value: number }).value)) }
			}
		]
	};
}
