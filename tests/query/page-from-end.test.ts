// The incident list's pages near the end, read from the other end when the total is known (incidentPageQuery's
// `total`): on DuckDB, every such page equals the page read the ordinary way, for random filters, sort keys (with
// unknown values and ties), directions, page sizes and pages, over 3,000 generated incidents and the fixture.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIncidents } from '../../src/lib/demo/generator';
import type { Incident } from '../../src/lib/data/schema';
import { DEFAULT_VIEW, SORT_KEYS, type ViewState } from '../../src/lib/query/filters';
import { incidentCountQuery, incidentPageQuery } from '../../src/lib/query/sql';
import { FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';

const DATASETS: Record<string, readonly Incident[]> = { fixture: FIXTURE, generated: [...demoIncidents(11, 3000)] };
const dbs: Record<string, FixtureDb> = {};
beforeAll(async () => {
	for (const [name, rows] of Object.entries(DATASETS)) dbs[name] = await openFixtureDb(rows);
}, 120_000);
afterAll(() => Object.values(dbs).forEach((db) => db.close()));

const fromEnd = (sql: string) => sql.includes('EXCLUDE (page_sort_key)');

describe.each(Object.keys(DATASETS))('pages read from the end equal pages read from the start (%s data)', (name) => {
	const rows = DATASETS[name];
	const provinces = [...new Set(rows.map((r) => r.admin1_pcode).filter((p): p is string => p !== null))].slice(0, 4);

	it('for random views, sorts and pages', async () => {
		let reversed = 0;
		const arb = fc.record({
			sort: fc.constantFrom(...SORT_KEYS),
			sortDir: fc.constantFrom('asc' as const, 'desc' as const),
			provinces: fc.oneof(fc.constant<string[]>([]), fc.subarray(provinces, { minLength: 1 })),
			q: fc.constantFrom('', 'attack', 'a'),
			minCasualties: fc.constantFrom(null, 1, 3),
			size: fc.constantFrom(1, 7, 50),
			// Pages by their position in the list (30% to 110%), so that most fall in its second half, some past its end.
			at: fc.integer({ min: 300, max: 1100 }).map((n) => n / 1000)
		});
		await fc.assert(
			fc.asyncProperty(arb, async ({ size, at, ...patch }) => {
				const view: ViewState = { ...DEFAULT_VIEW, ...patch };
				const total = (await dbs[name].engine.run(incidentCountQuery(view, { source: 'raw' }))).columns.n[0] as number;
				const page = Math.max(1, Math.ceil((at * total) / size));
				const pv = { ...view, page };
				const known = incidentPageQuery(pv, size, { total });
				if (fromEnd(known.sql)) reversed++;
				const plain = incidentPageQuery(pv, size, { source: 'raw' });
				expect(fromEnd(plain.sql)).toBe(false);
				expect(resultRows(await dbs[name].engine.run(known)), JSON.stringify({ pv, size, total })).toEqual(
					resultRows(await dbs[name].engine.run(plain))
				);
			}),
			{ numRuns: 150 }
		);
		// Useless unless many of the pages were read from the end (the fixture's few rows make few pages).
		expect(reversed).toBeGreaterThan(name === 'fixture' ? 10 : 40);
	});

	it('for the last page, one past it, and the middle', async () => {
		const total = (await dbs[name].engine.run(incidentCountQuery(DEFAULT_VIEW, { source: 'raw' }))).columns.n[0] as number;
		expect(total).toBeGreaterThan(3);
		for (const size of [1, 3, 50]) {
			const last = Math.ceil(total / size);
			for (const page of [last, last + 1, Math.ceil(last / 2), Math.ceil(last / 2) + 1]) {
				for (const sort of SORT_KEYS) {
					const pv = { ...DEFAULT_VIEW, sort, page };
					expect(resultRows(await dbs[name].engine.run(incidentPageQuery(pv, size, { total })))).toEqual(
						resultRows(await dbs[name].engine.run(incidentPageQuery(pv, size)))
					);
				}
			}
			// The last page is the one read from the end; a page past the end is read the ordinary way (and is empty).
			expect(fromEnd(incidentPageQuery({ ...DEFAULT_VIEW, page: last }, size, { total }).sql)).toBe(total > size);
			expect(fromEnd(incidentPageQuery({ ...DEFAULT_VIEW, page: last + 1 }, size, { total }).sql)).toBe(false);
		}
	});
});
