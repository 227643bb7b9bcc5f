// RFC 4180 CSV writing, shared by the browser export and the Node data pipeline.

export type CsvValue = string | number | bigint | boolean | null | undefined;

export interface CsvOptions {
	/**
	 * Neutralise cells a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or carriage return)
	 * by prefixing an apostrophe. Numbers are never touched, so a negative figure stays a number.
	 */
	guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	let text = value;
	if (options.guardFormulas && FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[], options: CsvOptions = {}): string {
	return values.map((v) => csvCell(v, options)).join(',') + '\r\n';
}

export const UTF8_BOM = '\uFEFF';
