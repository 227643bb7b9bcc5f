// The demo's escalation episodes (src/lib/demo/escalation.ts) and what the change panel finds in them: the demo set
// as data:dataset builds it, with R = its newest day (2025-12-31). The episodes are strong enough that the same
// flags came out for ten seeds, so rows shifting under other generator changes should not flip them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../../src/lib/demo/generator';
import { EPISODES, EpisodeDays } from '../../src/lib/demo/escalation';
import { Rng } from '../../src/lib/demo/prng';
import { DEMO_MONTHS } from '../../src/lib/demo/timeline';
import { changeLevelsQuery, type ChangeTerm } from '../../src/lib/query/change-levels';
import { changeRowsOf, type ChangeRow } from '../../src/lib/query/change-rows';
import { buildDataset } from '../../scripts/lib/dataset-build';
import { removeTempDirs, tempDir } from '../artifact/helpers';
import { openParquetDb, type FixtureDb } from '../query/fixture-db';

describe('EpisodeDays', () => {
	const pcodes = ['SY01', 'SY02'];
	const days = new EpisodeDays(pcodes, [{ name: 't', pcode: 'SY02', from: '2025-12-25', to: '2025-12-31', factor: 4 }]);
	const dec2025 = 1 * DEMO_MONTHS + 107; // SY02, month index of 2025-12

	it('leaves other cells alone: same factor, same day for the same draw', () => {
		expect(days.cellFactor(dec2025 - 1)).toBe(1);
		expect(days.cellFactor(107)).toBe(1); // SY01, same month
		for (let i = 0; i < 50; i++) expect(days.day(new Rng(7, i), 107, 31)).toBe(1 + new Rng(7, i).int(31));
	});

	it('weights the episode days by the factor and the month by the mean day weight', () => {
		expect(days.cellFactor(dec2025)).toBeCloseTo((24 + 7 * 4) / 31, 12);
		const counts = new Array(32).fill(0);
		for (let i = 0; i < 20_000; i++) counts[days.day(new Rng(1, i), dec2025, 31)]++;
		const inside = counts.slice(25).reduce((a, b) => a + b, 0) / 7;
		const outside = counts.slice(1, 25).reduce((a, b) => a + b, 0) / 24;
		expect(inside / outside).toBeGreaterThan(3.5);
		expect(inside / outside).toBeLessThan(4.5);
	});

	it('refuses an unknown governorate or a day outside the demo', () => {
		expect(() => new EpisodeDays(pcodes, [{ name: 'x', pcode: 'SY99', from: '2025-01-01', to: '2025-01-02', factor: 2 }])).toThrow(/SY99/);
		expect(() => new EpisodeDays(pcodes, [{ name: 'x', pcode: 'SY01', from: '2025-12-31', to: '2026-01-01', factor: 2 }])).toThrow(/range/);
	});

	it('every shipped episode names a demo governorate and lies inside the demo', () => {
		expect(EPISODES.length).toBeGreaterThan(0);
		expect(() => new EpisodeDays(['SY01', 'SY02', 'SY03', 'SY04', 'SY05', 'SY06', 'SY07', 'SY08', 'SY09', 'SY10', 'SY11', 'SY12', 'SY13', 'SY14'])).not.toThrow();
	});
});

describe('the change panel finds the demo episodes', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		const out = join(tempDir('rasd-escalation-'), 'incidents.parquet');
		await buildDataset({ out, manualDir: 'data/manual', demo: { ...DEMO_DATASET } });
		db = await openParquetDb(out);
	}, 120_000);
	afterAll(() => {
		db?.close();
		removeTempDirs();
	});

	const panel = async (term: ChangeTerm) => {
		const q = changeLevelsQuery({ unit: 'governorate', reference: null, term, measure: 'incidents' }, { sql: '', params: [] });
		return new Map(changeRowsOf(await db.engine.run(q)).map((r) => [r.unit, r] as const));
	};
	const flags = (r: ChangeRow | undefined) => r && { level: r.level, surge: r.surge, threat: r.threat, highestYears: r.highestYears };

	it.each(['short', 'long'] as const)('%s term, R = 2025-12-31', async (term) => {
		const u = await panel(term);
		expect(u.get('SY08')?.referenceDay).toBe('2025-12-31');
		// Al-Hasakeh: a month-long rise, steepest in its last week.
		expect(flags(u.get('SY08'))).toMatchObject({ level: 'large increase', threat: true, highestYears: 3 });
		// Deir-ez-Zor: one week at four times the rate.
		expect(flags(u.get('SY09'))).toMatchObject({ level: 'large increase', surge: true });
		// Dar'a: four weeks at three times the rate, so the 4-week mean doubles the year's.
		expect(flags(u.get('SY12'))).toMatchObject({ threat: true });
		// Tartous: about one incident a week, then ten times that.
		expect(flags(u.get('SY10'))).toMatchObject({ level: 'large increase' });
	});
});
