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

export const VIEWS = ['kpis', 'timeline', 'province', 'target', 'attack', 'count', 'rows', 'map', 'cells'] as const;
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

export function viewQuery(name: ViewName, v: ViewState, range: DataRange, known: KnownFigures = {}): BoundQuery {
	switch (name) {
		case 'kpis':
			return kpiQuery(filtersOf(v), range);
		case 'timeline':
			return timelineQuery(v);
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
