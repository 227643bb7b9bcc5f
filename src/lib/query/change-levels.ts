// "What is changing": per unit (governorate, district, target type, event type or actor group), this week against
// its baseline, with ACLED Trendfinder's change levels, ACLED's surge and threat flags and HDX Signals' "highest
// 30-day killed total in 1 or 3 years" (issue 12, section 1). One implementation, all in SQL: the weekly sums are
// conditional sums over the week index, the 30-day killed totals a window over a dense day grid, and the levels
// are decided with exact integer comparisons (no rounding at +10 % / +25 % / -25 %).
//
// Weeks are the 7-day windows ending on R, R-7, ... (not calendar weeks): week w holds the days R-7w-6 .. R-7w.
// Incidents are placed on event_date. One known only to the month or year (event_date is the first day of its
// period) cannot be placed in a 7-day or 30-day window, so by default it is left out of every rule and counted in
// `imprecise` instead, as the timeline leaves such incidents out of its peaks and baseline (issue 12, section 3).
// Counted on the 1st, a month's imprecise incidents would sit in week 4 of a panel ending on the 31st, and in
// every 30-day window ending on the 1st-30th but not on the 31st: on the demo data, that pile on 1 December beat
// a month-long escalation's last window for the "highest in 3 years" flag. `precision: 'any'` counts them anyway.
import { INCIDENTS, pick } from './columns';
import type { BoundQuery } from './engine';
import { Params } from './params';
import { isIsoDate } from './validate';

/** Units the panel can rank by, and the column expression of each unit's key: the p-code, else the name. */
export const CHANGE_UNITS = ['governorate', 'district', 'target', 'event', 'actor'] as const;
export type ChangeUnit = (typeof CHANGE_UNITS)[number];

/** Rows with no value are one unit, '(unknown)', like the timeline's unknown province. */
const UNKNOWN = "'(unknown)'";
const UNIT_KEY_SQL: Readonly<Record<ChangeUnit, string>> = {
	governorate: `coalesce(CAST(i.admin1_pcode AS VARCHAR), CAST(i.admin1 AS VARCHAR), ${UNKNOWN})`,
	// admin2_pcode and actor_group are being added to the schema (issue 12); until then choosing them fails to bind.
	district: `coalesce(CAST(i.admin2_pcode AS VARCHAR), CAST(i.admin2 AS VARCHAR), ${UNKNOWN})`,
	target: `coalesce(CAST(i.target_type AS VARCHAR), ${UNKNOWN})`,
	event: `coalesce(CAST(i.event_type AS VARCHAR), ${UNKNOWN})`,
	actor: `coalesce(CAST(i.actor_group AS VARCHAR), ${UNKNOWN})`
};
/** The display name next to a key (the panel shows names, the CSV keys). */
const UNIT_NAME_SQL: Readonly<Record<ChangeUnit, string>> = {
	governorate: `coalesce(CAST(i.admin1 AS VARCHAR), ${UNIT_KEY_SQL.governorate})`,
	district: `coalesce(CAST(i.admin2 AS VARCHAR), ${UNIT_KEY_SQL.district})`,
	target: UNIT_KEY_SQL.target,
	event: UNIT_KEY_SQL.event,
	actor: UNIT_KEY_SQL.actor
};

export const CHANGE_TERMS = ['short', 'long'] as const;
export type ChangeTerm = (typeof CHANGE_TERMS)[number];
/** Weeks the baseline averages: the 4 (short term) or 52 (long term) weeks before the current one. */
export const BASELINE_WEEKS: Readonly<Record<ChangeTerm, number>> = { short: 4, long: 52 };

export const CHANGE_MEASURES = ['incidents', 'killed'] as const;
export type ChangeMeasure = (typeof CHANGE_MEASURES)[number];
/** What one incident adds to a week: 1, or its killed figure when known (an unknown figure adds nothing). */
const MEASURE_VALUE_SQL: Readonly<Record<ChangeMeasure, string>> = {
	incidents: 'CAST(1 AS BIGINT)',
	killed: 'CAST(coalesce(i.killed, 0) AS BIGINT)'
};

/** The four levels, most alarming first (the order the panel ranks them in), spelled as the CSV writes them. */
export const CHANGE_LEVELS = ['large increase', 'moderate increase', 'limited change', 'large decrease'] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** Rule constants, named once (issue 12). */
export const CHANGE_RULES = {
	/** Low-baseline floor: baseline <= 2 and current <= 5 is limited change whatever the percentage. */
	floorBaseline: 2,
	floorCurrent: 5,
	/** Surge needs a 4-week mean of at least this. */
	surgeMinMean: 1,
	/** Highest-in-N-years needs a 30-day killed total of at least this. */
	highestMinKilled: 100,
	/** Day windows of the "highest in 1 / 3 years" comparison (windows ending on each of these days, R included). */
	highestDays: { 1: 366, 3: 1096 },
	rollingDays: 30
} as const;

/** The oldest week any rule reads: threat compares weeks 0-3 with weeks 4-55. */
const THREAT_LAST_WEEK = 55;
/** Day grid of the rolling 30-day killed totals: windows ending on R-1095 .. R reach back 29 days more. */
const GRID_DAYS = CHANGE_RULES.highestDays[3] + CHANGE_RULES.rollingDays - 1;

export interface ChangeLevelsOptions {
	unit: ChangeUnit;
	/** R as 'YYYY-MM-DD' (the date filter's end), or null: the newest event_date the filters keep. */
	reference: string | null;
	term: ChangeTerm;
	measure: ChangeMeasure;
	/** 'week' (default): only incidents dated to the day or week count; 'any': every incident, on its event_date. */
	precision?: ChangePrecision;
}

export const CHANGE_PRECISIONS = ['week', 'any'] as const;
export type ChangePrecision = (typeof CHANGE_PRECISIONS)[number];
/** Whether an incident's date counts (its date_precision is fine enough for weekly and 30-day windows). */
const PRECISE_SQL: Readonly<Record<ChangePrecision, string>> = {
	week: "CAST(i.date_precision AS VARCHAR) IN ('day', 'week')",
	any: 'true'
};

/**
 * The caller's filters: `sql` is '' or 'WHERE ...' over the incidents table aliased `i`, with its `?` values in
 * `params` (what `whereSql(filterConditions(f, p, ['dates']))` gives). It must leave the date filter out, both
 * ends: the baselines need 52+ weeks before R whatever the filter's start, and R itself (the filter's end, passed
 * as `reference`) bounds the other side. Every other filter applies, as the issue asks.
 */
export type ChangeWhere = BoundQuery;

function checkWhere(where: ChangeWhere): void {
	const sql = where.sql.trim();
	if (sql !== '' && !/^WHERE\s/i.test(sql)) throw new Error("the change panel's WHERE must be '' or 'WHERE ...'");
}

/** The stored columns each unit's key and name are built from (UNIT_KEY_SQL, UNIT_NAME_SQL). */
const UNIT_COLUMNS: Readonly<Record<ChangeUnit, readonly string[]>> = {
	governorate: ['admin1_pcode', 'admin1'],
	district: ['admin2_pcode', 'admin2'],
	target: ['target_type'],
	event: ['event_type'],
	actor: ['actor_group']
};

/**
 * Two CTEs: `scoped`, the filtered incidents' stored columns the rules read (the caller's params come first), and
 * `filtered`, those of the `lookback` days ending on R with each unit's key and name (it reads `ref`). The text of
 * the keys is built for those days only, not for every incident (measured: the most of this statement's time at
 * 1M rows without a date filter); a given R also bounds the scan, which then skips the older row groups (the
 * table is stored in date order).
 */
function filteredCtes(
	unit: ChangeUnit,
	measure: ChangeMeasure,
	precision: ChangePrecision,
	where: ChangeWhere,
	reference: string | null,
	lookback: number,
	p: Params
): string[] {
	checkWhere(where);
	for (const v of where.params) p.bind(v);
	const columns = pick(UNIT_COLUMNS, unit, 'change unit').map((c) => `i.${c}`);
	let conditions = where.sql;
	if (reference !== null) {
		if (!isIsoDate(reference)) throw new Error('the reference day must be a YYYY-MM-DD date');
		const body = where.sql.trim().replace(/^WHERE\s+/i, '');
		const days = `i.event_date BETWEEN ${p.date(reference)} - ${lookback} AND ${p.date(reference)}`;
		conditions = `WHERE ${body === '' ? '' : `(${body}) AND `}${days}`;
	}
	const scoped = `scoped AS (SELECT i.event_date AS d, ${columns.join(', ')}, i.killed, i.date_precision FROM ${INCIDENTS} AS i ${conditions})`;
	// Grouped by day, stored unit columns and precision first (cnt incidents each), so the text is built per group.
	const days =
		`(SELECT i.d, ${columns.join(', ')}, ${pick(PRECISE_SQL, precision, 'change precision')} AS precise, ` +
		`sum(${pick(MEASURE_VALUE_SQL, measure, 'change measure')}) AS m, sum(CAST(i.killed AS BIGINT)) AS killed, count(*) AS cnt ` +
		`FROM scoped AS i, ref WHERE i.d <= ref.r AND i.d >= ref.r - ${lookback} GROUP BY ALL) AS i`;
	const filtered =
		`filtered AS (SELECT i.d, ${pick(UNIT_KEY_SQL, unit, 'change unit')} AS unit, ` +
		`${pick(UNIT_NAME_SQL, unit, 'change unit')} AS name, i.m, i.killed, i.precise, i.cnt FROM ${days})`;
	return [scoped, filtered];
}

/** R as a CTE `ref(r DATE)`: the given day, or the newest filtered event_date (NULL when nothing matches). */
function refCte(reference: string | null, p: Params): string {
	if (reference === null) return 'ref AS (SELECT max(d) AS r FROM scoped)';
	if (!isIsoDate(reference)) throw new Error('the reference day must be a YYYY-MM-DD date');
	return `ref AS (SELECT ${p.date(reference)} AS r)`;
}

/**
 * R on its own, one row: reference_day ('YYYY-MM-DD', or null when the filters keep no incident). For the panel's
 * heading when there is no date filter; `where` as for changeLevelsQuery.
 */
export function referenceDayQuery(where: ChangeWhere): BoundQuery {
	checkWhere(where);
	const p = new Params();
	for (const v of where.params) p.bind(v);
	return p.query('reference-day', `SELECT strftime(max(i.event_date), '%Y-%m-%d') AS reference_day FROM ${INCIDENTS} AS i ${where.sql}`);
}

/**
 * One row per unit with at least one filtered incident in the 56 weeks ending on R (the longest weekly window),
 * ranked: level (large increase first), then current - baseline (largest first), then unit. Columns:
 * - reference_day: R ('YYYY-MM-DD');
 * - unit: the key (p-code, else name, else '(unknown)'); name: a display name (admin1 / admin2 name, else the key);
 * - current: the measure in week 0 (R-6 .. R); baseline: its mean over weeks 1..4 or 1..52 (baseline_weeks);
 * - change_pct: 100 * (current - baseline) / baseline, null when the baseline is 0;
 * - level: one of CHANGE_LEVELS; new_activity: 1 when the baseline is 0 and current above 5 (then level is large
 *   increase), else 0;
 * - surge: 1 when current >= 2 x the mean of weeks 1..4 and that mean >= 1;
 * - threat: 1 when the mean of weeks 0..3 >= 2 x the mean of weeks 4..55 and is above 0 (with nothing in either
 *   period there is no threat; with nothing before and something now there is);
 * - killed_30d: known killed of the 30 days ending on R (whatever the measure: HDX Signals counts fatalities);
 * - highest_years: 3 when killed_30d >= 100 and no 30-day window ending in the 1,096 days ending on R has more;
 *   else 1 for the 366 days; else 0. Ties count as highest. Days before the data's first incident count as 0;
 * - imprecise: incidents of the unit in those 56 weeks left out because their date is known only to the month or
 *   year (0 with precision 'any').
 * Listed units include those whose only incidents are imprecise (all figures 0).
 * Level rules (baseline b, current c, change = (c - b) / b): b = 0 and c > 5: large increase (new activity); b <= 2
 * and c <= 5: limited change; change > +25 %: large increase; +10 % <= change <= +25 %: moderate increase;
 * -25 % <= change < +10 %: limited change; change < -25 %: large decrease.
 */
export function changeLevelsQuery(options: ChangeLevelsOptions, where: ChangeWhere): BoundQuery {
	const { unit, reference, term, measure } = options;
	const n = pick(BASELINE_WEEKS, term, 'change term');
	const p = new Params();
	const r = CHANGE_RULES;
	// Week index and days back of each incident up to R, from the oldest day any rule reads.
	const lookback = Math.max(GRID_DAYS, 7 * (THREAT_LAST_WEEK + 1) - 1);
	const [scoped, filtered] = filteredCtes(unit, measure, options.precision ?? 'week', where, reference, lookback, p);
	const ref = refCte(reference, p);
	const recent =
		`recent AS (SELECT f.unit, f.name, CASE WHEN f.precise THEN f.m ELSE 0 END AS m, ` +
		`CASE WHEN f.precise THEN f.killed END AS killed, f.precise, f.cnt, CAST(ref.r - f.d AS INTEGER) AS back, ` +
		`CAST((ref.r - f.d) // 7 AS INTEGER) AS w FROM filtered AS f, ref ` +
		`WHERE f.d <= ref.r AND f.d >= ref.r - ${lookback})`;
	const sumWeeks = (lo: number, hi: number) => `coalesce(sum(m) FILTER (WHERE w BETWEEN ${lo} AND ${hi}), 0)`;
	// Sums, not means, so the rules compare integers exactly: mean = sum / weeks.
	const weekly =
		`weekly AS (SELECT unit, min(name) AS name, ${sumWeeks(0, 0)} AS c, ${sumWeeks(1, n)} AS s, ` +
		`${sumWeeks(1, 4)} AS s4, ${sumWeeks(0, 3)} AS r4, ${sumWeeks(4, THREAT_LAST_WEEK)} AS p52, ` +
		`coalesce(sum(cnt) FILTER (WHERE NOT precise), 0) AS imprecise ` +
		`FROM recent WHERE w <= ${THREAT_LAST_WEEK} GROUP BY unit)`;
	// Killed per unit and day over a dense grid (a day without incidents is a 0, so ROWS windows are 30 days).
	const daily =
		`daily AS (SELECT unit, back, sum(killed) AS k FROM recent WHERE back < ${GRID_DAYS} GROUP BY unit, back)`;
	// The 30-day totals are taken at the days with incidents and at the first day of each span a rule compares (R,
	// R-365, R-1095), added as zeros: a window ending on any other day of a span holds no more than the window
	// ending on its latest incident day inside the span, or, when that day is before the span, than the window
	// ending on the span's first day. So the maxima equal those over every day, and a RANGE window needs no dense
	// grid of units x 1,125 days (measured: 12% less CPU at 200k rows, 24% for districts; about even at 1M).
	const spanStarts = [0, r.highestDays[1] - 1, r.highestDays[3] - 1].map((b) => `(${b})`).join(', ');
	const grid =
		`grid AS (SELECT unit, back, coalesce(k, 0) AS k FROM daily ` +
		`UNION ALL SELECT w.unit, e.back, 0 FROM weekly AS w CROSS JOIN (VALUES ${spanStarts}) AS e(back))`;
	const rolling =
		`rolling AS (SELECT unit, back, sum(k) OVER (PARTITION BY unit ORDER BY back ` +
		`RANGE BETWEEN CURRENT ROW AND ${r.rollingDays - 1} FOLLOWING) AS k30 FROM grid)`;
	const peaks =
		`peaks AS (SELECT unit, max(k30) FILTER (WHERE back = 0) AS now, ` +
		`max(k30) FILTER (WHERE back < ${r.highestDays[1]}) AS max1, ` +
		`max(k30) FILTER (WHERE back < ${r.highestDays[3]}) AS max3 FROM rolling GROUP BY unit)`;
	// c - b compared with b as integers: (n c - s) against s, for b = s / n.
	const excess = `(${n} * w.c - w.s)`;
	const level =
		`CASE WHEN w.s = 0 AND w.c > ${r.floorCurrent} THEN 'large increase' ` +
		`WHEN w.s <= ${r.floorBaseline * n} AND w.c <= ${r.floorCurrent} THEN 'limited change' ` +
		`WHEN 4 * ${excess} > w.s THEN 'large increase' ` +
		`WHEN 10 * ${excess} >= w.s THEN 'moderate increase' ` +
		`WHEN 4 * ${excess} >= -w.s THEN 'limited change' ` +
		`ELSE 'large decrease' END`;
	const rank = `CASE level ${CHANGE_LEVELS.map((l, k) => `WHEN '${l}' THEN ${k}`).join(' ')} END`;
	const highest =
		`CASE WHEN pk.now >= ${r.highestMinKilled} AND pk.now >= pk.max3 THEN 3 ` +
		`WHEN pk.now >= ${r.highestMinKilled} AND pk.now >= pk.max1 THEN 1 ELSE 0 END`;
	const rows =
		`rows AS (SELECT strftime(ref.r, '%Y-%m-%d') AS reference_day, w.unit, w.name, CAST(w.c AS DOUBLE) AS current, ` +
		`CAST(w.s AS DOUBLE) / ${n} AS baseline, CAST(${n} AS INTEGER) AS baseline_weeks, ` +
		`CASE WHEN w.s = 0 THEN NULL ELSE 100.0 * CAST(${excess} AS DOUBLE) / CAST(w.s AS DOUBLE) END AS change_pct, ` +
		`${level} AS level, CAST(w.s = 0 AND w.c > ${r.floorCurrent} AS INTEGER) AS new_activity, ` +
		`CAST(2 * w.c >= w.s4 AND w.s4 >= ${4 * r.surgeMinMean} AS INTEGER) AS surge, ` +
		`CAST(13 * w.r4 >= 2 * w.p52 AND w.r4 > 0 AS INTEGER) AS threat, ` +
		`CAST(pk.now AS DOUBLE) AS killed_30d, CAST(${highest} AS INTEGER) AS highest_years, ` +
		`CAST(w.imprecise AS INTEGER) AS imprecise, ` +
		`CAST(${excess} AS DOUBLE) / ${n} AS diff ` +
		`FROM weekly AS w JOIN peaks AS pk ON pk.unit = w.unit, ref)`;
	return p.query(
		'change',
		`WITH ${[scoped, ref, filtered, recent, weekly, daily, grid, rolling, peaks, rows].join(', ')} ` +
			`SELECT * EXCLUDE (diff) FROM rows ORDER BY ${rank}, diff DESC, unit`
	);
}
