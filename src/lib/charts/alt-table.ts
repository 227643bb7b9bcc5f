// Text alternatives of the charts: each chart's figures as a table, read from the very option object the chart
// draws (so the "show as table" switch and the summary sentence can never disagree with the picture), and the
// facts a one-sentence summary needs (total, largest series, peak bucket, range).
import type { EChartsOption } from 'echarts';
import type { Grain } from '../query/filters';
import { ENGLISH_TEXT, type ChartText } from './text';

export interface AltColumn {
	/** The raw key (p-code, codebook label) or the series id. */
	key: string;
	label: string;
}

export interface AltRow {
	/** The raw key of the row (bucket start date, p-code, codebook label, NULL_KEY). */
	key: string;
	label: string;
	values: number[];
}

export interface AltTable {
	columns: AltColumn[];
	rows: AltRow[];
}

export interface AltFacts {
	total: number;
	/** The column with the largest sum (the biggest series of the timeline; the only column elsewhere). */
	topColumn: { label: string; value: number } | null;
	/** The row with the largest sum (the timeline's peak bucket, the largest bar or governorate). */
	topRow: { label: string; value: number } | null;
	first: string | null;
	last: string | null;
}

type SeriesLike = { id?: string; name?: string; data?: unknown[] };

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const numberOf = (v: unknown): number => {
	const raw = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
	const n = Array.isArray(raw) ? raw[2] : raw;
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

/** Rows = the time axis's buckets (oldest first), columns = the series, cells = the stacked values. */
export function timelineTable(option: EChartsOption, grain: Grain, text: ChartText = ENGLISH_TEXT): AltTable {
	const axis = list(option.xAxis as { data?: string[] } | { data?: string[] }[])[0];
	const buckets = axis?.data ?? [];
	const series = list(option.series as SeriesLike | SeriesLike[]);
	return {
		columns: series.map((s) => ({ key: String(s.id ?? s.name ?? ''), label: String(s.name ?? s.id ?? '') })),
		rows: buckets.map((b, i) => ({ key: b, label: text.bucketLabel(b, grain), values: series.map((s) => numberOf(s.data?.[i])) }))
	};
}

/** One row per bar, in the chart's order (largest first), one column (the measure). */
export function barListTable(option: EChartsOption, column: string): AltTable {
	const axis = list(option.yAxis as { data?: string[] } | { data?: string[] }[])[0];
	const labels = axis?.data ?? [];
	const [series] = list(option.series as SeriesLike | SeriesLike[]);
	const data = series?.data ?? [];
	return {
		columns: [{ key: 'value', label: column }],
		rows: data.map((d, i) => ({
			key: String((d as { id?: unknown })?.id ?? labels[i] ?? i),
			label: String(labels[i] ?? ''),
			values: [numberOf(d)]
		}))
	};
}

/** One row per governorate (the map's items, named by p-code), largest first, then by name. */
export function mapTable(option: EChartsOption, column: string, name: (pcode: string) => string): AltTable {
	const [series] = list(option.series as SeriesLike | SeriesLike[]);
	const rows = (series?.data ?? []).map((d) => {
		const key = String((d as { name?: unknown })?.name ?? '');
		return { key, label: name(key), values: [numberOf(d)] };
	});
	rows.sort((a, b) => b.values[0] - a.values[0] || a.label.localeCompare(b.label));
	return { columns: [{ key: 'value', label: column }], rows };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The figures of a summary sentence; ties go to the first (the table's own order). */
export function tableFacts(table: AltTable): AltFacts {
	const rowSums = table.rows.map((r) => sum(r.values));
	const columnSums = table.columns.map((_, c) => sum(table.rows.map((r) => r.values[c] ?? 0)));
	const best = <T>(items: T[], sums: number[], label: (x: T) => string) => {
		let at = -1;
		sums.forEach((v, i) => {
			if (v > 0 && (at < 0 || v > sums[at])) at = i;
		});
		return at < 0 ? null : { label: label(items[at]), value: sums[at] };
	};
	return {
		total: sum(rowSums),
		topColumn: best(table.columns, columnSums, (c) => c.label),
		topRow: best(table.rows, rowSums, (r) => r.label),
		first: table.rows[0]?.label ?? null,
		last: table.rows[table.rows.length - 1]?.label ?? null
	};
}
