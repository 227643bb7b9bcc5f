// One input file's records through the row mapper, accounted for as the CLI import does: every record read ends
// up imported, rejected (with line, reason and raw text), counted as a duplicate, or as an update of an incident
// already present, so read = imported + rejected + duplicates + updated. Pure: the records, the sink the accepted
// rows go to and the rejects writer are the caller's. The CLI (scripts/lib/import-run.ts) hands it a Node file
// reader and the Parquet writer; the page's import worker (src/lib/workspace) a File reader and its row store.
import type { Incident } from '../data/schema';
import type { DateOrder } from './dates';
import { createMapper, detectFormat, emptyMapStats, expectedColumnWarnings, HeaderError, recordFactory, REJECT_REASONS, type CsvSource, type ImportFormat, type MapResult } from './index';
import type { CsvField } from './csv';

export interface TableRecord {
	/** 1-based physical line (CSV) or sheet row number (xlsx) where the record starts; the header is line 1. */
	line: number;
	values: string[];
	/** The record as it appears in the file (CSV), or its cells written as one CSV line (xlsx). */
	raw: string;
	/** Set when the record is over the size limit: `values` is empty and `raw` holds its first characters only. */
	tooLarge?: { bytes: number; limit: number };
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

export const emptyCounts = (): Counts => ({
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

/** ACLED's timestamp as the ACLED mapper keeps it in raw_date, or null. */
export function acledStamp(incident: Incident): number | null {
	if (incident.source_dataset !== 'acled') return null;
	const m = /(?:^|; )timestamp=(\d+)/.exec(incident.raw_date ?? '');
	return m ? Number(m[1]) : null;
}

/** Where accepted rows go: the output as it was before the run, and what the run adds or replaces. */
export interface IncidentSink {
	hadBefore(id: string): boolean;
	existingStamp(id: string): number | null;
	/** False when the id is already there (counted as a duplicate). */
	add(incident: Incident): Promise<boolean> | boolean;
	replace(incident: Incident): Promise<void> | void;
}

/** What a run knows across its files: where each id was first met, ACLED stamps, the deletions. */
export interface RunState {
	/** Names of the run's inputs, by index (for "first seen at <file> line N"). */
	inputs: readonly string[];
	firstSeen: Map<string, number>;
	runStamps: Map<string, number>;
	deletions: { file: string; ids: ReadonlySet<string> } | null;
	/** The day after which an event date is in the future. */
	latest: string;
}

export interface RecordOptions {
	map?: Partial<Record<CsvField, string>>;
	source?: CsvSource;
	dateOrder?: DateOrder;
	/** sha256 of a row's content, first 16 hex digits (generated ids of a CSV without an id column). */
	contentDigest: (content: string) => string;
}

/** One opened input: its header, how it was read, and its records. */
export interface OpenedTable {
	header: string[];
	encoding: string;
	delimiter: string | null;
	records: AsyncIterable<TableRecord> | Iterable<TableRecord>;
}

export interface FileRun {
	input: string;
	index: number;
	forced: ImportFormat | undefined;
	table: OpenedTable;
	options: RecordOptions;
	sink: IncidentSink;
	writeReject: (cells: readonly string[]) => Promise<void> | void;
	state: RunState;
	/** Called after every record (the page's progress bar). */
	onRecord?: (counts: Counts) => void;
}

/** Checks every importer's output gets, whatever the format: dates in the future. */
export function checkIncident(incident: Incident, latest: string): MapResult {
	for (const field of ['event_date', 'date_end'] as const) {
		const d = incident[field];
		if (d !== null && d > latest) return { ok: false, reason: REJECT_REASONS.futureDate, detail: `${field} ${d} is after ${latest}` };
	}
	return { ok: true, incident, unrecognisedAdmin1: null, unrecognisedAdmin2: null };
}

export async function importRecords(run: FileRun): Promise<FileSummary> {
	const { input, index, forced, options, sink: writer, writeReject, table } = run;
	const { firstSeen, runStamps } = run.state;
	{
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
				contentDigest: options.contentDigest
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
			run.onRecord?.(counts);
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
				const checked = checkIncident(result.incident, run.state.latest);
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
			if (run.state.deletions?.ids.has(id)) {
				await reject(rec.line, REJECT_REASONS.deleted, `${id} (${run.state.deletions.file})`, rec.raw);
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
				const where = at.fileIndex === index ? `line ${at.line}` : `${run.state.inputs[at.fileIndex]} line ${at.line}`;
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
			delimiter: table.delimiter,
			warnings: expectedColumnWarnings(format, table.header),
			generatedIds: stats.generatedIds,
			generatedIdSample: stats.generatedIdSample,
			datesBothWays: stats.datesBothWays,
			flaggedSample,
			...counts
		};
	}
}

export function addUp(files: readonly FileSummary[]): Counts {
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

