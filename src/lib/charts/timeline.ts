// The timeline: stacked bars per bucket (stacked areas at day grain, where bars would be hair-thin), one series per
// province or target type. Every bucket between the range ends is on the axis, empty ones as 0, so gaps in the
// data read as gaps in time. Series ids are the raw keys (p-code / label) so a click maps back to a filter value;
// series names are display labels. The category axis holds bucket start dates ('YYYY-MM-DD'), which the app
// maps a dataZoom range back to a date filter with.
import type { EChartsOption, SeriesOption } from 'echarts';
import type { Grain, Measure, Stack } from '../query/filters';
import { UNKNOWN_PROVINCE } from '../query/columns';
import { bucketSequence, bucketStart } from './buckets';
import { escapeHtml, labelOf, num, rowsOf, str, type ChartInput, type Labels } from './data';
import { OTHER_COLOUR, seriesColours } from './palette';
import { ENGLISH_TEXT, tooltipDirection, type ChartText } from './text';

/** Id of the series that gathers the smallest series beyond maxSeries. */
export const OTHER_SERIES = '__other__';

export interface TimelineOptions {
	grain: Grain;
	stack: Stack;
	measure: Measure;
	/** Range ends ('YYYY-MM-DD'); null = the first / last bucket in the rows. */
	from: string | null;
	to: string | null;
	/** Display labels by series key; defaults: governorate names (text.province), target labels as they are. */
	labels?: Labels;
	/** Language, digits and direction (default English, left to right). */
	text?: ChartText;
	/** Most series drawn; the smallest beyond it are merged into "Other". Default 16 (all 14 governorates fit). */
	maxSeries?: number;
}

interface SeriesData {
	key: string;
	total: number;
	byBucket: Map<string, number>;
}

/** Sums rows (bucket, series, value) per series; series ordered by total, largest first, then by key. */
function collect(input: ChartInput): SeriesData[] {
	const bySeries = new Map<string, SeriesData>();
	for (const row of rowsOf(input)) {
		const bucket = str(row.bucket);
		if (bucket === null) continue;
		const key = str(row.series) ?? UNKNOWN_PROVINCE;
		const value = num(row.value);
		let s = bySeries.get(key);
		if (!s) bySeries.set(key, (s = { key, total: 0, byBucket: new Map() }));
		s.total += value;
		s.byBucket.set(bucket, (s.byBucket.get(bucket) ?? 0) + value);
	}
	return [...bySeries.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function mergeTail(series: SeriesData[], max: number): SeriesData[] {
	if (series.length <= max) return series;
	const keep = series.slice(0, Math.max(0, max - 1));
	const other: SeriesData = { key: OTHER_SERIES, total: 0, byBucket: new Map() };
	for (const s of series.slice(keep.length)) {
		other.total += s.total;
		for (const [b, v] of s.byBucket) other.byBucket.set(b, (other.byBucket.get(b) ?? 0) + v);
	}
	return [...keep, other];
}

/** The deaths' range per bucket (rows with low / high, measure killed), or null when the rows carry none. */
export function bucketRanges(input: ChartInput): Map<string, { low: number; high: number }> | null {
	const out = new Map<string, { low: number; high: number }>();
	for (const row of rowsOf(input)) {
		const bucket = str(row.bucket);
		if (bucket === null || !('low' in row) || !('high' in row)) continue;
		const r = out.get(bucket) ?? { low: 0, high: 0 };
		out.set(bucket, { low: r.low + num(row.low), high: r.high + num(row.high) });
	}
	return out.size ? out : null;
}

/** The axis: every bucket from the earlier of `from` and the first row to the later of `to` and the last row. */
export function timelineBuckets(input: ChartInput, grain: Grain, from: string | null, to: string | null): string[] {
	const seen = rowsOf(input)
		.map((r) => str(r.bucket))
		.filter((b): b is string => b !== null)
		.sort();
	const lo = [from, seen[0]].filter((d): d is string => !!d).sort()[0];
	const hi = [to, seen[seen.length - 1]].filter((d): d is string => !!d).sort().pop();
	if (!lo || !hi || lo > hi) return [];
	return bucketSequence(bucketStart(lo, grain), hi, grain);
}

export function timelineOption(input: ChartInput, options: TimelineOptions): EChartsOption {
	const { grain, stack, measure } = options;
	const text = options.text ?? ENGLISH_TEXT;
	const buckets = timelineBuckets(input, grain, options.from, options.to);
	const series = mergeTail(collect(input), options.maxSeries ?? 16);
	const ranges = bucketRanges(input);
	const colours = seriesColours(
		series.map((s) => s.key),
		[OTHER_SERIES, UNKNOWN_PROVINCE]
	);
	const defaultLabel = (key: string) =>
		key === OTHER_SERIES ? text.other : stack === 'province' ? text.province(key) : key;
	const area = grain === 'day';
	const chartSeries: SeriesOption[] = series.map((s) => {
		const colour = colours.get(s.key) ?? OTHER_COLOUR;
		const common = {
			id: s.key,
			name: labelOf(options.labels, s.key, defaultLabel),
			stack: 'total',
			data: buckets.map((b) => s.byBucket.get(b) ?? 0),
			itemStyle: { color: colour },
			emphasis: { focus: 'series' as const }
		};
		return area
			? { ...common, type: 'line', areaStyle: { opacity: 0.85 }, lineStyle: { width: 0.5 }, symbol: 'none' }
			: { ...common, type: 'bar', barMaxWidth: 48 };
	});
	// Right to left: the value axis, its name and the legend's icons move to the right; the time axis keeps running
	// from the past on the left to the present on the right, as in Arabic news graphics (docs/i18n-a11y.md).
	const rtl = text.rtl;
	return {
		color: series.map((s) => colours.get(s.key) ?? OTHER_COLOUR),
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: area ? 'line' : 'shadow' },
			formatter: (params: unknown) => tooltipHtml(params, grain, measure, text, ranges),
			...tooltipDirection(text)
		},
		legend: { type: 'scroll', top: 0, align: rtl ? 'right' : 'auto' },
		grid: { left: rtl ? 24 : 8, right: rtl ? 8 : 24, top: 64, bottom: 64, containLabel: true },
		xAxis: {
			type: 'category',
			data: buckets,
			inverse: false,
			boundaryGap: !area,
			axisLabel: { formatter: (value: string) => text.bucketLabel(value, grain) }
		},
		yAxis: {
			type: 'value',
			position: rtl ? 'right' : 'left',
			name: text.measure(measure),
			nameTextStyle: { align: rtl ? 'right' : 'left' },
			minInterval: 1,
			axisLabel: { formatter: (value: number) => text.number(value) }
		},
		dataZoom: [
			{ type: 'inside', xAxisIndex: 0 },
			{ type: 'slider', xAxisIndex: 0, height: 20, bottom: 12, labelFormatter: (_: number, value: string) => text.bucketLabel(value, grain) }
		],
		series: chartSeries
	};
}

interface AxisParam {
	axisValue?: string;
	seriesName?: string;
	value?: unknown;
	marker?: string;
}

/** Exact figures of one bucket: non-zero series, largest first, and the total. Names are escaped. */
export function tooltipHtml(
	params: unknown,
	grain: Grain,
	measure: Measure,
	text: ChartText = ENGLISH_TEXT,
	ranges: Map<string, { low: number; high: number }> | null = null
): string {
	const list = (Array.isArray(params) ? params : [params]) as AxisParam[];
	const bucket = list[0]?.axisValue;
	const lines = list
		.map((p) => ({ name: p.seriesName ?? '', value: typeof p.value === 'number' ? p.value : 0, marker: p.marker ?? '' }))
		.filter((p) => p.value !== 0)
		.sort((a, b) => b.value - a.value);
	const total = lines.reduce((sum, p) => sum + p.value, 0);
	const head = bucket ? escapeHtml(text.bucketTitle(bucket, grain)) : '';
	const body = lines.map((p) => `${p.marker}${escapeHtml(p.name)}: <b>${text.number(p.value)}</b>`);
	const out = [`<b>${head}</b>`, ...body, `${escapeHtml(text.total(text.measure(measure)))}: <b>${text.number(total)}</b>`];
	// The bucket's range, as the KPI gives it, only where some source gave one (otherwise both ends are the total).
	const range = bucket ? ranges?.get(bucket) : undefined;
	if (range && (range.low !== total || range.high !== total)) out.push(escapeHtml(text.range(text.number(range.low), text.number(range.high))));
	return out.join('<br>');
}
