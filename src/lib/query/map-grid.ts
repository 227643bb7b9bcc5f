// SQL of the map's incident layer: incidents whose place is known precisely enough to draw as points, aggregated
// in SQL into square lon/lat cells of a zoom-derived size inside the visible bounding box, so 3M incidents cost
// what one GROUP BY costs and the browser draws at most a few thousand cells. Incidents known only to the district,
// the governorate or the country are never drawn as points (their coordinates are a centroid, not a place): the
// choropleth counts them, and leftOutQuery says how many the points leave out.
//
// The caller passes the shared WHERE (src/lib/query/where.ts whereClause: '' or 'WHERE ...' over the incidents
// table aliased `i`, with its bound params), so the map obeys exactly the filters the KPI and the charts obey.
import { INCIDENTS } from './columns';
import type { BoundQuery, SqlParam } from './engine';

/** geo_precision values whose coordinates are the incident's own place (schema: point, town, near). */
export const PRECISE_GEO = ['point', 'town', 'near'] as const;

const PRECISE_LIST = PRECISE_GEO.map((g) => `'${g}'`).join(', ');

/**
 * The condition "drawn as a point": precise enough and with both coordinates. Constants only, no user text. Never
 * NULL (coalesce): a NULL precision would make both it and its NOT false, and the two counts would not add up.
 */
export const PRECISE_SQL =
	`(coalesce(i.geo_precision IN (${PRECISE_LIST}), false) ` +
	`AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL)`;

/** Visible area in degrees. minLon > maxLon means the box crosses the antimeridian (180 degrees). */
export interface Bbox {
	minLon: number;
	minLat: number;
	maxLon: number;
	maxLat: number;
}

/** Throws unless the box is finite, within lon [-180, 180] and lat [-90, 90], with minLat <= maxLat. */
export function checkBbox(b: Bbox): Bbox {
	const ok =
		[b.minLon, b.minLat, b.maxLon, b.maxLat].every(Number.isFinite) &&
		Math.abs(b.minLon) <= 180 &&
		Math.abs(b.maxLon) <= 180 &&
		Math.abs(b.minLat) <= 90 &&
		Math.abs(b.maxLat) <= 90 &&
		b.minLat <= b.maxLat;
	if (!ok) throw new Error(`bad bounding box ${JSON.stringify(b).slice(0, 80)}`);
	return b;
}

/** Cell sizes are powers of two degrees, so cells stay put while the map pans and zooms (results can be cached). */
export const MIN_CELL_DEGREES = 2 ** -10; // ~110 m: finer than any 'town' coordinate means anything
export const MAX_CELL_DEGREES = 8;

/**
 * Cell size for a view: about `cellPixels` on screen when `visibleDegrees` of longitude fill `widthPixels`, rounded
 * to a power of two. So the number of cells drawn depends on the panel's size, not on the data's.
 */
export function cellDegrees(visibleDegrees: number, widthPixels: number, cellPixels = 24): number {
	if (!(visibleDegrees > 0) || !(widthPixels > 0) || !(cellPixels > 0)) throw new Error('cellDegrees needs positive sizes');
	const raw = (visibleDegrees * cellPixels) / widthPixels;
	const snapped = 2 ** Math.round(Math.log2(raw));
	return Math.min(MAX_CELL_DEGREES, Math.max(MIN_CELL_DEGREES, snapped));
}

/** The caller's WHERE without its keyword: '' or 'WHERE ...' only, since anything else would not combine safely. */
function conditionOf(where: BoundQuery): string | null {
	const sql = where.sql.trim();
	if (sql === '') return null;
	if (!/^WHERE\s/i.test(sql)) throw new Error('the WHERE fragment must be empty or start with WHERE');
	return sql.replace(/^WHERE\s+/i, '');
}

/** `lon/lat within the box` with its params, in text order. */
function bboxCondition(b: Bbox): { sql: string; params: SqlParam[] } {
	checkBbox(b);
	const lat = 'i.latitude BETWEEN CAST(? AS DOUBLE) AND CAST(? AS DOUBLE)';
	if (b.minLon <= b.maxLon) {
		return {
			sql: `i.longitude BETWEEN CAST(? AS DOUBLE) AND CAST(? AS DOUBLE) AND ${lat}`,
			params: [b.minLon, b.maxLon, b.minLat, b.maxLat]
		};
	}
	return {
		sql: `(i.longitude >= CAST(? AS DOUBLE) OR i.longitude <= CAST(? AS DOUBLE)) AND ${lat}`,
		params: [b.minLon, b.maxLon, b.minLat, b.maxLat]
	};
}

/** WHERE of the point layer: the caller's filters, then precise places, then the box. Params in text order. */
function pointWhere(where: BoundQuery, bbox: Bbox): { sql: string; params: SqlParam[] } {
	const own = conditionOf(where);
	const box = bboxCondition(bbox);
	const parts = [...(own ? [`(${own})`] : []), PRECISE_SQL, `(${box.sql})`];
	return { sql: `WHERE ${parts.join(' AND ')}`, params: [...where.params, ...box.params] };
}

/**
 * Cells of `size` degrees inside the box with at least one incident. Columns: cx, cy (cell indexes: the cell covers
 * [cx * size, (cx + 1) * size) of longitude, likewise latitude), n (incidents), killed and injured (sums of the known
 * figures, 0 when none is known, as the KPI counts them), lon and lat (the mean position of the cell's incidents,
 * where its marker goes), incident_id (the id when n = 1, so a lone incident can open its detail; else null).
 * Ordered by cx, cy.
 */
export function gridCellsQuery(where: BoundQuery, bbox: Bbox, size: number): BoundQuery {
	if (!(size >= MIN_CELL_DEGREES && size <= MAX_CELL_DEGREES)) throw new Error(`cell size ${size} out of range`);
	const w = pointWhere(where, bbox);
	const sql =
		`WITH g AS (SELECT CAST(? AS DOUBLE) AS size), ` +
		`c AS (SELECT CAST(floor(i.longitude / g.size) AS INTEGER) AS cx, CAST(floor(i.latitude / g.size) AS INTEGER) AS cy, ` +
		`i.longitude, i.latitude, i.killed, i.injured, i.incident_id FROM ${INCIDENTS} i, g ${w.sql}) ` +
		`SELECT cx, cy, count(*)::INTEGER AS n, coalesce(sum(killed), 0)::DOUBLE AS killed, ` +
		`coalesce(sum(injured), 0)::DOUBLE AS injured, avg(longitude)::DOUBLE AS lon, avg(latitude)::DOUBLE AS lat, ` +
		`CASE WHEN count(*) = 1 THEN CAST(min(incident_id) AS VARCHAR) END AS incident_id ` +
		`FROM c GROUP BY cx, cy ORDER BY cx, cy`;
	return { sql, params: [size, ...w.params] };
}

/**
 * Single incidents inside the box (for a view zoomed in far enough that cells would hold one each): incident_id,
 * lon, lat, killed, injured; at most `limit` rows (ask for limit + 1 to know whether the view holds more),
 * newest first so that what is cut is the oldest.
 */
export function pointsQuery(where: BoundQuery, bbox: Bbox, limit: number): BoundQuery {
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`bad limit ${limit}`);
	const w = pointWhere(where, bbox);
	const sql =
		`SELECT CAST(i.incident_id AS VARCHAR) AS incident_id, i.longitude::DOUBLE AS lon, i.latitude::DOUBLE AS lat, ` +
		`CAST(i.killed AS INTEGER) AS killed, CAST(i.injured AS INTEGER) AS injured FROM ${INCIDENTS} i ${w.sql} ` +
		`ORDER BY i.event_date DESC, i.incident_id LIMIT CAST(? AS INTEGER)`;
	return { sql, params: [...w.params, limit] };
}

/**
 * What the point layer leaves out, for the same filters (whole data, not only the box): one row with total (equal
 * to the KPI's count), points (drawable anywhere), left_out = total - points, and left_out split by why:
 * admin2, admin1, country (known only to that level), unknown (no or another precision), no_coordinates (precise
 * but without latitude or longitude).
 */
export function leftOutQuery(where: BoundQuery): BoundQuery {
	const own = conditionOf(where);
	const notPrecise = `NOT ${PRECISE_SQL}`;
	const level = (value: string) => `count(*) FILTER (WHERE ${notPrecise} AND i.geo_precision = '${value}')::INTEGER AS ${value}`;
	const sql =
		`SELECT count(*)::INTEGER AS total, count(*) FILTER (WHERE ${PRECISE_SQL})::INTEGER AS points, ` +
		`count(*) FILTER (WHERE ${notPrecise})::INTEGER AS left_out, ${level('admin2')}, ${level('admin1')}, ${level('country')}, ` +
		`count(*) FILTER (WHERE NOT coalesce(i.geo_precision IN ('admin2', 'admin1', 'country', ${PRECISE_LIST}), false))` +
		`::INTEGER AS unknown, ` +
		`count(*) FILTER (WHERE i.geo_precision IN (${PRECISE_LIST}) ` +
		`AND (i.latitude IS NULL OR i.longitude IS NULL))::INTEGER AS no_coordinates ` +
		`FROM ${INCIDENTS} i${own ? ` WHERE ${own}` : ''}`;
	return { sql, params: [...where.params] };
}
