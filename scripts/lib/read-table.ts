// Streams the records of a .csv, .csv.gz or .xlsx file with the physical line each starts on and its raw text,
// in bounded memory. CSV: bytes -> text (decode.ts: UTF-8 by default, UTF-16 by byte-order mark, others by name)
// -> records (csv-records.ts: quote-aware, a record over the size limit comes out as `tooLarge` and reading goes
// on). XLSX: the archive is checked first (xlsx-guard.ts: zip bombs, corrupt archives, shared-string caps), then
// exceljs' streaming WorkbookReader reads the first worksheet row by row.
// Anything that cannot be read as a table is refused with a message that names the file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import ExcelJS from 'exceljs';
import { cellText, sheetRecords, XlsxCellTooLong, type SheetRow } from '../../src/lib/import/xlsx-rows';
import type { DelimiterChoice } from '../../src/lib/import/csv-records';
import { csvReadProblem, csvRecordSource, TableProblem, takeHeader } from '../../src/lib/import/csv-table';
import { DecodeError } from '../../src/lib/import/decode';
import { binaryKind, GZIP_MAGIC, LEGACY_XLS, NOT_A_WORKBOOK, OLE2_MAGIC, startsWith, xlsxProblem, ZIP_MAGIC } from '../../src/lib/import/file-kind';
import { isWorkbook } from '../../src/lib/import/zip-archive';
import { checkXlsx, DEFAULT_XLSX_LIMITS, withFileSource, XlsxRefused, XlsxUnreadable, type XlsxLimits } from './xlsx-guard';
import type { TableRecord } from '../../src/lib/import/run';
import { zipCsvEntry, ZipCsvError, zipEntryStages } from './zip-csv';

export type { TableRecord };

export interface Table {
	file: string;
	kind: 'csv' | 'xlsx';
	/** How the text was decoded (`utf-8`, `utf-16le (byte-order mark)`, `windows-1256 (--encoding)`, `xlsx`). */
	encoding: string;
	/** The field separator of a CSV and what chose it (null for xlsx). */
	delimiter: DelimiterChoice | null;
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

/** Passes bytes through, failing at once when the first ones are another container (a gzip inside a gzip...). */
class ContentSniffer extends Transform {
	private checked = false;
	constructor(private readonly where: string) {
		super();
	}
	override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
		if (!this.checked) {
			this.checked = true;
			const kind = binaryKind(chunk, this.where);
			if (kind) return done(new DecodeError(kind));
		}
		done(null, chunk);
	}
}

export async function openTable(file: string, options: OpenOptions = {}): Promise<Table> {
	const magic = await readMagic(file);
	const limits = { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits };
	const chunk = options.chunkSize ? { highWaterMark: options.chunkSize } : {};
	if (startsWith(magic, OLE2_MAGIC)) throw new TableReadError(file, LEGACY_XLS);
	if (startsWith(magic, ZIP_MAGIC)) {
		if (/\.xlsx$/i.test(file) || (await withFileSource(file, (src) => isWorkbook(src, file, limits)))) return openXlsx(file, limits, options.chunkSize);
		try {
			const entry = await zipCsvEntry(file, limits);
			return openCsv(file, zipEntryStages(file, entry, options.chunkSize), `inside the zip's ${entry.name}`, options);
		} catch (e) {
			if (e instanceof ZipCsvError) throw new TableReadError(file, e.message);
			throw e;
		}
	}
	if (/\.xlsx$/i.test(file)) throw new TableReadError(file, NOT_A_WORKBOOK);
	const input = createReadStream(file, chunk);
	if (startsWith(magic, GZIP_MAGIC)) return openCsv(file, [input, createGunzip()], 'inside the gzip', options, true);
	return openCsv(file, [input], '', options);
}

async function readMagic(file: string): Promise<Buffer> {
	let handle;
	try {
		handle = await open(file, 'r');
	} catch (e) {
		throw new TableReadError(file, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
	}
	try {
		const buf = Buffer.alloc(8);
		const { bytesRead } = await handle.read(buf, 0, 8, 0);
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
	encoding: () => string,
	delimiter: () => DelimiterChoice | null = () => null
): Promise<Table> {
	let header: string[];
	try {
		header = await takeHeader(source);
	} catch (e) {
		close();
		throw e instanceof TableProblem ? new TableReadError(file, e.message) : e;
	}
	const records: AsyncIterable<TableRecord> = {
		[Symbol.asyncIterator]: () => source
	};
	return { file, kind, encoding: encoding(), delimiter: delimiter(), header, records, close };
}

// ---------------------------------------------------------------- CSV

/**
 * `stages`: the byte source and its decompression (gunzip, or a zip entry's inflate and check); `where` names the
 * container in messages about what its bytes turned out to be. Decoding and splitting are src/lib/import/csv-table.ts.
 */
function openCsv(file: string, stages: Readable[], where: string, options: OpenOptions, gzipped = false): Promise<Table> {
	const bytes = new PassThrough();
	const streams = where ? [...stages, new ContentSniffer(where), bytes] : [...stages, bytes];
	pipeline(streams, () => {
		// Errors reach the consumer through the byte stream's async iterator.
	});
	const close = () => {
		bytes.destroy();
		for (const s of stages) s.destroy();
	};
	const source = csvRecordSource(bytes as AsyncIterable<Uint8Array>, { encoding: options.encoding, maxRecordBytes: options.maxRecordBytes });

	async function* records(): AsyncGenerator<TableRecord> {
		try {
			yield* source.records;
		} catch (e) {
			throw toReadError(file, e, gzipped, source.lastRecordLine());
		} finally {
			close();
		}
	}
	return withHeader(file, 'csv', records(), close, source.encoding, source.delimiter);
}

function toReadError(file: string, e: unknown, gzipped: boolean, lastLine: number): Error {
	if (e instanceof TableReadError) return e;
	if (e instanceof ZipCsvError) return new TableReadError(file, e.message);
	const problem = csvReadProblem(e, lastLine);
	if (problem) return new TableReadError(file, problem);
	const err = e as NodeJS.ErrnoException & { code?: string };
	if (gzipped && typeof err.code === 'string' && err.code.startsWith('Z_')) {
		return new TableReadError(file, `is not a readable gzip file (${err.message})`);
	}
	return new TableReadError(file, `cannot be read (${err.message ?? String(e)})`);
}

// ---------------------------------------------------------------- XLSX

export { cellText };

async function openXlsx(file: string, limits: XlsxLimits, chunkSize?: number): Promise<Table> {
	try {
		await checkXlsx(file, limits);
	} catch (e) {
		throw new TableReadError(file, xlsxProblem(e instanceof XlsxUnreadable ? 'unreadable' : e instanceof XlsxRefused ? 'refused' : 'other', (e as Error).message));
	}
	const input = createReadStream(file, chunkSize ? { highWaterMark: chunkSize } : {});
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		// Styles are what tell a date cell from a number: without them an Excel date arrives as its serial (45078).
		styles: 'cache',
		entries: 'ignore'
	});
	const close = () => input.destroy();
	async function* records(): AsyncGenerator<TableRecord> {
		try {
			for await (const sheet of reader) {
				// Only the first worksheet: the GTD distribution has one sheet of events.
				yield* sheetRecords(sheet as AsyncIterable<SheetRow>, limits.maxCellChars);
				return;
			}
			throw new TableReadError(file, 'has no worksheet');
		} catch (e) {
			if (e instanceof TableReadError) throw e;
			if (e instanceof XlsxCellTooLong) throw new TableReadError(file, e.message);
			throw new TableReadError(file, `is not a readable xlsx workbook (${(e as Error).message})`);
		} finally {
			close();
		}
	}
	return withHeader(file, 'xlsx', records(), close, () => 'xlsx');
}
