// The incident list at every sort key x direction x page position: each page built by incidentPageQuery (read from
// the start, from the end when the total is known, with the rollup's date bound or without) equals the slice of an
// order the test writes itself, with the rows' columns read independently by id. And each page statement is
// late-materialised (its top-N reads the sort keys, then a rowid semi-join fetches the page's rows; DuckDB's own
// rewrite, or written out for the date bound): on the 1M-row benchmark set a page sorted by killed reads 39.6 MB
// that way and 93 MB without, so a builder change or a page size above DuckDB's late_materialization_max_rows (50)
// that loses it fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIncidents } from '../../src/lib/demo/generator';
import { DEFAULT_VIEW, SORT_KEYS, type SortKey, type ViewState } from '../../src/lib/query/filters';
import { LIST_COLUMNS, PAGE_SIZE, incidentCountQuery, incidentPageQuery } from '../../src/lib/query/sql';
import { INCIDENTS } from '../../src/lib/query/columns';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb([...demoIncidents(23, 1200)]);
}, 120_000);
afterAll(() => db.close());

/** The list's order, written here rather than taken from SORT_SQL: categories alphabetically as text. */
const REFERENCE_ORDER: Record<SortKey, string> = {
	date: 'event_date',
	province: 'CAST(admin1 AS VARCHAR)',
	target: 'CAST(target_type AS VARCHAR)',
	perpetrator: 'CAST(perpetrator AS VARCHAR)',
	killed: 'killed',
	injured: 'injured'
};

/** Views by the filters they carry: none, a province and casualties, and a date range (the rollup's bound). */
const FILTERS: Record<string, Partial<ViewState>> = {
	none: {},
	'province, casualties': { provinces: ['SY02', 'SY07'], minCasualties: 1 },
	dates: { from: '2021-03-01', to: '2023-10-31' }
};
const FILTER_SQL: Record<string, string> = {
	none: 'true',
	'province, casualties': "admin1_pcode IN ('SY02', 'SY07') AND coalesce(killed, 0) + coalesce(injured, 0) >= 1",
	dates: "event_date BETWEEN DATE '2021-03-01' AND DATE '2023-10-31'"
};

async function expectedIds(filter: string, sort: SortKey, dir: 'asc' | 'desc', size: number, page: number): Promise<string[]> {
	const order = `${REFERENCE_ORDER[sort]} ${dir.toUpperCase()} NULLS LAST, incident_id ASC`;
	const rows = await db.rows(
		`SELECT CAST(incident_id AS VARCHAR) AS id FROM ${INCIDENTS} WHERE ${FILTER_SQL[filter]} ORDER BY ${order} LIMIT ${size} OFFSET ${(page - 1) * size}`
	);
	return rows.map((r) => r.id as string);
}

/** The LIST_COLUMNS of one incident, read by id with a plain statement (text, dates as YYYY-MM-DD, counts as numbers). */
async function rowById(id: string): Promise<Record<string, unknown>> {
	const cols = LIST_COLUMNS.map((c) => (c === 'event_date' ? `strftime(${c}, '%Y-%m-%d') AS ${c}` : c === 'killed' || c === 'injured' ? `CAST(${c} AS INTEGER) AS ${c}` : `CAST(${c} AS VARCHAR) AS ${c}`));
	const [row] = await db.rows(`SELECT ${cols.join(', ')} FROM ${INCIDENTS} WHERE incident_id = ?`, [id]);
	return row;
}

describe.each(Object.keys(FILTERS))('incident pages at every position (filters: %s)', (filter) => {
	it.each(SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))(
		'sorted by %s %s: first, second, middle, last, past the end',
		async (sort, dir) => {
			const view: ViewState = { ...DEFAULT_VIEW, ...FILTERS[filter], sort, sortDir: dir };
			const total = (await db.engine.run(incidentCountQuery(view, { source: 'raw' }))).columns.n[0] as number;
			expect(total).toBeGreaterThan(PAGE_SIZE * 2);
			for (const size of [PAGE_SIZE, 7]) {
				const last = Math.ceil(total / size);
				for (const page of [1, 2, Math.ceil(last / 2), last - 1, last, last + 1]) {
					const pv = { ...view, page };
					const expected = await expectedIds(filter, sort, dir, size, page);
					for (const options of [{}, { total }, { source: 'raw' as const }]) {
						const rows = resultRows(await db.engine.run(incidentPageQuery(pv, size, options)));
						expect(rows.map((r) => r.incident_id), JSON.stringify({ page, size, options })).toEqual(expected);
					}
					// Every column of the page is the incident's own (a late fetch that paired rows wrongly would differ).
					if (size === PAGE_SIZE && (page === 1 || page === last)) {
						const rows = resultRows(await db.engine.run(incidentPageQuery(pv, size, { total })));
						for (const row of rows) expect(row).toEqual(await rowById(row.incident_id as string));
					}
				}
			}
		},
		60_000
	);
});

describe('page statements are late-materialised', () => {
	const plan = async (q: { sql: string; params: unknown[] }) =>
		(await db.rows(`EXPLAIN ${q.sql}`, q.params as never)).map((r) => String(r.explain_value)).join('\n');
	// A semi-join of the table on rowid (DuckDB's own rewrite: `rowid = rowid`; the written-out one: `rowid = #0`).
	const lateFetch = (text: string) => /Join Type: SEMI[\s\S]{0,200}rowid = (rowid|#\d+)/.test(text);

	it.each(SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))(
		'sorted by %s %s, from the start, from the end and with the date bound',
		async (sort, dir) => {
			for (const patch of [{}, FILTERS['province, casualties'], FILTERS.dates]) {
				const view: ViewState = { ...DEFAULT_VIEW, ...patch, sort, sortDir: dir };
				const total = (await db.engine.run(incidentCountQuery(view, { source: 'raw' }))).columns.n[0] as number;
				const last = Math.ceil(total / PAGE_SIZE);
				for (const [page, options] of [[1, {}], [2, { total }], [last, { total }]] as const) {
					const text = await plan(incidentPageQuery({ ...view, page }, PAGE_SIZE, options));
					expect(lateFetch(text), JSON.stringify({ patch, page, options })).toBe(true);
				}
			}
		}
	);
});
