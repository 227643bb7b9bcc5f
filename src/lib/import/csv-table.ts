// CSV bytes -> header and records, in bounded memory: decode.ts turns bytes into text (UTF-8 by default, UTF-16 by
// byte-order mark, others by name), detectDelimiter() reads the first line, csv-records.ts splits records (a record
// over the size limit comes out as `tooLarge` and reading goes on). Pure: the CLI feeds it a Node stream of the
// file (scripts/lib/read-table.ts), the page's import worker the chunks of a File.
import { CsvRecordSplitter, CsvSyntaxError, DEFAULT_MAX_RECORD_BYTES, detectDelimiter, parseCsvRecord, type DelimiterChoice, type SplitItem } from './csv-records';
import { ChunkDecoder, DecodeError, describeEncoding } from './decode';
import type { TableRecord } from './run';

/** The bytes cannot be read as a table (no header, a header over the limit); the reader adds the file name. */
export class TableProblem extends Error {}

export interface CsvReadOptions {
	/** Text encoding (a WHATWG label); default UTF-8 or by byte-order mark. */
	encoding?: string;
	/** A record longer than this (in UTF-8 bytes) is returned as `tooLarge` instead of parsed. */
	maxRecordBytes?: number;
}

export interface CsvRecordSource {
	records: AsyncGenerator<TableRecord>;
	/** How the text was decoded (known once the first bytes are read). */
	encoding(): string;
	delimiter(): DelimiterChoice | null;
	/** Start line of the last complete record (for messages about a syntax error). */
	lastRecordLine(): number;
}

/** Every record of the CSV, the header first. Errors (DecodeError, CsvSyntaxError) are thrown by the iterator. */
export function csvRecordSource(bytes: AsyncIterable<Uint8Array>, options: CsvReadOptions = {}): CsvRecordSource {
	const decoder = new ChunkDecoder(options.encoding);
	const limit = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
	let splitter: CsvRecordSplitter | null = null;
	let choice: DelimiterChoice | null = null;

	const toRecord = (item: SplitItem): TableRecord =>
		item.kind === 'record'
			? { line: item.line, values: parseCsvRecord(item.text, choice?.delimiter), raw: item.text }
			: { line: item.line, values: [], raw: item.head, tooLarge: { bytes: item.bytes, limit } };

	/** The delimiter is chosen from the first line, so text is held back until a line break (or the limit). */
	let head = '';
	const start = (out: SplitItem[]) => {
		choice = detectDelimiter(head);
		splitter = new CsvRecordSplitter(limit, choice.delimiter, choice.skip ? 2 : 1);
		splitter.push(head.slice(choice.skip), out);
		head = '';
	};
	const feed = (text: string, out: SplitItem[]) => {
		if (splitter) splitter.push(text, out);
		else {
			head += text;
			if (/[\r\n]/.test(head) || head.length > limit) start(out);
		}
	};

	async function* records(): AsyncGenerator<TableRecord> {
		const out: SplitItem[] = [];
		for await (const chunk of bytes) {
			feed(decoder.push(chunk), out);
			for (const item of out) yield toRecord(item);
			out.length = 0;
		}
		feed(decoder.end(), out);
		if (!splitter) start(out);
		(splitter as unknown as CsvRecordSplitter).end(out);
		for (const item of out) yield toRecord(item);
	}
	return {
		records: records(),
		encoding: () => (decoder.info ? describeEncoding(decoder.info) : 'utf-8'),
		delimiter: () => choice,
		lastRecordLine: () => (splitter as CsvRecordSplitter | null)?.lastRecordLine ?? 0
	};
}

/** Pulls the first record as the header; throws TableProblem when there is none. */
export async function takeHeader(source: AsyncGenerator<TableRecord>): Promise<string[]> {
	const first = await source.next();
	if (first.done) throw new TableProblem('is empty: no header row (an empty file, or only blank lines)');
	if (first.value.tooLarge) {
		throw new TableProblem(`the header (line ${first.value.line}) is ${first.value.tooLarge.bytes} bytes, over the record limit of ${first.value.tooLarge.limit}: not a CSV table`);
	}
	const header = first.value.values;
	if (header.every((h) => h.trim() === '')) throw new TableProblem(`line ${first.value.line} is blank: no header row`);
	return header;
}

/** What to tell about a failure of csvRecordSource's records (after the file name), or null for another error. */
export function csvReadProblem(e: unknown, lastLine: number): string | null {
	if (e instanceof TableProblem || e instanceof DecodeError) return e.message;
	if (e instanceof CsvSyntaxError) {
		const where = lastLine ? `after the record on line ${lastLine}` : 'in the header';
		return `is not valid CSV ${where}: ${e.message}; nothing was imported`;
	}
	return null;
}
