// Streams the records of a .csv, .csv.gz or .xlsx file with the physical line each starts on and its raw text.
// csv-parse does the quoting (line breaks inside quotes, doubled quotes, BOM); exceljs' streaming WorkbookReader
// reads the first worksheet of an xlsx row by row, so memory stays bounded for GTD's 200k-row sheet.
// Anything that is not UTF-8 text or an xlsx workbook is refused with a message that names the file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { csvLine } from '../../src/lib/export/csv';

export interface TableRecord {
	/** 1-based physical line (CSV) or sheet row number (xlsx) where the record starts; the header is line 1. */
	line: number;
	values: string[];
	/** The record as it appears in the file (CSV), or its cells written as one CSV line (xlsx). */
	raw: string;
}

export interface Table {
	file: string;
	kind: 'csv' | 'xlsx';
	header: string[];
	records: AsyncIterable<TableRecord>;
	/** Stops reading early and releases the file. */
	close(): void;
}

/** The file cannot be read as a table at all (encoding, compression, syntax, no header). */
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
}

export async function openTable(file: string, options: OpenOptions = {}): Promise<Table> {
	const magic = await readMagic(file);
	const isZip = magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04;
	const input = createReadStream(file, options.chunkSize ? { highWaterMark: options.chunkSize } : {});
	if (isZip) return openXlsx(file, input);
	if (/\.xlsx$/i.test(file)) {
		input.destroy();
		throw new TableReadError(file, 'is not an xlsx workbook (no zip signature)');
	}
	return openCsv(file, input, magic[0] === 0x1f && magic[1] === 0x8b);
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
	close: () => void
): Promise<Table> {
	const first = await source.next();
	if (first.done) {
		close();
		throw new TableReadError(file, 'is empty: no header row');
	}
	const header = first.value.values;
	if (header.every((h) => h.trim() === '')) {
		close();
		throw new TableReadError(file, `line ${first.value.line} is blank: no header row`);
	}
	const records: AsyncIterable<TableRecord> = {
		[Symbol.asyncIterator]: () => source
	};
	return { file, kind, header, records, close };
}

// ---------------------------------------------------------------- CSV

/** Line breaks in `s` (CRLF, LF or CR each count once); `afterCR` says the text before `s` ended in CR. */
function countBreaks(s: string, afterCR: boolean): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 13) n++;
		else if (c === 10 && !(i === 0 ? afterCR : s.charCodeAt(i - 1) === 13)) n++;
	}
	return n;
}

function openCsv(file: string, input: Readable, gzipped: boolean): Promise<Table> {
	const decoder = new Utf8Decoder(file);
	// raw gives each record's text; the line numbers are counted from it (csv-parse's own `info.lines` counts a
	// CRLF inside quotes twice).
	const parser = parse({ bom: true, raw: true, relax_column_count: true, skip_empty_lines: true });
	const streams: (Readable | Transform)[] = gzipped ? [input, createGunzip(), decoder] : [input, decoder];
	pipeline([...streams, parser], () => {
		// Errors reach the consumer through the parser's async iterator.
	});
	const close = () => {
		parser.destroy();
		input.destroy();
	};

	async function* records(): AsyncGenerator<TableRecord> {
		let breaks = 0;
		let afterCR = false;
		let lastLine = 0;
		try {
			for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
				const body = raw.replace(/^[\r\n]+/, '');
				const leading = raw.slice(0, raw.length - body.length);
				const line = 1 + breaks + countBreaks(leading, afterCR);
				breaks += countBreaks(raw, afterCR);
				afterCR = raw.endsWith('\r');
				lastLine = line;
				yield { line, values: record, raw: body.replace(/(\r\n|\r|\n)$/, '') };
			}
		} catch (e) {
			throw toReadError(file, e, gzipped, lastLine);
		} finally {
			close();
		}
	}
	return withHeader(file, 'csv', records(), close);
}

function toReadError(file: string, e: unknown, gzipped: boolean, lastLine: number): Error {
	if (e instanceof TableReadError) return e;
	const err = e as NodeJS.ErrnoException & { code?: string };
	if (gzipped && typeof err.code === 'string' && err.code.startsWith('Z_')) {
		return new TableReadError(file, `is not a readable gzip file (${err.message})`);
	}
	if (typeof err.code === 'string' && (err.code.startsWith('CSV_') || err.code.startsWith('INVALID_'))) {
		const where = lastLine ? `after the record on line ${lastLine}` : 'in the header';
		return new TableReadError(file, `is not valid CSV ${where}: ${err.message}`);
	}
	return new TableReadError(file, `cannot be read (${err.message ?? String(e)})`);
}

/**
 * Decodes UTF-8 strictly. UTF-16 (BOM or NUL bytes) and any invalid byte sequence (Windows-1252, Latin-1) stop the
 * read with the position, instead of turning into replacement characters in the data.
 */
class Utf8Decoder extends Transform {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	private offset = 0;
	private lines = 1;

	constructor(private readonly file: string) {
		super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
		if (this.offset === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
			done(new TableReadError(this.file, 'is UTF-16 encoded; save it as UTF-8 CSV'));
			return;
		}
		const nul = chunk.indexOf(0);
		if (nul >= 0) {
			done(new TableReadError(this.file, `has a NUL byte at byte ${this.offset + nul}: UTF-16 or binary, not a UTF-8 CSV`));
			return;
		}
		try {
			const text = this.decoder.decode(chunk, { stream: true });
			this.offset += chunk.length;
			this.lines += countBreaks(text, false);
			done(null, text);
		} catch {
			done(this.invalidAt(chunk));
		}
	}

	override _flush(done: TransformCallback): void {
		try {
			done(null, this.decoder.decode());
		} catch {
			done(new TableReadError(this.file, 'ends inside a UTF-8 character: not valid UTF-8'));
		}
	}

	/** Finds the first byte of the chunk that breaks UTF-8, for the message (only runs on failure). */
	private invalidAt(chunk: Buffer): TableReadError {
		const probe = new TextDecoder('utf-8', { fatal: true });
		let text = '';
		// Start of the sequence being decoded: a lead byte is only refused once the byte after it arrives.
		let i = 0;
		try {
			for (let j = 0; j < chunk.length; j++) {
				const out = probe.decode(chunk.subarray(j, j + 1), { stream: true });
				text += out;
				if (out !== '') i = j + 1;
			}
		} catch {
			// i is the first byte of the offending sequence.
		}
		const line = this.lines + countBreaks(text, false);
		return new TableReadError(
			this.file,
			`is not valid UTF-8 (byte 0x${chunk[i]?.toString(16).padStart(2, '0')} at offset ${this.offset + i}, line ${line}); ` +
				'it is probably Windows-1252 or Latin-1: save it as UTF-8 CSV'
		);
	}
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

function openXlsx(file: string, input: Readable): Promise<Table> {
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
	return withHeader(file, 'xlsx', records(), close);
}
