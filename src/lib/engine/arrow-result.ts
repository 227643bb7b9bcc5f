// Converts an Apache Arrow table (what DuckDB-WASM answers with) into the query layer's columnar QueryResult:
// plain JS values only, so results can be cached, compared and JSON-serialised. Typed structurally so that this
// module does not import apache-arrow (a dependency of duckdb-wasm, not of the project).
//
// Column by column and batch by batch rather than `vector.get(i)` per cell: get() searches the batch of every
// index and decodes every text cell with its own TextDecoder call, which cost about 2.5 s for a 100k-row export
// (measured in Node). Text, integer and float columns are read from the Arrow buffers directly; anything else goes
// through get() and arrowCell().
import type { QueryResult } from '../query/engine';

/** Arrow's Type enum values this converter treats specially (apache-arrow `Type`). */
export const ARROW_INT = 2;
export const ARROW_FLOAT = 3;
export const ARROW_UTF8 = 5;
/** Dictionary-encoded columns (DuckDB's ENUMs when they are not cast to VARCHAR). */
export const ARROW_DICTIONARY = -1;
const ARROW_DECIMAL = 7;
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

export interface ArrowFieldLike {
	name: string;
	type: { typeId: number; scale?: number; bitWidth?: number; precision?: number; dictionary?: { typeId: number } };
}
/** One batch of one column (apache-arrow `Data`): buffers already sliced to the batch, except the validity bits. */
export interface ArrowDataLike {
	offset: number;
	length: number;
	nullCount: number;
	nullBitmap?: Uint8Array | null;
	valueOffsets?: ArrayLike<number | bigint> | null;
	values?: ArrayLike<unknown> | null;
	/** Dictionary columns: the batch's dictionary (values holds the indices). */
	dictionary?: ArrowVectorLike | null;
}
export interface ArrowVectorLike {
	length: number;
	get(index: number): unknown;
	/** The batches (apache-arrow `Vector.data`); absent in hand-made test doubles, which then go through get(). */
	data?: readonly ArrowDataLike[];
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

/** Is row i of a batch valid (not NULL)? Arrow's bit order: least significant bit first, from `offset`. */
export function isValid(data: ArrowDataLike, i: number): boolean {
	if (data.nullCount <= 0 || !data.nullBitmap || data.nullBitmap.length === 0) return true;
	const bit = data.offset + i;
	return (data.nullBitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}

/** How a column can be read without get(): from its buffers, with every batch of the expected shape. */
export type FastKind = 'utf8' | 'number' | 'bigint' | 'dictionary' | null;

export function fastKind(field: ArrowFieldLike, vector: ArrowVectorLike | null): FastKind {
	const chunks = vector?.data;
	if (!chunks) return null;
	const { typeId, precision } = field.type;
	const ok = (test: (d: ArrowDataLike) => boolean) => chunks.every(test);
	if (typeId === ARROW_UTF8 && ok((d) => d.values instanceof Uint8Array && d.valueOffsets instanceof Int32Array)) return 'utf8';
	// Float16 (precision 0) is stored as raw Uint16 bits and needs decoding: left to get().
	if ((typeId === ARROW_INT || (typeId === ARROW_FLOAT && precision !== 0)) && ok(isNumberArray)) return 'number';
	if (typeId === ARROW_INT && ok((d) => d.values instanceof BigInt64Array || d.values instanceof BigUint64Array)) return 'bigint';
	if (typeId === ARROW_DICTIONARY && field.type.dictionary?.typeId === ARROW_UTF8 && ok((d) => !!d.dictionary && isIndexArray(d.values))) {
		return 'dictionary';
	}
	return null;
}

function isIndexArray(v: unknown): boolean {
	return (
		v instanceof Int8Array ||
		v instanceof Int16Array ||
		v instanceof Int32Array ||
		v instanceof Uint8Array ||
		v instanceof Uint16Array ||
		v instanceof Uint32Array
	);
}

function isNumberArray(d: ArrowDataLike): boolean {
	return isIndexArray(d.values) || d.values instanceof Float32Array || d.values instanceof Float64Array;
}

// Arrow decodes each cell with a default TextDecoder, which drops one leading U+FEFF per cell; the batch decoder
// keeps BOMs (ignoreBOM) so that offsets line up, and strips a cell's leading BOM itself to give the same text.
// fatal: invalid UTF-8 (which DuckDB never hands out) throws and falls back to the per-cell decoder.
const batchDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const cellDecoder = new TextDecoder('utf-8');

/** Starts with the UTF-8 bytes of U+FEFF. */
export function startsWithBom(bytes: Uint8Array, at: number, end: number): boolean {
	return end - at >= 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/** A text batch decoded once, then cut per cell by UTF-16 offsets counted from the UTF-8 bytes. */
function utf8Batch(d: ArrowDataLike, out: Cell[], start: number): void {
	const bytes = d.values as Uint8Array;
	const offsets = d.valueOffsets as Int32Array;
	const n = d.length;
	const first = offsets[0];
	let text: string;
	try {
		text = batchDecoder.decode(bytes.subarray(first, offsets[n]));
	} catch {
		for (let i = 0; i < n; i++) out[start + i] = isValid(d, i) ? cellDecoder.decode(bytes.subarray(offsets[i], offsets[i + 1])) : null;
		return;
	}
	const ascii = text.length === offsets[n] - first; // any multi-byte character makes the text shorter than its bytes
	let unit = 0; // UTF-16 position in text of byte b
	let b = first;
	for (let i = 0; i < n; i++) {
		const end = offsets[i + 1];
		if (ascii) {
			out[start + i] = isValid(d, i) ? text.slice(offsets[i] - first, end - first) : null;
			continue;
		}
		let from = unit;
		if (startsWithBom(bytes, b, end)) from++;
		for (; b < end; b++) {
			const x = bytes[b];
			// A code point starts at every byte that is not a continuation byte; 4-byte ones take two UTF-16 units.
			if ((x & 0xc0) !== 0x80) unit += x >= 0xf0 ? 2 : 1;
		}
		out[start + i] = isValid(d, i) ? text.slice(from, unit) : null;
	}
}

function numberBatch(d: ArrowDataLike, out: Cell[], start: number, big: boolean): void {
	const values = d.values as ArrayLike<number | bigint>;
	for (let i = 0; i < d.length; i++) out[start + i] = isValid(d, i) ? (big ? Number(values[i]) : (values[i] as number)) : null;
}

const UTF8_FIELD: ArrowFieldLike = { name: 'dictionary', type: { typeId: ARROW_UTF8 } };

/** A dictionary's entries as cells, decoded once per dictionary (batches usually share one). */
export function dictionaryCells(dictionary: ArrowVectorLike, cache: Map<ArrowVectorLike, Cell[]>): Cell[] {
	let words = cache.get(dictionary);
	if (!words) {
		words = columnCells(UTF8_FIELD, dictionary, dictionary.length);
		cache.set(dictionary, words);
	}
	return words;
}

function dictionaryBatch(d: ArrowDataLike, out: Cell[], start: number, cache: Map<ArrowVectorLike, Cell[]>): void {
	const words = dictionaryCells(d.dictionary!, cache);
	const indices = d.values as ArrayLike<number>;
	for (let i = 0; i < d.length; i++) out[start + i] = isValid(d, i) ? words[indices[i]] : null;
}

/** One column as contract cells. Exported for tests. */
export function columnCells(field: ArrowFieldLike, vector: ArrowVectorLike | null, rowCount: number): Cell[] {
	const out: Cell[] = new Array(rowCount);
	const kind = fastKind(field, vector);
	if (kind && vector?.data) {
		let start = 0;
		const dictionaries = new Map<ArrowVectorLike, Cell[]>();
		for (const d of vector.data) {
			if (kind === 'utf8') utf8Batch(d, out, start);
			else if (kind === 'dictionary') dictionaryBatch(d, out, start, dictionaries);
			else numberBatch(d, out, start, kind === 'bigint');
			start += d.length;
		}
		if (start === rowCount) return out;
	}
	for (let i = 0; i < rowCount; i++) out[i] = arrowCell(vector ? vector.get(i) : null, field);
	return out;
}

export function arrowToResult(table: ArrowTableLike): QueryResult {
	const names = table.schema.fields.map((f) => f.name);
	const columns: Record<string, Cell[]> = {};
	for (const field of table.schema.fields) columns[field.name] = columnCells(field, table.getChild(field.name), table.numRows);
	return { names, columns, rowCount: table.numRows };
}
