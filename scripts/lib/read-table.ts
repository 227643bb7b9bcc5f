// Streams the records of a .csv, .csv.gz or .xlsx file with the physical line each starts on and its raw text,
// in bounded memory. CSV: bytes -> text (decode.ts: UTF-8 by default, UTF-16 by byte-order mark, others by name)
// -> records (csv-records.ts: quote-aware, a record over the size limit comes out as `tooLarge` and reading goes
// on). XLSX: the archive is checked first (xlsx-guard.ts: zip bombs, corrupt archives, shared-string caps), then
// exceljs' streaming WorkbookReader reads the first worksheet row by row.
// Anything that cannot be read as a table is refused with a message that names the file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import ExcelJS from 'exceljs';
import { csvLine } from '../../src/lib/export/csv';
import { CsvRecordSplitter, CsvSyntaxError, DEFAULT_MAX_RECORD_BYTES, parseCsvRecord, type SplitItem } from './csv-records';
import { DecodeError, describeEncoding, TextDecodeStream } from './decode';
import { checkXlsx, DEFAULT_XLSX_LIMITS, XlsxRefused, XlsxUnreadable, type XlsxLimits } from './xlsx-guard';

export interface TableRecord {
	/** 1-based physical line (CSV) or sheet row number (xlsx) where the record starts; the header is line 1. */
	line: number;
	values: string[];
	/** The record as it appears in the file (CSV), or its cells written as one CSV line (xlsx). */
	raw: string;
	/** Set when the record is over the size limit: `values` is empty and `raw` holds its first characters only. */
	tooLarge?: { bytes: number; limit: number };
}

export interface Table {
	file: string;
	kind: 'csv' | 'xlsx';
	/** How the text was decoded (`utf-8`, `utf-16le (byte-order mark)`, `windows-1256 (--encoding)`, `xlsx`). */
	encoding: string;
	header: string[];
	records: AsyncIterable<TableRecord>;
	/** Stops reading early and releases the file. */
	close(): void;
}

/** The file cannot be read as a table at all (encoding, compression, syntax, no header, over a limit). */
export class TableReadError extends Error {
	constructor(
		readonly file: string,
		problem: string
	) {
		super(`${file}: ${problem}`);
	}
}

export interface OpenOptions {
	/** Read-chunk size in bytes; tests use tiny chunks to put chunk borders inside records and characters. */
	chunkSize?: number;
	/** Text encoding of a CSV (any WHATWG label: windows-1256, utf-16le, latin1, ...); default UTF-8 or by BOM. */
	encoding?: string;
	/** A CSV record longer than this (in UTF-8 bytes) is returned as `tooLarge` instead of parsed. */
	maxRecordBytes?: number;
	xlsxLimits?: Partial<XlsxLimits>;
}

export async function openTable(file: string, options: OpenOptions = {}): Promise<Table> {
	const magic = await readMagic(file);
	const isZip = magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04;
	if (isZip) return openXlsx(file, { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits }, options.chunkSize);
	if (/\.xlsx$/i.test(file)) throw new TableReadError(file, 'is not an xlsx workbook: not a zip archive (is it a CSV, or an old .xls file?)');
	const input = createReadStream(file, options.chunkSize ? { highWaterMark: options.chunkSize } : {});
	return openCsv(file, input, magic[0] === 0x1f && magic[1] === 0x8b, options);
}

async function readMagic(file: string): Promise<Buffer> {
	let handle;
	try {
		handle = await open(file, 'r');
	} catch (e) {
		throw new TableReadError(file, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
	}
	try {
		const buf = Buffer.alloc(4);
		const { bytesRead } = await handle.read(buf, 0, 4, 0);
		return buf.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/** Pulls the first record as the header and hands the rest out as `records`. */
async function withHeader(
	file: string,
	kind: Table['kind'],
	source: AsyncGenerator<TableRecord>,
	close: () => void,
	encoding: () => string
): Promise<Table> {
	const first = await source.next();
	if (first.done) {
		close();
		throw new TableReadError(file, 'is empty: no header row (an empty file, or only blank lines)');
	}
	if (first.value.tooLarge) {
		close();
		throw new TableReadError(file, `the header (line ${first.value.line}) is ${first.value.tooLarge.bytes} bytes, over the record limit of ${first.value.tooLarge.limit}: not a CSV table`);
	}
	const header = first.value.values;
	if (header.every((h) => h.trim() === '')) {
		close();
		throw new TableReadError(file, `line ${first.value.line} is blank: no header row`);
	}
	const records: AsyncIterable<TableRecord> = {
		[Symbol.asyncIterator]: () => source
	};
	return { file, kind, encoding: encoding(), header, records, close };
}

// ---------------------------------------------------------------- CSV

function openCsv(file: string, input: Readable, gzipped: boolean, options: OpenOptions): Promise<Table> {
	const decoder = new TextDecodeStream(options.encoding);
	const limit = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
	const streams = gzipped ? [input, createGunzip(), decoder] : [input, decoder];
	pipeline(streams, () => {
		// Errors reach the consumer through the decoder's async iterator.
	});
	const close = () => {
		decoder.destroy();
		input.destroy();
	};
	const splitter = new CsvRecordSplitter(limit);

	const toRecord = (item: SplitItem): TableRecord =>
		item.kind === 'record'
			? { line: item.line, values: parseCsvRecord(item.text), raw: item.text }
			: { line: item.line, values: [], raw: item.head, tooLarge: { bytes: item.bytes, limit } };

	async function* records(): AsyncGenerator<TableRecord> {
		const out: SplitItem[] = [];
		try {
			for await (const chunk of decoder as AsyncIterable<string>) {
				splitter.push(chunk, out);
				for (const item of out) yield toRecord(item);
				out.length = 0;
			}
			splitter.end(out);
			for (const item of out) yield toRecord(item);
		} catch (e) {
			throw toReadError(file, e, gzipped, splitter.lastRecordLine);
		} finally {
			close();
		}
	}
	return withHeader(file, 'csv', records(), close, () => (decoder.info ? describeEncoding(decoder.info) : 'utf-8'));
}

function toReadError(file: string, e: unknown, gzipped: boolean, lastLine: number): Error {
	if (e instanceof TableReadError) return e;
	if (e instanceof DecodeError) return new TableReadError(file, e.message);
	if (e instanceof CsvSyntaxError) {
		const where = lastLine ? `after the record on line ${lastLine}` : 'in the header';
		return new TableReadError(file, `is not valid CSV ${where}: ${e.message}; nothing was imported`);
	}
	const err = e as NodeJS.ErrnoException & { code?: string };
	if (gzipped && typeof err.code === 'string' && err.code.startsWith('Z_')) {
		return new TableReadError(file, `is not a readable gzip file (${err.message})`);
	}
	return new TableReadError(file, `cannot be read (${err.message ?? String(e)})`);
}

// ---------------------------------------------------------------- XLSX

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

async function openXlsx(file: string, limits: XlsxLimits, chunkSize?: number): Promise<Table> {
	try {
		await checkXlsx(file, limits);
	} catch (e) {
		if (e instanceof XlsxUnreadable) throw new TableReadError(file, `is not a readable xlsx workbook (${e.message})`);
		if (e instanceof XlsxRefused) throw new TableReadError(file, `is refused as a possible zip bomb: ${e.message}; nothing was imported`);
		throw new TableReadError(file, `cannot be read (${(e as Error).message})`);
	}
	const input = createReadStream(file, chunkSize ? { highWaterMark: chunkSize } : {});
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'ignore',
		entries: 'ignore'
	});
	const close = () => input.destroy();
	let width = -1;

	async function* records(): AsyncGenerator<TableRecord> {
		try {
			for await (const sheet of reader) {
				// Only the first worksheet: the GTD distribution has one sheet of events.
				for await (const row of sheet) {
					const cells = (row.values as unknown[]).slice(1).map(cellText);
					// row.values is sparse (empty cells are holes), hence the `?.`.
					const long = cells.findIndex((c) => c?.length > limits.maxCellChars);
					if (long >= 0) {
						throw new TableReadError(
							file,
							`row ${row.number}, column ${long + 1} holds ${cells[long].length} characters, over the limit of ${limits.maxCellChars} (Excel's own); nothing was imported`
						);
					}
					if (width < 0) width = cells.length;
					// Empty trailing cells are not stored in the sheet: pad to the header, drop blank overflow.
					while (cells.length < width) cells.push('');
					while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
					if (cells.every((c) => c === '')) continue;
					yield { line: row.number, values: cells, raw: csvLine(cells).replace(/\r\n$/, '') };
				}
				return;
			}
			throw new TableReadError(file, 'has no worksheet');
		} catch (e) {
			if (e instanceof TableReadError) throw e;
			throw new TableReadError(file, `is not a readable xlsx workbook (${(e as Error).message})`);
		} finally {
			close();
		}
	}
	return withHeader(file, 'xlsx', records(), close, () => 'xlsx');
}
