// Shared shapes of the importers: a source record in, an Incident or a rejection with a reason out.
import type { Incident } from '../data/schema';
import type { DateOrder } from './dates';

export const IMPORT_FORMATS = ['acled', 'gtd', 'ucdp', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One data row of a source table, read by header name (case-insensitive); absent columns read as ''. */
export interface SourceRecord {
	/** 1-based physical line (CSV) or sheet row (xlsx) where the record starts; the header is line 1. */
	readonly line: number;
	get(column: string): string;
	has(column: string): boolean;
}

/**
 * Why a row was rejected. The labels are stable: the summary groups by them, the rejects file writes
 * `<label>: <detail>`.
 */
export const REJECT_REASONS = {
	missingId: 'missing id',
	missingDate: 'missing date',
	invalidDate: 'invalid date',
	ambiguousDate: 'ambiguous date (pass --date-format dmy or mdy)',
	dateOrder: 'date contradicts --date-format',
	futureDate: 'date in the future',
	deleted: 'deleted by the source (listed in --deletions)',
	badCasualties: 'invalid casualty figure',
	badCoordinates: 'invalid coordinates',
	badCode: 'invalid code value',
	unknownTargetType: 'unknown target type',
	unknownAttackType: 'unknown attack type',
	ragged: 'wrong number of fields',
	tooLarge: 'record too large'
} as const;
export type RejectReason = (typeof REJECT_REASONS)[keyof typeof REJECT_REASONS];

/**
 * Why an imported row is flagged: kept as the source wrote it (the value is the source's own), but counted and
 * named in the summary because it contradicts itself.
 */
export const FLAG_REASONS = {
	inconsistentRange: 'inconsistent casualty range'
} as const;

export interface Flag {
	reason: (typeof FLAG_REASONS)[keyof typeof FLAG_REASONS];
	detail: string;
}

export interface Accepted {
	ok: true;
	incident: Incident;
	/** Set when the row is imported but contradicts itself (UCDP best outside low..high). */
	flag?: Flag;
	/** A Syrian admin1 spelling the gazetteer does not know (kept verbatim, p-code null), for the summary. */
	unrecognisedAdmin1: string | null;
	/** A Syrian admin2 spelling the district table does not know (kept verbatim, p-code null), for the summary. */
	unrecognisedAdmin2: string | null;
}

export interface Rejected {
	ok: false;
	reason: RejectReason;
	detail: string;
}

export type MapResult = Accepted | Rejected;
export type RowMapper = (record: SourceRecord) => MapResult;

/** What the mappers of one file tell the run besides each row's result (counted as they map). */
export interface MapStats {
	/** Numeric dates read with --date-format that the other order would also have read (03/04/2023). */
	datesBothWays: number;
	/** Rows whose id was generated from their content (no id column), and the first few of those ids. */
	generatedIds: number;
	generatedIdSample: string[];
}

export const emptyMapStats = (): MapStats => ({ datesBothWays: 0, generatedIds: 0, generatedIdSample: [] });

/** Per-file settings and counters handed to every mapper. */
export interface MapContext {
	/** How to read dd/mm/yyyy vs mm/dd/yyyy dates, in every format's date fields. */
	dateOrder?: DateOrder;
	stats?: MapStats;
}

/** A mapper could not be built for a file (missing columns, bad --map); the whole file is refused. */
export class HeaderError extends Error {}

/** Thrown inside field parsers; the row mappers turn it into a Rejected result. */
export class RowRejection extends Error {
	constructor(
		readonly reason: RejectReason,
		readonly detail: string
	) {
		super(`${reason}: ${detail}`);
	}
}

export function reject(reason: RejectReason, detail: string): never {
	throw new RowRejection(reason, detail);
}

/** Runs a mapping body that may call reject(); converts the throw into a Rejected value. */
export function guarded(body: () => Accepted): MapResult {
	try {
		return body();
	} catch (e) {
		if (e instanceof RowRejection) return { ok: false, reason: e.reason, detail: e.detail };
		throw e;
	}
}
