// Timeline buckets: the start day of the day / ISO week / month / quarter / year containing a date, the list of
// every bucket between two dates (so empty buckets show as 0 rather than vanish), and their axis labels.
// Dates are 'YYYY-MM-DD' strings throughout; date-fns works on local dates, consistently for parse and format.
import {
	addDays,
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
