// The "Export CSV" button: every filtered incident as one CSV Blob, built from pieces so that the document never
// exists as one string. When the page's data source can hand over the Arrow answer (exportArrow), the CSV is
// written straight from Arrow's buffers (arrow-csv.ts); otherwise from the QueryResult with csvParts. Both give
// the same bytes (tests/export/arrow-csv.test.ts).
import type { ArrowTableLike } from '../engine/arrow-result';
import type { QueryResult } from '../query/engine';
import type { Filters } from '../query/filters';
import { EXPORT_COLUMNS } from '../query/columns';
import { arrowCsvChunks } from './arrow-csv';
import { csvParts } from './incident-csv';

export interface ExportSource {
	exportRows(f: Filters): Promise<QueryResult>;
	/** The same rows as an Arrow table, or null when the engine cannot hand one over. */
	exportArrow?(f: Filters): Promise<ArrowTableLike | null>;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

/** The CSV of an Arrow table: each ~4 MiB piece goes into a Blob as soon as it is written, and is then garbage. */
export function arrowCsvBlob(table: ArrowTableLike, columns: readonly string[] = EXPORT_COLUMNS): Blob {
	const pieces: Blob[] = [];
	for (const chunk of arrowCsvChunks(table, columns)) pieces.push(new Blob([chunk]));
	return new Blob(pieces, { type: CSV_TYPE });
}

export async function incidentCsvBlob(source: ExportSource, f: Filters): Promise<Blob> {
	const table = source.exportArrow ? await source.exportArrow(f) : null;
	if (table) return arrowCsvBlob(table);
	return new Blob([...csvParts(await source.exportRows(f), EXPORT_COLUMNS)], { type: CSV_TYPE });
}
