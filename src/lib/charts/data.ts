// Small shared helpers of the chart builders: rows from a query result, labels, number formatting, HTML escaping.
import { governorateByPcode } from '../data/gazetteer';
import type { Measure } from '../query/filters';
import type { QueryResult } from '../query/engine';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** Builders take a columnar QueryResult or rows already turned into objects. */
export type ChartInput = QueryResult | readonly Row[];

export function rowsOf(input: ChartInput): Row[] {
	if (Array.isArray(input)) return [...input];
	const r = input as QueryResult;
	const out: Row[] = [];
	for (let i = 0; i < r.rowCount; i++) {
		const row: Row = {};
		for (const name of r.names) row[name] = r.columns[name]?.[i] ?? null;
		out.push(row);
	}
	return out;
}

/** A cell as a number; null and non-numbers count as 0 (an empty bucket). */
export function num(value: Cell | undefined): number {
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0;
	return Number.isFinite(n) ? n : 0;
}

export const str = (value: Cell | undefined): string | null => (value === null || value === undefined ? null : String(value));

const formatters = new Map<string, Intl.NumberFormat>();
/** Exact figure with thousands separators (1234 -> "1,234"). */
export function formatNumber(n: number, locale = 'en-US'): string {
	let f = formatters.get(locale);
	if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
	return f.format(n);
}

export const MEASURE_LABELS: Readonly<Record<Measure, string>> = {
	incidents: 'Incidents',
	killed: 'Killed',
	injured: 'Injured'
};

/** Display name of a p-code (English name from the gazetteer), or the key itself. */
export function provinceLabel(key: string): string {
	return governorateByPcode(key)?.en ?? (key === '(unknown)' ? 'Unknown province' : key);
}

/** Label lookup: caller's labels first (e.g. another language), then the default. */
export type Labels = Readonly<Record<string, string>> | ((key: string) => string | undefined);

export function labelOf(labels: Labels | undefined, key: string, fallback: (key: string) => string): string {
	const own = typeof labels === 'function' ? labels(key) : labels && Object.hasOwn(labels, key) ? labels[key] : undefined;
	return own ?? fallback(key);
}

/** Text placed into tooltip HTML: data values (names from imported files) must not become markup. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
