// CSV straight from an Arrow table's buffers to UTF-8 bytes, for the big incident export: the same document as
// csvParts() over arrowToResult() (csv.ts: RFC 4180, CRLF, the formula guard, quotes around cells with a
// delimiter, a quote, a line break or leading/trailing white space), without making a JS string per cell.
// DuckDB's text arrives as UTF-8, which is what the file holds, so text cells are copied byte for byte; the
// characters the rules look at (= + - @ tab CR LF " ,) are ASCII and never occur inside a multi-byte character.
import {
	arrowCell,
	dictionaryCells,
	fastKind,
	startsWithBom,
	type ArrowDataLike,
	type ArrowFieldLike,
	type ArrowTableLike,
	type ArrowVectorLike,
	type Cell
} from '../engine/arrow-result';
import { csvCell, csvLine, UTF8_BOM } from './csv';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const APOSTROPHE = 0x27;
/** Output pieces of 4 MiB (a batch of 2,048 incidents needs about 1 MiB): few Blob parts, little slack. */
const CHUNK_BYTES = 4 << 20;
const encoder = new TextEncoder();

/** First bytes that make a text cell a formula in a spreadsheet: = + - @ tab CR (csv.ts FORMULA_START). */
const FORMULA_START = new Uint8Array(128);
for (const c of '=+-@\t\r') FORMULA_START[c.charCodeAt(0)] = 1;

/**
 * Is this code point white space for String.prototype.trim (which csvCell uses to decide on quotes)? Asked of the
 * JS engine itself, so both writers agree by construction; remembered per BMP code point (0 = not asked yet).
 */
const bmpSpace = new Int8Array(0x10000);
function isTrimSpace(cp: number): boolean {
	if (cp > 0xffff) return String.fromCodePoint(cp).trim() === '';
	let known = bmpSpace[cp];
	if (known === 0) bmpSpace[cp] = known = String.fromCharCode(cp).trim() === '' ? 1 : -1;
	return known === 1;
}

/** The code point whose UTF-8 sequence starts at bytes[at] (valid UTF-8 assumed, as DuckDB guarantees). */
function codePointAt(bytes: Uint8Array, at: number): number {
	const b = bytes[at];
	if (b < 0x80) return b;
	if (b < 0xe0) return ((b & 0x1f) << 6) | (bytes[at + 1] & 0x3f);
	if (b < 0xf0) return ((b & 0x0f) << 12) | ((bytes[at + 1] & 0x3f) << 6) | (bytes[at + 2] & 0x3f);
	return ((b & 0x07) << 18) | ((bytes[at + 1] & 0x3f) << 12) | ((bytes[at + 2] & 0x3f) << 6) | (bytes[at + 3] & 0x3f);
}

function spaceAtStart(bytes: Uint8Array, start: number): boolean {
	const b = bytes[start];
	return b < 0x80 ? b === 0x20 || (b >= 0x09 && b <= 0x0d) : isTrimSpace(codePointAt(bytes, start));
}

function spaceAtEnd(bytes: Uint8Array, start: number, end: number): boolean {
	let at = end - 1;
	const b = bytes[at];
	if (b < 0x80) return b === 0x20 || (b >= 0x09 && b <= 0x0d);
	while (at > start && (bytes[at] & 0xc0) === 0x80) at--; // back to the first byte of the last character
	return isTrimSpace(codePointAt(bytes, at));
}

/** Growing output: fixed-size pieces, each handed out (and forgotten here) once full. */
class ByteSink {
	private parts: Uint8Array<ArrayBuffer>[] = [];
	buf = new Uint8Array(CHUNK_BYTES);
	pos = 0;

	/** Room for n more bytes in `buf` from `pos`. */
	reserve(n: number): void {
		if (this.pos + n <= this.buf.length) return;
		if (this.pos > 0) this.parts.push(this.buf.subarray(0, this.pos));
		this.buf = new Uint8Array(Math.max(n, CHUNK_BYTES));
		this.pos = 0;
	}

	/** The full pieces so far, forgotten here. */
	take(): Uint8Array<ArrayBuffer>[] {
		const full = this.parts;
		this.parts = [];
		return full;
	}

	/** Every piece not yet taken, the last one cut to its content. */
	finish(): Uint8Array<ArrayBuffer>[] {
		if (this.pos > 0) this.parts.push(this.buf.subarray(0, this.pos));
		this.buf = new Uint8Array(0);
		this.pos = 0;
		return this.take();
	}

	text(s: string): void {
		this.reserve(s.length * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
		this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
	}
}

/**
 * Where the next quote, comma, CR and LF of a text batch are, found by native searches (Uint8Array indexOf)
 * instead of a JS loop over every byte; cells are asked in order, so each byte is searched at most once per
 * character. A position of bytes.length means "none further".
 */
class Specials {
	private quote = -1;
	private comma = -1;
	private cr = -1;
	private lf = -1;

	constructor(private readonly bytes: Uint8Array) {}

	private find(ch: number, cached: number, from: number): number {
		if (cached >= from) return cached;
		const k = this.bytes.indexOf(ch, from);
		return k < 0 ? this.bytes.length : k;
	}

	/** A quote in bytes[start, end)? */
	hasQuote(start: number, end: number): boolean {
		this.quote = this.find(QUOTE, this.quote, start);
		return this.quote < end;
	}

	/** A quote, comma or line break in bytes[start, end)? */
	hasAny(start: number, end: number): boolean {
		if (this.hasQuote(start, end)) return true;
		this.comma = this.find(COMMA, this.comma, start);
		if (this.comma < end) return true;
		this.lf = this.find(LF, this.lf, start);
		if (this.lf < end) return true;
		this.cr = this.find(CR, this.cr, start);
		return this.cr < end;
	}
}

/**
 * A text cell, bytes[start, end) of valid UTF-8, written at buf[p] as csvCell(text, { guardFormulas: true })
 * would write it; room for 2 * (end - start) + 3 bytes is the caller's. Returns the new position.
 */
function writeText(buf: Uint8Array, p: number, bytes: Uint8Array, start: number, end: number, specials: Specials): number {
	if (start === end) return p;
	if (bytes[start] === 0xef && startsWithBom(bytes, start, end)) {
		start += 3; // Arrow's decoder drops it too (see arrow-result.ts)
		if (start === end) return p;
	}
	const first = bytes[start];
	const guard = first < 0x80 && FORMULA_START[first] === 1;
	// The guard's apostrophe comes first, so leading white space only counts on an unguarded cell.
	const quote = (!guard && spaceAtStart(bytes, start)) || spaceAtEnd(bytes, start, end) || specials.hasAny(start, end);
	if (quote) buf[p++] = QUOTE;
	if (guard) buf[p++] = APOSTROPHE;
	if (quote && specials.hasQuote(start, end)) {
		for (let k = start; k < end; k++) {
			const c = bytes[k];
			buf[p++] = c;
			if (c === QUOTE) buf[p++] = QUOTE;
		}
	} else if (end - start > 32) {
		buf.set(bytes.subarray(start, end), p);
		p += end - start;
	} else {
		for (let k = start; k < end; k++) buf[p++] = bytes[k];
	}
	if (quote) buf[p++] = QUOTE;
	return p;
}

/** An integer (|v| < 2^53) in decimal, as String(v) writes it. Returns the new position. */
function writeInteger(buf: Uint8Array, p: number, v: number): number {
	if (v < 0) {
		buf[p++] = 0x2d;
		v = -v;
	}
	let digits = 1;
	for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
	for (let k = p + digits - 1; k >= p; k--) {
		buf[k] = 0x30 + (v % 10);
		v = Math.floor(v / 10);
	}
	return p + digits;
}

/** Any ASCII text (a number's String()). Returns the new position. */
function writeAscii(buf: Uint8Array, p: number, s: string): number {
	for (let k = 0; k < s.length; k++) buf[p++] = s.charCodeAt(k);
	return p;
}

/** How the row loop writes a batch column (BatchColumn.mode). */
const PLAIN = 0; // text that needs no care in this batch (plainBatch): copied as is
const TEXT = 1; // text: writeText
const DICTIONARY = 2; // indices into the dictionary's cells, written once per dictionary
const INTEGER = 3;
const NUMBER = 4; // floats: String()
const BIGINT = 5;
const ENCODED = 6; // any other type: cells encoded up front through arrowCell and csvCell
/** Longest String() of a double: '-1.2345678901234567e-308'. */
const MAX_NUMBER_CHARS = 24;

/** Each entry of a dictionary as its CSV cell, concatenated (bytes[offsets[k], offsets[k + 1]) is entry k). */
interface DictionaryCsv {
	bytes: Uint8Array;
	offsets: Int32Array;
	longest: number;
}

/** How each column of a batch is written. */
interface ColumnWriter {
	field: ArrowFieldLike;
	vector: ArrowVectorLike | null;
	kind: ReturnType<typeof fastKind>;
	/** Dictionary columns: each dictionary's entries written once, whatever the number of rows. */
	dictionaries: Map<ArrowVectorLike, DictionaryCsv>;
	words: Map<ArrowVectorLike, Cell[]>;
}

function dictionaryCsv(w: ColumnWriter, dictionary: ArrowVectorLike): DictionaryCsv {
	let done = w.dictionaries.get(dictionary);
	if (!done) {
		// The entries' text exactly as arrowToResult reads it, then csvCell: the same rules by construction.
		const cells = dictionaryCells(dictionary, w.words).map((v) => encoder.encode(v === null ? '' : csvCell(v, { guardFormulas: true })));
		const offsets = new Int32Array(cells.length + 1);
		cells.forEach((c, k) => (offsets[k + 1] = offsets[k] + c.length));
		const bytes = new Uint8Array(offsets[cells.length]);
		cells.forEach((c, k) => bytes.set(c, offsets[k]));
		done = { bytes, offsets, longest: Math.max(0, ...cells.map((c) => c.length)) };
		w.dictionaries.set(dictionary, done);
	}
	return done;
}

/** One column of one batch, in the shape the row loop reads. */
interface BatchColumn {
	mode: number;
	/** Validity bits, or null when the batch has no NULL. */
	bits: Uint8Array | null;
	bitOffset: number;
	/** TEXT: the batch's UTF-8 and cell offsets; DICTIONARY: the dictionary's CSV cells (DictionaryCsv). */
	bytes: Uint8Array;
	offsets: Int32Array;
	specials: Specials;
	/** INTEGER, NUMBER: the values; DICTIONARY: the indices. */
	numbers: ArrayLike<number>;
	bigints: ArrayLike<bigint>;
	/** ENCODED: each cell already written as UTF-8 (null for NULL). */
	encoded: (Uint8Array | null)[];
}

const NO_BYTES = new Uint8Array(0);
const NO_OFFSETS = new Int32Array(0);
const NO_SPECIALS = new Specials(NO_BYTES);

/**
 * Can every cell of a text batch be copied as it is? No quote, comma or line break anywhere (native searches),
 * and every cell starts and ends with ASCII that is neither white space, a control character nor a formula start.
 * Conservative: a batch with any other first or last byte (a BOM, Arabic, white space) takes writeText.
 */
function plainBatch(bytes: Uint8Array, offsets: Int32Array, n: number): boolean {
	const text = bytes.subarray(offsets[0], offsets[n]);
	if (text.indexOf(QUOTE) >= 0 || text.indexOf(COMMA) >= 0 || text.indexOf(LF) >= 0 || text.indexOf(CR) >= 0) return false;
	for (let i = 0; i < n; i++) {
		const start = offsets[i];
		const end = offsets[i + 1];
		if (start === end) continue;
		const first = bytes[start];
		const last = bytes[end - 1];
		if (first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80 || FORMULA_START[first] === 1) return false;
	}
	return true;
}

/** Reads a batch column; returns it with an upper bound of the bytes its cells take. */
function batchColumn(w: ColumnWriter, d: ArrowDataLike | null, from: number, n: number): [BatchColumn, number] {
	const col: BatchColumn = { mode: ENCODED, bits: null, bitOffset: 0, bytes: NO_BYTES, offsets: NO_OFFSETS, specials: NO_SPECIALS, numbers: [], bigints: [], encoded: [] };
	if (d && w.kind) {
		if (d.nullCount > 0 && d.nullBitmap && d.nullBitmap.length > 0) {
			col.bits = d.nullBitmap;
			col.bitOffset = d.offset;
		}
		if (w.kind === 'utf8') {
			col.bytes = d.values as Uint8Array;
			col.offsets = d.valueOffsets as Int32Array;
			col.mode = plainBatch(col.bytes, col.offsets, n) ? PLAIN : TEXT;
			col.specials = new Specials(col.bytes);
			return [col, 2 * (col.offsets[n] - col.offsets[0]) + 3 * n];
		}
		if (w.kind === 'dictionary') {
			const dict = dictionaryCsv(w, d.dictionary!);
			col.mode = DICTIONARY;
			col.bytes = dict.bytes;
			col.offsets = dict.offsets;
			col.numbers = d.values as ArrayLike<number>;
			return [col, dict.longest * n];
		}
		if (w.kind === 'bigint') {
			col.mode = BIGINT;
			col.bigints = d.values as ArrayLike<bigint>;
		} else {
			const integral = !(d.values instanceof Float32Array || d.values instanceof Float64Array);
			col.mode = integral ? INTEGER : NUMBER;
			col.numbers = d.values as ArrayLike<number>;
		}
		return [col, MAX_NUMBER_CHARS * n];
	}
	// Any other type: the contract cell (arrowCell) through csvCell, encoded here so the row loop only copies.
	let bound = 0;
	for (let i = 0; i < n; i++) {
		const value = arrowCell(w.vector ? w.vector.get(from + i) : null, w.field);
		const cell = value === null ? null : encoder.encode(csvCell(value, { guardFormulas: true }));
		col.encoded.push(cell);
		bound += cell ? cell.length : 0;
	}
	return [col, bound];
}

/** Rows [from, from + n) of the table; `chunks` holds each column's batch (null for columns read by get()). */
function writeBatch(sink: ByteSink, writers: ColumnWriter[], chunks: (ArrowDataLike | null)[], from: number, n: number): void {
	const cols: BatchColumn[] = [];
	let bound = 2 * n; // CRLF per row
	writers.forEach((w, j) => {
		const [col, bytes] = batchColumn(w, chunks[j], from, n);
		cols.push(col);
		bound += bytes + n; // the cells and their commas
	});
	// One reservation per batch, so that the row loop writes without checks.
	sink.reserve(bound);
	const buf = sink.buf;
	let p = sink.pos;
	const last = cols.length - 1;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= last; j++) {
			const c = cols[j];
			const bit = c.bitOffset + i;
			if (c.bits === null || (c.bits[bit >> 3] & (1 << (bit & 7))) !== 0) {
				const mode = c.mode;
				// Numbers are never quoted or guarded: String(v) is what csvCell writes for them.
				if (mode === PLAIN) {
					const bytes = c.bytes;
					const end = c.offsets[i + 1];
					let k = c.offsets[i];
					if (end - k > 32) {
						buf.set(bytes.subarray(k, end), p);
						p += end - k;
					} else while (k < end) buf[p++] = bytes[k++];
				} else if (mode === TEXT) p = writeText(buf, p, c.bytes, c.offsets[i], c.offsets[i + 1], c.specials);
				else if (mode === DICTIONARY) {
					const k = c.numbers[i];
					const bytes = c.bytes;
					for (let b = c.offsets[k], e = c.offsets[k + 1]; b < e; b++) buf[p++] = bytes[b];
				} else if (mode === INTEGER) p = writeInteger(buf, p, c.numbers[i]);
				else if (mode === NUMBER) p = writeAscii(buf, p, String(c.numbers[i]));
				else if (mode === BIGINT) p = writeAscii(buf, p, String(Number(c.bigints[i])));
				else {
					const cell = c.encoded[i];
					if (cell) {
						buf.set(cell, p);
						p += cell.length;
					}
				}
			}
			buf[p++] = j === last ? CR : COMMA;
		}
		buf[p++] = LF;
	}
	sink.pos = p;
}

/** Rows per slice when the table's batches cannot be used (every column then goes through get()). */
const SLICE_ROWS = 2048;

/**
 * The whole document as UTF-8 pieces of about 4 MiB, each yielded once full so that the caller can move it into
 * a Blob and drop it: BOM and header, then every row of the table in the given columns. Byte for byte what
 * `csvParts(arrowToResult(table), columns)` gives once encoded as UTF-8.
 */
export function* arrowCsvChunks(table: ArrowTableLike, columns: readonly string[]): Generator<Uint8Array<ArrayBuffer>> {
	const fields = new Map(table.schema.fields.map((f) => [f.name, f]));
	const missing = columns.filter((c) => !fields.has(c));
	if (missing.length > 0) throw new Error(`result lacks column(s) ${missing.join(', ')}`);
	const writers: ColumnWriter[] = columns.map((c) => {
		const field = fields.get(c)!;
		const vector = table.getChild(c);
		return { field, vector, kind: fastKind(field, vector), dictionaries: new Map(), words: new Map() };
	});
	const sink = new ByteSink();
	sink.text(UTF8_BOM + csvLine(columns, { guardFormulas: true }));
	// Columns of one Arrow table share their batch boundaries; a column read by get() takes the table's row index.
	let lengths = writers.find((w) => w.kind)?.vector?.data?.map((d) => d.length) ?? [];
	const sameBatches =
		lengths.length > 0 &&
		lengths.reduce((a, b) => a + b, 0) === table.numRows &&
		writers.every((w) => !w.kind || (w.vector?.data?.length === lengths.length && w.vector.data.every((d, b) => d.length === lengths[b])));
	if (!sameBatches) {
		for (const w of writers) w.kind = null;
		lengths = [];
		for (let from = 0; from < table.numRows; from += SLICE_ROWS) lengths.push(Math.min(SLICE_ROWS, table.numRows - from));
	}
	let from = 0;
	for (let b = 0; b < lengths.length; b++) {
		const chunks = writers.map((w) => (w.kind ? w.vector!.data![b] : null));
		writeBatch(sink, writers, chunks, from, lengths[b]);
		from += lengths[b];
		yield* sink.take();
	}
	yield* sink.finish();
}
