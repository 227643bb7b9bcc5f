// From the map channel's answer (src/lib/query/map-units.ts) and the registered boundaries to what the map draws:
// the measure per unit, the incidents no unit of the map holds (listed by name, never guessed onto a unit), and how
// many incidents are drawn as points and why the others are not. Also the boundary layer itself: the shipped files
// merged into one FeatureCollection keyed by `key` (OCHA p-code in Syria, Natural Earth id elsewhere). Pure.
import type { Admin1Crosswalk } from '../data/admin1-crosswalk';
import type { QueryResult } from '../query/engine';
import type { Measure } from '../query/filters';
import { PLACE_CLASSES, type PlaceClass } from '../query/map-units';
import type { GeoCell, GeoUnit } from './geo-map';

/** Where a unit's boundaries come from: its attribution differs (OCHA's licence asks for it; Natural Earth is PD). */
export type BoundarySource = 'ocha' | 'natural-earth';

export interface FeatureCollectionLike {
	type: 'FeatureCollection';
	features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[];
}

export interface LayerPart {
	geo: FeatureCollectionLike;
	keyProperty: 'pcode' | 'id';
	source: BoundarySource;
	/** Names to use instead of the file's (Syria's governorates: the gazetteer's, as everywhere else on the page). */
	names?: ReadonlyMap<string, { en: string; ar: string }>;
}

/** Several boundary files as one, each feature's key copied to `key`, so one map holds Syria and its neighbours. */
export function mergeLayers(parts: readonly LayerPart[]): { geo: FeatureCollectionLike; units: GeoUnit[]; sources: BoundarySource[] } {
	const features: FeatureCollectionLike['features'] = [];
	const units: GeoUnit[] = [];
	const s = (v: unknown) => (typeof v === 'string' ? v : '');
	for (const part of parts) {
		for (const f of part.geo.features) {
			const key = s(f.properties[part.keyProperty]);
			if (!key) continue;
			const named = part.names?.get(key);
			units.push({
				key,
				name_en: named?.en ?? (s(f.properties.name_en) || s(f.properties.name)),
				name_ar: named?.ar ?? s(f.properties.name_ar)
			});
			features.push({ ...f, properties: { ...f.properties, key } });
		}
	}
	return { geo: { type: 'FeatureCollection', features }, units, sources: [...new Set(parts.map((p) => p.source))] };
}

/** Incidents the map cannot place on a unit: a p-code without a boundary, or a (country, province) not matched. */
export interface UnmatchedPlace {
	pcode: string | null;
	iso3: string | null;
	admin1: string | null;
	n: number;
	value: number;
}

export interface MapFigures {
	/** The measure by unit key (units without incidents are absent: 0). */
	values: Map<string, number>;
	/** Incidents by unit key. */
	counts: Map<string, number>;
	unmatched: UnmatchedPlace[];
	/** Incidents by how they are placed; `point` is what the point layer draws. */
	places: Record<PlaceClass, number>;
	/** Every incident of the answer (= the KPI's count when the map's own selection is empty). */
	total: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function mapFigures(
	result: QueryResult,
	measure: Measure,
	unitKeys: ReadonlySet<string>,
	crosswalk: Pick<Admin1Crosswalk, 'match'> | null
): MapFigures {
	const c = result.columns;
	const values = new Map<string, number>();
	const counts = new Map<string, number>();
	const unmatched = new Map<string, UnmatchedPlace>();
	const places = Object.fromEntries(PLACE_CLASSES.map((p) => [p, 0])) as Record<PlaceClass, number>;
	let total = 0;
	for (let i = 0; i < result.rowCount; i++) {
		const pcode = str(c.pcode?.[i]);
		const iso3 = str(c.iso3?.[i]);
		const admin1 = str(c.admin1?.[i]);
		const n = num(c.n?.[i]);
		const value = measure === 'incidents' ? n : num(c[measure]?.[i]);
		const place = str(c.place?.[i]) as PlaceClass | null;
		total += n;
		if (place && place in places) places[place] += n;
		const key = pcode ?? (crosswalk && iso3 && admin1 ? (crosswalk.match(iso3, admin1)?.unit.id ?? null) : null);
		if (key !== null && unitKeys.has(key)) {
			values.set(key, (values.get(key) ?? 0) + value);
			counts.set(key, (counts.get(key) ?? 0) + n);
		} else {
			const id = JSON.stringify([pcode, iso3, admin1]);
			const u = unmatched.get(id) ?? { pcode, iso3, admin1, n: 0, value: 0 };
			u.n += n;
			u.value += value;
			unmatched.set(id, u);
		}
	}
	const list = [...unmatched.values()].sort((a, b) => b.n - a.n || String(a.admin1).localeCompare(String(b.admin1)));
	return { values, counts, unmatched: list, places, total };
}

/** Cells of the point layer from gridCellsQuery's answer. */
export function geoCells(result: QueryResult | null | undefined): GeoCell[] {
	if (!result) return [];
	const c = result.columns;
	return Array.from({ length: result.rowCount }, (_, i) => ({
		lon: num(c.lon?.[i]),
		lat: num(c.lat?.[i]),
		n: num(c.n?.[i]),
		killed: num(c.killed?.[i]),
		injured: num(c.injured?.[i]),
		incident_id: str(c.incident_id?.[i])
	}));
}

/**
 * The bounding box of a brush area in geo coordinates: ECharts gives a rect as [[lon0, lon1], [lat0, lat1]] and a
 * lasso (polygon) as its [lon, lat] points. null for anything else.
 */
export function brushBbox(area: { brushType?: string; coordRange?: unknown }): { minLon: number; minLat: number; maxLon: number; maxLat: number } | null {
	const r = area.coordRange as number[][] | undefined;
	if (!Array.isArray(r)) return null;
	let lons: number[];
	let lats: number[];
	if (area.brushType === 'rect' && r.length === 2) [lons, lats] = [r[0], r[1]];
	else if (area.brushType === 'polygon' && r.length >= 3) [lons, lats] = [r.map((p) => p[0]), r.map((p) => p[1])];
	else return null;
	const all = [...lons, ...lats];
	if (!all.every(Number.isFinite)) return null;
	return { minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) };
}
