// The CSV written straight from Arrow (src/lib/export/arrow-csv.ts) must be byte for byte the CSV the page wrote
// before: csvParts() over each cell converted one by one with Arrow's get() and arrowCell(), encoded as UTF-8.
// The Arrow tables come from DuckDB-WASM's Node build, the engine the browser runs, over nasty values.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrowCell, arrowToResult, type ArrowTableLike } from '../../src/lib/engine/arrow-result';
import { writeTinyArtifact, TINY_INCIDENTS } from '../helpers/tiny-artifact';
import { INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { arrowCsvChunks } from '../../src/lib/export/arrow-csv';
import { arrowCsvBlob, incidentCsvBlob } from '../../src/lib/export/incident-export';
import { csvParts } from '../../src/lib/export/incident-csv';
import type { QueryResult } from '../../src/lib/query/engine';
import { EMPTY_FILTERS } from '../../src/lib/query/filters';
import { EXPORT_COLUMNS, exportQuery } from '../../src/lib/query/sql';
import { openWasmDb, type WasmDb } from './wasm-db';

/** The whole document at once. */
const arrowCsvParts = (table: ArrowTableLike, columns: readonly string[]) => [...arrowCsvChunks(table, columns)];

/** The reference conversion: one get() per cell, as the page converted results before. */
function cellByCell(table: ArrowTableLike): QueryResult {
	const names = table.schema.fields.map((f) => f.name);
	const columns: QueryResult['columns'] = {};
	for (const field of table.schema.fields) {
		const vector = table.getChild(field.name)!;
		columns[field.name] = Array.from({ length: table.numRows }, (_, i) => arrowCell(vector.get(i), field));
	}
	return { names, columns, rowCount: table.numRows };
}

/** What the page produced before: csvParts over the reference conversion, as the UTF-8 a Blob holds. */
const referenceBytes = (table: ArrowTableLike, columns: readonly string[]) =>
	Buffer.from([...csvParts(cellByCell(table), columns)].join(''), 'utf8');

const joined = (parts: Uint8Array[]) => Buffer.concat(parts);

/** Text that trips every rule: the formula guard, quoting, white space JS's trim() knows, BOMs, Arabic, emoji. */
const NASTY_TEXT: (string | null)[] = [
	null, '', ' ', 'plain', 'a,b', 'say "hi"', '"', '""', ',', 'line\nbreak', 'cr\rhere', 'crlf\r\n', '\n', '=1+2',
	'=HYPERLINK("http://example.invalid","click")', '+1', '-5', '-', '@SUM(A1)', '\tTab', '\rCR', '\nLF first',
	' lead', 'trail ', '\tboth\t', "'quoted", '\u00a0nbsp lead', 'nbsp trail\u00a0', 'ideographic\u3000', '\u2028ls',
	'ps\u2029', '\u1680ogham', 'narrow\u202f', '\u205fmath', '\u2000en quad', 'a\u200a', 'nel\u0085', '\u0085nel',
	'zero\u200bwidth\u200b', '\ufeffbom first', '\ufeff', '\ufeff\ufeffdouble', ' \ufeff', 'x\ufeff', '\ufeff=1',
	'\ufeff x', 'هجوم على مدرسة في إدلب', ' إدلب', 'حلب ', '"حلب", ريف', '=حلب', 'ريف دمشق\r\nسطر',
	'😀', 'x😀', '😀 ', '=😀', '𝔘nicode', 'é', 'a'.repeat(40), `"${'b'.repeat(40)}"`, `${'c'.repeat(39)} `,
	'\u00a0', '\u3000\u3000', 'end\t', 'v\u000b', '\u000cff'
];

let db: WasmDb;
beforeAll(async () => {
	db = await openWasmDb();
	db.query('CREATE TABLE nasty (t VARCHAR, d DOUBLE, i INTEGER, s SMALLINT, b BIGINT, day DATE, ts TIMESTAMP, ok BOOLEAN, m DECIMAL(6,2))');
	const numbers = [null, 0, -0, -1.5, 3.25, 1e21, -1e-7, 123456789.125, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53];
	const ints = [null, 0, -1, 2147483647, -2147483648, 42, -7];
	NASTY_TEXT.forEach((t, k) => {
		db.query(
			'INSERT INTO nasty VALUES (?, ?, CAST(? AS INTEGER), CAST(? AS SMALLINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS TIMESTAMP), ?, CAST(? AS DECIMAL(6,2)))',
			[
				t,
				numbers[k % numbers.length],
				ints[k % ints.length],
				k % 3 === 0 ? null : -k,
				k % 4 === 0 ? null : `${(k * 7919) % 100000 - 50000}`,
				k % 5 === 0 ? null : `2023-0${(k % 9) + 1}-1${k % 10}`,
				k % 6 === 0 ? null : `2024-02-2${k % 10} 1${k % 10}:0${k % 10}:00`,
				k % 7 === 0 ? null : k % 2 === 0,
				k % 8 === 0 ? null : `${k}.${k % 100}`
			]
		);
	});
	db.query("INSERT INTO nasty (t, d) VALUES ('nan', 'NaN'::DOUBLE), ('inf', 'Infinity'::DOUBLE), ('-inf', '-Infinity'::DOUBLE)");
});

describe('arrowCsvParts equals csvParts over the cell-by-cell conversion', () => {
	it('on nasty text, numbers, NULLs and types read through get() (dates, timestamps, BIGINT, BOOLEAN, DECIMAL)', () => {
		const table = db.query('SELECT * FROM nasty');
		const columns = table.schema.fields.map((f) => f.name);
		const expected = referenceBytes(table, columns);
		expect(joined(arrowCsvParts(table, columns)).equals(expected)).toBe(true);
		// Not an agreement between two empty or trivial documents: every row is there and quotes were written.
		const records = parse(expected, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
		expect(records).toHaveLength(NASTY_TEXT.length + 3);
		expect(records[5].t).toBe('say "hi"');
		expect(records.find((r) => r.t.startsWith("'="))?.t).toBe("'=1+2");
	});

	it('across many Arrow batches, in any column order and subset', () => {
		// 6,000 rows: the nasty rows repeated, so that the table arrives in several batches of 2,048.
		const table = db.query('SELECT n.*, r.range AS k FROM nasty AS n, range(80) AS r ORDER BY r.range, n.t');
		expect(table.numRows).toBeGreaterThan(4096);
		expect((table.getChild('t')?.data ?? []).length).toBeGreaterThan(1);
		for (const columns of [['k', 't', 'd'], ['ok', 'm', 't', 'day', 'ts', 'b', 's', 'i'], ['t']]) {
			expect(joined(arrowCsvParts(table, columns)).equals(referenceBytes(table, columns)), columns.join()).toBe(true);
		}
	});

	it('on random text (fast-check), with the rows a reference implementation would write', () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 12 }),
			fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n', '"', ',', '=', '-', '\u00a0', '\ufeff', 'ب', '😀', 'x'), maxLength: 8 })
		);
		fc.assert(
			fc.property(fc.array(fc.option(text.filter((s) => s.isWellFormed()), { nil: null }), { minLength: 1, maxLength: 30 }), (values) => {
				db.query('CREATE OR REPLACE TABLE random_text (n INTEGER, t VARCHAR)');
				values.forEach((v, n) => db.query('INSERT INTO random_text VALUES (CAST(? AS INTEGER), ?)', [n, v]));
				const table = db.query('SELECT t, n FROM random_text ORDER BY n');
				expect(joined(arrowCsvParts(table, ['t', 'n'])).equals(referenceBytes(table, ['t', 'n']))).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});

	it('in batches of ordinary text with one cell that needs care (the copy-as-is shortcut must notice it)', () => {
		for (const odd of ['=1', '+1', '-1', '@a', '\tx', 'x\t', ' x', 'x ', '\u00a0x', 'x\u3000', '\ufeffx', 'a,b', 'a"b', 'a\nb', 'a\rb', 'إدلب', '']) {
			const table = db.query('SELECT CASE WHEN range = 1500 THEN ? ELSE \'id-\' || range END AS t FROM range(3000)', [odd]);
			expect(joined(arrowCsvParts(table, ['t'])).equals(referenceBytes(table, ['t'])), JSON.stringify(odd)).toBe(true);
		}
	});

	it('refuses a column the table lacks, like csvParts', () => {
		const table = db.query('SELECT 1 AS a');
		expect(() => arrowCsvParts(table, ['a', 'b'])).toThrow(/lacks column/);
	});
});

describe('arrowToResult (column-wise) equals the cell-by-cell conversion', () => {
	it('on every type of the nasty table, across batches', () => {
		const table = db.query('SELECT n.*, r.range AS k FROM nasty AS n, range(60) AS r ORDER BY r.range, n.t');
		expect(arrowToResult(table)).toEqual(cellByCell(table));
	});
});

describe('arrowCsvChunks', () => {
	it('hands out pieces of at most about 4 MiB that join to the whole document', () => {
		const table = db.query("SELECT range AS n, repeat('long, text ', 100) || range AS t FROM range(12000)");
		const chunks = [...arrowCsvChunks(table, ['n', 't'])];
		expect(chunks.length).toBeGreaterThan(2);
		for (const c of chunks) expect(c.length).toBeLessThanOrEqual(4 << 20);
		expect(joined(chunks).equals(referenceBytes(table, ['n', 't']))).toBe(true);
	});
});

describe('the incident export', () => {
	const nastyIncidents: Incident[] = NASTY_TEXT.filter((t): t is string => t !== null).map((t, k) => ({
		...TINY_INCIDENTS[k % TINY_INCIDENTS.length],
		incident_id: `synthetic:n${k}`,
		source_record_id: `n${k}`,
		summary: t,
		location: k % 2 ? t : null,
		killed: k % 3 ? -k : null,
		latitude: k % 4 ? 36 - k / 7 : null
	}));

	let table: ArrowTableLike;
	beforeAll(async () => {
		const artifact = await writeTinyArtifact([...TINY_INCIDENTS, ...nastyIncidents]);
		db.registerFile('nasty-incidents.duckdb', new Uint8Array(readFileSync(artifact)));
		db.query("ATTACH 'nasty-incidents.duckdb' AS rasd (READ_ONLY)");
		const q = exportQuery(EMPTY_FILTERS);
		table = db.query(q.sql, q.params);
	});

	it('writes the export query of an artifact with nasty values as the page did', async () => {
		expect(table.numRows).toBe(TINY_INCIDENTS.length + nastyIncidents.length);
		const blob = arrowCsvBlob(table);
		expect(blob.type).toBe('text/csv;charset=utf-8');
		const bytes = Buffer.from(await blob.arrayBuffer());
		expect(bytes.equals(referenceBytes(table, EXPORT_COLUMNS))).toBe(true);
		const [header] = parse(bytes, { bom: true, to_line: 1 }) as string[][];
		expect(header).toEqual([...INCIDENT_COLUMN_NAMES]);
	});

	it('takes the Arrow path when the source has one, the QueryResult path otherwise, with the same bytes', async () => {
		const rows = cellByCell(table);
		const calls: string[] = [];
		const arrowSource = {
			exportRows: async () => (calls.push('rows'), rows),
			exportArrow: async () => (calls.push('arrow'), table)
		};
		const rowsOnly = { exportRows: async () => (calls.push('rows'), rows) };
		const noArrow = { exportRows: async () => (calls.push('rows'), rows), exportArrow: async () => (calls.push('arrow'), null) };
		const [a, b, c] = await Promise.all([arrowSource, rowsOnly, noArrow].map(async (s) => Buffer.from(await (await incidentCsvBlob(s, EMPTY_FILTERS)).arrayBuffer())));
		expect(calls.sort()).toEqual(['arrow', 'arrow', 'rows', 'rows']);
		expect(a.equals(b)).toBe(true);
		expect(c.equals(b)).toBe(true);
		expect(b.equals(referenceBytes(table, EXPORT_COLUMNS))).toBe(true);
	});
});

describe('dictionary-encoded columns (DuckDB ENUMs not cast to VARCHAR)', () => {
	let table: ArrowTableLike;
	beforeAll(() => {
		db.query('CREATE TYPE nasty_enum AS ENUM (SELECT DISTINCT t FROM nasty WHERE t IS NOT NULL ORDER BY t)');
		// Several batches, NULLs, and a VARCHAR copy of each value for the reference.
		table = db.query(
			'SELECT CAST(n.t AS nasty_enum) AS e, n.t AS t, r.range AS k FROM nasty AS n, range(50) AS r ORDER BY r.range DESC, n.t'
		);
	});

	it('arrive as dictionaries (the comparison below is not between two text columns)', () => {
		expect(table.schema.fields.find((f) => f.name === 'e')?.type.typeId).toBe(-1);
		expect((table.getChild('e')?.data ?? []).length).toBeGreaterThan(1);
	});

	it('are written exactly like their text, and as the cell-by-cell conversion would', () => {
		const asText = joined(arrowCsvParts(table, ['t', 'k']));
		const asDictionary = joined(arrowCsvParts(table, ['e', 'k']));
		expect(asDictionary.subarray(asDictionary.indexOf(0x0a)).equals(asText.subarray(asText.indexOf(0x0a)))).toBe(true);
		expect(asDictionary.equals(referenceBytes(table, ['e', 'k']))).toBe(true);
	});

	it('are converted to the same cells as their text', () => {
		const result = arrowToResult(table);
		expect(result.columns.e).toEqual(result.columns.t);
		expect(result).toEqual(cellByCell(table));
	});
});
