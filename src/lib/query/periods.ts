// The KPI periods: the filtered period with open ends resolved by the data's range, and the period of equal
// length immediately before it (what the headline figures are compared against).
import { differenceInCalendarDays, format, parseISO, subDays } from 'date-fns';
import { isIsoDate } from './validate';

export interface Period {
	from: string;
	to: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The filter's dates, open ends taken from the data range. */
export function resolvePeriod(f: { from: string | null; to: string | null }, data: { min: string; max: string }): Period {
	const period = { from: f.from ?? data.min, to: f.to ?? data.max };
	// The periods are computed here, not in SQL, so the dates must be real ones.
	if (!isIsoDate(period.from) || !isIsoDate(period.to)) throw new Error('period ends must be YYYY-MM-DD dates');
	return period;
}

/**
 * The n days immediately before a period of n days (both inclusive). A period whose end precedes its start
 * (a filter starting after the last incident) counts as one day, so the comparison stays defined.
 */
export function previousPeriod(p: Period): Period {
	const start = parseISO(p.from);
	const days = Math.max(1, differenceInCalendarDays(parseISO(p.to), start) + 1);
	return { from: iso(subDays(start, days)), to: iso(subDays(start, 1)) };
}
