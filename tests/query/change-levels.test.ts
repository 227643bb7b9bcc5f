// The change panel (issue 12, section 1): changeLevelsQuery on DuckDB, written out by changeCsv, against the plain
// reference of change-reference.ts, unit by unit, over (a) hand-made incidents placed on each rule's edge and (b)
// the demo dataset data/incidents.parquet. Some expectations are also written out by hand, so that a mistake
// shared by both implementations still fails.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { changeCsv } from '../../src/lib/export/change-csv';
import {
	changeLevelsQuery,
	referenceDayQuery,
	type ChangeMeasure,
	type ChangePrecision,
	type ChangeTerm,
	type ChangeUnit
} from '../../src/lib/query/change-levels';
import { changeRowsOf, type ChangeRow } from '../../src/lib/query/change-rows';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/query/filters';
import { Params } from '../../src/lib/query/params';
import { filterConditions, whereSql } from '../../src/lib/query/where';
import { openFixtureDb, openParquetDb, type FixtureDb } from './fixture-db';
import { refChangeCsv, refChangeRows } from './change-reference';
import { addDaysIso, filtered } from './reference';

const R = '2024-06-30';

let n = 0;
function row(back: number, admin1: string | null, pcode: string | null, extra: Partial<Incident> = {}): Incident {
	const id = String(++n);
	const country = pcode || admin1 === null ? 'Syria' : 'Iraq';
	return {
		incident_id: `manual:${id}`, source_dataset: 'manual', source_record_id: id,
		event_date: addDaysIso(R, -back), date_precision: 'day', date_end: null,
		country_iso3: country === 'Syria' ? 'SYR' : 'IRQ', country, admin1, admin1_pcode: pcode,
		admin2: null, admin2_pcode: null, location: null, latitude: null, longitude: null, geo_precision: null,
		event_type: back % 2 === 0 ? 'Battles' : null, sub_event_type: null, attack_type: null,
		target_type: back % 3 === 0 ? 'Military' : 'Police', perpetrator: null, target_actor: null,
		killed: null, killed_low: null, killed_high: null, injured: null, summary: null, source_name: null, source_url: null,
		raw_date: null, raw_admin1: null, raw_attack_type: null, raw_target_type: null, ...extra
	};
}
/** counts[w] incidents in week w (days 7w .. 7w + 6 before R), spread over the week's days. */
const weeks = (pcode: string, counts: number[]) =>
	counts.flatMap((c, w) => Array.from({ length: c }, (_, k) => row(7 * w + (k % 7), pcode, pcode)));
const killed = (admin1: string, pcode: string | null, back: number, k: number | null) =>
	row(back, admin1, pcode, { killed: k });

const threatWeeks = [2, 2, 2, 2, ...new Array(52).fill(1)];
const longWeeks = [10, 10, 10, 10, 10, ...new Array(48).fill(2)];
const HAND: readonly Incident[] = [
	...weeks('SY01', [5, 2, 2, 2, 2]), // floor: baseline 2, current 5 -> limited change though +150 %
	...weeks('SY02', [6, 2, 2, 2, 2]), // one above the floor: large increase
	...weeks('SY03', [6]), // zero baseline, current 6: new activity
	...weeks('SY04', [5]), // zero baseline, current 5: limited change (floor)
	...weeks('SY05', [5, 4, 4, 4, 4]), // exactly +25 %: moderate increase
	...weeks('SY06', [11, 10, 10, 10, 10]), // exactly +10 %: moderate increase
	...weeks('SY07', [3, 4, 4, 4, 4]), // exactly -25 %: limited change
	...weeks('SY08', [2, 10, 10, 10, 10]), // -80 %: large decrease
	...weeks('SY09', [6, 3, 3, 3, 3]), // exactly +100 % on a mean of 3: surge
	...weeks('SY10', [4, 1, 1, 1, 0]), // +433 % but a mean of 0.75: no surge
	...weeks('SY11', threatWeeks), // 4-week mean 2 = 2 x the 52-week mean 1: threat
	...weeks('SY12', longWeeks), // flat on 4 weeks, x3.8 on 52 weeks
	killed('Salahuddin', 'IQ-SD', 3, 120), killed('Salahuddin', 'IQ-SD', 700, 110), // highest in 3 years
	killed('Wasit', 'IQ-WA', 3, 120), killed('Wasit', 'IQ-WA', 700, 150), // highest in 1 year only
	killed('Nineveh', null, 0, 99), // highest, but below 100
	killed('Anbar', null, 0, 100), killed('Anbar', null, 500, 100), // a tie counts as highest
	killed('Basra', null, 29, 100), killed('Basra', null, 1124, 150), // the window ending 1,095 days back reaches 1,124
	killed('Diyala', null, 8, 100), killed('Diyala', null, 1125, 150), // 1,125 days back is outside every window
	killed('Kirkuk', null, 0, null), killed('Kirkuk', null, 0, null), killed('Kirkuk', null, 1, 100), // unknowns add 0
	killed('Erbil', null, 400, 5), // nothing in the last 56 weeks: not listed
	row(2, null, null), row(9, null, null), // no province at all: '(unknown)'
	// Known only to the month or year: left out by default (counted in imprecise), counted on event_date with 'any'.
	row(0, 'As-Sweida', 'SY13', { date_precision: 'month', killed: 40 }),
	row(20, 'As-Sweida', 'SY13', { date_precision: 'year', killed: 70 }),
	row(1, 'As-Sweida', 'SY13', { date_precision: 'week' }),
	row(3, 'Deir-ez-Zor', 'SY09', { date_precision: 'month' }),
	row(6, 'Deir-ez-Zor', 'SY09', { date_precision: 'month' }),
	row(2, 'Deir-ez-Zor', 'SY09', { date_precision: 'month' })
];
const AFTER_R = [row(-3, 'Damascus', 'SY01'), row(-1, 'Damascus', 'SY01', { killed: 500 })];

const UNIT_OF: Record<ChangeUnit, ((r: Incident) => string) | null> = {
	governorate: (r) => r.admin1_pcode ?? r.admin1 ?? '(unknown)',
	target: (r) => r.target_type ?? '(unknown)',
	event: (r) => r.event_type ?? '(unknown)',
	district: null,
	actor: null
};

function whereOf(f: Filters) {
	const p = new Params();
	return { sql: whereSql(filterConditions(f, p, ['dates'])), params: p.values };
}

async function panel(
	db: FixtureDb, unit: ChangeUnit, term: ChangeTerm, measure: ChangeMeasure, f: Filters, reference: string | null,
	precision: ChangePrecision = 'week'
) {
	return changeRowsOf(await db.engine.run(changeLevelsQuery({ unit, reference, term, measure, precision }, whereOf(f))));
}

function reference(
	rows: readonly Incident[], unit: ChangeUnit, term: ChangeTerm, measure: ChangeMeasure, f: Filters, ref: string | null,
	precision: ChangePrecision = 'week'
) {
	const weeksN = term === 'short' ? 4 : 52;
	const kept = filtered(rows, { ...f, from: null, to: null });
	return refChangeCsv(refChangeRows(kept, { unit: UNIT_OF[unit]!, reference: ref, weeks: weeksN, measure, precision }), weeksN);
}

const byUnit = (rows: ChangeRow[]) => new Map(rows.map((r) => [r.unit, r]));

describe('change levels on hand-made incidents', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openFixtureDb([...HAND, ...AFTER_R]);
	});
	afterAll(() => db?.close());

	const combos = (['governorate', 'target', 'event'] as const).flatMap((unit) =>
		(['short', 'long'] as const).flatMap((term) =>
			(['incidents', 'killed'] as const).flatMap((measure) => (['week', 'any'] as const).map((precision) => [unit, term, measure, precision] as const))
		)
	);
	it.each(combos)('%s, %s term, %s, precision %s: the CSV equals the reference', async (unit, term, measure, precision) => {
		const rows = await panel(db, unit, term, measure, EMPTY_FILTERS, R, precision);
		expect(rows.length).toBeGreaterThan(1);
		expect(changeCsv(rows)).toBe(reference([...HAND, ...AFTER_R], unit, term, measure, EMPTY_FILTERS, R, precision));
	});

	it('leaves incidents dated only to the month or year out by default, and says how many', async () => {
		const week = byUnit(await panel(db, 'governorate', 'short', 'incidents', EMPTY_FILTERS, R));
		expect(week.get('SY13')).toMatchObject({ current: 1, baseline: 0, imprecise: 2, killed30d: 0 });
		expect(week.get('SY09')).toMatchObject({ current: 6, surge: true, imprecise: 3 });
		const any = byUnit(await panel(db, 'governorate', 'short', 'incidents', EMPTY_FILTERS, R, 'any'));
		expect(any.get('SY13')).toMatchObject({ current: 2, baseline: 0.25, imprecise: 0, killed30d: 110 });
		expect(any.get('SY09')).toMatchObject({ current: 9, imprecise: 0 });
	});

	it('levels, floors and flags by hand (short term, incidents)', async () => {
		const u = byUnit(await panel(db, 'governorate', 'short', 'incidents', EMPTY_FILTERS, R));
		const level = (k: string) => u.get(k)?.level;
		expect(level('SY01')).toBe('limited change');
		expect(u.get('SY01')).toMatchObject({ current: 5, baseline: 2, changePct: 150 });
		expect(level('SY02')).toBe('large increase');
		expect(u.get('SY03')).toMatchObject({ level: 'large increase', newActivity: true, changePct: null, threat: true });
		expect(u.get('SY04')).toMatchObject({ level: 'limited change', newActivity: false, threat: true });
		expect(u.get('SY05')).toMatchObject({ level: 'moderate increase', changePct: 25 });
		expect(u.get('SY06')).toMatchObject({ level: 'moderate increase', changePct: 10 });
		expect(u.get('SY07')).toMatchObject({ level: 'limited change', changePct: -25 });
		expect(level('SY08')).toBe('large decrease');
		expect(u.get('SY09')).toMatchObject({ surge: true, level: 'large increase' });
		expect(u.get('SY10')).toMatchObject({ surge: false, level: 'limited change' });
		expect(u.get('SY11')).toMatchObject({ threat: true, surge: false });
		expect(u.get('SY12')).toMatchObject({ level: 'limited change', threat: true });
		// Surge has its own floor (a 4-week mean of 1), not the level's: SY01 surges while its level stays floored.
		expect([...u.values()].filter((r) => r.surge).map((r) => r.unit).sort()).toEqual(['SY01', 'SY02', 'SY09']);
		// The days after R are not counted, and a unit with nothing in the 56 weeks is not listed.
		expect(u.get('SY01')?.current).toBe(5);
		expect(u.has('Erbil')).toBe(false);
		expect(u.get('(unknown)')).toMatchObject({ current: 1, baseline: 0.25 });
		// Ranked: large increases first, the largest excess first within a level.
		expect([...u.values()].map((r) => r.level).slice(0, 3)).toEqual(['large increase', 'large increase', 'large increase']);
		expect([...u.keys()][0]).toBe('SY03');
	});

	it('long term: the 52-week baseline', async () => {
		const u = byUnit(await panel(db, 'governorate', 'long', 'incidents', EMPTY_FILTERS, R));
		expect(u.get('SY12')).toMatchObject({ level: 'large increase', baselineWeeks: 52 });
		expect(u.get('SY12')!.baseline).toBeCloseTo(136 / 52, 12);
		expect(u.get('SY11')!.baseline).toBeCloseTo(55 / 52, 12);
		expect(u.get('SY03')).toMatchObject({ level: 'large increase', newActivity: true });
	});

	it('highest 30-day killed total in 1 or 3 years', async () => {
		const u = byUnit(await panel(db, 'governorate', 'short', 'incidents', EMPTY_FILTERS, R));
		const years = (k: string) => [u.get(k)?.killed30d, u.get(k)?.highestYears];
		expect(years('IQ-SD')).toEqual([120, 3]);
		expect(years('IQ-WA')).toEqual([120, 1]);
		expect(years('Nineveh')).toEqual([99, 0]);
		expect(years('Anbar')).toEqual([100, 3]);
		expect(years('Basra')).toEqual([100, 1]);
		expect(years('Diyala')).toEqual([100, 3]);
		expect(years('Kirkuk')).toEqual([100, 3]);
		// The killed measure weighs weeks by the known killed.
		const k = byUnit(await panel(db, 'governorate', 'short', 'killed', EMPTY_FILTERS, R));
		expect(k.get('IQ-SD')).toMatchObject({ current: 120, baseline: 0, level: 'large increase', newActivity: true });
	});

	it('without a reference day, R is the newest incident the filters keep', async () => {
		const mine = await openFixtureDb(HAND);
		try {
			const [ref] = (await mine.engine.run(referenceDayQuery(whereOf(EMPTY_FILTERS)))).columns.reference_day;
			expect(ref).toBe(R);
			const rows = await panel(mine, 'governorate', 'short', 'incidents', EMPTY_FILTERS, null);
			expect(changeCsv(rows)).toBe(changeCsv(await panel(mine, 'governorate', 'short', 'incidents', EMPTY_FILTERS, R)));
			// Salahuddin and Wasit only: their newest incident is 3 days before R, which moves every week.
			const f = { ...EMPTY_FILTERS, provinces: ['IQ-SD', 'IQ-WA'], from: '2024-01-01' };
			const [own] = (await mine.engine.run(referenceDayQuery(whereOf(f)))).columns.reference_day;
			expect(own).toBe('2024-06-27');
			for (const term of ['short', 'long'] as const) {
				const filteredRows = await panel(mine, 'governorate', term, 'incidents', f, null);
				expect(filteredRows.map((r) => [r.unit, r.referenceDay]).sort()).toEqual([['IQ-SD', '2024-06-27'], ['IQ-WA', '2024-06-27']]);
				expect(changeCsv(filteredRows)).toBe(reference(HAND, 'governorate', term, 'incidents', f, null));
			}
		} finally {
			mine.close();
		}
	});

	it('random filters and reference days (R near the window edges): the CSV equals the reference', async () => {
		// The statement reads only the days its rules need, found from R; this checks that window over filters
		// that move R (none given) and over R before, inside and after the data.
		const all = [...HAND, ...AFTER_R];
		const pick = (xs: string[]) => fc.oneof({ weight: 2, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(xs, { minLength: 1, maxLength: Math.min(3, xs.length) }) });
		const arb = fc.record({
			provinces: pick(['SY01', 'SY02', 'SY09', 'SY13', 'IQ-SD', 'IQ-WA']),
			targets: pick(['Military', 'Police']),
			precisions: pick(['day', 'week', 'month']),
			minCasualties: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) }),
			ref: fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 1200 }).map((back) => addDaysIso(R, -back))),
			unit: fc.constantFrom('governorate', 'target', 'event') as fc.Arbitrary<ChangeUnit>,
			term: fc.constantFrom('short', 'long') as fc.Arbitrary<ChangeTerm>,
			measure: fc.constantFrom('incidents', 'killed') as fc.Arbitrary<ChangeMeasure>,
			precision: fc.constantFrom('week', 'any') as fc.Arbitrary<ChangePrecision>
		});
		let listed = 0;
		await fc.assert(
			fc.asyncProperty(arb, async ({ ref, unit, term, measure, precision, ...lists }) => {
				const f: Filters = { ...EMPTY_FILTERS, ...lists };
				const rows = await panel(db, unit, term, measure, f, ref, precision);
				if (rows.length > 0) listed++;
				expect(changeCsv(rows)).toBe(reference(all, unit, term, measure, f, ref, precision));
			}),
			{ numRuns: 60 }
		);
		expect(listed).toBeGreaterThan(20);
	});

	it('refuses a reference that is not a date and a WHERE that is not one', () => {
		expect(() => changeLevelsQuery({ unit: 'governorate', reference: "2024-01-01' OR 1=1", term: 'short', measure: 'incidents' }, whereOf(EMPTY_FILTERS))).toThrow(/date/);
		expect(() => changeLevelsQuery({ unit: 'governorate', reference: null, term: 'short', measure: 'incidents' }, { sql: '1=1) --', params: [] })).toThrow(/WHERE/);
		expect(() => changeLevelsQuery({ unit: 'admin1; DROP' as ChangeUnit, reference: null, term: 'short', measure: 'incidents' }, whereOf(EMPTY_FILTERS))).toThrow(/unknown change unit/);
		expect(() => changeLevelsQuery({ unit: 'governorate', reference: null, term: 'mid' as ChangeTerm, measure: 'incidents' }, whereOf(EMPTY_FILTERS))).toThrow(/unknown change term/);
	});
});

const DATASET = 'data/incidents.parquet';
describe.skipIf(!existsSync(DATASET))('change levels on the demo dataset', () => {
	let db: FixtureDb;
	let rows: Incident[] = [];
	beforeAll(async () => {
		db = await openParquetDb(DATASET);
		rows = (await db.rows(
			`SELECT strftime(event_date, '%Y-%m-%d') AS event_date, CAST(admin1_pcode AS VARCHAR) AS admin1_pcode, ` +
				`CAST(admin1 AS VARCHAR) AS admin1, CAST(target_type AS VARCHAR) AS target_type, ` +
				`CAST(event_type AS VARCHAR) AS event_type, CAST(attack_type AS VARCHAR) AS attack_type, ` +
				`CAST(source_dataset AS VARCHAR) AS source_dataset, CAST(date_precision AS VARCHAR) AS date_precision, ` +
				`killed, injured FROM rasd.incidents`
		)) as unknown as Incident[];
		// Only what the filters below read; the text search is not used here.
		rows = rows.map((r) => ({ ...r, perpetrator: null, summary: null, location: null, target_actor: null }));
	}, 60_000);
	afterAll(() => db?.close());

	const cases = [null, '2024-12-08', '2019-10-20', '2017-03-01'].flatMap((ref) =>
		(['governorate', 'target', 'event'] as const).flatMap((unit) =>
			(['short', 'long'] as const).flatMap((term) => (['incidents', 'killed'] as const).map((measure) => [ref, unit, term, measure] as const))
		)
	);
	it.each(cases)('R %s, %s, %s term, %s: the CSV equals the reference', async (ref, unit, term, measure) => {
		const got = changeCsv(await panel(db, unit, term, measure, EMPTY_FILTERS, ref));
		expect(got.split('\r\n').length).toBeGreaterThan(4);
		expect(got).toBe(reference(rows, unit, term, measure, EMPTY_FILTERS, ref));
		if (ref === null) {
			const any = changeCsv(await panel(db, unit, term, measure, EMPTY_FILTERS, ref, 'any'));
			expect(any).toBe(reference(rows, unit, term, measure, EMPTY_FILTERS, ref, 'any'));
		}
	});

	it('with other filters applied (provinces, targets), R from the filtered rows', async () => {
		const f: Filters = { ...EMPTY_FILTERS, provinces: ['SY02', 'SY07', 'SY13'], targets: ['Military', 'Police', 'Private Citizens & Property'] };
		for (const unit of ['governorate', 'target'] as const) {
			for (const term of ['short', 'long'] as const) {
				expect(changeCsv(await panel(db, unit, term, 'incidents', f, null))).toBe(reference(rows, unit, term, 'incidents', f, null));
			}
		}
	});
});
