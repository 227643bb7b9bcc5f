// The import itself: inputs -> row mappers -> Parquet writer, rejects file and summary. Every record read ends
// up imported, rejected (with file, line, reason and raw text) or counted as a duplicate of an incident already
// in the output, so read = imported + rejected + duplicates. A file that cannot be read at all aborts the run:
// the output and the rejects file are then left exactly as they were.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { basename, resolve } from 'node:path';
import { csvLine } from '../../src/lib/export/csv';
import { createMapper, detectFormat, HeaderError, recordFactory, REJECT_REASONS, type CsvSource, type ImportFormat } from '../../src/lib/import/index';
import type { CsvField } from '../../src/lib/import/csv';
import type { DateOrder } from '../../src/lib/import/dates';
import { IncidentParquetWriter } from './incident-parquet-writer';
import { openTable, TableReadError, type Table } from './read-table';

export interface ImportOptions {
	inputs: readonly string[];
	out: string;
	/** Without it each file's format is detected from its header (a --map implies csv). */
	format?: ImportFormat;
	map?: Partial<Record<CsvField, string>>;
	source?: CsvSource;
	dateOrder?: DateOrder;
}

export interface Counts {
	read: number;
	imported: number;
	rejected: number;
	duplicates: number;
	rejectedByReason: Record<string, number>;
	/** Syrian admin1 spellings not in the gazetteer, with how many accepted rows carry each. */
	unrecognisedAdmin1: Record<string, number>;
}

export interface FileSummary extends Counts {
	file: string;
	format: ImportFormat;
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

const emptyCounts = (): Counts => ({ read: 0, imported: 0, rejected: 0, duplicates: 0, rejectedByReason: {}, unrecognisedAdmin1: {} });

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
	try {
		for (const input of options.inputs) files.push(await importFile(input, format, options, writer, writeReject));
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

async function importFile(
	input: string,
	forced: ImportFormat | undefined,
	options: ImportOptions,
	writer: IncidentParquetWriter,
	writeReject: (cells: readonly string[]) => Promise<void>
): Promise<FileSummary> {
	const table: Table = await openTable(input);
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
			if (await writer.add(result.incident)) counts.imported++;
			else counts.duplicates++;
		}
		return { file: input, format, ...counts };
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
		for (const [k, v] of Object.entries(f.rejectedByReason)) total.rejectedByReason[k] = (total.rejectedByReason[k] ?? 0) + v;
		for (const [k, v] of Object.entries(f.unrecognisedAdmin1)) total.unrecognisedAdmin1[k] = (total.unrecognisedAdmin1[k] ?? 0) + v;
	}
	return total;
}

/** The summary as an analyst reads it on the terminal. */
export function formatSummary(s: ImportSummary): string {
	const lines: string[] = [];
	const counts = (c: Counts) => `read ${c.read}, imported ${c.imported}, rejected ${c.rejected}, duplicates ${c.duplicates}`;
	const details = (c: Counts, indent: string) => {
		for (const [reason, n] of Object.entries(c.rejectedByReason).sort((a, b) => b[1] - a[1])) lines.push(`${indent}rejected ${n}: ${reason}`);
		const unknown = Object.entries(c.unrecognisedAdmin1).sort((a, b) => b[1] - a[1]);
		if (unknown.length) lines.push(`${indent}unrecognised Syria admin1 (kept, no p-code): ${unknown.map(([n, k]) => `"${n}" ${k}`).join(', ')}`);
	};
	for (const f of s.files) {
		lines.push(`${f.file} (${f.format}): ${counts(f)}`);
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
