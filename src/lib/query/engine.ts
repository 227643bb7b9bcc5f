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
