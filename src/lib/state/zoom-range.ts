// Maps a zoom/brush on the timeline's category axis (bucket start dates) back to an inclusive date filter.
import { addDays, addMonths, addQuarters, addWeeks, addYears, format, parseISO } from 'date-fns';
import type { Grain } from '../query/filters';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Last day of the bucket that starts on `start`. */
export function bucketEnd(start: string, grain: Grain): string {
	const d = parseISO(start);
	const next =
		grain === 'day'
			? addDays(d, 1)
			: grain === 'week'
				? addWeeks(d, 1)
				: grain === 'month'
					? addMonths(d, 1)
					: grain === 'quarter'
						? addQuarters(d, 1)
						: addYears(d, 1);
	return iso(addDays(next, -1));
}

/**
 * The date range covered by buckets[startIndex..endIndex], clipped to the current filter's own bounds so that a
 * zoom never widens the filter (a week bucket can start before `from`). Null when the zoom covers everything.
 */
export function zoomToRange(
	buckets: readonly string[],
	startIndex: number,
	endIndex: number,
	grain: Grain,
	current: { from: string | null; to: string | null }
): { from: string | null; to: string | null } | null {
	if (buckets.length === 0) return null;
	const lo = Math.max(0, Math.min(Math.round(startIndex), buckets.length - 1));
	const hi = Math.max(lo, Math.min(Math.round(endIndex), buckets.length - 1));
	if (lo === 0 && hi === buckets.length - 1) return null;
	let from: string | null = buckets[lo];
	let to: string | null = bucketEnd(buckets[hi], grain);
	if (lo === 0) from = current.from;
	if (hi === buckets.length - 1) to = current.to;
	if (from && current.from && from < current.from) from = current.from;
	if (to && current.to && to > current.to) to = current.to;
	return { from, to };
}
