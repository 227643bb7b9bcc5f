// Date parsing for the importers, with date-fns doing the calendar work (month names, leap years, day counts).
// Every accepted form is first matched by a strict pattern, so date-fns' lenient parsing never guesses.
import { differenceInCalendarDays, isExists, isValid, parse } from 'date-fns';
import { DATE_PRECISIONS, type DatePrecision } from '../data/taxonomy';
import { asciiDigits } from '../text/digits';

/** Years outside this range are typos (GTD starts in 1970, ACLED in 1997, UCDP in 1989). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

// A fixed reference date keeps parse() deterministic for formats that lack a part.
const REFERENCE = new Date(2000, 0, 1);

/** `YYYY-MM-DD` for a calendar day that exists, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
	if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
	if (!isExists(year, month - 1, day)) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** English month names and their three-letter abbreviations (any case): read directly, the common case of ACLED's
 *  export tool; anything else is left to date-fns' patterns. */
const MONTH_NUMBER = new Map(
	['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap((m, i) => [
		[m, i + 1],
		[m.slice(0, 3), i + 1]
	])
);

function viaDateFns(value: string, pattern: string): string | null {
	const d = parse(value, pattern, REFERENCE);
	if (!isValid(d)) return null;
	return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Spreadsheet exports often carry a midnight time; the date part is the value.
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
// "02 June 2023" (ACLED export tool), "01-January-2015" (old ACLED exports); abbreviated months too.
const NAMED_MONTH = /^(\d{1,2})([ -])([A-Za-z]{3,9})\2(\d{4})$/;
const NUMERIC_DMY_MDY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** ISO `YYYY-MM-DD` only (UCDP, ACLED API). */
export function parseIsoDay(value: string): string | null {
	const t = asciiDigits(value.trim());
	const m = ISO_DAY.exec(t) ?? ISO_DATETIME.exec(t)?.[1].match(ISO_DAY) ?? null;
	return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** ISO days and the named-month forms ACLED exports use. */
export function parseDay(value: string): string | null {
	const t = asciiDigits(value.trim());
	const iso = parseIsoDay(t);
	if (iso) return iso;
	const m = NAMED_MONTH.exec(t);
	if (!m) return null;
	const month = MONTH_NUMBER.get(m[3].toLowerCase());
	if (month !== undefined) return isoDate(Number(m[4]), month, Number(m[1]));
	// Normalise the separator so one date-fns pattern per month width covers both forms.
	const spaced = `${m[1]} ${m[3]} ${m[4]}`;
	return viaDateFns(spaced, 'd MMMM yyyy') ?? viaDateFns(spaced, 'd MMM yyyy');
}

export type CsvDateResult =
	| { ok: true; date: string; precision: DatePrecision; bothWays: boolean }
	| { ok: false; ambiguous: boolean; contradicts: boolean };

const fail = (ambiguous = false, contradicts = false): CsvDateResult => ({ ok: false, ambiguous, contradicts });

/**
 * `dd/mm/yyyy` or `mm/dd/yyyy` (also with '.' or '-') under the given order. Without an order it is ambiguous.
 * With one, `bothWays` says the other order would also have given a date (03/04/2023), and `contradicts` that
 * only the other order gives one (06/13/2023 read as dmy): the file is not in the order the user said.
 */
function numericDay(t: string, order: DateOrder | undefined): CsvDateResult | null {
	const m = NUMERIC_DMY_MDY.exec(t);
	if (!m) return null;
	if (!order) return fail(true);
	const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
	const dmy = isoDate(y, b, a);
	const mdy = isoDate(y, a, b);
	const date = order === 'dmy' ? dmy : mdy;
	const other = order === 'dmy' ? mdy : dmy;
	if (!date) return fail(false, other !== null);
	return { ok: true, date, precision: 'day', bothWays: other !== null && other !== date };
}

/**
 * A date in an analyst's spreadsheet: any form parseDay() reads (precision day), `YYYY-MM` (month), `YYYY` (year),
 * and `dd/mm/yyyy` or `mm/dd/yyyy` (also with '.' or '-') only when the order is given: 03/04/2023 is ambiguous.
 * Arabic-Indic and Persian digits are read as digits.
 */
export function parseCsvDate(value: string, order?: DateOrder): CsvDateResult {
	const t = asciiDigits(value.trim());
	const day = parseDay(t);
	if (day) return { ok: true, date: day, precision: 'day', bothWays: false };
	let m = /^(\d{4})-(\d{2})$/.exec(t);
	if (m) {
		const date = isoDate(Number(m[1]), Number(m[2]), 1);
		return date ? { ok: true, date, precision: 'month', bothWays: false } : fail();
	}
	m = /^(\d{4})$/.exec(t);
	if (m) {
		const date = isoDate(Number(m[1]), 1, 1);
		return date ? { ok: true, date, precision: 'year', bothWays: false } : fail();
	}
	return numericDay(t, order) ?? fail();
}

/** A day in a source's own date column: what parseDay() reads, or a numeric day under `order` (Excel resaves). */
export function parseSourceDay(value: string, order?: DateOrder): CsvDateResult {
	const t = asciiDigits(value.trim());
	const day = parseDay(t);
	if (day) return { ok: true, date: day, precision: 'day', bothWays: false };
	return numericDay(t, order) ?? fail();
}

/** Days covered by an inclusive ISO date range (same day = 1). */
export function daySpan(start: string, end: string): number {
	return differenceInCalendarDays(parse(end, 'yyyy-MM-dd', REFERENCE), parse(start, 'yyyy-MM-dd', REFERENCE)) + 1;
}

/** The coarser of two precisions (day < week < month < year). */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
	return DATE_PRECISIONS.indexOf(a) >= DATE_PRECISIONS.indexOf(b) ? a : b;
}

/** The precision a period of `days` days can claim: 1 day, up to a week, up to a month, else year. */
export function precisionOfSpan(days: number): DatePrecision {
	if (days <= 1) return 'day';
	if (days <= 7) return 'week';
	if (days <= 31) return 'month';
	return 'year';
}
