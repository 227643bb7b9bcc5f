// Probable duplicates across sources (issue 13 part 4): the SQL that groups incidents from different source datasets
// that are probably one event, run once by the artifact build (scripts/lib/artifact-build.ts), and the browser's
// review query. Rows are never merged and no source's record changes: the build only adds three columns to the
// artifact's incidents table (src/lib/data/artifact.ts): dup_group, dup_score and dup_keep.
//
// Two records (a, b) are a candidate pair when all of these hold:
// - different source_dataset (ACLED and UCDP, never two ACLED rows), neither of them synthetic (invented demo rows);
// - the same country (country_iso3, else the country's name as written);
// - their date ranges overlap, with one day of slack on either side. A record's range is event_date..date_end when
//   the source gives a range (UCDP; the importer derived the precision from it), else the period of its precision
//   around event_date: day = that day; week = six days either side (ACLED codes a week-precise event on some day
//   of the week, not always its first); month = the calendar month of event_date; year = its calendar year (a
//   month-precise ACLED date is mid-month, so the period is the month around it, not the month from it);
// - the same place: the same district p-code (admin2_pcode) when both have one, or the same district name (case and
//   spaces folded) when neither has a p-code, or, whatever the districts, both located precisely (geo_precision
//   point, town or near, with coordinates) within 10 km of each other (haversine, mean Earth radius);
// - compatible deaths: both unknown, or both known and differing by at most max(2, 20 % of the larger).
//
// Pairs are linked into groups (connected components: a record paired with two others puts all three in one group).
// Each record's score, dup_score in [0, 1], is the best of its pairs' scores; a pair's score is the fraction of four
// criteria that match strongly rather than just within tolerance: the same single day (both day-precise, same
// date), the same spot (both precise and within 2 km), the same deaths (both known and equal), and the same
// perpetrator group (actor_group, neither `unknown` nor `other`). A group of 0.25 is a loose match; 1 is as close
// as two sources get.
//
// dup_keep is true for every record that is alone and for exactly one record per group: the one with the most
// precise date (precision day < week < month < year, then the shortest range), then the most precise place (point <
// town < near < admin2 < admin1 < country < unknown), then the first source in DUPLICATE_SOURCE_ORDER, then the
// smallest incident_id. Counting each probable event once (the `dedupe=1` switch) keeps the rows where dup_keep.
import { INCIDENTS, selectColumn } from './columns';
import type { BoundQuery } from './engine';
import type { Filters } from './filters';
import { Params } from './params';
import { filterConditions, whereSql } from './where';

/** Distance under which two precisely placed records are at the same place (km). */
export const DUPLICATE_RADIUS_KM = 10;
/** Distance under which two precise places count as the same spot in the score (km). */
export const DUPLICATE_SPOT_KM = 2;
/** Deaths are compatible when they differ by at most max(DEATHS_ABS, DEATHS_REL x the larger). */
export const DUPLICATE_DEATHS_ABS = 2;
export const DUPLICATE_DEATHS_REL = 0.2;
/** Which source's record is counted when a group's dates and places are equally precise. */
export const DUPLICATE_SOURCE_ORDER = ['acled', 'ucdp', 'gtd', 'manual', 'csv', 'synthetic'] as const;

/** Temporary tables of the build (constants, never data). */
const NODES = 'dup_nodes';
const DAYS = 'dup_days';
const CANDIDATES = 'dup_candidates';
const PAIRS = 'dup_pairs';
const EDGES = 'dup_edges';
const LABELS = 'dup_labels';
/** The build's result: incident_id, dup_group, dup_score, dup_keep for every record in a group. */
export const DUPLICATE_MARKS = 'dup_marks';

/** Drops the step's working tables once the marks are applied (the page rebuilds local data in the same session). */
export const DROP_DUPLICATE_TABLES = [NODES, DAYS, CANDIDATES, PAIRS, EDGES, LABELS, DUPLICATE_MARKS].map((t) => `DROP TABLE IF EXISTS temp.${t}`);

const PRECISE = `('point', 'town', 'near')`;
const rank = (column: string, values: readonly string[]) =>
	`CASE ${values.map((v, k) => `WHEN ${column} = '${v}' THEN ${k}`).join(' ')} ELSE ${values.length} END`;

/** Synthetic (invented) records never pair: a match between an invented and a real record would mean nothing. */
const REAL = `CAST(source_dataset AS VARCHAR) <> 'synthetic'`;

/**
 * The records that can pair, one row each, from `from` (a FROM item over incident rows holding the schema's
 * columns and actor_group; build code, never input): day numbers d0..d1 of the range (days since 1970-01-01),
 * place keys, coordinates when precise, deaths. Only countries with more than one source take part.
 */
export function duplicateNodesSql(from: string): string {
	const d0 = `CAST(event_date - DATE '1970-01-01' AS INTEGER)`;
	const periodStart =
		`CASE CAST(date_precision AS VARCHAR) WHEN 'week' THEN event_date - 6 WHEN 'month' THEN CAST(date_trunc('month', event_date) AS DATE) ` +
		`WHEN 'year' THEN CAST(date_trunc('year', event_date) AS DATE) ELSE event_date END`;
	const periodEnd =
		`CASE CAST(date_precision AS VARCHAR) WHEN 'week' THEN event_date + 6 WHEN 'month' THEN last_day(event_date) ` +
		`WHEN 'year' THEN make_date(year(event_date), 12, 31) ELSE event_date END`;
	const dayOf = (date: string) => `CAST(${date} - DATE '1970-01-01' AS INTEGER)`;
	const precise = `CAST(geo_precision AS VARCHAR) IN ${PRECISE} AND latitude IS NOT NULL AND longitude IS NOT NULL`;
	return (
		`CREATE OR REPLACE TEMP TABLE ${NODES} AS SELECT * FROM (SELECT incident_id AS id, CAST(source_dataset AS VARCHAR) AS src, ` +
		`coalesce(CAST(country_iso3 AS VARCHAR), lower(trim(country))) AS ctry, ` +
		`CASE WHEN date_end IS NULL THEN ${dayOf(periodStart)} ELSE ${d0} END AS d0, ` +
		`CASE WHEN date_end IS NULL THEN ${dayOf(periodEnd)} ELSE greatest(${dayOf('date_end')}, ${d0}) END AS d1, ` +
		`CAST(admin2_pcode AS VARCHAR) AS pcode, nullif(lower(regexp_replace(trim(admin2), '\\s+', ' ', 'g')), '') AS district, ` +
		`CASE WHEN ${precise} THEN latitude END AS lat, CASE WHEN ${precise} THEN longitude END AS lon, ` +
		`killed, CAST(actor_group AS VARCHAR) AS actor, ` +
		`${rank('CAST(date_precision AS VARCHAR)', ['day', 'week', 'month', 'year'])} AS date_rank, ` +
		`${rank('CAST(geo_precision AS VARCHAR)', ['point', 'town', 'near', 'admin2', 'admin1', 'country'])} AS geo_rank, ` +
		`${rank('CAST(source_dataset AS VARCHAR)', DUPLICATE_SOURCE_ORDER)} AS source_rank ` +
		`FROM ${from} WHERE ${REAL}) AS n WHERE n.ctry IS NOT NULL AND n.ctry IN ` +
		`(SELECT c.ctry FROM (SELECT coalesce(CAST(country_iso3 AS VARCHAR), lower(trim(country))) AS ctry, source_dataset FROM ${from} WHERE ${REAL}) AS c ` +
		`GROUP BY c.ctry HAVING count(DISTINCT c.source_dataset) > 1)`
	);
}

/** Great-circle distance in km between (a.lat, a.lon) and (b.lat, b.lon). */
const KM = `(2 * 6371.0088 * asin(sqrt(pow(sin(radians(b.lat - a.lat) / 2), 2) + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2))))`;
const BOTH_PRECISE = `a.lat IS NOT NULL AND b.lat IS NOT NULL`;

/** The pair conditions over rows a and b of the nodes table (dates are checked by the join that finds them). */
export const SAME_PLACE_SQL =
	`((a.pcode IS NOT NULL AND a.pcode = b.pcode) OR (a.pcode IS NULL AND b.pcode IS NULL AND a.district = b.district) ` +
	`OR (${BOTH_PRECISE} AND ${KM} <= ${DUPLICATE_RADIUS_KM}))`;
export const DEATHS_COMPATIBLE_SQL =
	`((a.killed IS NULL AND b.killed IS NULL) OR ` +
	`abs(a.killed - b.killed) <= greatest(${DUPLICATE_DEATHS_ABS}, ${DUPLICATE_DEATHS_REL} * greatest(a.killed, b.killed)))`;
/** The pair's score: the fraction of the four strong matches (see the module's header). */
export const PAIR_SCORE_SQL =
	`((CAST(a.d0 = a.d1 AND b.d0 = b.d1 AND a.d0 = b.d0 AS INTEGER) + ` +
	`CAST(coalesce(${BOTH_PRECISE} AND ${KM} <= ${DUPLICATE_SPOT_KM}, false) AS INTEGER) + ` +
	`CAST(coalesce(a.killed = b.killed, false) AS INTEGER) + ` +
	`CAST(coalesce(a.actor = b.actor AND a.actor NOT IN ('unknown', 'other'), false) AS INTEGER)) / 4.0)`;

/**
 * The statements that find the pairs and seed the group labels, in order. The date overlap is an equi-join: every
 * record is spread over the days of its range widened by one day each side, and a pair overlaps exactly when one
 * record's first day falls on such a day of the other's; so records are only ever compared with records of the
 * same country and day, never all with all.
 */
export function duplicatePairSteps(): string[] {
	const gap = `abs((a.d0 + a.d1) - (b.d0 + b.d1))`;
	const km = `CASE WHEN ${BOTH_PRECISE} THEN ${KM} END`;
	const deaths = `abs(a.killed - b.killed)`;
	// Each side's candidates of the other source, best first: score, then closest dates, deaths, places, then id.
	const best = (self: string, other: string) =>
		`row_number() OVER (PARTITION BY ${self}, ${other}_src ORDER BY score DESC, gap, deaths NULLS FIRST, km NULLS LAST, ${other})`;
	return [
		// One row per record, day of its widened range and other source present in its country: the join below then
		// matches on equal keys only, so no pair of one source's records is ever formed (100,000 synthetic rows next to
		// two hand-coded ones cost nothing).
		`CREATE OR REPLACE TEMP TABLE ${DAYS} AS SELECT n.id, n.ctry, o.src AS other, CAST(unnest(generate_series(n.d0 - 1, n.d1 + 1)) AS INTEGER) AS day ` +
			`FROM ${NODES} AS n JOIN (SELECT DISTINCT ctry, src FROM ${NODES}) AS o ON o.ctry = n.ctry AND o.src <> n.src`,
		`CREATE OR REPLACE TEMP TABLE ${CANDIDATES} AS SELECT DISTINCT least(a.id, b.id) AS id1, CASE WHEN a.id < b.id THEN a.src ELSE b.src END AS id1_src, ` +
			`greatest(a.id, b.id) AS id2, CASE WHEN a.id < b.id THEN b.src ELSE a.src END AS id2_src, ` +
			`${PAIR_SCORE_SQL} AS score, ${gap} AS gap, ${km} AS km, ${deaths} AS deaths ` +
			`FROM ${DAYS} AS x JOIN ${NODES} AS b ON b.ctry = x.ctry AND b.d0 = x.day AND b.src = x.other ` +
			`JOIN ${NODES} AS a ON a.id = x.id ` +
			`WHERE ${SAME_PLACE_SQL} AND ${DEATHS_COMPATIBLE_SQL}`,
		// A pair joins records of two sources that are each other's best candidate: a source records an event once,
		// so a record pairs with at most one record of each other source (no chains of neighbouring events).
		`CREATE OR REPLACE TEMP TABLE ${PAIRS} AS SELECT id1, id2, score FROM (SELECT c.*, ${best('id1', 'id2')} AS r1, ${best('id2', 'id1')} AS r2 ` +
			`FROM ${CANDIDATES} AS c) AS c WHERE r1 = 1 AND r2 = 1`,
		`CREATE OR REPLACE TEMP TABLE ${EDGES} AS SELECT id1 AS a, id2 AS b, score FROM ${PAIRS} UNION ALL SELECT id2, id1, score FROM ${PAIRS}`,
		`CREATE OR REPLACE TEMP TABLE ${LABELS} AS SELECT a AS id, least(a, min(b)) AS label FROM ${EDGES} GROUP BY a`
	];
}

/**
 * One round of label propagation: every record takes the smallest label among its neighbours'. Repeated until it
 * changes no row, the label of each record is the smallest id of its connected component.
 */
export const DUPLICATE_LABEL_STEP =
	`UPDATE ${LABELS} SET label = s.m FROM (SELECT e.a AS id, min(l.label) AS m FROM ${EDGES} AS e JOIN ${LABELS} AS l ON l.id = e.b GROUP BY e.a) AS s ` +
	`WHERE ${LABELS}.id = s.id AND s.m < ${LABELS}.label`;

/** The marks table: a group number per component (1, 2, ... in order of the group's first date, then label), the
 *  record's best pair score, and which record the group keeps (the order in the module's header). */
export function duplicateMarksSql(): string {
	const members =
		`SELECT l.id, l.label, n.d0, s.score, ` +
		`min(n.d0) OVER (PARTITION BY l.label) AS first_day, ` +
		`row_number() OVER (PARTITION BY l.label ORDER BY n.date_rank, n.d1 - n.d0, n.geo_rank, n.source_rank, l.id) AS k ` +
		`FROM ${LABELS} AS l JOIN ${NODES} AS n ON n.id = l.id ` +
		`JOIN (SELECT e.a AS id, max(e.score) AS score FROM ${EDGES} AS e GROUP BY e.a) AS s ON s.id = l.id`;
	return (
		`CREATE OR REPLACE TEMP TABLE ${DUPLICATE_MARKS} AS SELECT m.id AS incident_id, ` +
		`CAST(dense_rank() OVER (ORDER BY m.first_day, m.label) AS INTEGER) AS dup_group, ` +
		`CAST(m.score AS DOUBLE) AS dup_score, m.k = 1 AS dup_keep FROM (${members}) AS m`
	);
}

/** Runs a statement and says how many rows it changed (the build's connection). */
export type DuplicateRunner = (sql: string) => Promise<number>;

/** Every step: nodes from `from`, pairs, labels until stable, marks. Returns the number of label rounds. */
export async function markDuplicates(run: DuplicateRunner, from: string, maxRounds = 1000): Promise<number> {
	await run(duplicateNodesSql(from));
	for (const step of duplicatePairSteps()) await run(step);
	let rounds = 0;
	while ((await run(DUPLICATE_LABEL_STEP)) > 0) {
		if (++rounds >= maxRounds) throw new Error(`duplicate groups did not settle in ${maxRounds} rounds`);
	}
	await run(duplicateMarksSql());
	return rounds;
}

/** Largest number of groups one review page lists. */
export const DUPLICATE_PAGE_GROUPS = 20;

/** The columns of a record shown side by side in the review list. */
export const DUPLICATE_REVIEW_COLUMNS = [
	'incident_id', 'source_dataset', 'event_date', 'date_precision', 'date_end', 'admin1', 'admin2', 'location',
	'geo_precision', 'latitude', 'longitude', 'event_type', 'perpetrator', 'target_actor', 'killed', 'summary'
] as const;

/**
 * The groups with at least one record under the filters (the dedupe switch itself left out: the list shows what it
 * would fold), newest first, `limit` groups from `offset`; every record of each group, also the ones the filters
 * leave out, the kept record first. Rows: group_id, group_size, dup_score, dup_keep, then DUPLICATE_REVIEW_COLUMNS.
 */
export function duplicateGroupsQuery(f: Filters, limit = DUPLICATE_PAGE_GROUPS, offset = 0): BoundQuery {
	if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new Error('limit must be a whole number in 1..200');
	if (!Number.isInteger(offset) || offset < 0) throw new Error('offset must be a whole number >= 0');
	const p = new Params();
	const where = whereSql([...filterConditions(f, p, ['dedupe']), 'i.dup_group IS NOT NULL']);
	const groups =
		`SELECT i.dup_group AS g, max(i.event_date) AS latest FROM ${INCIDENTS} AS i ${where} GROUP BY i.dup_group ` +
		`ORDER BY latest DESC, g LIMIT ${p.int(limit)} OFFSET ${p.int(offset)}`;
	const columns = DUPLICATE_REVIEW_COLUMNS.map(selectColumn).join(', ');
	return p.query(
		'duplicates',
		`SELECT i.dup_group AS group_id, CAST(count(*) OVER (PARTITION BY i.dup_group) AS INTEGER) AS group_size, ` +
			`i.dup_score AS dup_score, CAST(i.dup_keep AS INTEGER) AS dup_keep, ${columns} ` +
			`FROM ${INCIDENTS} AS i JOIN (${groups}) AS g ON g.g = i.dup_group ` +
			`ORDER BY g.latest DESC, i.dup_group, i.dup_keep DESC, i.event_date, i.incident_id`
	);
}
