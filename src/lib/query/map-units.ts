// The map panel's figures for a view: incidents per unit of the chosen level (governorate or district p-code; the
// province name and country where there is no p-code, which the crosswalk matches to Natural Earth units), split
// by how precisely each incident is placed. One scan answers the choropleth, the table, the unmatched names and
// the sentence "N incidents are not drawn as points", so those figures cannot disagree with one another.
import { INCIDENTS } from './columns';
import type { BoundQuery } from './engine';
import type { MapMode, ViewState } from './filters';
import { PRECISE_GEO, PRECISE_SQL, MAX_CELL_DEGREES, gridCellsQuery, type Bbox } from './map-grid';
import { named } from './engine';
import { Params } from './params';
import { filterConditions, whereSql, type FilterPart } from './where';
import type { DimensionKey } from './dimensions';

/** How an incident is placed, as the map tells it: drawn as a point, or known only to a unit (or not at all). */
export const PLACE_CLASSES = ['point', 'admin2', 'admin1', 'country', 'unknown', 'no_coordinates'] as const;
export type PlaceClass = (typeof PLACE_CLASSES)[number];

const PRECISE_LIST = PRECISE_GEO.map((g) => `'${g}'`).join(', ');

/** PlaceClass of a row; constants only (the map-grid condition, so points here are the points drawn). */
const PLACE_SQL =
	`CASE WHEN ${PRECISE_SQL} THEN 'point' ` +
	`WHEN i.geo_precision IN (${PRECISE_LIST}) THEN 'no_coordinates' ` +
	`WHEN i.geo_precision IN ('admin2', 'admin1', 'country') THEN CAST(i.geo_precision AS VARCHAR) ELSE 'unknown' END`;

/** The level the map colours: districts only when asked; the tile view is governorates. */
export const mapLevel = (mode: MapMode): 'governorate' | 'district' => (mode === 'district' ? 'district' : 'governorate');

/** The map ignores the selection of its own level (so unselected units stay visible and clickable). */
export const mapOwnDimension = (mode: MapMode): DimensionKey => (mapLevel(mode) === 'district' ? 'districts' : 'provinces');

const UNIT_COLUMN = { governorate: 'admin1_pcode', district: 'admin2_pcode' } as const;
const UNIT_SQL = { governorate: 'CAST(i.admin1_pcode AS VARCHAR)', district: 'CAST(i.admin2_pcode AS VARCHAR)' } as const;

/**
 * Rows: pcode (the unit's OCHA p-code at the map's level, or null), iso3 and admin1 (country and province name as
 * the source writes it, only where pcode is null), place (PlaceClass), n, killed, injured (sums of known figures,
 * 0 when none is known). Every filter applies except the map level's own list (mapOwnDimension).
 */
export function mapUnitsQuery(v: ViewState): BoundQuery {
	const unit = UNIT_SQL[mapLevel(v.map)];
	const p = new Params();
	const omit: FilterPart[] = [mapOwnDimension(v.map)];
	const where = whereSql(filterConditions(v, p, omit));
	const ifNoUnit = (expr: string) => `CASE WHEN ${unit} IS NULL THEN ${expr} END`;
	// Incidents are first grouped by the stored columns the row expressions read (small ENUM keys; the coordinates
	// only as known or not, 0 or NULL, which is all PLACE_SQL asks of them), so the text keys below are built once
	// per group, not per incident: measured 2-3x less time at 1M rows (hashing text keys was most of it).
	const stored = [UNIT_COLUMN[mapLevel(v.map)], 'country_iso3', 'admin1', 'geo_precision'].map((c) => `i.${c}`);
	const known = ['latitude', 'longitude'].map((c) => `CASE WHEN i.${c} IS NOT NULL THEN 0 END AS ${c}`);
	const groups =
		`(SELECT ${[...stored, ...known].join(', ')}, count(*) AS n, sum(i.killed) AS killed, sum(i.injured) AS injured ` +
		`FROM ${INCIDENTS} AS i ${where} GROUP BY ALL) AS i`;
	return p.query(
		'map',
		`SELECT ${unit} AS pcode, ${ifNoUnit('CAST(i.country_iso3 AS VARCHAR)')} AS iso3, ${ifNoUnit('CAST(i.admin1 AS VARCHAR)')} AS admin1, ` +
			`${PLACE_SQL} AS place, sum(i.n)::INTEGER AS n, coalesce(sum(i.killed), 0)::DOUBLE AS killed, ` +
			`coalesce(sum(i.injured), 0)::DOUBLE AS injured FROM ${groups} ` +
			`GROUP BY ALL ORDER BY pcode NULLS LAST, iso3 NULLS LAST, admin1 NULLS LAST, place`
	);
}

/**
 * Cell size of the whole-map point layer (before any zoom): a quarter degree, about 28 km, so Syria's incidents
 * fall into a few hundred cells at most, whatever the panel's width. Zoomed views ask for their own sizes.
 */
export const FULL_VIEW_CELL_DEGREES = 0.25;
export const WORLD: Bbox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

/** The point layer for a view inside `bbox` with cells of `size` degrees; filters as mapUnitsQuery. */
export function mapCellsQuery(v: ViewState, bbox: Bbox = WORLD, size = FULL_VIEW_CELL_DEGREES): BoundQuery {
	const p = new Params();
	const where = { sql: whereSql(filterConditions(v, p, [mapOwnDimension(v.map)])), params: p.values };
	return named('cells', gridCellsQuery(where, bbox, Math.min(size, MAX_CELL_DEGREES)));
}
