// Shared shapes of the importers: a source record in, an Incident or a rejection with a reason out.
import type { Incident } from '../data/schema';

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
	badCasualties: 'invalid casualty figure',
	badCoordinates: 'invalid coordinates',
	badCode: 'invalid code value',
	unknownTargetType: 'unknown target type',
	unknownAttackType: 'unknown attack type',
	ragged: 'wrong number of fields',
	tooLarge: 'record too large'
} as const;
export type RejectReason = (typeof REJECT_REASONS)[keyof typeof REJECT_REASONS];

export interface Accepted {
	ok: true;
	incident: Incident;
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
