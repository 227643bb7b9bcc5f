// Every SQL identifier the builders use, in fixed allow-lists keyed by the view state's typed values. A key that
// is not in its list throws: identifiers never come from input text.
import { ARTIFACT_ALIAS, INCIDENTS_MONTH_TABLE, INCIDENTS_TABLE, META_TABLE, SOURCES_TABLE } from '../data/artifact';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES } from '../data/schema';
import { dimension, type DimensionKey } from './dimensions';
import type { Grain, Measure, SortKey, Stack } from './filters';

export const INCIDENTS = `${ARTIFACT_ALIAS}.${INCIDENTS_TABLE}`;
export const INCIDENTS_MONTH = `${ARTIFACT_ALIAS}.${INCIDENTS_MONTH_TABLE}`;
export const META = `${ARTIFACT_ALIAS}.${META_TABLE}`;
export const SOURCES = `${ARTIFACT_ALIAS}.${SOURCES_TABLE}`;

/** The value behind an allow-list key; own properties only, so `constructor` and friends are not keys. */
export function pick<V>(list: Readonly<Record<string, V>>, key: string, what: string): V {
	if (!Object.hasOwn(list, key)) throw new Error(`unknown ${what}: ${JSON.stringify(key).slice(0, 40)}`);
	return list[key];
}

/**
 * Measures. incidents = count(*). killed / injured = the sum of the known figures: an unknown figure is NULL and
 * adds nothing, and a group whose figures are all unknown sums to 0 (coalesce), so charts always get numbers.
 * The KPI query also reports how many incidents had a known figure.
 */
export const MEASURE_SQL: Readonly<Record<Measure, string>> = {
	incidents: 'count(*)::INTEGER',
	killed: 'coalesce(sum(i.killed), 0)::DOUBLE',
	injured: 'coalesce(sum(i.injured), 0)::DOUBLE'
};

/** The same measures over rollup-shaped rows (src/lib/query/rollup.ts), which carry counts and sums. */
export const ROLLUP_MEASURE_SQL: Readonly<Record<Measure, string>> = {
	incidents: 'sum(i.n)::INTEGER',
	killed: 'coalesce(sum(i.killed_sum), 0)::DOUBLE',
	injured: 'coalesce(sum(i.injured_sum), 0)::DOUBLE'
};

/**
 * The ends of the deaths' range (measure killed): each incident's low / high estimate where its source gives a
 * range, its best estimate elsewhere, so the range brackets the sum of best estimates.
 */
export const KILLED_RANGE_SQL = {
	low: 'coalesce(sum(coalesce(i.killed_low, i.killed)), 0)::DOUBLE',
	high: 'coalesce(sum(coalesce(i.killed_high, i.killed)), 0)::DOUBLE'
} as const;
export const ROLLUP_KILLED_RANGE_SQL = {
	low: 'coalesce(sum(i.killed_low_sum), 0)::DOUBLE',
	high: 'coalesce(sum(i.killed_high_sum), 0)::DOUBLE'
} as const;

/** Bucket start as 'YYYY-MM-DD'; DuckDB's week is the ISO week (Monday). */
export const BUCKET_SQL: Readonly<Record<Grain, string>> = {
	day: "strftime(i.event_date, '%Y-%m-%d')",
	week: "strftime(date_trunc('week', i.event_date), '%Y-%m-%d')",
	month: "strftime(date_trunc('month', i.event_date), '%Y-%m-%d')",
	quarter: "strftime(date_trunc('quarter', i.event_date), '%Y-%m-%d')",
	year: "strftime(date_trunc('year', i.event_date), '%Y-%m-%d')"
};

/** Buckets of whole-month grains over rollup-shaped rows (month_start is the first day of the month). */
export const MONTH_BUCKET_SQL: Readonly<Partial<Record<Grain, string>>> = {
	month: "strftime(i.month_start, '%Y-%m-%d')",
	quarter: "strftime(date_trunc('quarter', i.month_start), '%Y-%m-%d')",
	year: "strftime(date_trunc('year', i.month_start), '%Y-%m-%d')"
};

/** Label used for rows with neither a p-code nor an admin1 name. */
export const UNKNOWN_PROVINCE = '(unknown)';

/** Series key of rows whose stacked category is not recorded (event type, actor group). */
export const NOT_RECORDED = '(not recorded)';

/** Series key of the timeline: the p-code, else the admin1 name (outside Syria), else '(unknown)' when stacked by
 *  province; the category's value (or '(not recorded)') otherwise. */
export const STACK_SQL: Readonly<Record<Stack, string>> = {
	province: `coalesce(CAST(i.admin1_pcode AS VARCHAR), CAST(i.admin1 AS VARCHAR), '${UNKNOWN_PROVINCE}')`,
	target: 'CAST(i.target_type AS VARCHAR)',
	event: `coalesce(CAST(i.event_type AS VARCHAR), '${NOT_RECORDED}')`,
	actor: `coalesce(CAST(i.actor_group AS VARCHAR), '${NOT_RECORDED}')`,
	source: 'CAST(i.source_dataset AS VARCHAR)'
};

/** The stored columns each stack's series expression reads (what rollup rows are pre-grouped by); null when the
 *  month rollup does not hold them, so the timeline reads the incidents. */
export const STACK_KEYS: Readonly<Record<Stack, readonly ('admin1_pcode' | 'admin1' | 'target_type' | 'event_type' | 'source_dataset')[] | null>> = {
	province: ['admin1_pcode', 'admin1'],
	target: ['target_type'],
	event: ['event_type'],
	actor: null,
	source: ['source_dataset']
};

/**
 * Sort expressions of the incident list. Category columns are ENUMs whose order is the ENUM's, so they are cast
 * to text to sort alphabetically.
 */
export const SORT_SQL: Readonly<Record<SortKey, string>> = {
	date: 'i.event_date',
	province: 'CAST(i.admin1 AS VARCHAR)',
	target: 'CAST(i.target_type AS VARCHAR)',
	perpetrator: 'CAST(i.perpetrator AS VARCHAR)',
	killed: 'i.killed',
	injured: 'i.injured'
};

export const SORT_DIRECTIONS: Readonly<Record<'asc' | 'desc', string>> = { asc: 'ASC', desc: 'DESC' };

/** Dimensions that can be ranked or listed (chart bars, filter options), by their short name. */
export const CATEGORY_DIMENSION = {
	target: 'targets',
	attack: 'attacks',
	perpetrator: 'perpetrators',
	source: 'sources',
	event: 'events',
	subevent: 'subevents',
	country: 'countries',
	district: 'districts',
	precision: 'precisions',
	actor: 'actors'
} as const satisfies Record<string, DimensionKey>;
export type CategoryDim = keyof typeof CATEGORY_DIMENSION;
export const CATEGORY_DIMS = Object.keys(CATEGORY_DIMENSION) as CategoryDim[];

/** The ranked value of a category: its dimension's column, except districts, whose value outside Syria (no
 *  p-code) is the name, as the district filter takes it. */
export function categoryColumn(dim: CategoryDim): string {
	const key = pick(CATEGORY_DIMENSION, dim, 'category');
	return key === 'districts' ? 'coalesce(CAST(i.admin2_pcode AS VARCHAR), i.admin2)' : dimension(key).column;
}

/** Columns of the incident list (one page of the table). */
export const LIST_COLUMNS: string[] = [
	'incident_id',
	'event_date',
	'date_precision',
	'country',
	'admin1',
	'admin1_pcode',
	'admin2',
	'admin2_pcode',
	'location',
	'event_type',
	'attack_type',
	'target_type',
	'perpetrator',
	'actor_group',
	'killed',
	'injured',
	'source_dataset',
	'summary',
	'source_name',
	'source_url'
];

/** Columns of the CSV export: the whole schema, in schema order, so an export can be imported again. */
export const EXPORT_COLUMNS: string[] = [...INCIDENT_COLUMN_NAMES];

/** Schema columns, plus the columns the artifact build derives (src/lib/data/artifact.ts). */
const COLUMN_TYPES = new Map<string, string>([...INCIDENT_COLUMNS.map((c) => [c.name as string, c.type] as const), ['actor_group', 'VARCHAR']]);

/**
 * Select expression of a schema column that hands back plain JS values in every engine: dates as 'YYYY-MM-DD',
 * ENUMs as text, numbers cast to their schema type (never BIGINT, which arrives as BigInt).
 */
export function selectColumn(name: string): string {
	const type = COLUMN_TYPES.get(name);
	if (!type) throw new Error(`unknown column: ${JSON.stringify(name).slice(0, 40)}`);
	const col = `i.${name}`;
	return type === 'DATE' ? `strftime(${col}, '%Y-%m-%d') AS ${name}` : `CAST(${col} AS ${type}) AS ${name}`;
}
