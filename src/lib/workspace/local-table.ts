// A File the analyst opened -> header and records, as the CLI's openTable (scripts/lib/read-table.ts) reads the
// same file: CSV (csv-table.ts), .csv.gz, a zip holding one CSV and an xlsx workbook, with the CLI's detection
// (file-kind.ts), archive checks (zip-archive.ts, xlsx-scan.ts), row shaping (xlsx-rows.ts) and messages. The
// browser's DecompressionStream stands in for node:zlib; exceljs' browser build, loaded only when an xlsx is
// opened, for its streaming reader (which needs Node's file system). Every refusal is an ImportError naming the file.
import { csvReadProblem, csvRecordSource, TableProblem, takeHeader } from '../import/csv-table';
import { DecodeError } from '../import/decode';
import { binaryKind, GZIP_MAGIC, LEGACY_XLS, NOT_A_WORKBOOK, OLE2_MAGIC, startsWith, xlsxProblem, ZIP_MAGIC } from '../import/file-kind';
import { ImportError, type TableRecord } from '../import/run';
import { sheetRecords, XlsxCellTooLong, type SheetRow } from '../import/xlsx-rows';
import { scanEntry } from '../import/xlsx-scan';
import { blobSource, DEFAULT_XLSX_LIMITS, EntryCheck, isWorkbook, XlsxRefused, XlsxUnreadable, xlsxEntries, ZipCsvError, zipCsvEntry, type XlsxLimits, type ZipEntry } from '../import/zip-archive';

export interface LocalTable {
	header: string[];
	encoding: string;
	delimiter: string | null;
	records: AsyncIterable<TableRecord>;
}

type Bytes = ReadableStream<Uint8Array>;
const through = (s: Bytes, t: { readable: ReadableStream; writable: WritableStream }) => s.pipeThrough(t as unknown as TransformStream<Uint8Array, Uint8Array>);

/** Counts the bytes read of the file (the progress bar). */
function counted(s: Bytes, read: (n: number) => void): Bytes {
	return through(s, new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, ctl) => (read(chunk.length), ctl.enqueue(chunk)) }));
}

/** Fails at once when the first bytes inside a container are another container (a gzip inside a gzip...). */
function sniffed(s: Bytes, where: string): Bytes {
	let checked = false;
	return through(
		s,
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, ctl) {
				if (!checked) {
					checked = true;
					const kind = binaryKind(chunk, where);
					if (kind) throw new DecodeError(kind);
				}
				ctl.enqueue(chunk);
			}
		})
	);
}

async function* chunksOf(s: Bytes): AsyncGenerator<Uint8Array> {
	const reader = s.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

/** An entry's stored bytes (counted by `read`), inflated when deflated. */
const entryBytes = (file: Blob, e: ZipEntry, read: (n: number) => void = () => undefined): Bytes => {
	const stored = counted(file.slice(e.dataStart, e.dataStart + e.compressedSize).stream() as Bytes, read);
	return e.method === 8 ? through(stored, new DecompressionStream('deflate-raw')) : stored;
};

/** Opens the file as the CLI would; `read` counts the bytes of the file read so far. */
export async function openLocalTable(file: File, read: (n: number) => void, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<LocalTable> {
	const name = file.name;
	const fail = (problem: string): never => {
		throw new ImportError(`${name}: ${problem}`, name);
	};
	const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
	if (startsWith(head, OLE2_MAGIC)) fail(LEGACY_XLS);
	if (startsWith(head, ZIP_MAGIC)) {
		const src = blobSource(file);
		if (/\.xlsx$/i.test(name) || (await isWorkbook(src, name, limits))) return openXlsx(file, limits, fail, read);
		let entry: ZipEntry;
		try {
			entry = await zipCsvEntry(src, limits);
		} catch (e) {
			if (e instanceof ZipCsvError) fail(e.message);
			throw e;
		}
		const check = new EntryCheck(entry);
		const checked = through(
			entryBytes(file, entry, read),
			new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, ctl) => (check.push(chunk), ctl.enqueue(chunk)), flush: () => check.end() })
		);
		return openCsv(name, sniffed(checked, `inside the zip's ${entry.name}`), fail, false);
	}
	if (/\.xlsx$/i.test(name)) fail(NOT_A_WORKBOOK);
	const bytes = counted(file.stream() as Bytes, read);
	if (startsWith(head, GZIP_MAGIC)) return openCsv(name, sniffed(through(bytes, new DecompressionStream('gzip')), 'inside the gzip'), fail, true);
	return openCsv(name, bytes, fail, false);
}

async function openCsv(name: string, bytes: Bytes, fail: (problem: string) => never, gzipped: boolean): Promise<LocalTable> {
	const source = csvRecordSource(chunksOf(bytes));
	const problem = (e: unknown): never => {
		if (e instanceof ImportError) throw e;
		if (e instanceof ZipCsvError) fail(e.message);
		const csv = csvReadProblem(e, source.lastRecordLine());
		if (csv) fail(csv);
		const message = e instanceof Error ? e.message : String(e);
		return fail(gzipped ? `is not a readable gzip file (${message})` : `cannot be read (${message})`);
	};
	let header: string[];
	try {
		header = await takeHeader(source.records);
	} catch (e) {
		if (e instanceof TableProblem) fail(e.message);
		return problem(e);
	}
	async function* records(): AsyncGenerator<TableRecord> {
		try {
			yield* source.records;
		} catch (e) {
			problem(e);
		}
	}
	return { header, encoding: source.encoding(), delimiter: source.delimiter()?.delimiter ?? null, records: records() };
}

async function openXlsx(file: File, limits: XlsxLimits, fail: (problem: string) => never, read: (n: number) => void): Promise<LocalTable> {
	try {
		for (const entry of await xlsxEntries(blobSource(file), limits)) await scanEntry(entry, chunksOf(entryBytes(file, entry)), limits);
	} catch (e) {
		fail(xlsxProblem(e instanceof XlsxUnreadable ? 'unreadable' : e instanceof XlsxRefused ? 'refused' : 'other', (e as Error).message));
	}
	// exceljs' browser build holds the whole workbook (the checks above bound it); loaded here, only for an xlsx.
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(await file.arrayBuffer());
	} catch (e) {
		fail(`is not a readable xlsx workbook (${(e as Error).message})`);
	}
	read(file.size);
	// Only the first worksheet: the GTD distribution has one sheet of events.
	const sheet = workbook.worksheets[0];
	if (!sheet) fail('has no worksheet');
	const rows: SheetRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row) => rows.push({ number: row.number, values: row.values }));
	const source = sheetRecords(rows, limits.maxCellChars);
	const guarded = async function* (): AsyncGenerator<TableRecord> {
		try {
			yield* source;
		} catch (e) {
			if (e instanceof XlsxCellTooLong) fail(e.message);
			throw e;
		}
	};
	const records = guarded();
	let header: string[] = [];
	try {
		header = await takeHeader(records);
	} catch (e) {
		if (e instanceof TableProblem) fail(e.message);
		throw e;
	}
	return { header, encoding: 'xlsx', delimiter: null, records: { [Symbol.asyncIterator]: () => records } };
}
