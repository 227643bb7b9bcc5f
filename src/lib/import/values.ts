// Field parsers shared by the importers. Blank means unknown (null), never zero; a value that is present but
// malformed rejects the row (reject() throws a RowRejection) instead of being dropped or "fixed".
import { asciiDigits } from '../text/digits';
import { parseSourceDay, type DateOrder } from './dates';
import { memoByKey } from './memo';
import { REJECT_REASONS, reject, type MapContext } from './types';

/** Trimmed text, or null when blank. */
export function text(value: string): string | null {
	const t = value.trim();
	return t === '' ? null : t;
}

/** A casualty count: blank -> null; a whole number >= 0 (also written "3.0") -> number; anything else rejects. */
export function count(value: string, field: string): number | null {
	const t = asciiDigits(value.trim());
	if (t === '') return null;
	if (/^-\d+(\.0+)?$/.test(t)) reject(REJECT_REASONS.badCasualties, `${field} is negative (${t})`);
	if (!/^\d+(\.0+)?$/.test(t)) reject(REJECT_REASONS.badCasualties, `${field} is not a whole number (${JSON.stringify(t)})`);
	const n = Number.parseInt(t, 10);
	// INTEGER column in the Parquet file: larger figures can only be typos.
	if (n > 2_147_483_647) reject(REJECT_REASONS.badCasualties, `${field} is too large (${t})`);
	return n;
}

/** Latitude (|x| <= 90) or longitude (|x| <= 180): blank -> null; non-numeric or out of range rejects. */
export function coordinate(value: string, field: string, kind: 'latitude' | 'longitude'): number | null {
	const t = asciiDigits(value.trim());
	if (t === '') return null;
	const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
	const limit = kind === 'latitude' ? 90 : 180;
	if (!Number.isFinite(n) || Math.abs(n) > limit) {
		reject(REJECT_REASONS.badCoordinates, `${field} is not a ${kind} (${JSON.stringify(t)})`);
	}
	return n;
}

/** The value when it is an absolute http(s) URL, else null (source_url never holds anything else). */
export function httpUrl(value: string | null): string | null {
	const t = value?.trim();
	if (!t || !/^https?:\/\/\S+$/i.test(t)) return null;
	try {
		const url = new URL(t);
		return url.protocol === 'http:' || url.protocol === 'https:' ? t : null;
	} catch {
		return null;
	}
}

/** Looks a code up in a fixed table: blank -> null; a value outside the table rejects. */
export function code<T>(value: string, field: string, table: Readonly<Record<string, T>>): T | null {
	const t = asciiDigits(value.trim());
	if (t === '') return null;
	// Spreadsheets sometimes turn the code 1 into "1.0".
	const key = /^\d+\.0+$/.test(t) ? t.replace(/\.0+$/, '') : t;
	if (!Object.hasOwn(table, key)) reject(REJECT_REASONS.badCode, `${field} = ${JSON.stringify(t)} is not one of ${Object.keys(table).join(', ')}`);
	return table[key];
}

/** `name=value` pairs joined with '; ' for the raw_* audit columns. */
export function rawPairs(pairs: readonly (readonly [string, string])[]): string {
	return pairs.map(([k, v]) => `${k}=${v.trim()}`).join('; ');
}

/**
 * A day in a source's own date field (ACLED event_date, UCDP date_start/date_end): ISO, the named-month forms, and
 * dd/mm/yyyy or mm/dd/yyyy (what Excel makes of a resaved export) when `--date-format` gives the order.
 * Blank or unreadable rejects the row; a date that the given order cannot read but the other can rejects it as
 * contradicting the order (the run is then refused). Dates readable both ways are counted in `ctx.stats`.
 */
/** A date column repeats a few thousand distinct days over a large export: each is parsed once. */
const sourceDayOf = memoByKey(parseSourceDay, (value: string, order?: DateOrder) => `${order ?? ''}|${value}`);

export function sourceDay(value: string, field: string, ctx: MapContext = {}): string {
	const t = value.trim();
	if (t === '') reject(REJECT_REASONS.missingDate, `${field} is blank`);
	const parsed = sourceDayOf(t, ctx.dateOrder);
	if (!parsed.ok) failDate(parsed, field, t, ctx.dateOrder);
	if (parsed.bothWays && ctx.stats) ctx.stats.datesBothWays++;
	return parsed.date;
}

/** Rejects a date that did not parse, with the reason that fits. */
export function failDate(parsed: { ambiguous: boolean; contradicts: boolean }, field: string, value: string, order: DateOrder | undefined): never {
	if (parsed.contradicts) reject(REJECT_REASONS.dateOrder, `${field} ${JSON.stringify(value)} cannot be read as ${order}`);
	if (parsed.ambiguous) reject(REJECT_REASONS.ambiguousDate, `${field} ${JSON.stringify(value)} could be day/month or month/day`);
	reject(REJECT_REASONS.invalidDate, `${field} ${JSON.stringify(value)} is not a date`);
}
