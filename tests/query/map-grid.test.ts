// The map's point-layer SQL against an in-memory DuckDB shaped like the artifact, compared with the same figures
// computed in plain TypeScript from the invented rows (an independent computation, not the SQL again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { EMPTY_FILTERS } from '../../src/lib/query/filters';
import {
	cellDegrees,
	gridCellsQuery,
	leftOutQuery,
	pointsQuery,
	PRECISE_GEO,
	type Bbox
} from '../../src/lib/query/map-grid';
import { kpiQuery, whereClause } from '../../src/lib/query/sql';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';

// Deterministic invented incidents over Syria and a few outside, every precision, some without coordinates or figures.
function rows(): Incident[] {
	let seed = 7;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const precisions = [...PRECISE_GEO, 'admin2', 'admin1', 'country', null];
	const out: Incident[] = [];
	for (let k = 0; k < 600; k++) {
		const precision = precisions[k % precisions.length];
		const noCoords = k % 37 === 0;
		const outside = k % 50 === 3; // Iraq, east of the Syrian box
		out.push({
			incident_id: `fixture:${k}`, source_dataset: k % 3 === 0 ? 'acled' : 'ucdp', source_record_id: String(k),
			event_date: `2023-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
			date_precision: 'day', date_end: null, country_iso3: outside ? 'IRQ' : 'SYR', country: outside ? 'Iraq' : 'Syria',
			admin1: outside ? 'Nineveh' : 'Aleppo', admin1_pcode: outside ? null : 'SY02', admin2: null, admin2_pcode: null, location: null,
			latitude: noCoords ? null : 32.3 + rnd() * 5, longitude: noCoords ? null : outside ? 43 + rnd() : 35.6 + rnd() * 6.8,
			geo_precision: precision, event_type: null, sub_event_type: null, attack_type: null, target_type: 'Unknown',
			perpetrator: null, target_actor: null, killed: k % 5 === 0 ? null : k % 7, killed_low: null, killed_high: null, injured: k % 4 === 0 ? null : 1,
			summary: null, source_name: null, source_url: null, raw_date: null, raw_admin1: null, raw_attack_type: null,
			raw_target_type: null
		});
	}
	// Two incidents either side of the antimeridian (Fiji), for the box that crosses it.
	for (const [k, lon] of [[600, 179.5], [601, -179.5]] as const) {
		out.push({ ...out[0], incident_id: `fixture:${k}`, source_record_id: String(k), country_iso3: 'FJI', country: 'Fiji',
			admin1: 'Northern', admin1_pcode: null, latitude: -16.5, longitude: lon, geo_precision: 'town' });
	}
	return out;
}

const ROWS = rows();
const isPoint = (r: Incident) => (PRECISE_GEO as readonly (string | null)[]).includes(r.geo_precision) && r.latitude !== null && r.longitude !== null;
const inBox = (r: Incident, b: Bbox) =>
	r.latitude! >= b.minLat && r.latitude! <= b.maxLat &&
	(b.minLon <= b.maxLon ? r.longitude! >= b.minLon && r.longitude! <= b.maxLon : r.longitude! >= b.minLon || r.longitude! <= b.maxLon);

/** The expected cells, computed in TypeScript. */
function expectedCells(sel: Incident[], b: Bbox, size: number) {
	const cells = new Map<string, { cx: number; cy: number; n: number; killed: number; injured: number; lon: number; lat: number; ids: string[] }>();
	for (const r of sel.filter((r) => isPoint(r) && inBox(r, b))) {
		const cx = Math.floor(r.longitude! / size);
		const cy = Math.floor(r.latitude! / size);
		const key = `${cx},${cy}`;
		const c = cells.get(key) ?? { cx, cy, n: 0, killed: 0, injured: 0, lon: 0, lat: 0, ids: [] };
		c.n++;
		c.killed += r.killed ?? 0;
		c.injured += r.injured ?? 0;
		c.lon += r.longitude!;
		c.lat += r.latitude!;
		c.ids.push(r.incident_id);
		cells.set(key, c);
	}
	return [...cells.values()]
		.sort((a, b) => a.cx - b.cx || a.cy - b.cy)
		.map((c) => ({ cx: c.cx, cy: c.cy, n: c.n, killed: c.killed, injured: c.injured, lon: c.lon / c.n, lat: c.lat / c.n, incident_id: c.n === 1 ? c.ids[0] : null }));
}

const SYRIA: Bbox = { minLon: 35.5, minLat: 32.3, maxLon: 42.5, maxLat: 37.4 };

describe('map grid SQL', () => {
	let db: FixtureDb;
	beforeAll(async () => {
		db = await openFixtureDb(ROWS);
	});
	afterAll(() => db?.close());

	const cases: { name: string; filters: typeof EMPTY_FILTERS; bbox: Bbox; size: number }[] = [
		{ name: 'no filter, Syria, 1 degree', filters: EMPTY_FILTERS, bbox: SYRIA, size: 1 },
		{ name: 'no filter, Syria, 1/8 degree', filters: EMPTY_FILTERS, bbox: SYRIA, size: 0.125 },
		{ name: 'sources and dates, part of Syria', filters: { ...EMPTY_FILTERS, sources: ['acled'], from: '2023-03-01', to: '2023-10-31' }, bbox: { minLon: 36, minLat: 33, maxLon: 39.5, maxLat: 36 }, size: 0.5 },
		{ name: 'whole world, 8 degrees', filters: EMPTY_FILTERS, bbox: { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 }, size: 8 },
		{ name: 'box across the antimeridian', filters: EMPTY_FILTERS, bbox: { minLon: 170, minLat: -20, maxLon: -170, maxLat: 20 }, size: 1 }
	];

	for (const c of cases) {
		it(`aggregates precise incidents into cells: ${c.name}`, async () => {
			const selected = ROWS.filter((r) =>
				(c.filters.sources.length === 0 || c.filters.sources.includes(r.source_dataset)) &&
				(c.filters.from === null || r.event_date >= c.filters.from) && (c.filters.to === null || r.event_date <= c.filters.to)
			);
			const got = resultRows(await db.engine.run(gridCellsQuery(whereClause(c.filters), c.bbox, c.size)));
			const want = expectedCells(selected, c.bbox, c.size);
			expect(want.length).toBeGreaterThan(0);
			expect(got.map(({ lon, lat, ...rest }) => rest)).toEqual(want.map(({ lon, lat, ...rest }) => rest));
			got.forEach((g, i) => {
				expect(g.lon).toBeCloseTo(want[i].lon, 9);
				expect(g.lat).toBeCloseTo(want[i].lat, 9);
			});
		});
	}

	it('sums to the KPI: drawn cells over the whole world plus what is left out is every incident', async () => {
		const f = { ...EMPTY_FILTERS, minCasualties: 2 };
		const where = whereClause(f);
		const world = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };
		const cells = resultRows(await db.engine.run(gridCellsQuery(where, world, 4)));
		const [left] = resultRows(await db.engine.run(leftOutQuery(where)));
		const [kpi] = resultRows(await db.engine.run(kpiQuery(f, { min: '2023-01-01', max: '2023-12-31' })));
		const drawn = cells.reduce((s, c) => s + (c.n as number), 0);
		const selected = ROWS.filter((r) => (r.killed ?? 0) + (r.injured ?? 0) >= 2);
		expect(left.total).toBe(selected.length);
		expect(drawn).toBe(left.points);
		expect((left.points as number) + (left.left_out as number)).toBe(left.total);
		const kpiCount = Object.entries(kpi).find(([k]) => /^(incidents|n|count)$/.test(k))?.[1];
		if (kpiCount !== undefined) expect(kpiCount).toBe(left.total);
		const notPoint = selected.filter((r) => !isPoint(r));
		expect(left).toEqual({
			total: selected.length,
			points: selected.length - notPoint.length,
			left_out: notPoint.length,
			admin2: notPoint.filter((r) => r.geo_precision === 'admin2').length,
			admin1: notPoint.filter((r) => r.geo_precision === 'admin1').length,
			country: notPoint.filter((r) => r.geo_precision === 'country').length,
			unknown: notPoint.filter((r) => r.geo_precision === null).length,
			no_coordinates: notPoint.filter((r) => r.geo_precision !== null && (PRECISE_GEO as readonly string[]).includes(r.geo_precision)).length
		});
		expect(left.unknown as number).toBeGreaterThan(0);
		expect(left.no_coordinates as number).toBeGreaterThan(0);
	});

	it('lists single incidents in a small box, newest first, up to the limit', async () => {
		const box = { minLon: 36, minLat: 33, maxLon: 38, maxLat: 35 };
		const want = ROWS.filter((r) => isPoint(r) && inBox(r, box)).sort(
			(a, b) => b.event_date.localeCompare(a.event_date) || a.incident_id.localeCompare(b.incident_id)
		);
		const got = resultRows(await db.engine.run(pointsQuery(whereClause(EMPTY_FILTERS), box, 5)));
		expect(got.map((r) => r.incident_id)).toEqual(want.slice(0, 5).map((r) => r.incident_id));
		expect(got[0]).toEqual({ incident_id: want[0].incident_id, lon: want[0].longitude, lat: want[0].latitude, killed: want[0].killed, injured: want[0].injured });
	});

	it('binds every value: bbox, cell size and limit travel as params', () => {
		const q = gridCellsQuery(whereClause({ ...EMPTY_FILTERS, sources: ["x' OR 1=1 --"] }), SYRIA, 0.25);
		expect(q.sql).not.toContain("x'");
		expect(q.params).toEqual([0.25, "x' OR 1=1 --", 35.5, 42.5, 32.3, 37.4]);
		expect(pointsQuery({ sql: '', params: [] }, SYRIA, 10).params).toEqual([35.5, 42.5, 32.3, 37.4, 10]);
	});

	it('refuses a bad box, a bad cell size and a WHERE fragment of another shape', () => {
		const w = { sql: '', params: [] };
		expect(() => gridCellsQuery(w, { ...SYRIA, minLat: 40 }, 1)).toThrow(/bounding box/);
		expect(() => gridCellsQuery(w, { ...SYRIA, maxLon: Number.NaN }, 1)).toThrow(/bounding box/);
		expect(() => gridCellsQuery(w, { ...SYRIA, maxLon: 181 }, 1)).toThrow(/bounding box/);
		expect(() => gridCellsQuery(w, SYRIA, 0)).toThrow(/cell size/);
		expect(() => gridCellsQuery({ sql: '1=1; DROP TABLE x', params: [] }, SYRIA, 1)).toThrow(/WHERE/);
		expect(() => pointsQuery(w, SYRIA, 0)).toThrow(/limit/);
	});
});

describe('cellDegrees', () => {
	it('gives about the wanted pixels per cell, as a power of two, within bounds', () => {
		expect(cellDegrees(7, 700, 24)).toBe(0.25); // 0.24 degrees -> 1/4
		expect(cellDegrees(360, 800)).toBe(8);
		expect(cellDegrees(0.01, 1000)).toBe(2 ** -10);
		expect(Math.log2(cellDegrees(3.3, 512))).toBe(Math.round(Math.log2(cellDegrees(3.3, 512))));
		expect(() => cellDegrees(0, 100)).toThrow();
	});
});
