// The page's views as "channels": each has a key (the part of the view state its answer depends on) and a query.
// A channel re-runs only when its key changes, so paging the table does not re-run the charts, and the page knows
// it is ready when every channel's answer carries the current key.
import type { BoundQuery } from '../query/engine';
import type { ViewState } from '../query/filters';
import {
	categoryQuery,
	incidentCountQuery,
	incidentPageQuery,
	kpiQuery,
	PAGE_SIZE,
	provinceQuery,
	timelineQuery
} from '../query/sql';
import { filtersOf } from './filters-of';

export const CHANNELS = ['kpis', 'timeline', 'province', 'target', 'attack', 'count', 'rows'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export interface DataRange {
	min: string;
	max: string;
}

const f = (v: ViewState) => JSON.stringify(filtersOf(v));

export function channelKey(name: ChannelName, v: ViewState, range: DataRange | null): string {
	switch (name) {
		case 'kpis':
			return `${f(v)}|${range?.min}|${range?.max}`;
		case 'timeline':
			return `${f(v)}|${v.grain}|${v.stack}|${v.measure}`;
		case 'province':
		case 'target':
		case 'attack':
			return `${f(v)}|${v.measure}`;
		case 'count':
			return f(v);
		case 'rows':
			return `${f(v)}|${v.sort}|${v.sortDir}|${v.page}`;
	}
}

/** What the page already knows about a view: the number of incidents its filters select (the count's answer). */
export interface KnownFigures {
	total?: number | null;
}

export function channelQuery(name: ChannelName, v: ViewState, range: DataRange, known: KnownFigures = {}): BoundQuery {
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
	}
}
