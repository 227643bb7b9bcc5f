// The timeline's imprecise series (issue 12, section 3): incidents whose date is known less precisely than the
// chart's grain (a week- or month-precision incident on a daily chart, a month-precision one on a weekly chart, a
// year-precision one on a monthly or quarterly chart). Their event_date is the first day of their period, so drawn
// with the others they would pile up on the 1st or on Mondays and make peaks that never happened. The chart draws
// them as their own hatched series and leaves them out of peaks, summaries and the baseline band; it subtracts these
// rows from the main timeline rows (same bucket and series expressions), so timelineQuery and the month rollup,
// which has no date_precision, stay as they are.
import type { DatePrecision } from '../data/taxonomy';
import { BUCKET_SQL, INCIDENTS, MEASURE_SQL, STACK_SQL, pick } from './columns';
import type { BoundQuery } from './engine';
import type { Grain, Measure, Stack } from './filters';
import { Params } from './params';

/** How coarse each grain and each date precision is (a precision coarser than the grain cannot be placed in it). */
const GRAIN_RANK: Readonly<Record<Grain, number>> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };
const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 0, week: 1, month: 2, year: 4 };

/** Date precisions too coarse for a grain, finest first: day -> week, month, year; week -> month, year; ... */
export function coarserPrecisions(grain: Grain): DatePrecision[] {
	const rank = pick(GRAIN_RANK, grain, 'grain');
	return (Object.keys(PRECISION_RANK) as DatePrecision[]).filter((p) => PRECISION_RANK[p] > rank);
}

/**
 * Rows bucket, series, precision, value of the filtered incidents dated less precisely than `grain`, or null when
 * no precision is coarser (year grain). `where` is the view's shared WHERE (all filters, dates included): '' or
 * 'WHERE ...' over the incidents table aliased `i`, with its params, as `whereClause(f)` gives.
 */
export function impreciseTimelineQuery(
	view: { grain: Grain; stack: Stack; measure: Measure },
	where: BoundQuery
): BoundQuery | null {
	const precisions = coarserPrecisions(view.grain);
	if (precisions.length === 0) return null;
	const sql = where.sql.trim();
	if (sql !== '' && !/^WHERE\s/i.test(sql)) throw new Error("the timeline's WHERE must be '' or 'WHERE ...'");
	const p = new Params();
	for (const v of where.params) p.bind(v);
	const bucket = pick(BUCKET_SQL, view.grain, 'grain');
	const series = pick(STACK_SQL, view.stack, 'stack');
	const value = pick(MEASURE_SQL, view.measure, 'measure');
	// The precisions are constants of this module, not input: written as literals.
	const list = precisions.map((x) => `'${x}'`).join(', ');
	// The caller's conditions in parentheses, so an OR inside them cannot swallow ours.
	const precise = sql === '' ? 'WHERE' : `WHERE (${sql.replace(/^WHERE\s+/i, '')}) AND`;
	return p.query(
		'timeline-imprecise',
		`SELECT ${bucket} AS bucket, ${series} AS series, CAST(i.date_precision AS VARCHAR) AS precision, ${value} AS value ` +
			`FROM ${INCIDENTS} AS i ${precise} CAST(i.date_precision AS VARCHAR) IN (${list}) ` +
			`GROUP BY ALL ORDER BY bucket, series, precision`
	);
}
