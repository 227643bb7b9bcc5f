// An xlsx worksheet's rows -> table records, shared by the CLI (exceljs' streaming WorkbookReader,
// scripts/lib/read-table.ts) and the page's import worker (exceljs' browser build, workspace/local-table.ts): the
// same cell text, padding, blank-row skipping and cell-length limit, so both give the same records.
import { csvLine } from '../export/csv';
import type { TableRecord } from './run';

/** A cell's value as text: numbers as JavaScript writes them, rich text joined, formulas by their result. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (Array.isArray(v.richText)) return v.richText.map((t: { text?: string }) => t.text ?? '').join('');
		if ('result' in v) return cellText(v.result);
		if ('text' in v) return cellText(v.text);
		if ('error' in v) return String(v.error);
	}
	return String(value);
}

/** A cell over the limit: the reader names the file and stops. */
export class XlsxCellTooLong extends Error {}

/** What exceljs gives for a row: its number and its sparse `values` (index 1 is column A). */
export interface SheetRow {
	number: number;
	values: unknown;
}

/** Turns a worksheet's rows, in order, into records; the first non-blank row sets the width (the header). */
export async function* sheetRecords(rows: AsyncIterable<SheetRow> | Iterable<SheetRow>, maxCellChars: number): AsyncGenerator<TableRecord> {
	let width = -1;
	for await (const row of rows) {
		// row.values is sparse (empty cells are holes, and a table may start in column B): Array.from fills
		// the holes with '' where map() would skip them and leave undefined in the header.
		const cells = Array.from(((row.values as unknown[] | undefined) ?? []).slice(1), cellText);
		const long = cells.findIndex((c) => c.length > maxCellChars);
		if (long >= 0) {
			throw new XlsxCellTooLong(`row ${row.number}, column ${long + 1} holds ${cells[long].length} characters, over the limit of ${maxCellChars} (Excel's own); nothing was imported`);
		}
		if (width < 0) width = cells.length;
		// Empty trailing cells are not stored in the sheet: pad to the header, drop blank overflow.
		while (cells.length < width) cells.push('');
		while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
		if (cells.every((c) => c === '')) continue;
		yield { line: row.number, values: cells, raw: csvLine(cells).replace(/\r\n$/, '') };
	}
}
