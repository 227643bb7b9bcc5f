// The CSV record splitter and field parser: the same records and fields as csv-parse on any valid CSV, whatever
// the chunking; exact start lines; an oversize record is handed out truncated and reading goes on; quoting errors
// carry the line where they happen.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/lib/export/csv';
import { CsvRecordSplitter, CsvSyntaxError, OVERSIZE_HEAD_CHARS, parseCsvRecord, type SplitItem } from '../../scripts/lib/csv-records';

/** Splits `text` fed in pieces of the given sizes (cycled); returns the items. */
function split(text: string, sizes: readonly number[] = [text.length || 1], limit?: number): SplitItem[] {
	const splitter = new CsvRecordSplitter(limit);
	const out: SplitItem[] = [];
	let pos = 0;
	for (let k = 0; pos < text.length; k++) {
		const n = Math.max(1, sizes[k % sizes.length]);
		splitter.push(text.slice(pos, pos + n), out);
		pos += n;
	}
	splitter.end(out);
	return out;
}

function syntaxError(text: string, sizes?: number[]): CsvSyntaxError {
	try {
		split(text, sizes);
	} catch (e) {
		expect(e).toBeInstanceOf(CsvSyntaxError);
		return e as CsvSyntaxError;
	}
	throw new Error('expected a CsvSyntaxError');
}

describe('records and lines', () => {
	it('LF, CRLF and lone CR each end a line once, also across chunk borders; blank lines are skipped', () => {
		const text = 'a,b\r\n1,2\n\n3,"x\r\ny"\r4,5\r\n\r\n6,7';
		for (const sizes of [[text.length], [1], [2], [3, 1], [5, 2]]) {
			const items = split(text, sizes);
			expect(items.map((i) => [i.line, i.kind === 'record' ? i.text : ''])).toEqual([
				[1, 'a,b'],
				[2, '1,2'],
				[4, '3,"x\r\ny"'],
				[6, '4,5'],
				[8, '6,7']
			]);
		}
	});

	it('a line break right after a chunk that ends inside quoted text is counted (the skip to the closing quote)', () => {
		const text = '"ab\nc",d\n"e\r\nf"\nx\n';
		for (let size = 1; size <= text.length; size++) {
			expect(split(text, [size]).map((i) => i.line), `chunks of ${size}`).toEqual([1, 3, 5]);
		}
	});

	it('fields: quotes removed, "" unescaped, empty fields kept', () => {
		expect(parseCsvRecord('a,"b,c","say ""hi""",,"",x')).toEqual(['a', 'b,c', 'say "hi"', '', '', 'x']);
		expect(parseCsvRecord(',')).toEqual(['', '']);
		expect(parseCsvRecord('"multi\nline"')).toEqual(['multi\nline']);
		expect(parseCsvRecord(' spaced , kept ')).toEqual([' spaced ', ' kept ']);
	});

	it('agrees with csv-parse on any valid CSV, whatever the chunking', () => {
		const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '\r', ' a ', 'منبج', '😀'));
		const row = fc.array(cell, { minLength: 1, maxLength: 5 });
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), (rows, sizes) => {
				// csvLine quotes what needs quoting; a row of one empty cell would be a blank line, which both skip.
				const text = rows.map((r) => csvLine(r)).join('');
				const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
				const items = split(text, sizes);
				expect(items.every((i) => i.kind === 'record')).toBe(true);
				expect(items.map((i) => parseCsvRecord((i as { text: string }).text))).toEqual(expected);
				// Each record's line: 1 + the line breaks before it (CRLF, LF, CR once each), quoted ones included.
				const starts: number[] = [];
				let offset = 0;
				for (const r of rows) {
					const line = csvLine(r);
					if (line !== '\r\n') starts.push(offset);
					offset += line.length;
				}
				const breaksBefore = (end: number) => (text.slice(0, end).match(/\r\n|\r|\n/g) ?? []).length;
				expect(items.map((i) => i.line)).toEqual(starts.map((at) => 1 + breaksBefore(at)));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('records over the size limit', () => {
	const big = 'x'.repeat(5000);

	it('is handed out with its line, size and first characters; the next records are read normally', () => {
		const text = `h1,h2\n1,ok\n2,${big}\n3,"quoted\nbreak ${big}"\n4,after\n`;
		for (const sizes of [[text.length], [7], [1000]]) {
			const items = split(text, sizes, 100);
			expect(items.map((i) => [i.kind, i.line])).toEqual([
				['record', 1],
				['record', 2],
				['oversize', 3],
				['oversize', 4],
				['record', 6]
			]);
			const third = items[2] as Extract<SplitItem, { kind: 'oversize' }>;
			expect(third.bytes).toBe(2 + big.length);
			// The start of the record: what was read up to the limit, at most OVERSIZE_HEAD_CHARS.
			expect(`2,${big}`.startsWith(third.head)).toBe(true);
			expect(third.head.length).toBeGreaterThan(100);
			expect(third.head.length).toBeLessThanOrEqual(OVERSIZE_HEAD_CHARS);
			expect((items[4] as { text: string }).text).toBe('4,after');
		}
	});

	it('holds at most the limit plus one chunk of a long record, however long it grows', () => {
		const limit = 100_000;
		const splitter = new CsvRecordSplitter(limit);
		const out: SplitItem[] = [];
		const chunk = 'y'.repeat(65_536);
		splitter.push('h\nstart,', out);
		let most = 0;
		for (let i = 0; i < 160; i++) {
			splitter.push(chunk, out);
			most = Math.max(most, splitter.bufferedChars);
		}
		splitter.push('\nnext\n', out);
		splitter.end(out);
		expect(most).toBeLessThanOrEqual(limit + chunk.length);
		expect(out.map((i) => [i.kind, i.line])).toEqual([
			['record', 1],
			['oversize', 2],
			['record', 3]
		]);
		expect((out[1] as { bytes: number }).bytes).toBe(6 + 160 * chunk.length);
	});

	it('counts UTF-8 bytes, not characters', () => {
		// 40 Arabic letters are 80 bytes: under a limit of 60 characters, over a limit of 60 bytes.
		const items = split(`a\n${'ب'.repeat(40)}\nb\n`, [3], 60);
		expect(items.map((i) => i.kind)).toEqual(['record', 'oversize', 'record']);
		expect((items[1] as { bytes: number }).bytes).toBe(80);
	});

	it('at the limit is still a record', () => {
		expect(split('abcd\n', undefined, 4)[0].kind).toBe('record');
		expect(split('abcde\n', undefined, 4)[0].kind).toBe('oversize');
	});
});

describe('quoting errors', () => {
	it('an unbalanced quote: the line where the quoted field starts', () => {
		const e = syntaxError('a,b\n1,2\n3,"open\n4,5\n6,7\n', [2]);
		expect(e.line).toBe(3);
		expect(e.message).toBe('the quoted field that starts on line 3 is never closed (unbalanced quotes)');
	});

	it('a quote inside an unquoted field, and text after a closing quote, with their line', () => {
		expect(syntaxError('a,b\n1,2\n3,5" screen\n').message).toBe('on line 3, a quote inside the unquoted field 2 (quote the whole field and double the quote)');
		const after = syntaxError('a,b\n1,"two\nlines"x\n');
		expect(after.line).toBe(3);
		expect(after.message).toBe('on line 3, text after the closing quote of field 2');
	});

	it('a quoting error inside an oversize record still refuses (the record boundaries are not trustworthy)', () => {
		const splitter = new CsvRecordSplitter(10);
		expect(() => splitter.push(`a,b\n1,${'y'.repeat(50)}"z\n`, [])).toThrow(CsvSyntaxError);
	});
});
