// ISO `YYYY-MM-DD` day arithmetic in UTC (no time zones: a report's date is a calendar day).
import type { DatePrecision } from '../data/taxonomy';

const DAY = 86_400_000;

export function parseIso(date: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
	const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	if (new Date(t).toISOString().slice(0, 10) !== date) throw new Error(`not a real date: ${date}`);
	return t;
}

export const toIso = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const addDays = (date: string, n: number): string => toIso(parseIso(date) + n * DAY);
/** 0 = Sunday ... 6 = Saturday (as Date#getUTCDay). */
export const weekday = (date: string): number => new Date(parseIso(date)).getUTCDay();
export const daysBetween = (a: string, b: string): number => Math.round((parseIso(b) - parseIso(a)) / DAY);

/** A real calendar date from parts, or null (31 February, month 13). */
export function isoFromParts(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
	const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	try {
		parseIso(iso);
		return iso;
	} catch {
		return null;
	}
}

/** The most recent day on or before `date` (strictly before when `strict`) that falls on `dow`. */
export function previousWeekday(date: string, dow: number, strict: boolean): string {
	let back = (weekday(date) - dow + 7) % 7;
	if (back === 0 && strict) back = 7;
	return addDays(date, -back);
}

export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface Period {
	event_date: string;
	date_precision: DatePrecision;
	date_end: string | null;
}

/**
 * The narrowest schema period that covers [lo, hi]: one day; up to seven days as `week` (first and last day);
 * one calendar month as `month` (the 1st to the month's last day, as data/manual requires); else the years.
 */
export function periodOf(lo: string, hi: string): Period {
	if (lo === hi) return { event_date: lo, date_precision: 'day', date_end: null };
	const span = daysBetween(lo, hi);
	if (span <= 6) return { event_date: lo, date_precision: 'week', date_end: hi };
	if (lo.slice(0, 7) === hi.slice(0, 7)) {
		const first = `${lo.slice(0, 7)}-01`;
		const next = new Date(parseIso(first));
		next.setUTCMonth(next.getUTCMonth() + 1);
		return { event_date: first, date_precision: 'month', date_end: toIso(next.getTime() - DAY) };
	}
	return { event_date: `${lo.slice(0, 4)}-01-01`, date_precision: 'year', date_end: `${hi.slice(0, 4)}-12-31` };
}
