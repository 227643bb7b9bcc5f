// Query results straight into the chart builders: nothing is lost or invented between the two layers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barListOption } from '../../src/lib/charts/bar-list';
import { otherProvinceRows, syriaValues } from '../../src/lib/charts/province-rows';
import { timelineOption } from '../../src/lib/charts/timeline';
import { DEFAULT_VIEW, GRAINS, type ViewState } from '../../src/lib/query/filters';
import { categoryQuery, provinceQuery, timelineQuery } from '../../src/lib/query/sql';
import { FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, type FixtureDb } from '../query/fixture-db';
import { refBucket, refValue } from '../query/reference';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb(FIXTURE);
});
afterAll(() => db?.close());

describe('query -> chart', () => {
	it.each(GRAINS)('timeline at %s grain keeps every incident and every bucket', async (grain) => {
		const v: ViewState = { ...DEFAULT_VIEW, grain, measure: 'killed', from: '2022-12-26', to: '2025-01-03' };
		const option = timelineOption(await db.engine.run(timelineQuery(v)), { ...v });
		const series = option.series as { data: number[] }[];
		const total = series.reduce((sum, s) => sum + s.data.reduce((a, b) => a + b, 0), 0);
		expect(total).toBe(refValue(FIXTURE, 'killed'));
		const axis = (option.xAxis as { data: string[] }).data;
		expect(axis[0]).toBe(refBucket('2022-12-26', grain));
		expect(axis[axis.length - 1]).toBe(refBucket('2025-01-03', grain));
		expect(new Set(axis).size).toBe(axis.length);
		for (const r of FIXTURE) expect(axis).toContain(refBucket(r.event_date, grain));
	});

	it('province rows split between the map and the list without loss', async () => {
		const r = await db.engine.run(provinceQuery(DEFAULT_VIEW));
		const onMap = [...syriaValues(r).values()].reduce((a, b) => a + b, 0);
		const listed = otherProvinceRows(r).reduce((a, b) => a + Number(b.value), 0);
		expect(onMap).toBe(FIXTURE.filter((x) => x.admin1_pcode !== null).length);
		expect(onMap + listed).toBe(FIXTURE.length);
	});

	it('category rows become ranked bars with their keys', async () => {
		const r = await db.engine.run(categoryQuery(DEFAULT_VIEW, 'source'));
		const o = barListOption(r);
		const items = (o.series as { data: { id: string; value: number }[] }[])[0].data;
		expect(items.map((i) => i.id)).toEqual(['acled', 'gtd', 'ucdp', 'csv', 'manual', 'synthetic']);
		expect(items.reduce((a, b) => a + b.value, 0)).toBe(FIXTURE.length);
	});
});
