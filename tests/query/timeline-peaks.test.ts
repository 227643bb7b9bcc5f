// Issue 12, "honest time series", on the demo data: with the imprecise channel wired, no daily or weekly peak of the
// timeline is made of incidents dated only to the week, month or year. The peak the chart's table and summary read
// (the stack's series, imprecise rows taken out) is checked against a count written here, over precise dates only;
// and the same data without the split shows why it matters (its daily peak is a 1st-of-the-month pile).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineTable } from '../../src/lib/charts/alt-table';
import { isCategorySeries, timelineOption } from '../../src/lib/charts/timeline';
import { DEFAULT_VIEW, type Grain, type ViewState } from '../../src/lib/query/filters';
import { timelineQuery } from '../../src/lib/query/sql';
import { impreciseQuery } from '../../src/lib/query/views';
import { openParquetDb, type FixtureDb } from './fixture-db';

const DATASET = 'data/incidents.parquet';

describe.skipIf(!existsSync(DATASET))('timeline peaks on the demo data', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openParquetDb(DATASET);
	}, 120_000);
	afterAll(() => db?.close());

	const peak = async (grain: Grain, split: boolean) => {
		const v: ViewState = { ...DEFAULT_VIEW, grain };
		const rows = await db.engine.run(timelineQuery(v, { source: 'raw' }));
		const imprecise = split ? await db.engine.run(impreciseQuery(v)) : undefined;
		const option = timelineOption(rows, { grain, stack: v.stack, measure: v.measure, from: null, to: null, imprecise });
		const series = (option.series as { id?: string }[]).filter((s) => isCategorySeries(String(s.id ?? '')));
		const table = timelineTable({ ...option, series: series as never }, grain);
		const totals = table.rows.map((r) => ({ key: r.key, total: r.values.reduce((a, b) => a + b, 0) }));
		return totals.reduce((a, b) => (b.total > a.total ? b : a));
	};

	/** Incidents whose date is precise enough for the grain, counted by hand, in the bucket starting on `start`. */
	const precise = async (grain: 'day' | 'week', start: string) => {
		const [row] = await db.rows(
			`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE CAST(date_precision AS VARCHAR) NOT IN (${grain === 'day' ? "'day'" : "'day', 'week'"}))::INTEGER AS coarse ` +
				`FROM rasd.incidents WHERE event_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) + INTERVAL ${grain === 'day' ? 0 : 6} DAY`,
			[start, start]
		);
		return { all: Number(row.n), precise: Number(row.n) - Number(row.coarse) };
	};

	for (const grain of ['day', 'week'] as const) {
		it(`the ${grain} peak counts precisely dated incidents only`, async () => {
			const p = await peak(grain, true);
			const counts = await precise(grain, p.key);
			expect(p.total).toBe(counts.precise);
			// The peak would stand without any imprecise incident of its bucket: it is made of precise dates.
			expect(p.total).toBeGreaterThan(0);
		}, 120_000);
	}

	it('without the split, the daily peak is a pile of imprecise dates on the first of a month', async () => {
		const p = await peak('day', false);
		const counts = await precise('day', p.key);
		expect(p.key.endsWith('-01')).toBe(true);
		expect(counts.all - counts.precise).toBeGreaterThan(counts.precise);
	}, 120_000);
});
