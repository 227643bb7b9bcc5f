// The page's views and the query each runs for a view state: the KPIs, the timeline, the three ranked charts, the
// count and the list page. Pure; the state layer decides when to run them (src/lib/state/channels.ts), and the
// build precomputes them for the default view (scripts/build-view-assets.ts).
import { ownDimension, type DimensionKey, type OwnChart } from './dimensions';
import type { BoundQuery } from './engine';
import { filtersOf, type Filters, type ViewState } from './filters';
import {
	categoryQuery,
	incidentCountQuery,
	incidentPageQuery,
	kpiQuery,
	PAGE_SIZE,
	provinceQuery,
	timelineQuery
} from './sql';
import { mapCellsQuery, mapOwnDimension, mapUnitsQuery } from './map-units';
import { changeLevelsQuery } from './change-levels';
import { impreciseTimelineQuery } from './timeline-precision';
import { named, renamed } from './engine';
import { kpiComparison } from './kpi-periods';
import { Params } from './params';
import { filterConditions, whereClause, whereSql } from './where';

// The change panel comes last: the worker answers in this order, so it never holds up the first chart.
export const VIEWS = ['kpis', 'kpiCompare', 'timeline', 'imprecise', 'province', 'target', 'attack', 'count', 'rows', 'map', 'cells', 'change', 'mapChange'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface DataRange {
	min: string;
	max: string;
}

/** What the page already knows about a view: the number of incidents its filters select (the count's answer). */
export interface KnownFigures {
	total?: number | null;
}

/** The ranked charts and map ignore their own dimension's selection (dimensions.ts `ownChart`). */
const OWN_CHARTS: ReadonlySet<string> = new Set<OwnChart>(['province', 'target', 'attack']);

/** The dimension a view leaves out of its filters, or null. */
export function ignoredDimension(name: ViewName): DimensionKey | null {
	return OWN_CHARTS.has(name) ? ownDimension(name as OwnChart) : null;
}

/** The filters a view's query reads: all of them, less the dimension the view ignores (emptied). */
export function filtersRead(name: ViewName, v: ViewState): Filters {
	const f = filtersOf(v);
	// The map's own list depends on its level (governorates or districts), so it is not a fixed OwnChart.
	const own = name === 'map' || name === 'cells' ? mapOwnDimension(v.map) : ignoredDimension(name);
	return own ? { ...f, [own]: [] } : f;
}

/** The view's filters less the date filter (both ends): what the change rules read (change-levels.ts). */
export function changeWhere(v: ViewState): BoundQuery {
	const p = new Params();
	return { sql: whereSql(filterConditions(filtersOf(v), p, ['dates'])), params: p.values };
}

/** The change panel's statement: R is the date filter's end, else the newest incident the other filters keep. */
export function changeQuery(v: ViewState): BoundQuery {
	return changeLevelsQuery({ unit: v.changeUnit, reference: v.to, term: v.changeTerm, measure: v.changeMeasure }, changeWhere(v));
}

/**
 * What the KPIs are compared with besides the previous period (kpi-periods.ts): with no date filter, the last 12
 * months (current) against the 12 before (prev_); with one, the filtered period against the same days a year
 * earlier. Same columns as the KPI statement.
 */
export function kpiCompareQuery(v: ViewState, range: DataRange): BoundQuery {
	const c = kpiComparison(v, range);
	const against = c.against.find((a) => a.kind !== 'previous-period') ?? c.against[0];
	const q = kpiQuery(filtersOf(v), range, { periods: { current: c.current, previous: against.period } });
	// Its own name, so timings are grouped apart (over exactly a year of data it is the KPI statement itself).
	return renamed('kpi-compare', q);
}

/** No row (the map is coloured by counts, so it needs no change levels). */
const NO_CHANGE = named('map-change', { sql: "SELECT CAST(NULL AS VARCHAR) AS unit, CAST(NULL AS VARCHAR) AS level WHERE false", params: [] });

/** The map's change levels: governorates or districts as the map draws them, when it is coloured by change. Named
 *  apart from the panel's (the same builder), so the benchmark tells the map's cost from the panel's. */
export function mapChangeQuery(v: ViewState): BoundQuery {
	if (v.colour !== 'change') return NO_CHANGE;
	const unit = v.map === 'district' ? 'district' : 'governorate';
	return renamed('map-change', changeLevelsQuery({ unit, reference: v.to, term: v.changeTerm, measure: v.changeMeasure }, changeWhere(v)));
}

/** No row, in the imprecise series' columns (the year grain has no coarser date precision). */
const NO_IMPRECISE = named('timeline-imprecise', {
	sql: 'SELECT CAST(NULL AS VARCHAR) AS bucket, CAST(NULL AS VARCHAR) AS series, CAST(NULL AS VARCHAR) AS precision, CAST(NULL AS DOUBLE) AS value WHERE false',
	params: []
});

/** The timeline's incidents dated less precisely than its grain (timeline-precision.ts), all filters applied. */
export function impreciseQuery(v: ViewState): BoundQuery {
	return impreciseTimelineQuery(v, whereClause(filtersOf(v))) ?? NO_IMPRECISE;
}

export function viewQuery(name: ViewName, v: ViewState, range: DataRange, known: KnownFigures = {}): BoundQuery {
	switch (name) {
		case 'kpis':
			return kpiQuery(filtersOf(v), range);
		case 'timeline':
			return timelineQuery(v);
		case 'kpiCompare':
			return kpiCompareQuery(v, range);
		case 'imprecise':
			return impreciseQuery(v);
		case 'change':
			return changeQuery(v);
		case 'mapChange':
			return mapChangeQuery(v);
		// The map and the ranked charts leave their own selection out, so the unselected tiles and bars stay visible
		// (and clickable) while the selected ones are highlighted; every other filter applies.
		case 'province':
			return provinceQuery(v, { ignoreOwnFilter: true });
		case 'target':
			return categoryQuery(v, 'target', { ignoreOwnFilter: true, limit: null });
		case 'attack':
			return categoryQuery(v, 'attack', { ignoreOwnFilter: true, limit: null });
		case 'count':
			return incidentCountQuery(filtersOf(v));
		case 'rows':
			// The same rows either way; with the total, a page near the end is read from the end.
			return incidentPageQuery(v, PAGE_SIZE, { total: known.total });
		case 'map':
			return mapUnitsQuery(v);
		case 'cells':
			return mapCellsQuery(v);
	}
}
