// The import itself: inputs -> row mappers -> Parquet writer, rejects file and summary. Every record read ends
// up imported, rejected (with file, line, reason and raw text), counted as a duplicate, or as an update of an
// incident already present, so read = imported + rejected + duplicates + updated. A duplicate repeated within this
// run's inputs is also listed in the rejects file (with the line of its first occurrence); one that was already in
// the output before the run is not (re-importing a file is meant to change nothing). A file that cannot be read at
// all aborts the run: the output and the rejects file are then left exactly as they were.
//
// The run holds `<out>.lock` from before it reads the output until after its rename (output-lock.ts), so two runs
// on one output follow one another instead of losing or doubling rows.
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { csvLine } from '../../src/lib/export/csv';
import type { CsvSource, ImportFormat } from '../../src/lib/import/index';
import { addUp, importRecords, ImportError, type Counts, type FileSummary, type RunState } from '../../src/lib/import/run';
import type { CsvField } from '../../src/lib/import/csv';
import type { DateOrder } from '../../src/lib/import/dates';
import { readDeletions, type Deletions } from './acled-deletions';
import { DuplicateIdError, IncidentParquetWriter } from './incident-parquet-writer';
import { acquireOutputLock, LockBusy, type HeldLock } from './output-lock';
import { OutputSchemaError } from './output-schema';
import { openTable, TableReadError, type Table } from './read-table';
import type { XlsxLimits } from './xlsx-guard';

export { acledStamp, DUPLICATE_REASON, ImportError, tally, type Counts, type FileSummary } from '../../src/lib/import/run';

export interface ImportOptions {
	inputs: readonly string[];
	out: string;
	/** Without it each file's format is detected from its header (a --map implies csv). */
	format?: ImportFormat;
	map?: Partial<Record<CsvField, string>>;
	source?: CsvSource;
	/** How to read dd/mm/yyyy vs mm/dd/yyyy, in every format's date fields. */
	dateOrder?: DateOrder;
	/** Text encoding of the CSV inputs (a WHATWG label); default UTF-8, or UTF-16 by byte-order mark. */
	encoding?: string;
	/** A CSV record longer than this many bytes is rejected as too large (default 1 MiB). */
	maxRecordBytes?: number;
	xlsxLimits?: Partial<XlsxLimits>;
	/** ACLED's deletions export: the ids it lists are removed from the output (and refused in the inputs). */
	deletions?: string;
	/** Add real rows to an output that holds synthetic (demo) rows, or the reverse: refused unless set. */
	allowMixed?: boolean;
	/** How long to wait for another import on the same output (default 10 minutes; 0 refuses at once). */
	lockWaitMs?: number;
	onLockWait?: (holder: string) => void;
	/** The day after which an event date is in the future (default: tomorrow in UTC, to allow for time zones). */
	latestDate?: string;
}

export interface ImportSummary extends Counts {
	out: string;
	rejectsFile: string;
	/** Rows in the output file after the run (earlier content included). */
	outputRows: number;
	/** Rows of the output removed because --deletions listed them. */
	deleted: number;
	/** How the existing output was converted to the schema's types before the merge. */
	migrations: string[];
	files: FileSummary[];
}

export const rejectsPath = (out: string) => `${resolve(out)}.rejects.csv`;

/** The generated-id digest: sha256 of the row's content, first 16 hex digits (64 bits; see csv.ts rowContent). */
export const contentDigest = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16);

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A file-system error as an analyst can act on it: which file, what went wrong, what to do. */
function fileSystemError(e: unknown, out: string): ImportError | null {
	const err = e as NodeJS.ErrnoException;
	const what: Record<string, string> = {
		ENOSPC: 'the disk is full: free some space or choose another --out',
		EDQUOT: 'the disk quota is exceeded: free some space or choose another --out',
		EACCES: 'permission denied: choose a folder you can write to',
		EPERM: 'permission denied: choose a folder you can write to',
		EROFS: 'the file system is read-only: choose another --out',
		ENOTDIR: 'a part of the path is a file, not a folder: choose another --out',
		EEXIST: 'a part of the path is a file, not a folder: choose another --out',
		EISDIR: 'it is a folder: give a file name such as data/real.parquet',
		ENOENT: 'a folder on the path does not exist'
	};
	const message = err?.message ?? String(e);
	const code = err?.code ?? (/No space left on device/i.test(message) ? 'ENOSPC' : /Permission denied/i.test(message) ? 'EACCES' : undefined);
	if (!code || !what[code]) return null;
	return new ImportError(`cannot write ${err.path ?? out} (${code}): ${what[code]}`, out);
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
	if (options.inputs.length === 0) throw new ImportError('no input files');
	// A rejects file written after this moment is another run's, finished while this one waited for the lock.
	const startedAt = Date.now();
	let lock: HeldLock;
	try {
		mkdirSync(dirname(resolve(options.out)), { recursive: true });
		lock = await acquireOutputLock(options.out, { waitMs: options.lockWaitMs, onWait: options.onLockWait });
	} catch (e) {
		if (e instanceof LockBusy) throw new ImportError(e.message, options.out);
		throw fileSystemError(e, options.out) ?? e;
	}
	try {
		return await runLocked(options, startedAt);
	} catch (e) {
		if (e instanceof ImportError) throw e;
		if (e instanceof TableReadError) throw new ImportError(e.message, e.file);
		if (e instanceof DuplicateIdError) throw new ImportError(e.message, options.out);
		const fs = fileSystemError(e, options.out);
		if (fs) throw fs;
		throw new ImportError(`${options.out}: the import failed (${(e as Error).message.split('\n')[0]})`, options.out);
	} finally {
		lock.release();
	}
}

async function runLocked(options: ImportOptions, startedAt: number): Promise<ImportSummary> {
	const format = options.format ?? (options.map && Object.keys(options.map).length ? 'csv' : undefined);
	const rejectsFile = rejectsPath(options.out);
	const rejectsTmp = `${rejectsFile}.${process.pid}-${Date.now()}.tmp`;
	// Deletions are read first: a bad deletions file costs nothing.
	const deletions = options.deletions ? await readDeletions(options.deletions) : null;
	let writer: IncidentParquetWriter;
	try {
		writer = await IncidentParquetWriter.open(options.out);
	} catch (e) {
		if (e instanceof OutputSchemaError) throw new ImportError(`${options.out}: ${e.message}; nothing was read`, options.out);
		// The existing output must be a Parquet file in the schema: its ids are read to skip duplicates.
		throw new ImportError(`${options.out}: the existing output cannot be read as incident Parquet (${(e as Error).message.split('\n')[0]})`, options.out);
	}
	const existing = writer.existing;
	if (existing && existing.syntheticRows > 0 && !options.allowMixed) {
		await writer.abort();
		throw new ImportError(
			`${options.out} holds ${existing.syntheticRows.toLocaleString('en')} synthetic (demo) incidents: real data goes into its own file, ` +
				'e.g. --out data/real.parquet (pass --allow-mixed only to mix real and invented incidents on purpose)',
			options.out
		);
	}
	const rejects = createWriteStream(rejectsTmp, { encoding: 'utf8' });
	// Kept, not thrown from an event: a full disk fails the run at finish; writes cut short by an abort are moot.
	let rejectsError: Error | null = null;
	rejects.on('error', (e) => (rejectsError ??= e));
	const writeReject = async (cells: readonly string[]) => {
		if (rejectsError) throw rejectsError;
		// Guarded: the rejects file is meant to be opened in a spreadsheet, and raw rows are untrusted text.
		if (!rejects.write(csvLine(cells, { guardFormulas: true }))) await once(rejects, 'drain');
	};
	await writeReject(['file', 'line', 'reason', 'raw']);

	const files: FileSummary[] = [];
	// First occurrence of every id this run has met (imported or already in the output), and ACLED timestamps.
	const state: RunState = { inputs: options.inputs, firstSeen: new Map(), runStamps: new Map(), deletions, latest: options.latestDate ?? tomorrow() };
	let deleted = 0;
	try {
		if (deletions) for (const id of deletions.ids) if (writer.remove(id)) deleted++;
		for (const [index, input] of options.inputs.entries()) {
			files.push(await importFile({ input, index, forced: format, options, writer, writeReject, state }));
		}
		rejects.end();
		if (!rejects.writableFinished) await once(rejects, 'finish');
		if (rejectsError) throw rejectsError;
		const { total } = await writer.finish();
		keepConcurrentRejects(rejectsFile, rejectsTmp, startedAt);
		renameSync(rejectsTmp, rejectsFile);
		return { out: resolve(options.out), rejectsFile, outputRows: total, deleted, migrations: existing?.migrations ?? [], ...addUp(files), files };
	} catch (e) {
		await writer.abort();
		rejects.destroy();
		rmSync(rejectsTmp, { force: true });
		throw e;
	}
}

/**
 * The rejects file is rewritten by every run, except that the rejects of a run that finished while this one waited
 * for the lock are kept: its rows go first, then this run's (each row names its file).
 */
function keepConcurrentRejects(rejectsFile: string, rejectsTmp: string, startedAt: number): void {
	let mtime: number;
	try {
		mtime = statSync(rejectsFile).mtimeMs;
	} catch {
		return;
	}
	if (mtime < startedAt) return;
	const ours = readFileSync(rejectsTmp, 'utf8');
	const rows = ours.slice(ours.indexOf('\r\n') + 2);
	copyFileSync(rejectsFile, rejectsTmp);
	appendFileSync(rejectsTmp, rows);
}

interface CliFileRun {
	input: string;
	index: number;
	forced: ImportFormat | undefined;
	options: ImportOptions;
	writer: IncidentParquetWriter;
	writeReject: (cells: readonly string[]) => Promise<void>;
	state: RunState;
}

async function importFile(run: CliFileRun): Promise<FileSummary> {
	const { input, options } = run;
	const table: Table = await openTable(input, { encoding: options.encoding, maxRecordBytes: options.maxRecordBytes, xlsxLimits: options.xlsxLimits });
	try {
		return await importRecords({
			input,
			index: run.index,
			forced: run.forced,
			table: { header: table.header, encoding: table.encoding, delimiter: table.delimiter?.delimiter ?? null, records: table.records },
			options: { map: options.map, source: options.source, dateOrder: options.dateOrder, contentDigest },
			sink: run.writer,
			writeReject: run.writeReject,
			state: run.state
		});
	} finally {
		table.close();
	}
}

const DELIMITER_NAMES: Record<string, string> = { ';': 'semicolon (;)', '\t': 'tab' };

/** The summary as an analyst reads it on the terminal. */
export function formatSummary(s: ImportSummary): string {
	const lines: string[] = [];
	const counts = (c: Counts) => `read ${c.read}, imported ${c.imported}, rejected ${c.rejected}, duplicates ${c.duplicates}${c.updated ? `, updated ${c.updated}` : ''}`;
	const listed = (m: Record<string, number>) =>
		Object.entries(m)
			.sort((a, b) => b[1] - a[1])
			.map(([n, k]) => `${JSON.stringify(n)} ${k}`)
			.join(', ');
	const details = (c: Counts, indent: string) => {
		if (c.duplicates) {
			lines.push(`${indent}duplicates: ${c.duplicatesInInput} repeated within the input (listed in the rejects file), ${c.duplicates - c.duplicatesInInput} already in the output`);
		}
		if (c.updated) lines.push(`${indent}updated ${c.updated}: replaced a stale incident (the source's timestamp is newer)`);
		for (const [reason, n] of Object.entries(c.rejectedByReason).sort((a, b) => b[1] - a[1])) lines.push(`${indent}rejected ${n}: ${reason}`);
		for (const [reason, n] of Object.entries(c.flaggedByReason)) lines.push(`${indent}flagged ${n} (imported as the source wrote them): ${reason}`);
		if (Object.keys(c.unrecognisedAdmin1).length) lines.push(`${indent}unrecognised Syria admin1 (kept, no p-code): ${listed(c.unrecognisedAdmin1)}`);
		if (Object.keys(c.unrecognisedAdmin2).length) lines.push(`${indent}unrecognised Syria admin2 (kept, no p-code): ${listed(c.unrecognisedAdmin2)}`);
		if (Object.keys(c.unrecognisedCountry).length) lines.push(`${indent}unrecognised country (kept as written, no ISO code): ${listed(c.unrecognisedCountry)}`);
	};
	for (const m of s.migrations) lines.push(`existing output converted: ${m}`);
	for (const f of s.files) {
		lines.push(`${f.file} (${f.format}): ${counts(f)}`);
		if (f.encoding !== 'utf-8' && f.encoding !== 'xlsx') lines.push(`    decoded as ${f.encoding}`);
		if (f.delimiter && f.delimiter !== ',') lines.push(`    fields separated by ${DELIMITER_NAMES[f.delimiter] ?? f.delimiter}`);
		if (f.read === 0) lines.push('    no records after the header (header only)');
		for (const w of f.warnings) lines.push(`    WARNING: ${w}`);
		if (f.generatedIds) {
			lines.push(`    ids generated from row content for ${f.generatedIds} row(s) (no id column), e.g. ${f.generatedIdSample.join(', ')}`);
		}
		for (const sample of f.flaggedSample) lines.push(`    flagged ${sample}`);
		if (f.datesBothWays) lines.push(`    ${f.datesBothWays} date(s) could be read day-first or month-first: read as the --date-format given`);
		details(f, '    ');
	}
	if (s.files.length > 1) {
		lines.push(`all files: ${counts(s)}`);
		details(s, '    ');
	}
	if (s.deleted) lines.push(`deleted ${s.deleted}: removed from the output (listed in --deletions)`);
	lines.push(`output: ${s.out} (${s.outputRows} rows)`);
	lines.push(`rejects: ${s.rejectsFile}${s.rejected ? '' : ' (none)'}`);
	return lines.join('\n');
}
