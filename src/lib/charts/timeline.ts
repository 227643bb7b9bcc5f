// The timeline: stacked bars per bucket (stacked areas at day grain over a year or less, where bars would be
// hair-thin; bars again over longer day ranges, where an area would draw slopes between days that are not there),
// one series per province or target type, the 7 largest and "Other" by default.
// Honest time (issue 12, section 3): incidents dated less precisely than the grain (rows of impreciseTimelineQuery)
// are taken out of their series and drawn as their own hatched series on top, left out of the total in the
// tooltip, of the baseline band and of peaks (they are not spread over their period: that would invent days);
// buckets only partly inside the range are drawn lighter and marked "partial". Every bucket between the range ends is on the axis, empty ones as 0, so gaps in the
// data read as gaps in time. Series ids are the raw keys (p-code / label) so a click maps back to a filter value;
// series names are display labels. The category axis holds bucket start dates ('YYYY-MM-DD'), which the app
// maps a dataZoom range back to a date filter with.
import type { EChartsOption, SeriesOption } from 'echarts';
import type { Grain, Measure, Stack } from '../query/filters';
import { UNKNOWN_PROVINCE } from '../query/columns';
import { BAND_RULE, ROLLING_PERIODS, baselineBand, rollingMean } from './baseline-band';
import { bucketEnd, bucketSequence, bucketStart } from './buckets';
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
	/** Most series drawn; the smallest beyond it are merged into "Other". Default 8: the 7 largest and "Other". */
	maxSeries?: number;
	/** Rows (bucket, series, precision, value) of impreciseTimelineQuery: subtracted from `input`, drawn apart. */
	imprecise?: ChartInput;
	/** Name of the imprecise series of a precision; default English "date known only to the month". */
	impreciseLabel?: (precision: string) => string;
	/** The days the range really covers (filter ends resolved by the data's first and last day): the buckets that
	 *  reach outside it are partial. Omitted: no bucket is marked. */
	coverage?: { from: string; to: string } | null;
	/** Word on partial buckets; default "partial". */
	partialLabel?: string;
	/** Draw the baseline band of the total (baseline-band.ts) and mark the buckets above it. */
	band?: boolean;
	/** Draw the rolling average of the total (4 weeks, 3 months; other grains have none). */
	rolling?: boolean;
	/** Tooltip line explaining the band; default the English rule. */
	bandRule?: string;
	/** Names of the band, of its marks and of the rolling line (default English). */
	overlayNames?: { band: string; above: string; rolling: string };
}

/** Largest series drawn by default, plus "Other" (issue 12: readable stacks). */
export const TOP_SERIES = 7;
/** Above this many day buckets the day grain draws bars rather than areas. */
export const DAY_AREA_MAX = 366;

/** Ids of the drawn series that are not categories of the stack. */
export const IMPRECISE_SERIES_PREFIX = '__imprecise_';
export const BAND_LOWER_SERIES = '__band_lower__';
export const BAND_SERIES = '__band__';
export const ABOVE_SERIES = '__above_band__';
export const ROLLING_SERIES = '__rolling__';
const isOverlay = (id: string) => id === BAND_LOWER_SERIES || id === BAND_SERIES || id === ABOVE_SERIES || id === ROLLING_SERIES;
/** A series of the stack (not the band, the rolling line or an imprecise series): what tables and peaks read. */
export const isCategorySeries = (id: string): boolean => !isOverlay(id) && !id.startsWith(IMPRECISE_SERIES_PREFIX);

const defaultImpreciseLabel = (precision: string) => `date known only to the ${precision}`;

/** Hatching of the imprecise series (a pattern, so it is told apart without colour). */
const HATCH = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(0, 0, 0, 0.45)' };
const IMPRECISE_COLOUR = '#999999';

interface SeriesData {
	key: string;
	total: number;
	byBucket: Map<string, number>;
}

/** Sums rows (bucket, series, value) per series, minus the `minus` rows; series ordered by total, largest first,
 *  then by key. A series left with nothing (all its incidents imprecise) is dropped. */
function collect(input: ChartInput, minus: ChartInput = []): SeriesData[] {
	const bySeries = new Map<string, SeriesData>();
	const signed = [...rowsOf(input).map((r) => [r, 1] as const), ...rowsOf(minus).map((r) => [r, -1] as const)];
	for (const [row, sign] of signed) {
		const bucket = str(row.bucket);
		if (bucket === null) continue;
		const key = str(row.series) ?? UNKNOWN_PROVINCE;
		const value = sign * num(row.value);
		let s = bySeries.get(key);
		if (!s) bySeries.set(key, (s = { key, total: 0, byBucket: new Map() }));
		s.total += value;
		s.byBucket.set(bucket, (s.byBucket.get(bucket) ?? 0) + value);
	}
	const kept = [...bySeries.values()].filter((s) => [...s.byBucket.values()].some((v) => v !== 0));
	return kept.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Imprecise rows per precision (finest first) and bucket. */
function collectImprecise(input: ChartInput): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const row of rowsOf(input)) {
		const bucket = str(row.bucket);
		const precision = str(row.precision);
		if (bucket === null || precision === null) continue;
		let m = out.get(precision);
		if (!m) out.set(precision, (m = new Map()));
		m.set(bucket, (m.get(bucket) ?? 0) + num(row.value));
	}
	const order = ['day', 'week', 'month', 'quarter', 'year'];
	return new Map([...out].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])));
}

/** The summed value of imprecise rows (the count the chart's summary states). */
export function impreciseTotal(input: ChartInput): number {
	return rowsOf(input).reduce((sum, r) => sum + num(r.value), 0);
}

/** Which buckets reach outside the covered days (only the first and the last can). */
export function partialBuckets(buckets: readonly string[], grain: Grain, coverage: { from: string; to: string } | null | undefined): boolean[] {
	return buckets.map((b) => !!coverage && (b < coverage.from || bucketEnd(b, grain) > coverage.to));
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
	const series = mergeTail(collect(input, options.imprecise ?? []), options.maxSeries ?? TOP_SERIES + 1);
	const imprecise = collectImprecise(options.imprecise ?? []);
	const partial = partialBuckets(buckets, grain, options.coverage);
	const totals = buckets.map((b) => series.reduce((sum, s) => sum + (s.byBucket.get(b) ?? 0), 0));
	const ranges = bucketRanges(input);
	const colours = seriesColours(
		series.map((s) => s.key),
		[OTHER_SERIES, UNKNOWN_PROVINCE]
	);
	const defaultLabel = (key: string) =>
		key === OTHER_SERIES ? text.other : stack === 'province' ? text.province(key) : key;
	const area = grain === 'day' && buckets.length <= DAY_AREA_MAX;
	// Partial buckets: lighter bars (an area cannot fade one point, so areas keep only the marker below).
	const cell = (value: number, t: number) => (partial[t] && !area ? { value, itemStyle: { opacity: 0.4 } } : value);
	const chartSeries: SeriesOption[] = series.map((s) => {
		const colour = colours.get(s.key) ?? OTHER_COLOUR;
		const common = {
			id: s.key,
			name: labelOf(options.labels, s.key, defaultLabel),
			stack: 'total',
			data: buckets.map((b, t) => cell(s.byBucket.get(b) ?? 0, t)),
			itemStyle: { color: colour },
			emphasis: { focus: 'series' as const }
		};
		return area
			? { ...common, type: 'line', areaStyle: { opacity: 0.85 }, lineStyle: { width: 0.5 }, symbol: 'none' }
			: { ...common, type: 'bar', barMaxWidth: 48 };
	});
	for (const [precision, byBucket] of imprecise) {
		chartSeries.push({
			id: `${IMPRECISE_SERIES_PREFIX}${precision}`,
			name: (options.impreciseLabel ?? defaultImpreciseLabel)(precision),
			type: 'bar',
			stack: 'total',
			barMaxWidth: 48,
			data: buckets.map((b, t) => cell(byBucket.get(b) ?? 0, t)),
			itemStyle: { color: IMPRECISE_COLOUR, decal: HATCH },
			emphasis: { focus: 'series' as const }
		} as SeriesOption);
	}
	const first = chartSeries[0] as Record<string, unknown> | undefined;
	if (first && partial.some(Boolean)) {
		const label = options.partialLabel ?? 'partial';
		first.markArea = {
			silent: true,
			itemStyle: { color: 'rgba(128, 128, 128, 0.08)' },
			label: { show: true, position: 'insideTop', formatter: label },
			data: buckets.flatMap((b, t) => (partial[t] ? [[{ xAxis: b }, { xAxis: b }]] : []))
		};
	}
	if (options.band) chartSeries.push(...bandSeries(totals, partial, buckets, options.overlayNames));
	const k = ROLLING_PERIODS[grain];
	if (options.rolling && k) {
		chartSeries.push({
			id: ROLLING_SERIES,
			name: options.overlayNames?.rolling ?? `${k}-${grain} average`,
			type: 'line',
			data: rollingMean(totals, k, partial),
			symbol: 'none',
			lineStyle: { width: 2, type: 'dashed', color: '#000000' },
			itemStyle: { color: '#000000' },
			z: 5
		});
	}
	// Right to left: the value axis, its name and the legend's icons move to the right; the time axis keeps running
	// from the past on the left to the present on the right, as in Arabic news graphics (docs/i18n-a11y.md).
	const rtl = text.rtl;
	return {
		color: series.map((s) => colours.get(s.key) ?? OTHER_COLOUR),
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: area ? 'line' : 'shadow' },
			formatter: (params: unknown) => tooltipHtml(params, grain, measure, text, options.band ? (options.bandRule ?? BAND_RULE.en) : undefined, ranges),
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

/** The band as two stacked lines (its lower edge, invisible, then its width, shaded) and the buckets above it. */
function bandSeries(
	totals: readonly number[],
	partial: readonly boolean[],
	buckets: readonly string[],
	names: { band: string; above: string } = { band: 'usual range', above: 'above the usual range' }
): SeriesOption[] {
	const band = baselineBand(totals, partial);
	const name = names.band;
	const lower = band.map((b) => (b.lower === null ? null : Math.max(0, b.lower)));
	return [
		{ id: BAND_LOWER_SERIES, name, type: 'line', stack: 'band', data: lower, symbol: 'none', lineStyle: { opacity: 0 }, silent: true, z: 1 },
		{
			id: BAND_SERIES, name, type: 'line', stack: 'band', symbol: 'none', silent: true, z: 1,
			data: band.map((b, t) => (b.upper === null ? null : b.upper - (lower[t] ?? 0))),
			lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(0, 114, 178, 0.15)' }
		},
		{
			id: ABOVE_SERIES, name: names.above, type: 'scatter', symbol: 'triangle', symbolSize: 10, z: 6,
			itemStyle: { color: '#D55E00' },
			data: buckets.map((_, t) => (band[t].above ? totals[t] : null))
		}
	];
}

interface AxisParam {
	axisValue?: string;
	seriesId?: string;
	seriesName?: string;
	value?: unknown;
	marker?: string;
}

/**
 * Exact figures of one bucket: non-zero series, largest first, and the total; then, apart and outside the total,
 * the incidents dated less precisely than the bucket; then the usual range and its rule, and the rolling average,
 * when drawn. Names are escaped.
 */
export function tooltipHtml(
	params: unknown,
	grain: Grain,
	measure: Measure,
	text: ChartText = ENGLISH_TEXT,
	bandRule?: string,
	ranges: Map<string, { low: number; high: number }> | null = null
): string {
	const list = (Array.isArray(params) ? params : [params]) as AxisParam[];
	const bucket = list[0]?.axisValue;
	const valueOf = (p: AxisParam) => {
		const v = p.value !== null && typeof p.value === 'object' && 'value' in p.value ? (p.value as { value: unknown }).value : p.value;
		return typeof v === 'number' ? v : 0;
	};
	const id = (p: AxisParam) => p.seriesId ?? '';
	const line = (p: { name: string; value: number; marker: string }) => `${p.marker}${escapeHtml(p.name)}: <b>${text.number(p.value)}</b>`;
	const entries = (keep: (p: AxisParam) => boolean) =>
		list
			.filter(keep)
			.map((p) => ({ name: p.seriesName ?? '', value: valueOf(p), marker: p.marker ?? '' }))
			.filter((p) => p.value !== 0)
			.sort((a, b) => b.value - a.value);
	const lines = entries((p) => !id(p).startsWith(IMPRECISE_SERIES_PREFIX) && !isOverlay(id(p)));
	const imprecise = entries((p) => id(p).startsWith(IMPRECISE_SERIES_PREFIX));
	const total = lines.reduce((sum, p) => sum + p.value, 0);
	const head = bucket ? escapeHtml(text.bucketTitle(bucket, grain)) : '';
	const out = [`<b>${head}</b>`, ...lines.map(line), `${escapeHtml(text.total(text.measure(measure)))}: <b>${text.number(total)}</b>`];
	// The bucket's range, as the KPI gives it, only where some source gave one (otherwise both ends are the total).
	const range = bucket ? ranges?.get(bucket) : undefined;
	if (range && (range.low !== total || range.high !== total)) out.push(escapeHtml(text.range(text.number(range.low), text.number(range.high))));
	out.push(...imprecise.map(line));
	const lower = list.find((p) => id(p) === BAND_LOWER_SERIES);
	const width = list.find((p) => id(p) === BAND_SERIES);
	if (lower && width && typeof lower.value === 'number' && typeof width.value === 'number') {
		out.push(`${escapeHtml(width.seriesName ?? '')}: ${text.number(Math.round(lower.value * 10) / 10)} – ${text.number(Math.round((lower.value + width.value) * 10) / 10)}`);
	}
	const above = list.find((p) => id(p) === ABOVE_SERIES);
	if (above && typeof above.value === 'number') out.push(`<b>${escapeHtml(above.seriesName ?? '')}</b>`);
	const rolling = list.find((p) => id(p) === ROLLING_SERIES);
	if (rolling && typeof rolling.value === 'number') out.push(`${escapeHtml(rolling.seriesName ?? '')}: ${text.number(Math.round(rolling.value * 10) / 10)}`);
	if (bandRule) out.push(`<small>${escapeHtml(bandRule)}</small>`);
	return out.join('<br>');
}

/** Most series drawn as small multiples (issue 12: "for up to 14"). */
export const MAX_MULTIPLES = 14;

/**
 * Small multiples of a timeline option built with maxSeries MAX_MULTIPLES: one small option per series of the
 * stack, every one on the same value scale (the largest bucket of any series), with the same time axis and tooltip.
 * The band, the rolling line and the imprecise series are left out (they belong to the total).
 */
export function smallMultiples(option: EChartsOption): { id: string; name: string; option: EChartsOption }[] {
	const all = (Array.isArray(option.series) ? option.series : []) as (SeriesOption & { id?: string; name?: string; data?: unknown[] })[];
	const series = all.filter((s) => isCategorySeries(String(s.id ?? '')));
	const valueOf = (d: unknown) => (typeof d === 'number' ? d : d && typeof d === 'object' && 'value' in d ? Number((d as { value: unknown }).value) : 0);
	const max = Math.max(1, ...series.flatMap((s) => (s.data ?? []).map(valueOf)));
	const colours = (option.color as string[] | undefined) ?? [];
	const x = option.xAxis as Record<string, unknown>;
	const y = option.yAxis as Record<string, unknown>;
	return series.map((s, i) => ({
		id: String(s.id),
		name: String(s.name ?? s.id),
		option: {
			color: [colours[i] ?? OTHER_COLOUR],
			tooltip: option.tooltip,
			// The series' name is the chart's caption in the page (the title component is not bundled).
			grid: { left: 8, right: 8, top: 8, bottom: 4, containLabel: true },
			xAxis: { ...x, axisLabel: { ...(x.axisLabel as object), fontSize: 9 } },
			yAxis: { ...y, name: '', max, splitNumber: 2, axisLabel: { ...(y.axisLabel as object), fontSize: 9 } },
			series: [{ ...s, stack: undefined, markArea: undefined } as SeriesOption]
		}
	}));
}
