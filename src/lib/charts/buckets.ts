// Timeline buckets: the start day of the day / ISO week / month / quarter / year containing a date, the list of
// every bucket between two dates (so empty buckets show as 0 rather than vanish), and their axis labels.
// Dates are 'YYYY-MM-DD' strings throughout; date-fns works on local dates, consistently for parse and format.
import {
	addDays,
	differenceInCalendarDays,
	addMonths,
	addQuarters,
	addWeeks,
	addYears,
	format,
	parseISO,
	startOfISOWeek,
	startOfMonth,
	startOfQuarter,
	startOfYear
} from 'date-fns';
import type { Grain } from '../query/filters';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

const START: Readonly<Record<Grain, (d: Date) => Date>> = {
	day: (d) => d,
	week: startOfISOWeek,
	month: startOfMonth,
	quarter: startOfQuarter,
	year: startOfYear
};

const STEP: Readonly<Record<Grain, (d: Date, n: number) => Date>> = {
	day: addDays,
	week: addWeeks,
	month: addMonths,
	quarter: addQuarters,
	year: addYears
};

/** Start of the bucket containing `date` (ISO weeks start on Monday, as DuckDB's date_trunc('week')). */
export function bucketStart(date: string, grain: Grain): string {
	return iso(START[grain](parseISO(date)));
}

/** Most buckets one axis may hold (about 55 years of days); beyond it the range is refused, not truncated. */
export const MAX_BUCKETS = 20_000;

/** Every bucket start from the bucket of `from` to the bucket of `to`, both included; [] when from > to. */
export function bucketSequence(from: string, to: string, grain: Grain): string[] {
	const first = parseISO(bucketStart(from, grain));
	const last = bucketStart(to, grain);
	const out: string[] = [];
	for (let i = 0; ; i++) {
		const b = iso(STEP[grain](first, i));
		if (b > last) break;
		if (out.length >= MAX_BUCKETS) throw new Error(`more than ${MAX_BUCKETS} ${grain} buckets: choose a coarser grain`);
		out.push(b);
	}
	return out;
}

/** Short axis label of a bucket: 2023-01-05, 2023-W01, Jan 2023, Q1 2023, 2023. */
export function bucketLabel(start: string, grain: Grain): string {
	const d = parseISO(start);
	switch (grain) {
		case 'day':
			return start;
		case 'week':
			return format(d, "RRRR-'W'II");
		case 'month':
			return format(d, 'MMM yyyy');
		case 'quarter':
			return format(d, 'QQQ yyyy');
		case 'year':
			return format(d, 'yyyy');
	}
}

/** Long label for tooltips: "Week of 2023-01-02 (2023-W01)", "January 2023", ... */
export function bucketTitle(start: string, grain: Grain): string {
	const d = parseISO(start);
	switch (grain) {
		case 'day':
			return format(d, 'EEE d MMM yyyy');
		case 'week':
			return `Week of ${start} (${bucketLabel(start, 'week')})`;
		case 'month':
			return format(d, 'MMMM yyyy');
		default:
			return bucketLabel(start, grain);
	}
}

/** Last day of the bucket starting on `start` (the day before the next bucket starts). */
export function bucketEnd(start: string, grain: Grain): string {
	return iso(addDays(STEP[grain](parseISO(bucketStart(start, grain)), 1), -1));
}

/** How many buckets an axis from `from` to `to` holds, counted without listing them (0 when from > to). */
export function bucketCount(from: string, to: string, grain: Grain): number {
	const first = bucketStart(from, grain);
	const last = bucketStart(to, grain);
	if (first > last) return 0;
	const [y0, m0] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
	const [y1, m1] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
	const months = (y1 - y0) * 12 + (m1 - m0);
	switch (grain) {
		case 'day':
			return differenceInCalendarDays(parseISO(last), parseISO(first)) + 1;
		case 'week':
			return Math.round(differenceInCalendarDays(parseISO(last), parseISO(first)) / 7) + 1;
		case 'month':
			return months + 1;
		case 'quarter':
			return months / 3 + 1;
		case 'year':
			return y1 - y0 + 1;
	}
}

const GRAIN_ORDER: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** What the page says when it draws a coarser grain than the one asked for. */
export interface GrainNotice {
	code: 'grain-coarsened';
	asked: Grain;
	used: Grain;
	/** Buckets the asked grain would have needed. */
	buckets: number;
}

/**
 * The grain to draw a range at: the asked one when its axis fits in `max` buckets, else the finest coarser grain
 * that fits, with a notice. (Listing 56 years of days used to throw in bucketSequence, and the page waited forever
 * on `?grain=day&from=1970-01-01&to=2025-12-31`; now it draws weeks and says so.)
 */
export function grainForRange(from: string, to: string, asked: Grain, max = MAX_BUCKETS): { grain: Grain; notice: GrainNotice | null } {
	const needed = bucketCount(from, to, asked);
	if (needed <= max) return { grain: asked, notice: null };
	for (const grain of GRAIN_ORDER.slice(GRAIN_ORDER.indexOf(asked) + 1)) {
		if (bucketCount(from, to, grain) <= max) return { grain, notice: { code: 'grain-coarsened', asked, used: grain, buckets: needed } };
	}
	// Years 1000-9999 always fit in 20,000 buckets; a caller's tiny max may not.
	return { grain: 'year', notice: { code: 'grain-coarsened', asked, used: 'year', buckets: needed } };
}

const arabicWeekFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A week read as the day it starts, not an ISO code: "week of 6 Mar 2023", and in Arabic "أسبوع 6 آذار 2023"
 * (ar-SY's Levantine month names, Latin or Arabic-Indic digits as the page chose).
 */
export function weekOfLabel(start: string, lang: 'en' | 'ar' = 'en', digits: 'latn' | 'arab' = 'latn'): string {
	const monday = bucketStart(start, 'week');
	if (lang === 'en') return `week of ${format(parseISO(monday), 'd MMM yyyy')}`;
	let f = arabicWeekFormats.get(digits);
	if (!f) {
		f = new Intl.DateTimeFormat(`ar-SY-u-nu-${digits}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		arabicWeekFormats.set(digits, f);
	}
	const [y, m, d] = [Number(monday.slice(0, 4)), Number(monday.slice(5, 7)), Number(monday.slice(8, 10))];
	return `أسبوع ${f.format(Date.UTC(y, m - 1, d))}`;
}
