// The month rollup: which views may read it (rollupPlan, on its own), and, on DuckDB, that every builder that
// reads it returns exactly what the same builder returns from the incidents table alone (source: 'raw'), for
// random views over two datasets (the hand-made fixture and 3,000 generated incidents over 2017-2025) and for
// hand-picked date edges. Both datasets are compiled by the real artifact build (fixture-db.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIncidents } from '../../src/lib/demo/generator';
import type { Incident } from '../../src/lib/data/schema';
import { SOURCE_DATASETS } from '../../src/lib/data/taxonomy';
import { INCIDENTS, INCIDENTS_MONTH } from '../../src/lib/query/columns';
import type { BoundQuery } from '../../src/lib/query/engine';
import { DEFAULT_VIEW, EMPTY_FILTERS, GRAINS, MEASURES, STACKS, type Filters, type ViewState } from '../../src/lib/query/filters';
import { monthCover, rollupPlan } from '../../src/lib/query/rollup';
import {
	categoryQuery,
	incidentCountQuery,
	incidentPageQuery,
	kpiQuery,
	provinceQuery,
	timelineQuery,
	type SourceOptions
} from '../../src/lib/query/sql';
import { FIXTURE } from '../fixtures/query/incidents';
import { DUPLICATE_DROPPED, DUPLICATE_FIXTURE } from '../fixtures/query/duplicates';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';
import { addDaysIso, filtered } from './reference';

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const v = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe('rollupPlan', () => {
	it('reads every month from the rollup when both ends are open', () => {
		expect(rollupPlan(f({}))).toEqual({ months: { from: null, to: null }, edges: [] });
	});

	it('takes whole months only: a from on the 1st and a to on the last day need no edge', () => {
		expect(rollupPlan(f({ from: '2019-01-01', to: '2019-12-31' }))).toEqual({
			months: { from: '2019-01-01', to: '2019-12-01' },
			edges: []
		});
		expect(rollupPlan(f({ from: '2019-04-01', to: '2019-04-30' }))).toEqual({
			months: { from: '2019-04-01', to: '2019-04-01' },
			edges: []
		});
	});

	it('reads the partial months at the ends from incidents', () => {
		expect(rollupPlan(f({ from: '2019-01-15', to: '2019-06-10' }))).toEqual({
			months: { from: '2019-02-01', to: '2019-05-01' },
			edges: [
				{ from: '2019-01-15', to: '2019-01-31' },
				{ from: '2019-06-01', to: '2019-06-10' }
			]
		});
		// The 2nd and the day before the last are partial too.
		expect(rollupPlan(f({ from: '2019-01-02', to: '2019-03-30' }))).toEqual({
			months: { from: '2019-02-01', to: '2019-02-01' },
			edges: [
				{ from: '2019-01-02', to: '2019-01-31' },
				{ from: '2019-03-01', to: '2019-03-30' }
			]
		});
	});

	it('handles open ends with a partial month on the other side', () => {
		expect(rollupPlan(f({ from: '2020-11-20' }))).toEqual({
			months: { from: '2020-12-01', to: null },
			edges: [{ from: '2020-11-20', to: '2020-11-30' }]
		});
		expect(rollupPlan(f({ to: '2020-12-30' }))).toEqual({
			months: { from: null, to: '2020-11-01' },
			edges: [{ from: '2020-12-01', to: '2020-12-30' }]
		});
		// Year boundaries: a to on 31 December is whole, a from on 31 December is an edge.
		expect(rollupPlan(f({ from: '2020-12-31', to: '2021-12-31' }))).toEqual({
			months: { from: '2021-01-01', to: '2021-12-01' },
			edges: [{ from: '2020-12-31', to: '2020-12-31' }]
		});
	});

	it('knows February in leap and common years (including the century rules)', () => {
		expect(rollupPlan(f({ to: '2024-02-29' }))?.months.to).toBe('2024-02-01');
		expect(rollupPlan(f({ to: '2024-02-28' }))).toEqual({
			months: { from: null, to: '2024-01-01' },
			edges: [{ from: '2024-02-01', to: '2024-02-28' }]
		});
		expect(rollupPlan(f({ to: '2023-02-28' }))?.months.to).toBe('2023-02-01');
		expect(rollupPlan(f({ from: '2000-02-10' }))?.edges).toEqual([{ from: '2000-02-10', to: '2000-02-29' }]);
		expect(rollupPlan(f({ from: '2100-02-10' }))?.edges).toEqual([{ from: '2100-02-10', to: '2100-02-28' }]);
	});

	it('is null when no whole month lies in the range', () => {
		expect(rollupPlan(f({ from: '2019-03-05', to: '2019-03-20' }))).toBeNull(); // inside one month
		expect(rollupPlan(f({ from: '2019-03-01', to: '2019-03-30' }))).toBeNull(); // one day short
		expect(rollupPlan(f({ from: '2019-03-02', to: '2019-03-31' }))).toBeNull();
		expect(rollupPlan(f({ from: '2019-03-15', to: '2019-04-15' }))).toBeNull(); // across one boundary
		expect(rollupPlan(f({ from: '2019-03-10', to: '2019-03-10' }))).toBeNull(); // one day
	});

	it('is null when from is after to', () => {
		expect(rollupPlan(f({ from: '2019-05-01', to: '2019-03-31' }))).toBeNull();
		expect(rollupPlan(f({ from: '2020-01-01', to: '2019-12-31' }))).toBeNull();
		expect(rollupPlan(f({ from: '2019-02-01', to: '2019-01-31' }))).toBeNull();
	});

	it('is null for dates that are not real dates (the raw query then reports them as before)', () => {
		expect(rollupPlan(f({ from: '2019-02-30' }))).toBeNull();
		expect(rollupPlan(f({ to: 'yesterday' }))).toBeNull();
		expect(monthCover('2019-13-01', null)).toBeNull();
	});

	it('is null for filters the rollup cannot apply: text search, perpetrator, minimum casualties', () => {
		expect(rollupPlan(f({ q: 'bomb' }))).toBeNull();
		expect(rollupPlan(f({ perpetrators: ['Group Alpha'] }))).toBeNull();
		expect(rollupPlan(f({ minCasualties: 0 }))).toBeNull();
		// A search of white space alone searches nothing.
		expect(rollupPlan(f({ q: '   ' }))).not.toBeNull();
		// The categories it holds are fine.
		expect(rollupPlan(f({ provinces: ['SY01'], targets: ['Police'], attacks: ['Hijacking'], sources: ['gtd'] }))).not.toBeNull();
	});

	it('takes the timeline only at whole-month grains', () => {
		for (const grain of GRAINS) {
			expect(rollupPlan(f({}), grain) !== null, grain).toBe(['month', 'quarter', 'year'].includes(grain));
		}
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Rollup path = raw path, on DuckDB.

const GENERATED: readonly Incident[] = [...demoIncidents(7, 3000)];
/** The third set has probable duplicates across sources (the dedupe switch's rollup column, dup_keep, varies). */
const DATASETS: Record<string, readonly Incident[]> = { fixture: FIXTURE, generated: GENERATED, duplicates: [...FIXTURE, ...DUPLICATE_FIXTURE] };
const dbs: Record<string, FixtureDb> = {};
beforeAll(async () => {
	for (const [name, rows] of Object.entries(DATASETS)) dbs[name] = await openFixtureDb(rows);
}, 120_000);
afterAll(() => Object.values(dbs).forEach((db) => db.close()));

const usesRollup = (q: BoundQuery) => q.sql.includes(INCIDENTS_MONTH);
const distinct = <T>(xs: T[]) => [...new Set(xs)];
const nonNull = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
const dataRange = (rows: readonly Incident[]) => {
	const dates = rows.map((r) => r.event_date).sort();
	return { min: dates[0], max: dates[dates.length - 1] };
};

/** Dates around and inside the data, often on the first or last day of a month (the cover's boundaries). */
function dateArb(rows: readonly Incident[]): fc.Arbitrary<string> {
	const { min, max } = dataRange(rows);
	const start = addDaysIso(min, -40);
	const span = Math.round((Date.parse(max) - Date.parse(start)) / 86_400_000) + 80;
	const day = fc.integer({ min: 0, max: span }).map((n) => addDaysIso(start, n));
	const monthStart = day.map((d) => `${d.slice(0, 8)}01`);
	const monthEnd = day.map((d) => addDaysIso(`${addDaysIso(`${d.slice(0, 8)}01`, 32).slice(0, 8)}01`, -1));
	return fc.oneof(day, monthStart, monthEnd, monthEnd.map((d) => addDaysIso(d, -1)));
}

const rarely = <T>(off: T, on: fc.Arbitrary<T>, offWeight = 3) =>
	fc.oneof({ weight: offWeight, arbitrary: fc.constant(off) }, { weight: 1, arbitrary: on });
const subset = (values: string[], offWeight = 3) =>
	rarely<string[]>([], fc.subarray(values, { minLength: 1, maxLength: Math.min(3, values.length) }), offWeight);

/** Views the rollup can answer (the filters it cannot apply stay off; fallback is tested separately). */
function viewArb(rows: readonly Incident[]): fc.Arbitrary<ViewState> {
	const date = dateArb(rows);
	const filters = fc.record({
		from: fc.option(date, { freq: 3 }),
		to: fc.option(date, { freq: 3 }),
		provinces: subset([...distinct(nonNull(rows.map((r) => r.admin1_pcode))).slice(0, 8), 'SY05']),
		targets: subset([...distinct(rows.map((r) => r.target_type)).slice(0, 8), 'Maritime']),
		attacks: subset([...distinct(nonNull(rows.map((r) => r.attack_type))), 'Hijacking']),
		sources: subset([...SOURCE_DATASETS]),
		// The dimensions added with the rollup's event_type and country_iso3 columns.
		events: subset([...distinct(nonNull(rows.map((r) => r.event_type))), 'Riots'], 9),
		countries: subset([...distinct(nonNull(rows.map((r) => r.country_iso3))), 'YEM'], 9),
		// Count each probable event once (the rollup keeps dup_keep as a column).
		dedupe: fc.boolean()
	});
	return fc
		.record({
			filters,
			grain: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
			stack: fc.constantFrom(...STACKS),
			measure: fc.constantFrom(...MEASURES)
		})
		.map(({ filters: fs, ...rest }) => ({ ...DEFAULT_VIEW, ...fs, ...rest }));
}

const RUNS = { numRuns: 80 };

/** Every rollup-capable builder of a view, as [name, build(source)] pairs. */
function builders(view: ViewState, range: { min: string; max: string }): [string, (o: SourceOptions) => BoundQuery][] {
	return [
		['timeline', (o) => timelineQuery(view, o)],
		['count', (o) => incidentCountQuery(view, o)],
		['kpis', (o) => kpiQuery(view, range, o)],
		['province', (o) => provinceQuery(view, o)],
		['province ignoring its own filter', (o) => provinceQuery(view, { ...o, ignoreOwnFilter: true, limit: 5 })],
		['target', (o) => categoryQuery(view, 'target', { ...o, limit: null })],
		['target ignoring its own filter', (o) => categoryQuery(view, 'target', { ...o, ignoreOwnFilter: true, limit: null })],
		['attack ignoring its own filter', (o) => categoryQuery(view, 'attack', { ...o, ignoreOwnFilter: true })],
		['source ignoring its own filter', (o) => categoryQuery(view, 'source', { ...o, ignoreOwnFilter: true, limit: null })],
		['event', (o) => categoryQuery(view, 'event', { ...o, limit: null })],
		['country', (o) => categoryQuery(view, 'country', { ...o, limit: null })]
	];
}

async function expectSameAsRaw(db: FixtureDb, view: ViewState, range: { min: string; max: string }): Promise<number> {
	let rollupQueries = 0;
	for (const [name, build] of builders(view, range)) {
		const auto = build({});
		const raw = build({ source: 'raw' });
		expect(usesRollup(raw), name).toBe(false);
		if (usesRollup(auto)) rollupQueries++;
		const [got, want] = [resultRows(await db.engine.run(auto)), resultRows(await db.engine.run(raw))];
		expect(got, `${name} of ${JSON.stringify(view)}`).toEqual(want);
	}
	return rollupQueries;
}

describe.each(Object.keys(DATASETS))('rollup path equals the raw table (%s data)', (name) => {
	const rows = DATASETS[name];
	const range = dataRange(rows);

	it('for random views', async () => {
		let viaRollup = 0;
		let nonEmpty = 0;
		await fc.assert(
			fc.asyncProperty(viewArb(rows), async (view) => {
				viaRollup += await expectSameAsRaw(dbs[name], view, range);
				if (filtered(rows, view).length > 0) nonEmpty++;
			}),
			RUNS
		);
		// Useless unless most views select rows and most queries went through the rollup.
		expect(nonEmpty).toBeGreaterThan(RUNS.numRuns / 3);
		expect(viaRollup).toBeGreaterThan((RUNS.numRuns * builders(DEFAULT_VIEW, range).length) / 3);
	});

	it('for pages of the incident list sorted by date (latest first: bounded by the monthly counts)', async () => {
		let bounded = 0;
		const paged = fc.record({
			view: viewArb(rows),
			sortDir: fc.constantFrom('asc' as const, 'desc' as const),
			// Small pages over many pages, so page ends fall inside, at and across month ends.
			size: fc.constantFrom(1, 3, 7, 50),
			page: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 400 }))
		});
		await fc.assert(
			fc.asyncProperty(paged, async ({ view, sortDir, size, page }) => {
				const pv = { ...view, sort: 'date' as const, sortDir, page };
				const auto = incidentPageQuery(pv, size);
				if (usesRollup(auto)) bounded++;
				const raw = incidentPageQuery(pv, size, { source: 'raw' });
				expect(usesRollup(raw)).toBe(false);
				expect(resultRows(await dbs[name].engine.run(auto)), JSON.stringify({ pv, size })).toEqual(
					resultRows(await dbs[name].engine.run(raw))
				);
			}),
			{ numRuns: 120 }
		);
		expect(bounded).toBeGreaterThan(25);
	});

	it('for hand-picked date edges', async () => {
		const { min, max } = range;
		const cases: [string | null, string | null][] = [
			[null, null],
			[min, max],
			[`${min.slice(0, 8)}01`, null],
			[null, addDaysIso(`${addDaysIso(`${max.slice(0, 8)}01`, 32).slice(0, 8)}01`, -1)], // last day of max's month
			[addDaysIso(min, 1), addDaysIso(max, -1)],
			['2024-02-01', '2024-02-29'], // leap February, whole
			['2024-02-01', '2024-02-28'], // one day short
			['2024-01-31', '2024-03-01'], // one day on each side of a whole month
			['2023-12-31', '2024-01-01'], // across a year, no whole month
			['2024-03-15', '2024-03-15'],
			['2024-05-01', '2024-03-31'], // from after to
			['2030-01-01', null], // after the data
			[null, '2000-12-31'] // before the data
		];
		for (const [from, to] of cases) {
			for (const patch of [{}, { provinces: ['SY02', 'SY07'] }, { targets: ['Police', 'Military'], measure: 'killed' as const }]) {
				await expectSameAsRaw(dbs[name], v({ from, to, ...patch }), range);
				for (const sortDir of ['asc', 'desc'] as const) {
					for (const [page, size] of [[1, 1], [1, 50], [2, 7], [30, 3], [10_000, 50]]) {
						const pv = v({ from, to, ...patch, sort: 'date', sortDir, page });
						expect(resultRows(await dbs[name].engine.run(incidentPageQuery(pv, size)))).toEqual(
							resultRows(await dbs[name].engine.run(incidentPageQuery(pv, size, { source: 'raw' })))
						);
					}
				}
			}
		}
		// The cases above did go through the rollup.
		expect(usesRollup(incidentCountQuery(f({ from: '2024-01-31', to: '2024-03-01' })))).toBe(true);
	});
});

describe('views the rollup cannot answer read the incidents table', () => {
	const range = dataRange(FIXTURE);
	const rowsSql = (q: BoundQuery) => q.sql.includes(INCIDENTS) && !usesRollup(q);

	it.each([
		['a text search', { q: 'bomb' }],
		['a perpetrator', { perpetrators: ['Group Alpha'] }],
		['a minimum of casualties', { minCasualties: 1 }]
	])('with %s', async (_, patch) => {
		const view = v({ from: '2023-01-01', to: '2024-06-30', ...patch });
		for (const [name, build] of builders(view, range)) expect(rowsSql(build({})), name).toBe(true);
		// And still give the right answer.
		await expectSameAsRaw(dbs.fixture, view, range);
	});

	it('the incident list is bounded only when sorted by date, latest first', () => {
		expect(usesRollup(incidentPageQuery(v({ sort: 'date', sortDir: 'desc' }), 50))).toBe(true);
		expect(usesRollup(incidentPageQuery(v({ sort: 'date', sortDir: 'asc' }), 50))).toBe(false);
		expect(usesRollup(incidentPageQuery(v({ sort: 'killed' }), 50))).toBe(false);
		expect(usesRollup(incidentPageQuery(v({ sort: 'date', q: 'bomb' }), 50))).toBe(false);
	});

	it('at day and week grain, for the perpetrator ranking, and without a whole month', () => {
		expect(rowsSql(timelineQuery(v({ grain: 'day' })))).toBe(true);
		expect(rowsSql(timelineQuery(v({ grain: 'week' })))).toBe(true);
		expect(usesRollup(timelineQuery(v({ grain: 'quarter' })))).toBe(true);
		expect(rowsSql(categoryQuery(v({}), 'perpetrator'))).toBe(true);
		expect(rowsSql(incidentCountQuery(f({ from: '2023-03-02', to: '2023-03-30' })))).toBe(true);
	});

	it('the KPI reads a period without a whole month from incidents and the other from the rollup', async () => {
		// Current period: 2023-02-01..2023-03-31 (two whole months); previous: 2022-12-03..2023-01-31 (partial + whole).
		const q = kpiQuery(f({ from: '2023-02-01', to: '2023-03-31' }), range);
		expect(usesRollup(q)).toBe(true);
		expect(resultRows(await dbs.fixture.engine.run(q))).toEqual(
			resultRows(await dbs.fixture.engine.run(kpiQuery(f({ from: '2023-02-01', to: '2023-03-31' }), range, { source: 'raw' })))
		);
		// Neither period holds a whole month: all raw.
		expect(usesRollup(kpiQuery(f({ from: '2023-03-05', to: '2023-03-09' }), range))).toBe(false);
	});
});

describe('the rollup table', () => {
	it.each(Object.keys(DATASETS))('holds every incident once, with its figures (%s data)', async (name) => {
		const db = dbs[name];
		const rows = DATASETS[name];
		const [totals] = await db.rows(
			`SELECT sum(n)::INTEGER AS n, sum(killed_sum)::INTEGER AS killed, sum(injured_sum)::INTEGER AS injured, ` +
				`sum(killed_known)::INTEGER AS killed_known, sum(injured_known)::INTEGER AS injured_known FROM ${INCIDENTS_MONTH}`
		);
		expect(totals).toEqual({
			n: rows.length,
			killed: rows.reduce((s, r) => s + (r.killed ?? 0), 0),
			injured: rows.reduce((s, r) => s + (r.injured ?? 0), 0),
			killed_known: rows.filter((r) => r.killed !== null).length,
			injured_known: rows.filter((r) => r.injured !== null).length
		});
		// One row per month and category combination present, months as first days, sorted by month.
		const keys = new Set(
			rows.map((r) =>
				JSON.stringify([`${r.event_date.slice(0, 8)}01`, r.admin1_pcode, r.admin1, r.country, r.country_iso3, r.target_type, r.attack_type, r.event_type, r.source_dataset, !DUPLICATE_DROPPED.has(r.incident_id)])
			)
		);
		const got = await db.rows(
			`SELECT strftime(month_start, '%Y-%m-%d') AS m, CAST(admin1_pcode AS VARCHAR) AS p, CAST(admin1 AS VARCHAR) AS a, ` +
				`country AS c, CAST(country_iso3 AS VARCHAR) AS i, CAST(target_type AS VARCHAR) AS t, CAST(attack_type AS VARCHAR) AS k, ` +
				`CAST(event_type AS VARCHAR) AS e, CAST(source_dataset AS VARCHAR) AS s, dup_keep AS d ` +
				`FROM ${INCIDENTS_MONTH}`
		);
		expect(new Set(got.map((r) => JSON.stringify([r.m, r.p, r.a, r.c, r.i, r.t, r.k, r.e, r.s, r.d])))).toEqual(keys);
		expect(got.length).toBe(keys.size);
		const months = got.map((r) => String(r.m));
		expect(months).toEqual([...months].sort());
	});

	it('has the incidents ENUM types, so IN lists bind the same way', async () => {
		const types = async (table: string) =>
			new Map(
				(
					await dbs.fixture.rows(
						`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'rasd' AND table_name = '${table}'`
					)
				).map((r) => [r.column_name, r.data_type])
			);
		const [raw, month] = [await types('incidents'), await types('incidents_month')];
		for (const c of ['admin1_pcode', 'admin1', 'country', 'target_type', 'attack_type', 'source_dataset']) {
			expect(month.get(c), c).toBe(raw.get(c));
		}
		expect(month.get('month_start')).toBe('DATE');
	});
});
