// Recognises a source table by its header, so `--format` is only needed for spreadsheets of other shapes.
import { isSchemaHeader } from './csv';
import { headerKey } from './record';
import type { ImportFormat } from './types';

const SIGNATURES: readonly (readonly [ImportFormat, readonly string[]])[] = [
	['acled', ['event_id_cnty', 'event_date']],
	['gtd', ['eventid', 'iyear', 'imonth', 'iday']],
	['ucdp', ['id', 'date_start', 'date_end', 'type_of_violence', 'best']]
];

/** The format whose signature columns the header has (any case), `csv` for schema-named columns, else null. */
export function detectFormat(header: readonly string[]): ImportFormat | null {
	const keys = new Set(header.map(headerKey));
	for (const [format, columns] of SIGNATURES) if (columns.every((c) => keys.has(c))) return format;
	return isSchemaHeader(header) ? 'csv' : null;
}
