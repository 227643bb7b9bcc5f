// CSV downloads: the filtered incidents (exportQuery's rows, every schema column) and any chart's aggregated
// rows. RFC 4180 with CRLF, UTF-8 with a BOM (so Excel reads Arabic correctly) and the formula guard on text
// cells (src/lib/export/csv.ts).
import type { QueryResult } from '../query/engine';
import type { Filters } from '../query/filters';
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

/** `rasd-incidents_2023-01-01_2023-12-31.csv`. */
export function exportFileName(f: Pick<Filters, 'from' | 'to'>, data: { min: string; max: string } | null): string {
	return `rasd-incidents_${rangeText(f, data)}.csv`;
}

/** `rasd-timeline_2023-01-01_2023-12-31.csv`; the chart name is reduced to [a-z0-9-]. */
export function aggregateFileName(chart: string, f: Pick<Filters, 'from' | 'to'>, data: { min: string; max: string } | null): string {
	const name = chart.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
	return `rasd-${name}_${rangeText(f, data)}.csv`;
}
