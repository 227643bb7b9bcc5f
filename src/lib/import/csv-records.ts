// CSV text -> records, with the physical line each starts on, in bounded memory. The splitter finds where records
// end (RFC 4180 quoting: a quote opens a field only at its start, "" is a quote inside a quoted field, line breaks
// inside quotes belong to the field) and holds at most `maxRecordBytes` of one record: a longer record is handed
// out as `oversize` with its first characters only, and reading goes on with the next one. csv-parse could not do
// this (past its max_record_size it keeps buffering), so records are split here and their fields by
// parseCsvRecord(). A quoting error (a quote inside an unquoted field, text after a closing quote, a quote never
// closed) is thrown as CsvSyntaxError with its line: the file cannot be split into records with confidence.
// Pure (no Node API): the CLI (scripts/lib/read-table.ts) and the page's import worker split records with it.
export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;

/** Bytes of `s` in UTF-8 (a lone surrogate counts 3, as TextEncoder writes U+FFFD for it). */
export function utf8Length(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}
/** Characters of an oversize record kept for the rejects file. */
export const OVERSIZE_HEAD_CHARS = 1000;

export type SplitItem =
	| { kind: 'record'; line: number; text: string }
	| { kind: 'oversize'; line: number; bytes: number; head: string };

export class CsvSyntaxError extends Error {
	constructor(
		readonly line: number,
		message: string
	) {
		super(message);
	}
}

const CR = 13;
const LF = 10;
const QUOTE = 34;

const enum State {
	FieldStart,
	Unquoted,
	Quoted,
	/** A quote seen inside a quoted field: it closes the field, or starts a "" pair. */
	QuoteInQuoted
}

export class CsvRecordSplitter {
	private state = State.FieldStart;
	/** Line of the next character; a CRLF, LF or CR ends a line. */
	private line = 1;
	private prevCR = false;
	/** Start line of the record being read, 0 between records. */
	private recordLine = 0;
	private field = 1;
	private quoteLine = 0;
	/** Text of the record read so far (dropped once it is oversize), its length, and then its size in bytes. */
	private parts: string[] = [];
	private chars = 0;
	private bytes = 0;
	private oversize = false;
	private head = '';
	private syntax: CsvSyntaxError | null = null;
	/** Start line of the last complete record, for messages. */
	lastRecordLine = 0;

	private readonly delimiter: number;

	/**
	 * `delimiter`: the field separator (',' by default; ';' and tab come from detectDelimiter()); `firstLine`: the
	 * physical line of the first character (2 when a `sep=` line was taken off the front).
	 */
	constructor(
		readonly maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
		delimiter = ',',
		firstLine = 1
	) {
		this.delimiter = delimiter.charCodeAt(0);
		this.line = firstLine;
	}

	/** Characters of the current record held in memory: at most the limit plus one chunk (the tests check it). */
	get bufferedChars(): number {
		return this.head.length + this.parts.reduce((n, p) => n + p.length, 0);
	}

	/** Splits one chunk of text; complete records are appended to `out`. Throws CsvSyntaxError. */
	push(chunk: string, out: SplitItem[]): void {
		let start = 0;
		// Quoted text is skipped to its closing quote when no line break lies before it: the per-character loop was
		// a sixth of the page's import of a 200,000-row export, whose long notes are quoted. nextCR and nextLF are
		// the next CR and LF at or after the position last asked (chunk.length for none), so the chunk is searched
		// for each once.
		let nextCR = -1;
		let nextLF = -1;
		const next = (ch: string, from: number) => {
			const k = chunk.indexOf(ch, from);
			return k < 0 ? chunk.length : k;
		};
		const breakFree = (from: number, to: number): boolean => {
			if (nextCR < from) nextCR = next('\r', from);
			if (nextLF < from) nextLF = next('\n', from);
			return nextCR >= to && nextLF >= to;
		};
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk.charCodeAt(i);
			if (this.recordLine === 0) {
				if (c !== CR && c !== LF) {
					// Blank lines between records are skipped (they are counted as lines).
					this.recordLine = this.line;
					this.state = State.FieldStart;
					this.field = 1;
					start = i;
				}
			}
			if (this.recordLine !== 0) {
				switch (this.state) {
					case State.FieldStart:
						if (c === QUOTE) {
							this.state = State.Quoted;
							this.quoteLine = this.line;
						} else if (c === this.delimiter) this.field++;
						else if (c === CR || c === LF) this.endRecord(chunk.slice(start, i), out);
						else this.state = State.Unquoted;
						break;
					case State.Unquoted:
						if (c === this.delimiter) {
							this.state = State.FieldStart;
							this.field++;
						} else if (c === CR || c === LF) this.endRecord(chunk.slice(start, i), out);
						else if (c === QUOTE) this.fail(`a quote inside the unquoted field ${this.field} (quote the whole field and double the quote)`);
						break;
					case State.Quoted:
						if (c === QUOTE) this.state = State.QuoteInQuoted;
						else {
							const quote = chunk.indexOf('"', i + 1);
							const to = quote < 0 ? chunk.length : quote;
							if (breakFree(i, to)) {
								// Characters i..to-1 are neither quotes nor line breaks: no state or line changes.
								this.prevCR = false;
								i = to - 1;
								continue;
							}
						}
						break;
					case State.QuoteInQuoted:
						if (c === QUOTE) this.state = State.Quoted;
						else if (c === this.delimiter) {
							this.state = State.FieldStart;
							this.field++;
						} else if (c === CR || c === LF) this.endRecord(chunk.slice(start, i), out);
						else {
							this.fail(`text after the closing quote of field ${this.field}`);
							this.state = State.Unquoted;
						}
						break;
				}
			}
			if (c === CR || (c === LF && !this.prevCR)) this.line++;
			this.prevCR = c === CR;
		}
		if (this.recordLine !== 0) this.keep(chunk.slice(start));
	}

	/** Ends the input: the last record may lack a line break; a quoted field still open is an error. */
	end(out: SplitItem[]): void {
		if (this.recordLine === 0) return;
		if (this.state === State.Quoted) {
			throw new CsvSyntaxError(this.quoteLine, `the quoted field that starts on line ${this.quoteLine} is never closed (unbalanced quotes)`);
		}
		this.endRecord('', out);
	}

	private fail(problem: string): void {
		this.syntax ??= new CsvSyntaxError(this.line, `on line ${this.line}, ${problem}`);
	}

	/** Adds the part of the record this chunk holds; past the limit only the first characters are kept. */
	private keep(part: string): void {
		if (part === '') return;
		if (this.oversize) {
			this.bytes += utf8Length(part);
			return;
		}
		this.parts.push(part);
		this.chars += part.length;
		// A character is at least one UTF-8 byte: more characters than the limit is over it for sure.
		if (this.chars > this.maxRecordBytes) {
			const text = this.parts.join('');
			this.oversize = true;
			this.bytes = utf8Length(text);
			this.head = text.slice(0, OVERSIZE_HEAD_CHARS);
			this.parts = [];
		}
	}

	private endRecord(last: string, out: SplitItem[]): void {
		if (this.syntax) throw this.syntax;
		this.keep(last);
		const line = this.recordLine;
		if (this.oversize) out.push({ kind: 'oversize', line, bytes: this.bytes, head: this.head });
		else {
			const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
			// At most 3 bytes a character (4 for a surrogate pair, which is 2 characters): count only when it matters.
			const bytes = text.length * 3 > this.maxRecordBytes ? utf8Length(text) : text.length;
			if (bytes > this.maxRecordBytes) out.push({ kind: 'oversize', line, bytes, head: text.slice(0, OVERSIZE_HEAD_CHARS) });
			else out.push({ kind: 'record', line, text });
		}
		this.lastRecordLine = line;
		this.recordLine = 0;
		this.parts = [];
		this.chars = 0;
		this.bytes = 0;
		this.oversize = false;
		this.head = '';
	}
}

/**
 * The fields of one record the splitter accepted (so its quoting is known to be valid): split on `delimiter`, a
 * quoted field loses its quotes and "" becomes ".
 */
export function parseCsvRecord(text: string, delimiter = ','): string[] {
	const DELIM = delimiter.charCodeAt(0);
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		if (text.charCodeAt(i) === QUOTE) {
			let value = '';
			let from = i + 1;
			for (;;) {
				const q = text.indexOf('"', from);
				if (q < 0) throw new Error('unclosed quote in a record the splitter accepted');
				if (text.charCodeAt(q + 1) === QUOTE) {
					value += text.slice(from, q + 1);
					from = q + 2;
				} else {
					value += text.slice(from, q);
					i = q + 1;
					break;
				}
			}
			fields.push(value);
			if (i >= text.length) return fields;
			if (text.charCodeAt(i) !== DELIM) throw new Error('text after a closing quote in a record the splitter accepted');
			i++;
		} else {
			const comma = text.indexOf(delimiter, i);
			if (comma < 0) {
				fields.push(text.slice(i));
				return fields;
			}
			fields.push(text.slice(i, comma));
			i = comma + 1;
		}
	}
}

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterChoice {
	delimiter: Delimiter;
	/** Characters to drop from the front: Excel's `sep=;` line, which names the delimiter itself. */
	skip: number;
	/** What chose it, for the summary. */
	chosenBy: 'default' | 'header' | 'sep= line';
}

/**
 * The field separator of a CSV from its first line: Excel writes `sep=;` as a line of its own when asked, and
 * otherwise saves with ';' in European locales and with tabs as "Unicode text". The header's separator is the one
 * of ',', ';' and tab it holds most often outside quotes (comma on a tie or when it holds none).
 */
export function detectDelimiter(head: string): DelimiterChoice {
	const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(head);
	if (sep && (DELIMITERS as readonly string[]).includes(sep[1])) {
		return { delimiter: sep[1] as Delimiter, skip: sep[0].length, chosenBy: 'sep= line' };
	}
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const ch of head) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let best: Delimiter = ',';
	for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
	return { delimiter: best, skip: 0, chosenBy: best === ',' ? 'default' : 'header' };
}
