// The import itself: inputs -> row mappers -> Parquet writer, rejects file and summary. Every record read ends
// up imported, rejected (with file, line, reason and raw text) or counted as a duplicate, so
// read = imported + rejected + duplicates. A duplicate repeated within this run's inputs is also listed in the
// rejects file (with the line of its first occurrence); one that was already in the output before the run is
// not (re-importing a file is meant to change nothing). A file that cannot be read at all aborts the run: the
// output and the rejects file are then left exactly as they were.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { basename, resolve } from 'node:path';
import { csvLine } from '../../src/lib/export/csv';
import { createMapper, detectFormat, HeaderError, recordFactory, REJECT_REASONS, type CsvSource, type ImportFormat } from '../../src/lib/import/index';
import type { CsvField } from '../../src/lib/import/csv';
import type { DateOrder } from '../../src/lib/import/dates';
import { IncidentParquetWriter } from './incident-parquet-writer';
import { openTable, TableReadError, type Table } from './read-table';
import type { XlsxLimits } from './xlsx-guard';

export interface ImportOptions {
	inputs: readonly string[];
	out: string;
	/** Without it each file's format is detected from its header (a --map implies csv). */
	format?: ImportFormat;
	map?: Partial<Record<CsvField, string>>;
	source?: CsvSource;
	dateOrder?: DateOrder;
	/** Text encoding of the CSV inputs (a WHATWG label); default UTF-8, or UTF-16 by byte-order mark. */
	encoding?: string;
	/** A CSV record longer than this many bytes is rejected as too large (default 1 MiB). */
	maxRecordBytes?: number;
	xlsxLimits?: Partial<XlsxLimits>;
}

export interface Counts {
	read: number;
	imported: number;
	rejected: number;
	duplicates: number;
	/** The duplicates whose id came earlier in this run's inputs (listed in the rejects file); the others were already in the output. */
	duplicatesInInput: number;
	rejectedByReason: Record<string, number>;
	/** Syrian admin1 spellings not in the gazetteer, with how many accepted rows carry each. */
	unrecognisedAdmin1: Record<string, number>;
	/** Syrian admin2 spellings not in the district table (in their governorate), with how many accepted rows carry each. */
	unrecognisedAdmin2: Record<string, number>;
}

export interface FileSummary extends Counts {
	file: string;
	format: ImportFormat;
	/** How the file was decoded: `utf-8`, `utf-16le (byte-order mark)`, `windows-1256 (--encoding)`, `xlsx`. */
	encoding: string;
}

export interface ImportSummary extends Counts {
	out: string;
	rejectsFile: string;
	/** Rows in the output file after the run (earlier content included). */
	outputRows: number;
	files: FileSummary[];
}

/** The run was refused before anything was written (unreadable file, unrecognised header, bad options). */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly file?: string
	) {
		super(message);
	}
}

const emptyCounts = (): Counts => ({ read: 0, imported: 0, rejected: 0, duplicates: 0, duplicatesInInput: 0, rejectedByReason: {}, unrecognisedAdmin1: {}, unrecognisedAdmin2: {} });

/** Reason written to the rejects file for an id repeated within the inputs (counted as a duplicate, not a reject). */
export const DUPLICATE_REASON = 'duplicate incident_id';

/** Where an id was first met in this run: the input's index and the line, packed in one number. */
const packPlace = (fileIndex: number, line: number) => fileIndex * 2 ** 32 + line;
const unpackPlace = (place: number) => ({ fileIndex: Math.floor(place / 2 ** 32), line: place % 2 ** 32 });

const bump = (counts: Record<string, number>, key: string) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

export const rejectsPath = (out: string) => `${resolve(out)}.rejects.csv`;

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
	if (options.inputs.length === 0) throw new ImportError('no input files');
	const format = options.format ?? (options.map && Object.keys(options.map).length ? 'csv' : undefined);
	const rejectsFile = rejectsPath(options.out);
	const rejectsTmp = `${rejectsFile}.${process.pid}-${Date.now()}.tmp`;
	let writer: IncidentParquetWriter;
	try {
		writer = await IncidentParquetWriter.open(options.out);
	} catch (e) {
		// The existing output must be a Parquet file in the schema: its ids are read to skip duplicates.
		throw new ImportError(`${options.out}: the existing output cannot be read as incident Parquet (${(e as Error).message.split('\n')[0]})`, options.out);
	}
	const rejects = createWriteStream(rejectsTmp, { encoding: 'utf8' });
	const writeReject = async (cells: readonly string[]) => {
		// Guarded: the rejects file is meant to be opened in a spreadsheet, and raw rows are untrusted text.
		if (!rejects.write(csvLine(cells, { guardFormulas: true }))) await once(rejects, 'drain');
	};
	await writeReject(['file', 'line', 'reason', 'raw']);

	const files: FileSummary[] = [];
	// First occurrence of every id this run has met (imported or already in the output).
	const firstSeen = new Map<string, number>();
	try {
		for (const [index, input] of options.inputs.entries()) {
			files.push(await importFile({ input, index, forced: format, options, writer, writeReject, firstSeen }));
		}
		rejects.end();
		await once(rejects, 'finish');
		const { total } = await writer.finish();
		renameSync(rejectsTmp, rejectsFile);
		return { out: resolve(options.out), rejectsFile, outputRows: total, ...addUp(files), files };
	} catch (e) {
		await writer.abort();
		rejects.destroy();
		rmSync(rejectsTmp, { force: true });
		if (e instanceof TableReadError) throw new ImportError(e.message, e.file);
		throw e;
	}
}

interface FileRun {
	input: string;
	index: number;
	forced: ImportFormat | undefined;
	options: ImportOptions;
	writer: IncidentParquetWriter;
	writeReject: (cells: readonly string[]) => Promise<void>;
	firstSeen: Map<string, number>;
}

async function importFile({ input, index, forced, options, writer, writeReject, firstSeen }: FileRun): Promise<FileSummary> {
	const table: Table = await openTable(input, { encoding: options.encoding, maxRecordBytes: options.maxRecordBytes, xlsxLimits: options.xlsxLimits });
	try {
		const format = forced ?? detectFormat(table.header);
		if (!format) {
			throw new ImportError(
				`${input}: the header is not recognised as ACLED, GTD, UCDP or the incident schema; ` +
					'pass --format csv with --map field=Column,... (header starts: ' +
					`${table.header.slice(0, 6).join(', ')})`,
				input
			);
		}
		let factory;
		let mapper;
		try {
			factory = recordFactory(table.header);
			mapper = createMapper(format, table.header, {
				map: options.map,
				source: options.source,
				dateOrder: options.dateOrder,
				fileName: basename(input)
			});
		} catch (e) {
			if (e instanceof HeaderError) throw new ImportError(`${input}: ${e.message}`, input);
			throw e;
		}

		const counts = emptyCounts();
		const width = table.header.length;
		for await (const rec of table.records) {
			counts.read++;
			if (rec.tooLarge) {
				counts.rejected++;
				bump(counts.rejectedByReason, REJECT_REASONS.tooLarge);
				const { bytes, limit } = rec.tooLarge;
				// Only the start of the record is kept: enough to find it in the file, not enough to bloat the rejects.
				await writeReject([input, String(rec.line), `${REJECT_REASONS.tooLarge} (${bytes} bytes > ${limit})`, `${rec.raw} [... truncated: ${bytes} bytes in all]`]);
				continue;
			}
			if (rec.values.length !== width) {
				counts.rejected++;
				bump(counts.rejectedByReason, REJECT_REASONS.ragged);
				await writeReject([input, String(rec.line), `${REJECT_REASONS.ragged}: ${rec.values.length} fields, the header has ${width}`, rec.raw]);
				continue;
			}
			const result = mapper(factory.make(rec.values, rec.line));
			if (!result.ok) {
				counts.rejected++;
				bump(counts.rejectedByReason, result.reason);
				await writeReject([input, String(rec.line), `${result.reason}: ${result.detail}`, rec.raw]);
				continue;
			}
			if (result.unrecognisedAdmin1 !== null) bump(counts.unrecognisedAdmin1, result.unrecognisedAdmin1);
			if (result.unrecognisedAdmin2 !== null) bump(counts.unrecognisedAdmin2, result.unrecognisedAdmin2);
			const id = result.incident.incident_id;
			const first = firstSeen.get(id);
			if (first !== undefined) {
				counts.duplicates++;
				counts.duplicatesInInput++;
				const at = unpackPlace(first);
				const where = at.fileIndex === index ? `line ${at.line}` : `${options.inputs[at.fileIndex]} line ${at.line}`;
				await writeReject([input, String(rec.line), `${DUPLICATE_REASON}: ${id} (first seen at ${where})`, rec.raw]);
				continue;
			}
			firstSeen.set(id, packPlace(index, rec.line));
			if (await writer.add(result.incident)) counts.imported++;
			else counts.duplicates++;
		}
		return { file: input, format, encoding: table.encoding, ...counts };
	} finally {
		table.close();
	}
}

function addUp(files: readonly FileSummary[]): Counts {
	const total = emptyCounts();
	for (const f of files) {
		total.read += f.read;
		total.imported += f.imported;
		total.rejected += f.rejected;
		total.duplicates += f.duplicates;
		total.duplicatesInInput += f.duplicatesInInput;
		for (const [k, v] of Object.entries(f.rejectedByReason)) total.rejectedByReason[k] = (total.rejectedByReason[k] ?? 0) + v;
		for (const [k, v] of Object.entries(f.unrecognisedAdmin1)) total.unrecognisedAdmin1[k] = (total.unrecognisedAdmin1[k] ?? 0) + v;
		for (const [k, v] of Object.entries(f.unrecognisedAdmin2)) total.unrecognisedAdmin2[k] = (total.unrecognisedAdmin2[k] ?? 0) + v;
	}
	return total;
}

/** The summary as an analyst reads it on the terminal. */
export function formatSummary(s: ImportSummary): string {
	const lines: string[] = [];
	const counts = (c: Counts) => `read ${c.read}, imported ${c.imported}, rejected ${c.rejected}, duplicates ${c.duplicates}`;
	const details = (c: Counts, indent: string) => {
		if (c.duplicates) {
			lines.push(`${indent}duplicates: ${c.duplicatesInInput} repeated within the input (listed in the rejects file), ${c.duplicates - c.duplicatesInInput} already in the output`);
		}
		for (const [reason, n] of Object.entries(c.rejectedByReason).sort((a, b) => b[1] - a[1])) lines.push(`${indent}rejected ${n}: ${reason}`);
		const unknown = Object.entries(c.unrecognisedAdmin1).sort((a, b) => b[1] - a[1]);
		if (unknown.length) lines.push(`${indent}unrecognised Syria admin1 (kept, no p-code): ${unknown.map(([n, k]) => `"${n}" ${k}`).join(', ')}`);
		const unknown2 = Object.entries(c.unrecognisedAdmin2).sort((a, b) => b[1] - a[1]);
		if (unknown2.length) lines.push(`${indent}unrecognised Syria admin2 (kept, no p-code): ${unknown2.map(([n, k]) => `"${n}" ${k}`).join(', ')}`);
	};
	for (const f of s.files) {
		lines.push(`${f.file} (${f.format}): ${counts(f)}`);
		if (f.encoding !== 'utf-8' && f.encoding !== 'xlsx') lines.push(`    decoded as ${f.encoding}`);
		if (f.read === 0) lines.push('    no records after the header (header only)');
		details(f, '    ');
	}
	if (s.files.length > 1) {
		lines.push(`all files: ${counts(s)}`);
		details(s, '    ');
	}
	lines.push(`output: ${s.out} (${s.outputRows} rows)`);
	lines.push(`rejects: ${s.rejectsFile}${s.rejected ? '' : ' (none)'}`);
	return lines.join('\n');
}
