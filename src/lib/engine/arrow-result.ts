// Converts an Apache Arrow table (what DuckDB-WASM answers with) into the query layer's columnar QueryResult:
// plain JS values only, so results can be cached, compared and JSON-serialised. Typed structurally so that this
// module does not import apache-arrow (a dependency of duckdb-wasm, not of the project).
import type { QueryResult } from '../query/engine';

/** Arrow's Type enum values this converter treats specially (apache-arrow `Type`). */
const ARROW_DECIMAL = 7;
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

export interface ArrowFieldLike {
	name: string;
	type: { typeId: number; scale?: number };
}
export interface ArrowVectorLike {
	length: number;
	get(index: number): unknown;
}
export interface ArrowTableLike {
	numRows: number;
	schema: { fields: ArrowFieldLike[] };
	getChild(name: string): ArrowVectorLike | null;
}

export type Cell = string | number | null;

/** Days and timestamps arrive as epoch milliseconds (UTC); the contract wants 'YYYY-MM-DD' text. */
function isoFromMillis(ms: number, withTime: boolean): string {
	const iso = new Date(ms).toISOString();
	return withTime ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
}

/** One Arrow value as a contract cell. Exported for tests. */
export function arrowCell(value: unknown, field: ArrowFieldLike): Cell {
	if (value === null || value === undefined) return null;
	const typeId = field.type.typeId;
	if (typeId === ARROW_DATE) return isoFromMillis(Number(value), false);
	if (typeId === ARROW_TIMESTAMP) return isoFromMillis(Number(value), true);
	if (typeId === ARROW_DECIMAL) {
		// Arrow hands decimals over unscaled (1.5 as DECIMAL(4,1) is 15).
		return Number(value) / 10 ** (field.type.scale ?? 0);
	}
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

export function arrowToResult(table: ArrowTableLike): QueryResult {
	const names = table.schema.fields.map((f) => f.name);
	const columns: Record<string, Cell[]> = {};
	for (const field of table.schema.fields) {
		const vector = table.getChild(field.name);
		const out: Cell[] = new Array(table.numRows);
		for (let i = 0; i < table.numRows; i++) out[i] = arrowCell(vector ? vector.get(i) : null, field);
		columns[field.name] = out;
	}
	return { names, columns, rowCount: table.numRows };
}
