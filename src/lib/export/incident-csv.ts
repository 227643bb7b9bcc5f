// CSV downloads: the filtered incidents (exportQuery's rows, every schema column) and any chart's aggregated
// rows. RFC 4180 with CRLF, UTF-8 with a BOM (so Excel reads Arabic correctly) and the formula guard on text
// cells (src/lib/export/csv.ts).
import type { QueryResult } from '../query/engine';
import type { Filters } from '../query/filters';
import { DIMENSIONS, DIMENSION_KEYS } from '../query/dimensions';
import { UTF8_BOM, csvLine, type CsvValue } from './csv';

const OPTIONS = { guardFormulas: true } as const;

/** The document in pieces (BOM + header, then one string per 1,000 rows), for `new Blob(parts)` on big exports. */
export function* csvParts(result: QueryResult, columns: readonly string[] = result.names): Generator<string> {
	const missing = columns.filter((c) => !result.columns[c]);
	if (missing.length > 0) throw new Error(`result lacks column(s) ${missing.join(', ')}`);
	yield UTF8_BOM + csvLine(columns, OPTIONS);
	const cols = columns.map((c) => result.columns[c]);
	let chunk: string[] = [];
	for (let i = 0; i < result.rowCount; i++) {
		chunk.push(csvLine(cols.map((col) => col[i] as CsvValue), OPTIONS));
		if (chunk.length === 1000) {
			yield chunk.join('');
			chunk = [];
		}
	}
	if (chunk.length > 0) yield chunk.join('');
}

/** A chart's data as shown: the result's own columns. */
export function aggregateCsv(result: QueryResult): string {
	return [...csvParts(result)].join('');
}

/** The date range of the export: the filter's ends, open ends filled from the data range. */
function rangeText(f: Pick<Filters, 'from' | 'to'>, data: { min: string; max: string } | null): string {
	const from = f.from ?? data?.min ?? 'start';
	const to = f.to ?? data?.max ?? 'end';
	return `${from}_${to}`;
}

/** Longest file name stem: file systems allow 255 bytes; the extension and a browser's " (1)" need the rest. */
const MAX_STEM = 180;

/** A value as a file-name part: lower case [a-z0-9-], other characters dropped or turned into '-'. */
const slug = (v: string) => v.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * The part of a file name that names the view's filters, in URL-key order: `_province-sy11+sy09_target-military`,
 * `_min-5`, `_q-car-bomb` ('' when only dates filter). Values without Latin letters or digits (an Arabic search)
 * are dropped from the name; the citation inside the file still has them.
 */
export function viewFilePart(f: Filters): string {
	const parts: string[] = [];
	for (const key of DIMENSION_KEYS) {
		const values = f[key].map(slug).filter((v) => v !== '');
		if (values.length) parts.push(`${DIMENSIONS[key].url}-${values.join('+')}`);
	}
	if (f.minCasualties !== null) parts.push(`min-${f.minCasualties}`);
	const q = slug(f.q);
	if (q) parts.push(`q-${q}`);
	return parts.map((p) => `_${p}`).join('');
}

/** `rasd-<name>_<from>_<to><filters>`, cut to a safe length; the name is reduced to [a-z0-9-]. */
export function viewFileStem(name: string, f: Filters, data: { min: string; max: string } | null): string {
	const stem = `rasd-${slug(name) || 'chart'}_${rangeText(f, data)}${viewFilePart(f)}`;
	return stem.length <= MAX_STEM ? stem : stem.slice(0, MAX_STEM).replace(/[-+_]+$/, '');
}

/** `rasd-incidents_2023-01-01_2023-12-31_province-sy11.csv`: named after the view. */
export function exportFileName(f: Filters, data: { min: string; max: string } | null, extension = 'csv'): string {
	return `${viewFileStem('incidents', f, data)}.${extension}`;
}

/** `rasd-timeline_2023-01-01_2023-12-31_province-sy11.csv`: a chart's figures, named after the view. */
export function aggregateFileName(chart: string, f: Filters, data: { min: string; max: string } | null): string {
	return `${viewFileStem(chart, f, data)}.csv`;
}
