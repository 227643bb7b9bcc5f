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
import type { Incident } from '../../src/lib/data/schema';
import {
	createMapper, detectFormat, emptyMapStats, expectedColumnWarnings, HeaderError, recordFactory, REJECT_REASONS,
	type CsvSource, type ImportFormat, type MapResult
} from '../../src/lib/import/index';
import type { CsvField } from '../../src/lib/import/csv';
import type { DateOrder } from '../../src/lib/import/dates';
import { readDeletions, type Deletions } from './acled-deletions';
import { DuplicateIdError, IncidentParquetWriter } from './incident-parquet-writer';
import { acquireOutputLock, LockBusy, type HeldLock } from './output-lock';
import { OutputSchemaError } from './output-schema';
import { openTable, TableReadError, type Table } from './read-table';
import type { XlsxLimits } from './xlsx-guard';

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

export interface Counts {
	read: number;
	imported: number;
	rejected: number;
	duplicates: number;
	/** The duplicates whose id came earlier in this run's inputs (listed in the rejects file); the others were already in the output. */
	duplicatesInInput: number;
	/** Rows that replaced an incident with the same id because the source changed it since (a newer ACLED timestamp). */
	updated: number;
	rejectedByReason: Record<string, number>;
	/** Syrian admin1 spellings not in the gazetteer, with how many accepted rows carry each. */
	unrecognisedAdmin1: Record<string, number>;
	/** Syrian admin2 spellings not in the district table (in their governorate), with how many accepted rows carry each. */
	unrecognisedAdmin2: Record<string, number>;
	/** Country names not recognised (kept as written, ISO code null), with how many accepted rows carry each. */
	unrecognisedCountry: Record<string, number>;
	/** Imported rows that contradict themselves (UCDP best outside low..high), by reason. */
	flaggedByReason: Record<string, number>;
}

export interface FileSummary extends Counts {
	file: string;
	format: ImportFormat;
	/** How the file was decoded: `utf-8`, `utf-16le (byte-order mark)`, `windows-1256 (--encoding)`, `xlsx`. */
	encoding: string;
	/** Field separator of a CSV (`,`, `;` or a tab), null for xlsx. */
	delimiter: string | null;
	/** Expected columns of the format that the file lacks (each with a close match when there is one). */
	warnings: string[];
	/** Rows without an id column whose id was generated from their content, and the first few ids. */
	generatedIds: number;
	generatedIdSample: string[];
	/** Numeric dates that --date-format read one way and that the other order would also have read. */
	datesBothWays: number;
	/** The first few flagged rows: `line N: <reason>: <detail>`. */
	flaggedSample: string[];
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

/** The run was refused before anything was written (unreadable file, unrecognised header, bad options). */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly file?: string
	) {
		super(message);
	}
}

/** Maps keyed by values from the input: no prototype, so a province called `__proto__` is just a key. */
export const tally = (): Record<string, number> => Object.create(null) as Record<string, number>;

const emptyCounts = (): Counts => ({
	read: 0,
	imported: 0,
	rejected: 0,
	duplicates: 0,
	duplicatesInInput: 0,
	updated: 0,
	rejectedByReason: tally(),
	unrecognisedAdmin1: tally(),
	unrecognisedAdmin2: tally(),
	unrecognisedCountry: tally(),
	flaggedByReason: tally()
});

/** Reason written to the rejects file for an id repeated within the inputs (counted as a duplicate, not a reject). */
export const DUPLICATE_REASON = 'duplicate incident_id';

/** Where an id was first met in this run: the input's index and the line, packed in one number. */
const packPlace = (fileIndex: number, line: number) => fileIndex * 2 ** 32 + line;
const unpackPlace = (place: number) => ({ fileIndex: Math.floor(place / 2 ** 32), line: place % 2 ** 32 });

const bump = (counts: Record<string, number>, key: string, by = 1) => {
	counts[key] = (Object.hasOwn(counts, key) ? counts[key] : 0) + by;
};

export const rejectsPath = (out: string) => `${resolve(out)}.rejects.csv`;

/** The generated-id digest: sha256 of the row's content, first 16 hex digits (64 bits; see csv.ts rowContent). */
export const contentDigest = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16);

/** ACLED's timestamp as the ACLED mapper keeps it in raw_date, or null. */
export function acledStamp(incident: Incident): number | null {
	if (incident.source_dataset !== 'acled') return null;
	const m = /(?:^|; )timestamp=(\d+)/.exec(incident.raw_date ?? '');
	return m ? Number(m[1]) : null;
}

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
	const firstSeen = new Map<string, number>();
	const runStamps = new Map<string, number>();
	let deleted = 0;
	try {
		if (deletions) for (const id of deletions.ids) if (writer.remove(id)) deleted++;
		for (const [index, input] of options.inputs.entries()) {
			const run: FileRun = { input, index, forced: format, options, writer, writeReject, firstSeen, runStamps, deletions, latest: options.latestDate ?? tomorrow() };
			files.push(await importFile(run));
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

interface FileRun {
	input: string;
	index: number;
	forced: ImportFormat | undefined;
	options: ImportOptions;
	writer: IncidentParquetWriter;
	writeReject: (cells: readonly string[]) => Promise<void>;
	firstSeen: Map<string, number>;
	runStamps: Map<string, number>;
	deletions: Deletions | null;
	latest: string;
}

/** Checks every importer's output gets, whatever the format: dates in the future. */
function checkIncident(incident: Incident, latest: string): MapResult {
	for (const field of ['event_date', 'date_end'] as const) {
		const d = incident[field];
		if (d !== null && d > latest) return { ok: false, reason: REJECT_REASONS.futureDate, detail: `${field} ${d} is after ${latest}` };
	}
	return { ok: true, incident, unrecognisedAdmin1: null, unrecognisedAdmin2: null };
}

async function importFile(run: FileRun): Promise<FileSummary> {
	const { input, index, forced, options, writer, writeReject, firstSeen, runStamps } = run;
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
		const stats = emptyMapStats();
		let factory;
		let mapper;
		try {
			factory = recordFactory(table.header);
			mapper = createMapper(format, table.header, {
				map: options.map,
				source: options.source,
				dateOrder: options.dateOrder,
				stats,
				contentDigest
			});
		} catch (e) {
			if (e instanceof HeaderError) throw new ImportError(`${input}: ${e.message}`, input);
			throw e;
		}

		const counts = emptyCounts();
		const width = table.header.length;
		const reject = async (line: number, reason: string, detail: string, raw: string) => {
			counts.rejected++;
			bump(counts.rejectedByReason, reason);
			await writeReject([input, String(line), detail ? `${reason}: ${detail}` : reason, raw]);
		};
		let contradiction: string | null = null;
		const flaggedSample: string[] = [];
		for await (const rec of table.records) {
			counts.read++;
			if (rec.tooLarge) {
				const { bytes, limit } = rec.tooLarge;
				counts.rejected++;
				bump(counts.rejectedByReason, REJECT_REASONS.tooLarge);
				// Only the start of the record is kept: enough to find it in the file, not enough to bloat the rejects.
				await writeReject([input, String(rec.line), `${REJECT_REASONS.tooLarge} (${bytes} bytes > ${limit})`, `${rec.raw} [... truncated: ${bytes} bytes in all]`]);
				continue;
			}
			if (rec.values.length !== width) {
				await reject(rec.line, REJECT_REASONS.ragged, `${rec.values.length} fields, the header has ${width}`, rec.raw);
				continue;
			}
			let result = mapper(factory.make(rec.values, rec.line));
			if (result.ok) {
				const checked = checkIncident(result.incident, run.latest);
				if (!checked.ok) result = checked;
			}
			if (!result.ok) {
				if (result.reason === REJECT_REASONS.dateOrder) contradiction ??= `line ${rec.line}: ${result.detail}`;
				await reject(rec.line, result.reason, result.detail, rec.raw);
				continue;
			}
			const incident = result.incident;
			const id = incident.incident_id;
			if (result.flag) {
				bump(counts.flaggedByReason, result.flag.reason);
				if (flaggedSample.length < 5) flaggedSample.push(`line ${rec.line}: ${result.flag.reason}: ${result.flag.detail}`);
			}
			if (run.deletions?.ids.has(id)) {
				await reject(rec.line, REJECT_REASONS.deleted, `${id} (${run.deletions.file})`, rec.raw);
				continue;
			}
			if (result.unrecognisedAdmin1 !== null) bump(counts.unrecognisedAdmin1, result.unrecognisedAdmin1);
			if (result.unrecognisedAdmin2 !== null) bump(counts.unrecognisedAdmin2, result.unrecognisedAdmin2);
			if (incident.country_iso3 === null && incident.country !== null) bump(counts.unrecognisedCountry, incident.country);
			const stamp = acledStamp(incident);
			const first = firstSeen.get(id);
			if (first !== undefined) {
				// Met earlier in this run: a newer version of an ACLED record replaces it, anything else is a duplicate.
				const before = runStamps.get(id);
				if (stamp !== null && (before === undefined || stamp > before)) {
					await writer.replace(incident);
					runStamps.set(id, stamp);
					counts.updated++;
					continue;
				}
				counts.duplicates++;
				counts.duplicatesInInput++;
				const at = unpackPlace(first);
				const where = at.fileIndex === index ? `line ${at.line}` : `${options.inputs[at.fileIndex]} line ${at.line}`;
				await writeReject([input, String(rec.line), `${DUPLICATE_REASON}: ${id} (first seen at ${where})`, rec.raw]);
				continue;
			}
			firstSeen.set(id, packPlace(index, rec.line));
			if (stamp !== null) runStamps.set(id, stamp);
			if (writer.hadBefore(id)) {
				const before = writer.existingStamp(id);
				// The output's row is stale when the source changed the record since: this export is newer.
				if (stamp !== null && (before === null || stamp > before)) {
					await writer.replace(incident);
					counts.updated++;
				} else counts.duplicates++;
				continue;
			}
			if (await writer.add(incident)) counts.imported++;
			else counts.duplicates++;
		}
		if (contradiction) {
			const n = counts.rejectedByReason[REJECT_REASONS.dateOrder];
			throw new ImportError(
				`${input}: ${n} date(s) cannot be read as --date-format ${options.dateOrder} (first at ${contradiction}), so the file ` +
					`is not in that order and its other dates may be read wrongly too: check the file and pass the right --date-format`,
				input
			);
		}
		return {
			file: input,
			format,
			encoding: table.encoding,
			delimiter: table.delimiter?.delimiter ?? null,
			warnings: expectedColumnWarnings(format, table.header),
			generatedIds: stats.generatedIds,
			generatedIdSample: stats.generatedIdSample,
			datesBothWays: stats.datesBothWays,
			flaggedSample,
			...counts
		};
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
		total.updated += f.updated;
		for (const [k, v] of Object.entries(f.rejectedByReason)) bump(total.rejectedByReason, k, v);
		for (const [k, v] of Object.entries(f.unrecognisedAdmin1)) bump(total.unrecognisedAdmin1, k, v);
		for (const [k, v] of Object.entries(f.unrecognisedAdmin2)) bump(total.unrecognisedAdmin2, k, v);
		for (const [k, v] of Object.entries(f.unrecognisedCountry)) bump(total.unrecognisedCountry, k, v);
		for (const [k, v] of Object.entries(f.flaggedByReason)) bump(total.flaggedByReason, k, v);
	}
	return total;
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
