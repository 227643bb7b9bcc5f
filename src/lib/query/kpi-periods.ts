// What the KPIs compare with (issue 12, section 2): with no date filter, the last 12 months of the data against the
// 12 months before them; with one, the period of equal length just before it and the same period a year earlier.
// Pure dates; the KPI query runs once per period (kpiQuery's own previous period stays as it is until wired).
import { addDays, format, parseISO, subDays, subYears } from 'date-fns';
import { previousPeriod, type Period } from './periods';
import { isIsoDate } from './validate';

export interface KpiComparison {
	current: Period;
	/** What the current period is compared with, most meaningful first. */
	against: { kind: 'previous-12-months' | 'previous-period' | 'year-earlier'; period: Period }[];
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The KPI periods for a date filter (null ends = open) over data from `data.min` to `data.max`.
 * - No date filter: current = the 12 months ending on the newest day (day after it, one year back, to it);
 *   against = the 12 months before.
 * - A filter (one end may be open, resolved by the data): against = the previous period of equal length, then the
 *   same days a year earlier (29 February maps to 28 February).
 */
export function kpiComparison(f: { from: string | null; to: string | null }, data: { min: string; max: string }): KpiComparison {
	for (const d of [f.from, f.to, data.min, data.max]) if (d !== null && !isIsoDate(d)) throw new Error('dates must be YYYY-MM-DD');
	if (f.from === null && f.to === null) {
		const end = parseISO(data.max);
		const current = { from: iso(addDays(subYears(end, 1), 1)), to: data.max };
		const before = { from: iso(addDays(subYears(end, 2), 1)), to: iso(subYears(end, 1)) };
		return { current, against: [{ kind: 'previous-12-months', period: before }] };
	}
	const current = { from: f.from ?? data.min, to: f.to ?? data.max };
	const yearEarlier = { from: iso(subYears(parseISO(current.from), 1)), to: iso(subYears(parseISO(current.to), 1)) };
	return {
		current,
		against: [
			{ kind: 'previous-period', period: previousPeriod(current) },
			{ kind: 'year-earlier', period: yearEarlier }
		]
	};
}

/** Days in a period, both ends included (for "per day" comparisons of unequal periods). */
export function periodDays(p: Period): number {
	return Math.max(0, Math.round((parseISO(p.to).getTime() - subDays(parseISO(p.from), 1).getTime()) / 86_400_000));
}
