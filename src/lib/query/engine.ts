// The seam between the query layer and whatever runs the SQL: DuckDB-WASM in the browser, native DuckDB in Node
// tests and build scripts, a server later. The builders in sql.ts produce BoundQuery values; engines run them.

/** A bound parameter. DuckDB-WASM sends parameters as JSON and binds every number as DOUBLE, so the builders cast
 *  numeric parameters in SQL (`CAST(? AS INTEGER)`) and dates (`CAST(? AS DATE)`). */
export type SqlParam = string | number | boolean | null;

/** SQL text with `?` placeholders, in order, and their values. User values only ever travel in `params`. */
export interface BoundQuery {
	sql: string;
	params: SqlParam[];
}

/** Every kind of statement the query layer builds. */
export const QUERY_NAMES = [
	'kpis', 'timeline', 'province', 'target', 'attack', 'category', 'perpetrator-options', 'options', 'count', 'rows',
	'export', 'detail', 'meta', 'sources', 'change', 'reference-day', 'timeline-imprecise', 'map', 'cells', 'duplicates',
	'kpi-compare', 'map-change'
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * The statement with its name as a leading SQL comment (`/* rasd:kpis *\/ SELECT ...`): the name travels with the
 * text to whatever runs it, so the benchmark groups timings by what a statement is, not by guessing from its SQL.
 */
export function named(name: QueryName, q: BoundQuery): BoundQuery {
	return { sql: `/* rasd:${name} */ ${q.sql}`, params: q.params };
}

/** The statement under another name (one builder serving two views, such as the map's change levels). */
export function renamed(name: QueryName, q: BoundQuery): BoundQuery {
	return named(name, { sql: q.sql.replace(/^\/\* rasd:[a-z-]+ \*\/ /, ''), params: q.params });
}

/** The name a statement was built with, or null (a statement from elsewhere). */
export function queryName(sql: string | null | undefined): QueryName | null {
	const m = /^\/\* rasd:([a-z-]+) \*\//.exec(sql ?? '');
	return m && (QUERY_NAMES as readonly string[]).includes(m[1]) ? (m[1] as QueryName) : null;
}

/** Columnar result. Values are plain JS: number (integers and sums arrive as number, never BigInt), string
 *  (dates as 'YYYY-MM-DD' strings: the builders select dates with strftime), or null. */
export interface QueryResult {
	names: string[];
	columns: Record<string, (string | number | null)[]>;
	rowCount: number;
}

export interface QueryEngine {
	run(query: BoundQuery): Promise<QueryResult>;
}
