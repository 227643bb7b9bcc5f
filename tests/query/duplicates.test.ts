// Probable duplicates across sources (src/lib/query/duplicates.ts), through the real artifact build: the groups found
// in hand-written scenes (tests/fixtures/query/duplicates.ts) are exactly the ones written out by hand, each keeps the
// record the documented rule names, no record changes, and the review query lists them side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, EMPTY_FILTERS } from '../../src/lib/query/filters';
import { duplicateGroupsQuery } from '../../src/lib/query/duplicates';
import { incidentCountQuery, kpiQuery, exportQuery } from '../../src/lib/query/sql';
import { DUPLICATE_DROPPED, DUPLICATE_FIXTURE, DUPLICATE_GROUPS } from '../fixtures/query/duplicates';
import { FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';
import { duplicateGroups, duplicatesInView } from '../../src/lib/state/duplicates.svelte';
import { ENGLISH, makeLocale } from '../../src/lib/i18n/locale';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb([...FIXTURE, ...DUPLICATE_FIXTURE]);
});
afterAll(() => db?.close());

describe('probable duplicates in the artifact', () => {
	it('finds exactly the hand-written groups and keeps the documented record of each', async () => {
		const rows = await db.rows(
			`SELECT incident_id, dup_group, dup_score, dup_keep FROM rasd.incidents WHERE dup_group IS NOT NULL ORDER BY dup_group, NOT dup_keep, incident_id`
		);
		const groups = new Map<number, { keep: string[]; ids: string[] }>();
		for (const r of rows) {
			const g = groups.get(Number(r.dup_group)) ?? { keep: [], ids: [] };
			g.ids.push(String(r.incident_id));
			if (r.dup_keep) g.keep.push(String(r.incident_id));
			groups.set(Number(r.dup_group), g);
			expect(Number(r.dup_score)).toBeGreaterThanOrEqual(0);
			expect(Number(r.dup_score)).toBeLessThanOrEqual(1);
		}
		const found = [...groups.values()].map((g) => ({ keep: g.keep, ids: [...g.ids].sort() }));
		const expected = DUPLICATE_GROUPS.map((g) => ({ keep: [g[0]], ids: [...g].sort() }));
		const byFirst = (a: { ids: string[] }, b: { ids: string[] }) => (a.ids[0] < b.ids[0] ? -1 : 1);
		expect(found.sort(byFirst)).toEqual(expected.sort(byFirst));
		// Numbered 1, 2, ... in order of the group's first date.
		expect([...groups.keys()]).toEqual(DUPLICATE_GROUPS.map((_, k) => k + 1));
	});

	it('marks every record alone as kept, with no group and no score', async () => {
		const [r] = await db.rows(
			`SELECT count(*) FILTER (WHERE dup_group IS NULL AND dup_keep AND dup_score IS NULL)::INTEGER AS alone, count(*)::INTEGER AS n FROM rasd.incidents`
		);
		const grouped = DUPLICATE_GROUPS.flat().length;
		expect(r).toEqual({ alone: FIXTURE.length + DUPLICATE_FIXTURE.length - grouped, n: FIXTURE.length + DUPLICATE_FIXTURE.length });
	});

	it('scores a pair by its strong matches: same day, same spot, same deaths, same actor group', async () => {
		const score = async (id: string) => Number((await db.rows(`SELECT dup_score FROM rasd.incidents WHERE incident_id = ?`, [id]))[0].dup_score);
		expect(await score('acled:d11a')).toBe(1); // same day, same coordinates, 3 and 3, both Islamic State
		expect(await score('acled:d1')).toBe(0.75); // same day, spot and actor group; 5 vs 6 deaths
		expect(await score('acled:d3')).toBe(0.5); // a day apart, 20 vs 24
	});

	it('changes no record: the export columns equal the fixture rows', async () => {
		const exported = resultRows(await db.engine.run(exportQuery({ ...EMPTY_FILTERS, from: '2021-01-01', to: '2021-12-31' })));
		expect(exported.map((r) => r.incident_id).sort()).toEqual(DUPLICATE_FIXTURE.map((r) => r.incident_id).sort());
		for (const r of exported) {
			const src = DUPLICATE_FIXTURE.find((x) => x.incident_id === r.incident_id)!;
			expect([r.killed, r.event_date, r.admin2_pcode, r.source_dataset]).toEqual([src.killed, src.event_date, src.admin2_pcode, src.source_dataset]);
		}
	});

	it('counts the duplicates in view, and the switch removes exactly them (from the rollup and from the rows)', async () => {
		const year = { ...EMPTY_FILTERS, from: '2021-01-01', to: '2021-12-31' };
		for (const source of ['auto', 'raw'] as const) {
			const [off] = resultRows(await db.engine.run(incidentCountQuery(year, { source })));
			const [on] = resultRows(await db.engine.run(incidentCountQuery({ ...year, dedupe: true }, { source })));
			expect(off).toEqual({ n: DUPLICATE_FIXTURE.length, duplicates: DUPLICATE_DROPPED.size });
			expect(on).toEqual({ n: DUPLICATE_FIXTURE.length - DUPLICATE_DROPPED.size, duplicates: DUPLICATE_DROPPED.size });
		}
		const kpi = async (dedupe: boolean) => resultRows(await db.engine.run(kpiQuery({ ...year, dedupe }, { min: '2021-01-01', max: '2025-12-31' })))[0];
		expect(Number((await kpi(false)).incidents) - Number((await kpi(true)).incidents)).toBe(DUPLICATE_DROPPED.size);
	});

	it('lists the groups in view side by side, newest first, the kept record first', async () => {
		const rows = resultRows(await db.engine.run(duplicateGroupsQuery({ ...EMPTY_FILTERS, dedupe: true })));
		const order = [...new Set(rows.map((r) => r.group_id))];
		expect(order).toHaveLength(DUPLICATE_GROUPS.length);
		expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a))); // numbered by date, listed newest first
		const firstOfEach = order.map((g) => rows.find((r) => r.group_id === g)!);
		expect(firstOfEach.every((r) => r.dup_keep === 1)).toBe(true);
		expect(rows.find((r) => r.incident_id === 'acled:d12')?.group_size).toBe(3);
		// A filter that selects one record of a group still lists the whole group.
		const ucdpOnly = resultRows(await db.engine.run(duplicateGroupsQuery({ ...EMPTY_FILTERS, sources: ['gtd'], from: '2021-09-01', to: '2021-09-01' })));
		expect(ucdpOnly.map((r) => r.incident_id)).toEqual(['acled:d12', 'gtd:d12', 'ucdp:d12']);
		// Paged by groups.
		const page2 = resultRows(await db.engine.run(duplicateGroupsQuery({ ...DEFAULT_VIEW }, 3, 3)));
		expect([...new Set(page2.map((r) => r.group_id))]).toEqual(order.slice(3, 6));
	});

	it('shapes the groups for the dialog in either language, and reads the count in view', async () => {
		const result = await db.engine.run(duplicateGroupsQuery({ ...EMPTY_FILTERS, from: '2021-09-01', to: '2021-09-01' }));
		const [g] = duplicateGroups(result, ENGLISH);
		expect(g.records.map((r) => [r.id, r.keep, r.source])).toEqual([
			['acled:d12', true, 'ACLED'],
			['gtd:d12', false, 'GTD'],
			['ucdp:d12', false, 'UCDP GED']
		]);
		expect(g.records[0].killed).toBe('12');
		expect(g.records[0].place).toContain('Aleppo');
		const [ar] = duplicateGroups(result, makeLocale('ar', 'arab'));
		expect(ar.records[0].killed).toBe('١٢');
		expect(duplicatesInView(await db.engine.run(incidentCountQuery(EMPTY_FILTERS)))).toBe(DUPLICATE_DROPPED.size);
		expect(duplicatesInView(null)).toBeNull();
	});
});
