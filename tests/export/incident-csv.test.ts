// The CSV downloads: RFC 4180 quoting, CRLF, UTF-8 BOM, the formula guard on text (never on numbers), Arabic
// intact, and an export that parses back (csv-parse) to exactly the filtered incidents.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { aggregateCsv, aggregateFileName, csvParts, exportFileName } from '../../src/lib/export/incident-csv';
import type { QueryResult } from '../../src/lib/query/engine';
import { DEFAULT_VIEW, EMPTY_FILTERS, type Filters } from '../../src/lib/query/filters';
import { EXPORT_COLUMNS, exportQuery, timelineQuery } from '../../src/lib/query/sql';
import { FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, type FixtureDb } from '../query/fixture-db';
import { filtered } from '../query/reference';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb(FIXTURE);
});
afterAll(() => db?.close());

/** The incident export as the Export button writes it (incident-export.ts: csvParts over EXPORT_COLUMNS). */
const incidentCsv = (result: QueryResult) => [...csvParts(result, EXPORT_COLUMNS)].join('');

const BOM = '\uFEFF';
const result = (names: string[], rows: (string | number | null)[][]): QueryResult => ({
	names,
	columns: Object.fromEntries(names.map((n, i) => [n, rows.map((r) => r[i])])),
	rowCount: rows.length
});

describe('aggregateCsv (the writer on hand-made rows)', () => {
	it('quotes, doubles quotes, keeps newlines, uses CRLF and a BOM', () => {
		const csv = aggregateCsv(result(['key', 'value'], [['a "quoted", text', 1], ['two\nlines', 2], [null, null]]));
		expect(csv).toBe(`${BOM}key,value\r\n"a ""quoted"", text",1\r\n"two\nlines",2\r\n,\r\n`);
		expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
	it('guards text cells starting with = + - @ tab or CR, never numbers', () => {
		const csv = aggregateCsv(
			result(['t', 'n'], [['=1+1', -5], ['+1', -0.5], ['-2', 3], ['@SUM(A1)', 0], ['\tx', 1], ['\rx', 2], ['a=b', 4]])
		);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toEqual([
			't,n',
			"'=1+1,-5",
			"'+1,-0.5",
			"'-2,3",
			"'@SUM(A1),0",
			"'\tx,1",
			`"'\rx",2`,
			'a=b,4',
			''
		]);
	});
	it('keeps Arabic text byte for byte', () => {
		const csv = aggregateCsv(result(['name'], [['هجومٌ على مدرسةٍ في إِدلب']]));
		expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(`${BOM}name\r\nهجومٌ على مدرسةٍ في إِدلب\r\n`);
	});
	it('writes a timeline query result as its own columns', async () => {
		const r = await db.engine.run(timelineQuery({ ...DEFAULT_VIEW, grain: 'year', stack: 'target', to: '2022-12-31' }));
		expect(aggregateCsv(r)).toBe(`${BOM}bucket,series,value\r\n2022-01-01,Military,1\r\n2022-01-01,Police,1\r\n`);
	});
	it('refuses a result that lacks a column', () => {
		expect(() => incidentCsv(result(['incident_id'], [['x']]))).toThrow(/lacks column/);
	});
	it('streams big results in parts that join to the same document', () => {
		const big = result(['i'], Array.from({ length: 2500 }, (_, i) => [i]));
		const parts = [...csvParts(big)];
		expect(parts).toHaveLength(4); // header + 1000 + 1000 + 500
		expect(parts.join('')).toBe(aggregateCsv(big));
	});
});

describe('incidentCsv of an export query', () => {
	/** What a cell must read back as: '' for null, numbers as written, text with the guard's apostrophe. */
	const expectedCell = (v: string | number | null) =>
		v === null ? '' : typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;

	it.each([
		['every incident', EMPTY_FILTERS],
		['a filtered subset', { ...EMPTY_FILTERS, provinces: ['SY02', 'SY04'], from: '2023-01-01' }],
		['a text search', { ...EMPTY_FILTERS, q: 'ادلب' }]
	])('%s parses back to exactly the filtered incidents', async (_name, f) => {
		const csv = incidentCsv(await db.engine.run(exportQuery(f)));
		expect(csv.startsWith(BOM)).toBe(true);
		const [header] = parse(csv, { bom: true, to_line: 1 }) as string[][];
		expect(header).toEqual([...INCIDENT_COLUMN_NAMES]);
		expect(EXPORT_COLUMNS).toEqual([...INCIDENT_COLUMN_NAMES]);
		const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		const expected = filtered(FIXTURE, f).sort(
			(a, b) => (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : a.incident_id < b.incident_id ? -1 : 1)
		);
		expect(records).toEqual(
			expected.map((r) => Object.fromEntries(INCIDENT_COLUMN_NAMES.map((c) => [c, expectedCell(r[c as keyof Incident])])))
		);
		expect(records.length).toBeGreaterThan(0);
	});

	it('guards the formula-looking summaries of the fixture and nothing else', async () => {
		const csv = incidentCsv(await db.engine.run(exportQuery(EMPTY_FILTERS)));
		const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		const guarded = records.map((r) => r.summary).filter((s) => s.startsWith("'"));
		expect(guarded.sort()).toEqual(
			["'+123 injured claim", "'-5 is not a count", '\'=HYPERLINK("http://example.invalid","click")', "'@SUM(A1) text", "'\tTabbed summary"].sort()
		);
		expect(records.find((r) => r.summary.startsWith('Line one'))!.summary).toBe('Line one\nline two, with comma');
	});
});

describe('file names', () => {
	const data = { min: '2022-12-26', max: '2025-01-03' };
	const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
	it('carry the date range, open ends from the data', () => {
		expect(exportFileName(f({ from: '2023-01-01', to: '2023-12-31' }), data)).toBe('rasd-incidents_2023-01-01_2023-12-31.csv');
		expect(exportFileName(f({ to: '2023-12-31' }), data)).toBe('rasd-incidents_2022-12-26_2023-12-31.csv');
		expect(exportFileName(f({}), null)).toBe('rasd-incidents_start_end.csv');
		expect(aggregateFileName('Timeline (week)', f({ from: '2023-01-01' }), data)).toBe('rasd-timeline-week_2023-01-01_2025-01-03.csv');
		expect(aggregateFileName('../../etc', f({}), data)).toBe('rasd-etc_2022-12-26_2025-01-03.csv');
	});
	it('name the view: its filters in URL order, safe characters only, cut to a safe length', () => {
		const view = f({ from: '2023-01-01', to: '2023-12-31', provinces: ['SY11', 'SY09'], targets: ['Private Citizens & Property'], minCasualties: 5, q: 'car bomb' });
		expect(aggregateFileName('timeline', view, data)).toBe('rasd-timeline_2023-01-01_2023-12-31_province-sy11+sy09_target-private-citizens-and-property_min-5_q-car-bomb.csv');
		expect(exportFileName(view, data, 'xlsx')).toMatch(/^rasd-incidents_2023-01-01_2023-12-31_province-sy11\+sy09.*\.xlsx$/);
		// An Arabic search has no Latin letters: left out of the name (the citation inside the file has it).
		expect(exportFileName(f({ q: 'الرقة', perpetrators: ['../x/"y"'] }), data)).toBe('rasd-incidents_2022-12-26_2025-01-03_perp-x-y.csv');
		const long = exportFileName(f({ perpetrators: Array.from({ length: 40 }, (_, i) => `Group number ${i}`) }), data);
		expect(long.length).toBeLessThanOrEqual(184);
		expect(long).toMatch(/^rasd-incidents_[\w+-]+\.csv$/);
	});
});
