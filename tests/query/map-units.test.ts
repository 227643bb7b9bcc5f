// The map channel's SQL (src/lib/query/map-units.ts) and the bbox filter against a tiny artifact, compared with the
// same figures counted in plain TypeScript from the invented rows: per unit, per placement, and in total equal to
// the KPI's count, so the map, the KPI and the province ranking cannot disagree.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/query/filters';
import { PRECISE_GEO, PRECISE_SQL } from '../../src/lib/query/map-grid';
import type { BoundQuery } from '../../src/lib/query/engine';
import { Params } from '../../src/lib/query/params';
import { filterConditions, whereSql } from '../../src/lib/query/where';
import { FIXTURE } from '../fixtures/query/incidents';
import { mapCellsQuery, mapOwnDimension, mapUnitsQuery } from '../../src/lib/query/map-units';
import { incidentCountQuery, provinceQuery } from '../../src/lib/query/sql';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';

function rows(): Incident[] {
	let seed = 11;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const precisions = [...PRECISE_GEO, 'admin2', 'admin1', 'country', null];
	const districts = ['SY0200', 'SY0201', 'SY1101', null];
	return Array.from({ length: 400 }, (_, k): Incident => {
		const outside = k % 40 === 5;
		const district = outside ? null : districts[k % districts.length];
		return {
			incident_id: `fixture:${k}`, source_dataset: 'acled', source_record_id: String(k),
			event_date: `2023-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
			date_precision: 'day', date_end: null, country_iso3: outside ? 'YEM' : 'SYR', country: outside ? 'Yemen' : 'Syria',
			admin1: outside ? 'Sanaa' : district?.startsWith('SY11') ? 'Ar-Raqqa' : 'Aleppo',
			admin1_pcode: outside ? null : district?.startsWith('SY11') ? 'SY11' : 'SY02', admin2: null, admin2_pcode: district,
			location: null, latitude: k % 31 === 0 ? null : 32.3 + rnd() * 5, longitude: k % 31 === 0 ? null : 35.6 + rnd() * 6.8,
			geo_precision: precisions[k % precisions.length], event_type: null, sub_event_type: null, attack_type: null,
			target_type: 'Unknown', perpetrator: null, target_actor: null, killed: k % 5 === 0 ? null : k % 7, killed_low: null,
			killed_high: null, injured: k % 4 === 0 ? null : 1, summary: null, source_name: null, source_url: null, raw_date: null,
			raw_admin1: null, raw_attack_type: null, raw_target_type: null
		} as Incident;
	});
}

const ROWS = rows();
const isPoint = (r: Incident) => (PRECISE_GEO as readonly (string | null)[]).includes(r.geo_precision) && r.latitude !== null && r.longitude !== null;
const place = (r: Incident) =>
	isPoint(r) ? 'point' : (PRECISE_GEO as readonly (string | null)[]).includes(r.geo_precision) ? 'no_coordinates' : r.geo_precision ?? 'unknown';

const sumBy = <T>(items: T[], key: (x: T) => string, value: (x: T) => number) => {
	const m = new Map<string, number>();
	for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + value(x));
	return m;
};

describe('map channel SQL', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openFixtureDb(ROWS);
	});
	afterAll(() => db?.close());

	const run = async (q: Parameters<FixtureDb['engine']['run']>[0]) => resultRows(await db.engine.run(q));
	const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

	it('counts incidents per governorate and placement, ignoring the map level own selection, and adds up to the count', async () => {
		const v = view({ provinces: ['SY11'] });
		const got = await run(mapUnitsQuery(v));
		const byUnit = sumBy(got, (r) => `${r.pcode ?? `${r.iso3}|${r.admin1}`}`, (r) => Number(r.n));
		const expected = sumBy(ROWS, (r) => r.admin1_pcode ?? `${r.country_iso3}|${r.admin1}`, () => 1);
		expect(byUnit).toEqual(expected);
		const byPlace = sumBy(got, (r) => String(r.place), (r) => Number(r.n));
		expect(byPlace).toEqual(sumBy(ROWS, place, () => 1));
		// Killed as the KPI sums it (unknown = not added), per unit equal to the province ranking's figures.
		const killed = sumBy(got, (r) => String(r.pcode), (r) => Number(r.killed));
		const ranking = await run(provinceQuery(view({ measure: 'killed' }), { source: 'raw' }));
		for (const r of ranking) if (r.pcode) expect(killed.get(String(r.pcode)), String(r.pcode)).toBe(Number(r.value));
		// Without its own selection the map totals the count.
		const [count] = await run(incidentCountQuery(view({})));
		expect([...byUnit.values()].reduce((a, b) => a + b, 0)).toBe(count.n);
	});

	it('at the district level keys by admin2_pcode, ignores the district list and obeys the governorate list', async () => {
		const got = await run(mapUnitsQuery(view({ map: 'district', districts: ['SY1101'], provinces: ['SY02'] })));
		const byUnit = sumBy(got.filter((r) => r.pcode), (r) => String(r.pcode), (r) => Number(r.n));
		const sel = ROWS.filter((r) => r.admin1_pcode === 'SY02' && r.admin2_pcode);
		expect(byUnit).toEqual(sumBy(sel, (r) => r.admin2_pcode!, () => 1));
		// Incidents of Aleppo without a district are returned by name, for the panel to list as not on the map.
		const noDistrict = got.filter((r) => !r.pcode).reduce((a, r) => a + Number(r.n), 0);
		expect(noDistrict).toBe(ROWS.filter((r) => r.admin1_pcode === 'SY02' && !r.admin2_pcode).length);
	});

	it('the bbox filter keeps precisely placed incidents inside the box, everywhere the shared WHERE is used', async () => {
		const bbox = { minLon: 36, minLat: 33, maxLon: 39, maxLat: 36 };
		const inside = ROWS.filter((r) => isPoint(r) && r.longitude! >= 36 && r.longitude! <= 39 && r.latitude! >= 33 && r.latitude! <= 36);
		expect(inside.length).toBeGreaterThan(10);
		const [count] = await run(incidentCountQuery(view({ bbox })));
		expect(count.n).toBe(inside.length);
		const units = await run(mapUnitsQuery(view({ bbox })));
		expect(units.every((r) => r.place === 'point')).toBe(true);
		expect(units.reduce((a, r) => a + Number(r.n), 0)).toBe(inside.length);
		const cells = await run(mapCellsQuery(view({ bbox })));
		expect(cells.reduce((a, r) => a + Number(r.n), 0)).toBe(inside.length);
	});

	it('the whole-map cells hold exactly the incidents drawn as points', async () => {
		const cells = await run(mapCellsQuery(view({})));
		expect(cells.reduce((a, r) => a + Number(r.n), 0)).toBe(ROWS.filter(isPoint).length);
	});
});

// The map statement groups by stored columns before it builds its text keys; its answer must equal the one-step
// statement it replaced (kept here as written before), over random views of these rows and of the query fixture.
function oneStepMapQuery(v: ViewState): BoundQuery {
	const unit = v.map === 'district' ? 'CAST(i.admin2_pcode AS VARCHAR)' : 'CAST(i.admin1_pcode AS VARCHAR)';
	const p = new Params();
	const where = whereSql(filterConditions(v, p, [mapOwnDimension(v.map)]));
	const ifNoUnit = (expr: string) => `CASE WHEN ${unit} IS NULL THEN ${expr} END`;
	const list = PRECISE_GEO.map((g) => `'${g}'`).join(', ');
	const place =
		`CASE WHEN ${PRECISE_SQL} THEN 'point' WHEN i.geo_precision IN (${list}) THEN 'no_coordinates' ` +
		`WHEN i.geo_precision IN ('admin2', 'admin1', 'country') THEN CAST(i.geo_precision AS VARCHAR) ELSE 'unknown' END`;
	return p.query(
		'map',
		`SELECT ${unit} AS pcode, ${ifNoUnit('CAST(i.country_iso3 AS VARCHAR)')} AS iso3, ${ifNoUnit('CAST(i.admin1 AS VARCHAR)')} AS admin1, ` +
			`${place} AS place, count(*)::INTEGER AS n, coalesce(sum(i.killed), 0)::DOUBLE AS killed, ` +
			`coalesce(sum(i.injured), 0)::DOUBLE AS injured FROM rasd.incidents AS i ${where} ` +
			`GROUP BY ALL ORDER BY pcode NULLS LAST, iso3 NULLS LAST, admin1 NULLS LAST, place`
	);
}

describe('map statement grouped in two steps', () => {
	const cases: [string, Incident[]][] = [
		['map rows', ROWS],
		['query fixture', [...FIXTURE]]
	];
	it.each(cases)('equals the one-step statement on random views (%s)', async (_, data) => {
		const db = await openFixtureDb(data);
		try {
			const values = <T>(xs: T[]) => [...new Set(xs)].filter((x) => x !== null) as NonNullable<T>[];
			const some = (xs: string[]) => fc.oneof(fc.constant<string[]>([]), fc.subarray(xs, { minLength: 1, maxLength: Math.min(2, xs.length) }));
			const arb = fc.record({
				map: fc.constantFrom('governorate', 'district') as fc.Arbitrary<ViewState['map']>,
				provinces: some(values(data.map((r) => r.admin1_pcode))),
				districts: some(values(data.map((r) => r.admin2_pcode))),
				targets: some(values(data.map((r) => r.target_type))),
				minCasualties: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
				from: fc.option(fc.constantFrom('2021-01-01', '2023-03-15', '2023-07-01'), { nil: null })
			});
			await fc.assert(
				fc.asyncProperty(arb, async (patch) => {
					const v: ViewState = { ...DEFAULT_VIEW, ...patch };
					expect(resultRows(await db.engine.run(mapUnitsQuery(v)))).toEqual(resultRows(await db.engine.run(oneStepMapQuery(v))));
				}),
				{ numRuns: 40 }
			);
		} finally {
			db.close();
		}
	});
});
