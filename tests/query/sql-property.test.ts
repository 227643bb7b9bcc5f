// Property tests: for random filter and view states, every builder's result on DuckDB equals the plain-JS
// reference (reference.ts) over the same invented rows; and no user value ever appears in SQL text.
import fc from 'fast-check';
import { actorGroupOf } from '../../src/lib/data/actor-groups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_DATASETS } from '../../src/lib/data/taxonomy';
import type { Incident } from '../../src/lib/data/schema';
import {
	DEFAULT_VIEW,
	GRAINS,
	MEASURES,
	SORT_KEYS,
	STACKS,
	type Filters,
	type ViewState
} from '../../src/lib/query/filters';
import {
	CATEGORY_DIMS,
	categoryQuery,
	exportQuery,
	incidentCountQuery,
	incidentDetailQuery,
	incidentPageQuery,
	kpiQuery,
	perpetratorOptionsQuery,
	provinceQuery,
	timelineQuery,
	whereClause,
	type CategoryDim
} from '../../src/lib/query/sql';
import type { BoundQuery } from '../../src/lib/query/engine';
import { foldText } from '../../src/lib/text/fold';
import { FIXTURE } from '../fixtures/query/incidents';
import { DUPLICATE_DROPPED, DUPLICATE_FIXTURE } from '../fixtures/query/duplicates';

/** The query fixture and the duplicate scenes (2021), whose probable duplicates the dedupe switch leaves out. */
const ROWS: readonly Incident[] = [...FIXTURE, ...DUPLICATE_FIXTURE];
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';
import { addDaysIso, daysBetween, filtered, groupBy, refBucket, refSeries, refSorted, refValue } from './reference';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb(ROWS);
});
afterAll(() => db?.close());

const run = async (q: BoundQuery) => resultRows(await db.engine.run(q));
const distinct = <T>(xs: T[]) => [...new Set(xs)];
const nonNull = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);

const date = fc.integer({ min: 0, max: 1490 }).map((n) => addDaysIso('2020-12-20', n));
// Each filter is off most of the time, so that most random states still select some rows.
const rarely = <T>(off: T, on: fc.Arbitrary<T>, offWeight = 4) =>
	fc.oneof({ weight: offWeight, arbitrary: fc.constant(off) }, { weight: 1, arbitrary: on });
const subset = (values: string[], offWeight = 4) =>
	rarely<string[]>([], fc.subarray(values, { minLength: 1, maxLength: Math.min(3, values.length) }), offWeight);
/** The six dimensions of issue 9 are rarer still, so that most states keep selecting rows. */
const newDim = (values: string[]) => subset(values, 14);
const words = ['group', 'café', 'ادلب', 'مدرسه', 'near', '50%', 'a_b', 'GAMMA', 'checkpoint', 'السوق', 'attack', 'x'];

const filtersArb: fc.Arbitrary<Filters> = fc.record({
	from: rarely<string | null>(null, date),
	to: rarely<string | null>(null, date),
	provinces: subset([...distinct(nonNull(ROWS.map((r) => r.admin1_pcode))), 'SY05']),
	targets: subset([...distinct(ROWS.map((r) => r.target_type)), 'Maritime']),
	attacks: subset([...distinct(nonNull(ROWS.map((r) => r.attack_type))), 'Hijacking']),
	perpetrators: subset([...distinct(nonNull(ROWS.map((r) => r.perpetrator))), 'Nobody']),
	sources: subset([...SOURCE_DATASETS]),
	events: newDim([...distinct(nonNull(ROWS.map((r) => r.event_type))), 'Riots']),
	subevents: newDim([...distinct(nonNull(ROWS.map((r) => r.sub_event_type))), 'Grenade']),
	countries: newDim(['SYR', 'IRQ', 'YEM']),
	districts: newDim([...distinct(nonNull(ROWS.map((r) => r.admin2_pcode ?? r.admin2))), 'SY1403']),
	precisions: newDim(['day', 'week', 'month', 'year']),
	actors: newDim([...distinct(ROWS.map((r) => actorGroupOf(r.perpetrator))), 'israel']),
	minCasualties: rarely<number | null>(null, fc.integer({ min: 0, max: 30 })),
	q: rarely('', fc.subarray(words, { minLength: 1, maxLength: 2 }).map((w) => w.join(' '))),
	bbox: fc.constant(null),
	dedupe: fc.boolean()
});

const viewArb: fc.Arbitrary<ViewState> = fc
	.record({
		filters: filtersArb,
		grain: fc.constantFrom(...GRAINS),
		stack: fc.constantFrom(...STACKS),
		measure: fc.constantFrom(...MEASURES),
		sort: fc.constantFrom(...SORT_KEYS),
		sortDir: fc.constantFrom('asc' as const, 'desc' as const),
		page: fc.integer({ min: 1, max: 6 })
	})
	.map(({ filters, ...rest }) => ({ ...DEFAULT_VIEW, ...filters, ...rest }));

const RUNS = { numRuns: 60 };

/** Rows grouped by key, measured, ordered by value desc then key (nulls last): the ranked builders' order. */
function ranked(rows: readonly Incident[], key: (r: Incident) => string | null, measure: ViewState['measure']) {
	return [...groupBy(rows, key)]
		.map(([k, group]) => ({ key: k, value: refValue(group, measure) }))
		.sort((a, b) => b.value - a.value || cmpNullsLast(a.key, b.key));
}
function cmpNullsLast(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

describe('builders equal the reference on random states', () => {
	it('incidentCountQuery and exportQuery select exactly the filtered rows', async () => {
		let nonEmpty = 0;
		await fc.assert(
			fc.asyncProperty(filtersArb, async (f) => {
				const expected = filtered(ROWS, f);
				if (expected.length > 0) nonEmpty++;
				// duplicates: what the switch leaves out under the other filters, whether it is on or not.
				const folded = filtered(ROWS, { ...f, dedupe: false }).filter((r) => DUPLICATE_DROPPED.has(r.incident_id)).length;
				expect((await run(incidentCountQuery(f)))[0]).toEqual({ n: expected.length, duplicates: folded });
				const ids = (await run(exportQuery(f))).map((r) => r.incident_id);
				const order = [...expected].sort((a, b) => cmpNullsLast(a.event_date, b.event_date) || cmpNullsLast(a.incident_id, b.incident_id));
				expect(ids).toEqual(order.map((r) => r.incident_id));
			}),
			RUNS
		);
		// The generator is only useful if most states select something.
		expect(nonEmpty).toBeGreaterThan(RUNS.numRuns / 3);
	});

	it('timelineQuery groups by bucket and series', async () => {
		await fc.assert(
			fc.asyncProperty(viewArb, async (v) => {
				const groups = groupBy(filtered(ROWS, v), (r) => `${refBucket(r.event_date, v.grain)}|${refSeries(r, v.stack)}`);
				const expected = [...groups]
					.map(([k, rows]) => {
						const [bucket, series] = k.split('|');
						const range =
							v.measure === 'killed'
								? { low: rows.reduce((t, r) => t + (r.killed_low ?? r.killed ?? 0), 0), high: rows.reduce((t, r) => t + (r.killed_high ?? r.killed ?? 0), 0) }
								: {};
						return { bucket, series, value: refValue(rows, v.measure), ...range };
					})
					.sort((a, b) => cmpNullsLast(a.bucket, b.bucket) || cmpNullsLast(a.series, b.series));
				expect(await run(timelineQuery(v))).toEqual(expected);
			}),
			RUNS
		);
	});

	it('categoryQuery ranks every dimension, with and without its own filter', async () => {
		const column: Record<CategoryDim, (r: Incident) => string | null> = {
			target: (r) => r.target_type,
			attack: (r) => r.attack_type,
			perpetrator: (r) => r.perpetrator,
			source: (r) => r.source_dataset,
			event: (r) => r.event_type,
			subevent: (r) => r.sub_event_type,
			country: (r) => r.country_iso3,
			district: (r) => r.admin2_pcode ?? r.admin2,
			precision: (r) => r.date_precision,
			actor: (r) => actorGroupOf(r.perpetrator)
		};
		const own: Record<CategoryDim, keyof Filters> = {
			target: 'targets', attack: 'attacks', perpetrator: 'perpetrators', source: 'sources', event: 'events', subevent: 'subevents',
			country: 'countries', district: 'districts', precision: 'precisions', actor: 'actors'
		};
		await fc.assert(
			fc.asyncProperty(viewArb, fc.constantFrom(...CATEGORY_DIMS), fc.boolean(), async (v, dim, ignoreOwnFilter) => {
				const f = ignoreOwnFilter ? { ...v, [own[dim]]: [] } : v;
				const expected = ranked(filtered(ROWS, f), column[dim], v.measure);
				expect(await run(categoryQuery(v, dim, { ignoreOwnFilter, limit: null }))).toEqual(expected);
			}),
			RUNS
		);
	});

	it('provinceQuery groups by p-code, admin1 and country', async () => {
		await fc.assert(
			fc.asyncProperty(viewArb, async (v) => {
				const groups = groupBy(filtered(ROWS, v), (r) => JSON.stringify([r.admin1_pcode, r.admin1, r.country]));
				const expected = [...groups]
					.map(([k, rows]) => {
						const [pcode, admin1, country] = JSON.parse(k) as (string | null)[];
						return { pcode, admin1, country, value: refValue(rows, v.measure) };
					})
					.sort(
						(a, b) =>
							b.value - a.value ||
							cmpNullsLast(a.pcode, b.pcode) ||
							cmpNullsLast(a.admin1, b.admin1) ||
							cmpNullsLast(a.country, b.country)
					);
				expect(await run(provinceQuery(v))).toEqual(expected);
			}),
			RUNS
		);
	});

	it('incidentPageQuery returns the right slice of the right order', async () => {
		await fc.assert(
			fc.asyncProperty(viewArb, async (v) => {
				const size = 7;
				const expected = refSorted(filtered(ROWS, v), v).slice((v.page - 1) * size, v.page * size);
				const rows = await run(incidentPageQuery(v, size));
				expect(rows.map((r) => r.incident_id)).toEqual(expected.map((r) => r.incident_id));
			}),
			RUNS
		);
	});

	it('kpiQuery counts both periods', async () => {
		const data = { min: '2022-12-26', max: '2025-01-03' };
		await fc.assert(
			fc.asyncProperty(filtersArb, async (f0) => {
				const from = f0.from ?? data.min;
				const to = f0.to ?? data.max;
				const days = Math.max(1, daysBetween(from, to) + 1);
				const prev = { from: addDaysIso(from, -days), to: addDaysIso(from, -1) };
				const others = { ...f0, from: null, to: null };
				const inPeriod = (p: { from: string; to: string }) =>
					filtered(ROWS, others).filter((r) => r.event_date >= p.from && r.event_date <= p.to);
				const cur = inPeriod({ from, to });
				const before = inPeriod(prev);
				const [row] = await run(kpiQuery(f0, data));
				expect(row).toEqual({
					incidents: cur.length,
					killed: refValue(cur, 'killed'),
					injured: refValue(cur, 'injured'),
					killed_known: cur.filter((r) => r.killed !== null).length,
					injured_known: cur.filter((r) => r.injured !== null).length,
					prev_incidents: before.length,
					prev_killed: refValue(before, 'killed'),
					prev_injured: refValue(before, 'injured'),
					prev_killed_known: before.filter((r) => r.killed !== null).length,
					prev_injured_known: before.filter((r) => r.injured !== null).length,
					killed_low: cur.reduce((sum, r) => sum + (r.killed_low ?? r.killed ?? 0), 0),
					killed_high: cur.reduce((sum, r) => sum + (r.killed_high ?? r.killed ?? 0), 0),
					killed_ranged: cur.filter((r) => r.killed_low !== null || r.killed_high !== null).length,
					period_from: from,
					period_to: to,
					prev_from: prev.from,
					prev_to: prev.to
				});
			}),
			RUNS
		);
	});

	it('perpetratorOptionsQuery lists matching names under the other filters', async () => {
		await fc.assert(
			fc.asyncProperty(filtersArb, fc.constantFrom('', 'group', 'GAMMA', 'النور', 'north,', 'zz'), async (f, search) => {
				const terms = foldText(search).split(/\s+/).filter(Boolean);
				const rows = filtered(ROWS, { ...f, perpetrators: [] }).filter((r) => r.perpetrator !== null);
				const expected = ranked(rows, (r) => r.perpetrator, 'incidents')
					.filter((x) => terms.every((t) => foldText(x.key!).includes(t)))
					.slice(0, 5)
					.map((x) => ({ key: x.key, n: x.value }));
				expect(await run(perpetratorOptionsQuery(search, f, 5))).toEqual(expected);
			}),
			RUNS
		);
	});
});

describe('user values never reach SQL text', () => {
	const MARK = 'zqxmark';
	const marked = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => `${MARK}${s}'";--`);
	const markedList = fc.array(marked, { maxLength: 3 });
	const anyView: fc.Arbitrary<ViewState> = fc
		.record({
			from: fc.option(marked),
			to: fc.option(marked),
			provinces: markedList,
			targets: markedList,
			attacks: markedList,
			perpetrators: markedList,
			sources: markedList,
			minCasualties: fc.option(fc.integer({ min: 0, max: 1000 })),
			q: marked
		})
		.map((f) => ({ ...DEFAULT_VIEW, ...f }));

	const builders = (v: ViewState, s: string): BoundQuery[] => [
		whereClause(v),
		// The KPI periods are date arithmetic in TS: it takes dates only (checked below).
		kpiQuery({ ...v, from: null, to: null }, { min: '2023-01-01', max: '2023-12-31' }),
		timelineQuery(v),
		provinceQuery(v),
		...CATEGORY_DIMS.map((d) => categoryQuery(v, d)),
		incidentCountQuery(v),
		incidentPageQuery(v, 50),
		incidentDetailQuery(s),
		exportQuery(v),
		perpetratorOptionsQuery(s, v, 10)
	];

	it('marker strings appear only in params, and every placeholder has a param', () => {
		fc.assert(
			fc.property(anyView, marked, (v, s) => {
				for (const q of builders(v, s)) {
					expect(q.sql.toLowerCase()).not.toContain(MARK);
					expect((q.sql.match(/\?/g) ?? []).length).toBe(q.params.length);
				}
				// The markers did travel, as parameters.
				expect(incidentDetailQuery(s).params).toEqual([s]);
				expect(() => kpiQuery(v, { min: s, max: s })).toThrow(/dates/);
			}),
			{ numRuns: 200 }
		);
	});

	it('hostile text in search, names and ids runs as data on DuckDB', async () => {
		const hostile = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 16 }),
			fc.constantFrom("'; DROP TABLE rasd.incidents; --", '%', '_', '\\', "\\'", '?', '$1', '"', '\u0000x')
		);
		await fc.assert(
			fc.asyncProperty(hostile, async (s) => {
				const v = { ...DEFAULT_VIEW, perpetrators: [s], q: s.trim() };
				await db.engine.run(exportQuery(v));
				await db.engine.run(perpetratorOptionsQuery(s, v, 5));
				expect(await run(incidentDetailQuery(s))).toEqual([]);
			}),
			{ numRuns: 60 }
		);
		expect((await run(incidentCountQuery({ ...DEFAULT_VIEW })))[0].n).toBe(ROWS.length);
	});
});
