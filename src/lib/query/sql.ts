// Query builders: view state in, BoundQuery out. Pure functions; user values only as bound parameters, names
// only from the allow-lists of columns.ts. Every result column is cast so engines need no conversion (see
// engine.ts): counts INTEGER, sums DOUBLE, dates 'YYYY-MM-DD' text, categories VARCHAR.
// The KPI, count, ranked and timeline builders read the month rollup instead of every incident when the view
// allows it, and the date-sorted incident page takes a date bound from it (rollup.ts); results are the same.
import { ENUM_COLUMNS } from '../data/artifact';
import { foldSql } from '../text/fold';
import {
	BUCKET_SQL,
	CATEGORY_DIMENSION,
	categoryColumn,
	EXPORT_COLUMNS,
	INCIDENTS,
	KILLED_RANGE_SQL,
	LIST_COLUMNS,
	MEASURE_SQL,
	META,
	MONTH_BUCKET_SQL,
	ROLLUP_KILLED_RANGE_SQL,
	ROLLUP_MEASURE_SQL,
	SORT_DIRECTIONS,
	SORT_SQL,
	SOURCES,
	STACK_KEYS,
	STACK_SQL,
	pick,
	selectColumn,
	type CategoryDim
} from './columns';
import { named, type BoundQuery } from './engine';
import type { Filters, ViewState } from './filters';
import { Params } from './params';
import { previousPeriod, resolvePeriod, type Period } from './periods';
import {
	coverFrom,
	coverSelects,
	dayRangeSelect,
	monthCover,
	pageBound,
	rollupFilters,
	rollupPlan,
	unionAll,
	type MonthCover,
	type RollupKey
} from './rollup';
import { filterConditions, textConditions, whereSql, type FilterPart } from './where';
import { dimension } from './dimensions';

export { whereClause } from './where';
export { LIST_COLUMNS, EXPORT_COLUMNS, CATEGORY_DIMS, type CategoryDim } from './columns';

export const PAGE_SIZE = 50;

/**
 * Where a builder reads: 'auto' (default) takes the month rollup when the view allows it (src/lib/query/rollup.ts;
 * same columns, order and values), 'raw' always reads the incidents table (the reference the tests compare with).
 */
export interface SourceOptions {
	source?: 'auto' | 'raw';
}
const auto = (o: SourceOptions) => (o.source ?? 'auto') === 'auto';

/** Largest page or list a builder accepts (keeps a bad caller from asking for millions of rows by accident). */
const MAX_LIMIT = 10_000;

function positiveInt(n: number, max: number, what: string): number {
	if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${what} must be a whole number in 1..${max}`);
	return n;
}

/** Dataset metadata: row_count, date_min, date_max, synthetic_rows, source_sha256 (one row; the sha256 is cited). */
export function metaQuery(): BoundQuery {
	return named('meta', {
		sql:
			`SELECT CAST(row_count AS INTEGER) AS row_count, strftime(date_min, '%Y-%m-%d') AS date_min, ` +
			`strftime(date_max, '%Y-%m-%d') AS date_max, CAST(synthetic_rows AS INTEGER) AS synthetic_rows, ` +
			`CAST(source_sha256 AS VARCHAR) AS source_sha256 FROM ${META}`,
		params: []
	});
}

/** One row per source dataset: source_dataset, rows, date_min, date_max, citation. */
export function sourcesQuery(): BoundQuery {
	return named('sources', {
		sql:
			`SELECT CAST(source_dataset AS VARCHAR) AS source_dataset, CAST(rows AS INTEGER) AS rows, ` +
			`strftime(date_min, '%Y-%m-%d') AS date_min, strftime(date_max, '%Y-%m-%d') AS date_max, ` +
			`CAST(citation AS VARCHAR) AS citation FROM ${SOURCES} ORDER BY source_dataset`,
		params: []
	});
}

/**
 * Headline figures for the filtered period and the period of equal length just before it (same other filters).
 * One row: incidents, killed, injured, prev_incidents, prev_killed, prev_injured (sums of known figures, 0 when
 * none is known), killed_known, injured_known, prev_killed_known, prev_injured_known (incidents with a known
 * figure), killed_low, killed_high (the current period's deaths summed with each incident's low / high estimate
 * where its source gives a range, its best estimate elsewhere), killed_ranged (incidents with a range),
 * period_from, period_to, prev_from, prev_to.
 */
export function kpiQuery(
	f: Filters,
	data: { min: string; max: string },
	options: SourceOptions & { periods?: { current: Period; previous: Period } } = {}
): BoundQuery {
	// `periods` compares any two periods (the KPI comparisons of kpi-periods.ts); the filter's dates then select none.
	const cur = options.periods?.current ?? resolvePeriod(f, data);
	const prev = options.periods?.previous ?? previousPeriod(cur);
	if (auto(options) && rollupFilters(f) && (monthCover(cur.from, cur.to) || monthCover(prev.from, prev.to))) {
		return kpiRollupQuery(f, cur, prev);
	}
	const p = new Params();
	const figures = (alias: string, period: { from: string; to: string }) => {
		// A function, not a string: each FILTER clause binds its own two placeholders.
		const during = () => `FILTER (WHERE i.event_date BETWEEN ${p.date(period.from)} AND ${p.date(period.to)})`;
		return [
			`CAST(count(*) ${during()} AS INTEGER) AS ${alias}incidents`,
			`CAST(coalesce(sum(i.killed) ${during()}, 0) AS DOUBLE) AS ${alias}killed`,
			`CAST(coalesce(sum(i.injured) ${during()}, 0) AS DOUBLE) AS ${alias}injured`,
			`CAST(count(i.killed) ${during()} AS INTEGER) AS ${alias}killed_known`,
			`CAST(count(i.injured) ${during()} AS INTEGER) AS ${alias}injured_known`
		];
	};
	// Placeholders are bound in the order the text is built, which must be the order of the SELECT list.
	const current = figures('', cur);
	const previous = figures('prev_', prev);
	const during = () => `i.event_date BETWEEN ${p.date(cur.from)} AND ${p.date(cur.to)}`;
	const range = [
		`CAST(coalesce(sum(coalesce(i.killed_low, i.killed)) FILTER (WHERE ${during()}), 0) AS DOUBLE) AS killed_low`,
		`CAST(coalesce(sum(coalesce(i.killed_high, i.killed)) FILTER (WHERE ${during()}), 0) AS DOUBLE) AS killed_high`,
		`CAST(count(*) FILTER (WHERE ${during()} AND (i.killed_low IS NOT NULL OR i.killed_high IS NOT NULL)) AS INTEGER) AS killed_ranged`
	];
	const select = [...current, ...previous, ...range, ...periodColumns(p, cur, prev)];
	// Scan only the days of both periods; the FILTER clauses split them.
	const lo = prev.from < cur.from ? prev.from : cur.from;
	const hi = prev.to > cur.to ? prev.to : cur.to;
	const conditions = [`i.event_date BETWEEN ${p.date(lo)} AND ${p.date(hi)}`, ...filterConditions(f, p, ['dates'])];
	return p.query('kpis', `SELECT ${select.join(', ')} FROM ${INCIDENTS} AS i ${whereSql(conditions)}`);
}

/** The KPI's period ends as result columns (both KPI forms end with these). */
function periodColumns(p: Params, cur: Period, prev: Period): string[] {
	return [
		`${p.text(cur.from)} AS period_from`,
		`${p.text(cur.to)} AS period_to`,
		`${p.text(prev.from)} AS prev_from`,
		`${p.text(prev.to)} AS prev_to`
	];
}

/** kpiQuery over rollup-shaped rows: each period read through its own month cover, tagged 0 (current) or 1. */
function kpiRollupQuery(f: Filters, cur: Period, prev: Period): BoundQuery {
	const p = new Params();
	const figures = (alias: string, tag: 0 | 1) => {
		const during = `FILTER (WHERE i.period = ${tag})`;
		return [
			`CAST(coalesce(sum(i.n) ${during}, 0) AS INTEGER) AS ${alias}incidents`,
			`CAST(coalesce(sum(i.killed_sum) ${during}, 0) AS DOUBLE) AS ${alias}killed`,
			`CAST(coalesce(sum(i.injured_sum) ${during}, 0) AS DOUBLE) AS ${alias}injured`,
			`CAST(coalesce(sum(i.killed_known) ${during}, 0) AS INTEGER) AS ${alias}killed_known`,
			`CAST(coalesce(sum(i.injured_known) ${during}, 0) AS INTEGER) AS ${alias}injured_known`
		];
	};
	const range = [
		`CAST(coalesce(sum(i.killed_low_sum) FILTER (WHERE i.period = 0), 0) AS DOUBLE) AS killed_low`,
		`CAST(coalesce(sum(i.killed_high_sum) FILTER (WHERE i.period = 0), 0) AS DOUBLE) AS killed_high`,
		`CAST(coalesce(sum(i.killed_ranged) FILTER (WHERE i.period = 0), 0) AS INTEGER) AS killed_ranged`
	];
	const select = [
		...figures('', 0),
		...figures('prev_', 1),
		...range,
		...periodColumns(p, cur, prev)
	];
	const periodSelects = (period: Period, tag: 0 | 1) => {
		const lead = `${tag} AS period, `;
		const cover = monthCover(period.from, period.to);
		if (cover) return coverSelects(cover, p, lead);
		// No whole month: the period's few days come from incidents (none at all when it ends before it starts).
		return period.from <= period.to ? [dayRangeSelect(period, p, lead)] : [];
	};
	const selects = [...periodSelects(cur, 0), ...periodSelects(prev, 1)];
	const where = whereSql(filterConditions(f, p, ['dates']));
	return p.query('kpis', `SELECT ${select.join(', ')} FROM ${unionAll(selects)} AS i ${where}`);
}

/**
 * Timeline rows: bucket ('YYYY-MM-DD' start of the day / ISO week / month / quarter / year), series (p-code, else
 * admin1, else '(unknown)' when stacked by province; target type when stacked by target), value (the measure);
 * with measure killed also low and high (the range's ends, KILLED_RANGE_SQL).
 * Only non-empty buckets come back; the chart fills the gaps.
 */
export function timelineQuery(v: ViewState, options: SourceOptions = {}): BoundQuery {
	const series = pick(STACK_SQL, v.stack, 'stack');
	const p = new Params();
	const stackKeys = pick(STACK_KEYS, v.stack, 'stack');
	const cover = auto(options) && stackKeys ? rollupPlan(v, v.grain) : null;
	const bucket = cover ? pick(MONTH_BUCKET_SQL, v.grain, 'grain') : pick(BUCKET_SQL, v.grain, 'grain');
	const { from, value } = readFrom(v, v.measure, p, cover, [], ['month_start', ...(stackKeys ?? [])]);
	// Deaths also carry their range (low, high), for the tooltip's "range ... where sources give one".
	const range = v.measure === 'killed' ? (cover ? ROLLUP_KILLED_RANGE_SQL : KILLED_RANGE_SQL) : null;
	const extra = range ? `, ${range.low} AS low, ${range.high} AS high` : '';
	return p.query('timeline', 
		`SELECT ${bucket} AS bucket, ${series} AS series, ${value} AS value${extra} FROM ${from} GROUP BY ALL ORDER BY bucket, series`
	);
}

/**
 * The FROM of a grouped builder (rows aliased i, filtered) and its measure expression: the rollup-shaped rows of
 * a month cover pre-grouped by `keys` (the stored columns the builder's expressions read), or the incidents table
 * with the shared WHERE. `omit` leaves filter parts out.
 */
function readFrom(
	f: Filters,
	measure: ViewState['measure'],
	p: Params,
	cover: MonthCover | null,
	omit: readonly FilterPart[],
	keys: readonly RollupKey[]
): { from: string; value: string } {
	if (cover) return { from: coverFrom(cover, f, p, omit, keys), value: pick(ROLLUP_MEASURE_SQL, measure, 'measure') };
	const where = whereSql(filterConditions(f, p, omit));
	return { from: `${INCIDENTS} AS i ${where}`, value: pick(MEASURE_SQL, measure, 'measure') };
}

export interface RankedOptions {
	/** Leave this chart's own dimension out of the filter (the chart then shows the unselected values too, and
	 *  the app highlights the selected ones). Default false: every filter applies. */
	ignoreOwnFilter?: boolean;
	/** At most this many rows (largest first); null = all. */
	limit?: number | null;
	/** See SourceOptions. */
	source?: SourceOptions['source'];
}

/**
 * Map and province list rows: pcode (null outside Syria or when unknown), admin1, country, value; largest first.
 */
export function provinceQuery(v: ViewState, options: RankedOptions = {}): BoundQuery {
	const p = new Params();
	const cover = auto(options) ? rollupPlan(v) : null;
	const keys: RollupKey[] = ['admin1_pcode', 'admin1', 'country'];
	const { from, value } = readFrom(v, v.measure, p, cover, options.ignoreOwnFilter ? ['provinces'] : [], keys);
	const limit = options.limit == null ? '' : ` LIMIT ${p.int(positiveInt(options.limit, MAX_LIMIT, 'limit'))}`;
	return p.query('province', 
		`SELECT CAST(i.admin1_pcode AS VARCHAR) AS pcode, CAST(i.admin1 AS VARCHAR) AS admin1, ` +
			`CAST(i.country AS VARCHAR) AS country, ${value} AS value FROM ${from} ` +
			`GROUP BY ALL ORDER BY value DESC, pcode NULLS LAST, admin1 NULLS LAST, country NULLS LAST${limit}`
	);
}

/** Default number of ranked rows: every target (22) and attack type (9) fits. */
export const CATEGORY_LIMIT = 25;

/** Ranked rows of one category: key (null = not recorded), value; largest first, then by key. */
export function categoryQuery(v: ViewState, dim: CategoryDim, options: RankedOptions = {}): BoundQuery {
	const key = pick(CATEGORY_DIMENSION, dim, 'category');
	const column = categoryColumn(dim);
	const p = new Params();
	const rollupKey = dimension(key).rollup;
	const cover = auto(options) && rollupKey ? rollupPlan(v) : null;
	const omit: FilterPart[] = options.ignoreOwnFilter ? [key] : [];
	const { from, value } = readFrom(v, v.measure, p, cover, omit, rollupKey ? [rollupKey] : []);
	const n = options.limit === undefined ? CATEGORY_LIMIT : options.limit;
	const limit = n === null ? '' : ` LIMIT ${p.int(positiveInt(n, MAX_LIMIT, 'limit'))}`;
	return p.query(dim === 'target' || dim === 'attack' ? dim : 'category', 
		`SELECT CAST(${column} AS VARCHAR) AS key, ${value} AS value FROM ${from} ` +
			`GROUP BY ALL ORDER BY value DESC, key NULLS LAST${limit}`
	);
}

/**
 * Number of filtered incidents: n; and duplicates: how many records under the other filters are probable duplicates
 * that counting each probable event once leaves out (dup_keep false), whether or not the switch is on. With the
 * switch on, n is the count without them; off, the count with them: the switch changes n by exactly `duplicates`.
 */
export function incidentCountQuery(f: Filters, options: SourceOptions = {}): BoundQuery {
	const p = new Params();
	const cover = auto(options) ? rollupPlan(f) : null;
	const kept = f.dedupe ? ' FILTER (WHERE i.dup_keep)' : '';
	if (cover) {
		return p.query(
			'count',
			`SELECT coalesce(sum(i.n)${kept}, 0)::INTEGER AS n, coalesce(sum(i.n) FILTER (WHERE NOT i.dup_keep), 0)::INTEGER AS duplicates ` +
				`FROM ${coverFrom(cover, f, p, ['dedupe'])}`
		);
	}
	const where = whereSql(filterConditions(f, p, ['dedupe']));
	return p.query(
		'count',
		`SELECT (count(*)${kept})::INTEGER AS n, (count(*) FILTER (WHERE NOT i.dup_keep))::INTEGER AS duplicates FROM ${INCIDENTS} AS i ${where}`
	);
}

export interface PageOptions extends SourceOptions {
	/**
	 * How many incidents the filters select, when the caller already knows (the page's count). A page nearer the end
	 * of the list is then read from the other end, in the opposite order, and put back in order: the last page of
	 * millions of rows no longer sorts and skips all the others (8.5 s at 10M rows in the benchmark).
	 */
	total?: number | null;
}

/** Name of the helper column of a page read from the other end (a constant, removed before the answer). */
const PAGE_SORT_KEY = 'page_sort_key';

/** Page v.page (1-based) of the incident list, sorted by v.sort / v.sortDir, unknown values last, then by id. */
export function incidentPageQuery(v: ViewState, pageSize: number, options: PageOptions = {}): BoundQuery {
	const order = pick(SORT_SQL, v.sort, 'sort key');
	const dir = pick(SORT_DIRECTIONS, v.sortDir, 'sort direction');
	const size = positiveInt(pageSize, MAX_LIMIT, 'page size');
	const page = positiveInt(v.page, Number.MAX_SAFE_INTEGER, 'page');
	const offset = (page - 1) * size;
	const p = new Params();
	const conditions = filterConditions(v, p);
	const columns = LIST_COLUMNS.map(selectColumn).join(', ');
	const total = options.total;
	if (total != null && Number.isSafeInteger(total) && offset < total && Math.max(0, total - offset - size) < offset) {
		// Read from the end: the exact reverse of the order below (NULLS LAST and incident_id ASC flip too).
		const reverse = pick(SORT_DIRECTIONS, v.sortDir === 'asc' ? 'desc' : 'asc', 'sort direction');
		const count = Math.min(size, total - offset);
		return p.query('rows', 
			`SELECT * EXCLUDE (${PAGE_SORT_KEY}) FROM (SELECT ${columns}, ${order} AS ${PAGE_SORT_KEY} ` +
				`FROM ${INCIDENTS} AS i ${whereSql(conditions)} ` +
				`ORDER BY ${order} ${reverse} NULLS FIRST, i.incident_id DESC ` +
				`LIMIT ${p.int(count)} OFFSET CAST(${p.bind(total - offset - count)} AS BIGINT)) AS page ` +
				`ORDER BY ${PAGE_SORT_KEY} ${dir} NULLS LAST, incident_id ASC`
		);
	}
	// Latest first, the rollup's monthly counts tell how far back the page lies, so older row groups are not read.
	const bound = auto(options) && v.sort === 'date' && v.sortDir === 'desc' ? pageBound(v, p, page * size) : null;
	const where = whereSql(bound ? [...conditions, bound] : conditions);
	const sorted = `ORDER BY ${order} ${dir} NULLS LAST, i.incident_id ASC`;
	const limit = `LIMIT ${p.int(size)} OFFSET CAST(${p.bind(offset)} AS BIGINT)`;
	if (!bound) return p.query('rows', `SELECT ${columns} FROM ${INCIDENTS} AS i ${where} ${sorted} ${limit}`);
	// DuckDB late-materialises a plain top-N itself (it sorts the keys, then fetches the page's rows by rowid), but not
	// one whose filter holds the bound's subquery: written out here, the page's keys are picked first and only its
	// rows' columns are read, rather than every column of every row from the bound on (a month of rows at 10M).
	return p.query('rows',
		`SELECT ${columns} FROM ${INCIDENTS} AS i WHERE i.rowid IN ` +
			`(SELECT i.rowid FROM ${INCIDENTS} AS i ${where} ${sorted} ${limit}) ${sorted}`
	);
}

/** The record shows the perpetrator's actor group (derived by the artifact build) beside the schema columns. */
const DETAIL_COLUMNS = [...EXPORT_COLUMNS, 'actor_group'];

/** Every schema column of one incident, and its actor group (zero or one row). */
export function incidentDetailQuery(id: string): BoundQuery {
	const p = new Params();
	return p.query('detail', 
		`SELECT ${DETAIL_COLUMNS.map(selectColumn).join(', ')} FROM ${INCIDENTS} AS i WHERE i.incident_id = ${p.bind(id)}`
	);
}

/** Export columns: the ENUMs as they are, which DuckDB-WASM hands over as Arrow dictionaries (each value crosses
 *  from the worker once per batch rather than once per row: the 100k-row export's query took 30% less); every engine
 *  still answers them as text. */
const ENUM_COLUMN_SET = new Set<string>(ENUM_COLUMNS);
const exportColumn = (name: string) => (ENUM_COLUMN_SET.has(name) ? `i.${name} AS ${name}` : selectColumn(name));

/** Every filtered incident in EXPORT_COLUMNS, by event_date then incident_id. */
export function exportQuery(f: Filters): BoundQuery {
	const p = new Params();
	const where = whereSql(filterConditions(f, p));
	return p.query('export', 
		`SELECT ${EXPORT_COLUMNS.map(exportColumn).join(', ')} FROM ${INCIDENTS} AS i ${where} ` +
			`ORDER BY i.event_date, i.incident_id`
	);
}

/**
 * Perpetrators for the searchable picker: key, n (incidents under the other filters; the perpetrator filter itself
 * is left out so the picker lists unselected names too). The search folds like the text search and is applied to
 * the grouped names, so the fold runs once per name rather than once per incident.
 */
export function perpetratorOptionsQuery(search: string, f: Filters, limit: number): BoundQuery {
	const p = new Params();
	const conditions = [...filterConditions(f, p, ['perpetrators']), 'i.perpetrator IS NOT NULL'];
	const inner =
		`SELECT CAST(i.perpetrator AS VARCHAR) AS key, count(*)::INTEGER AS n FROM ${INCIDENTS} AS i ` +
		`${whereSql(conditions)} GROUP BY ALL`;
	const outer = whereSql(textConditions(foldSql('key'), search, p));
	return p.query('perpetrator-options', 
		`SELECT key, n FROM (${inner}) AS perps ${outer} ORDER BY n DESC, key ` +
			`LIMIT ${p.int(positiveInt(limit, MAX_LIMIT, 'limit'))}`
	);
}

/** Dimensions whose present values fill the filter panel's lists (provinces and perpetrators have their own). */
export const OPTION_DIMS = ['target', 'attack', 'source', 'event', 'subevent', 'country', 'district', 'precision', 'actor'] as const satisfies readonly CategoryDim[];
export type OptionDim = (typeof OPTION_DIMS)[number];

/**
 * The values present in the data for every OPTION_DIMS dimension, in one scan (GROUPING SETS): dim (the short
 * name), key (the value as its filter takes it), n (incidents); by dim, then largest first, then key. No filter
 * applies: the lists show what the data holds, so a selection never hides its neighbours.
 */
export function dimensionOptionsQuery(): BoundQuery {
	const keys = OPTION_DIMS.map((d, i) => `CAST(${categoryColumn(d)} AS VARCHAR) AS k${i}`);
	const sets = OPTION_DIMS.map((_, i) => `(k${i})`).join(', ');
	const which = OPTION_DIMS.map((d, i) => `WHEN NOT grouping(k${i})::BOOLEAN THEN '${d}'`).join(' ');
	const key = `coalesce(${OPTION_DIMS.map((_, i) => `k${i}`).join(', ')})`;
	const inner =
		`SELECT CASE ${which} END AS dim, ${key} AS key, count(*)::INTEGER AS n ` +
		`FROM (SELECT ${keys.join(', ')} FROM ${INCIDENTS} AS i) AS i GROUP BY GROUPING SETS (${sets})`;
	return named('options', { sql: `SELECT dim, key, n FROM (${inner}) AS o WHERE key IS NOT NULL ORDER BY dim, n DESC, key`, params: [] });
}
