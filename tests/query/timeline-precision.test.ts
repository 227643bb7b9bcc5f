// The timeline's imprecise series (src/lib/query/timeline-precision.ts) on DuckDB: the rows equal a plain count of
// the incidents dated less precisely than the grain, and, on the demo dataset, once they are drawn apart no daily or
// weekly peak is made of them (drawn with the others, the daily peak is a pile of month-precision incidents on a 1st).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPRECISE_SERIES_PREFIX, timelineOption } from '../../src/lib/charts/timeline';
import type { Incident } from '../../src/lib/data/schema';
import { DEFAULT_VIEW, GRAINS, MEASURES, STACKS, type Grain, type ViewState } from '../../src/lib/query/filters';
import { timelineQuery, whereClause } from '../../src/lib/query/sql';
import { coarserPrecisions, impreciseTimelineQuery } from '../../src/lib/query/timeline-precision';
import { FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, openParquetDb, resultRows, type FixtureDb } from './fixture-db';
import { filtered, refBucket, refSeries } from './reference';

const v = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const PRECISIONS = ['day', 'week', 'month', 'year'] as const;
// The fixture's rows with every precision in turn (event_date stays the period's first day only for the test's
// purpose of grouping: the builder never looks at date_end).
const ROWS: Incident[] = FIXTURE.map((r, i) => ({ ...r, date_precision: PRECISIONS[i % 4] }));

describe('coarserPrecisions', () => {
	it('lists the precisions a grain cannot place', () => {
		expect(coarserPrecisions('day')).toEqual(['week', 'month', 'year']);
		expect(coarserPrecisions('week')).toEqual(['month', 'year']);
		expect(coarserPrecisions('month')).toEqual(['year']);
		expect(coarserPrecisions('quarter')).toEqual(['year']);
		expect(coarserPrecisions('year')).toEqual([]);
	});
});

describe('impreciseTimelineQuery on the fixture', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openFixtureDb(ROWS);
	});
	afterAll(() => db?.close());

	const cases = GRAINS.flatMap((grain) => STACKS.flatMap((stack) => MEASURES.map((measure) => [grain, stack, measure] as const)));
	it.each(cases)('%s by %s, %s: equals a plain count, with filters', async (grain, stack, measure) => {
		const view = v({ grain, stack, measure, from: '2022-12-01', provinces: [] });
		const q = impreciseTimelineQuery(view, whereClause(view));
		if (grain === 'year') return expect(q).toBeNull();
		const got = resultRows(await db.engine.run(q!));
		const expected = new Map<string, number>();
		for (const r of filtered(ROWS, view)) {
			if (!coarserPrecisions(grain).includes(r.date_precision as never)) continue;
			const key = `${refBucket(r.event_date, grain)}|${refSeries(r, stack)}|${r.date_precision}`;
			expected.set(key, (expected.get(key) ?? 0) + (measure === 'incidents' ? 1 : (r[measure] ?? 0)));
		}
		expect(new Map(got.map((r) => [`${r.bucket}|${r.series}|${r.precision}`, r.value]))).toEqual(expected);
		expect(got.length).toBeGreaterThan(0);
	});

	it('keeps the caller\'s conditions together (an OR cannot swallow the precision condition)', () => {
		const q = impreciseTimelineQuery(v({ grain: 'day' }), { sql: 'WHERE a OR b', params: [] })!;
		expect(q.sql).toContain('WHERE (a OR b) AND');
		expect(() => impreciseTimelineQuery(v({ grain: 'day' }), { sql: 'a OR b', params: [] })).toThrow(/WHERE/);
	});
});

const DATASET = 'data/incidents.parquet';
describe.skipIf(!existsSync(DATASET))('no daily or weekly peak of the demo data is made of imprecise dates', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openParquetDb(DATASET);
	}, 60_000);
	afterAll(() => db?.close());

	/** The peak bucket of the drawn totals: with the imprecise series apart, and all together. */
	async function peaks(grain: Grain) {
		const view = v({ grain, from: '2017-01-01', to: '2025-12-31' });
		const main = await db.engine.run(timelineQuery(view, { source: 'raw' }));
		const imprecise = await db.engine.run(impreciseTimelineQuery(view, whereClause(view))!);
		const o = timelineOption(main, { ...view, imprecise });
		const axis = (o.xAxis as { data: string[] }).data;
		const series = o.series as { id: string; data: number[] }[];
		const stacked = series.filter((s) => !s.id.startsWith(IMPRECISE_SERIES_PREFIX));
		const drawn = axis.map((_, t) => stacked.reduce((sum, s) => sum + s.data[t], 0));
		const all = axis.map((_, t) => series.reduce((sum, s) => sum + s.data[t], 0));
		const at = (values: number[]) => axis[values.indexOf(Math.max(...values))];
		return { drawnPeak: at(drawn), drawnMax: Math.max(...drawn), allPeak: at(all) };
	}
	const preciseCount = async (grain: Grain, bucket: string) => {
		const precise = grain === 'day' ? ['day'] : ['day', 'week'];
		const [row] = await db.rows(
			`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE CAST(date_precision AS VARCHAR) IN (${precise.map((p) => `'${p}'`).join(', ')}))::INTEGER AS precise ` +
				`FROM rasd.incidents WHERE date_trunc('${grain}', event_date) = CAST(? AS DATE)`,
			[bucket]
		);
		return row as { n: number; precise: number };
	};

	it.each(['day', 'week'] as const)('%s grain', async (grain) => {
		const { drawnPeak, drawnMax, allPeak } = await peaks(grain);
		// The drawn peak is exactly the precisely dated incidents of its bucket.
		expect((await preciseCount(grain, drawnPeak)).precise).toBe(drawnMax);
		if (grain === 'day') {
			// Drawn together, the daily peak would be a 1st of a month made mostly of incidents known only to the month.
			expect(allPeak.endsWith('-01')).toBe(true);
			const c = await preciseCount('day', allPeak);
			expect(c.n - c.precise).toBeGreaterThan(c.precise);
		}
	});
});
