// The page's views as "channels": each has a key (the part of the view state its answer depends on) and a query
// (src/lib/query/views.ts). A channel re-runs only when its key changes, so paging the table does not re-run the
// charts, a click on a province does not re-run the province map (it ignores its own selection), and the page
// knows it is ready when every channel's answer carries the current key.
import { grainForRange, type GrainNotice } from '../charts/buckets';
import type { BoundQuery } from '../query/engine';
import { filtersOf, type Grain, type ViewState } from '../query/filters';
import { filtersRead, viewQuery, VIEWS, type DataRange, type KnownFigures, type ViewName } from '../query/views';

export { type DataRange, type KnownFigures } from '../query/views';

export const CHANNELS = VIEWS;
export type ChannelName = ViewName;

const f = (name: ChannelName, v: ViewState) => JSON.stringify(filtersRead(name, v));

/**
 * The channels a view shows: the governorate tiles (`province`) only in the compact tile view, the map's units and
 * cells only when the map is drawn. The others are not asked, so a filter change runs no query nobody sees.
 */
export function channelActive(name: ChannelName, v: ViewState): boolean {
	if (name === 'province') return v.map === 'tiles';
	if (name === 'map' || name === 'cells') return v.map !== 'tiles';
	if (name === 'mapChange') return v.colour === 'change';
	return true;
}

/**
 * The grain the timeline is drawn at: the asked one, or a coarser one with a notice when the range's axis would
 * need more buckets than one chart holds (`?grain=day&from=1970-01-01&to=2025-12-31` draws weeks).
 */
export function timelineGrain(v: ViewState, range: DataRange | null): { grain: Grain; notice: GrainNotice | null } {
	const from = v.from ?? range?.min;
	const to = v.to ?? range?.max;
	return from && to && from <= to ? grainForRange(from, to, v.grain) : { grain: v.grain, notice: null };
}

/** The view as the timeline's statements read it: its grain made to fit the range. */
const timelineView = (v: ViewState, range: DataRange | null): ViewState => ({ ...v, grain: timelineGrain(v, range).grain });

export function channelKey(name: ChannelName, v: ViewState, range: DataRange | null): string {
	switch (name) {
		case 'kpis':
		case 'kpiCompare':
			return `${f(name, v)}|${range?.min}|${range?.max}`;
		case 'timeline':
		case 'imprecise':
			return `${f(name, v)}|${timelineGrain(v, range).grain}|${v.stack}|${v.measure}`;
		case 'province':
		case 'target':
		case 'attack':
			return `${f(name, v)}|${v.measure}`;
		case 'count':
			return f(name, v);
		case 'rows':
			return `${f(name, v)}|${v.sort}|${v.sortDir}|${v.page}`;
		// The measure is chosen in the browser from the answer's n, killed and injured: no re-run for it.
		case 'map':
			return `${f(name, v)}|${v.map === 'district' ? 'district' : 'governorate'}`;
		case 'cells':
			return f(name, v);
		// Every filter but the date filter's start (the baselines reach back 52+ weeks); its end is R.
		case 'change':
			return `${JSON.stringify({ ...filtersOf(v), from: null })}|${v.changeUnit}|${v.changeTerm}|${v.changeMeasure}`;
		// Nothing to compute while the map is coloured by counts.
		case 'mapChange':
			return v.colour === 'change'
				? `${JSON.stringify({ ...filtersOf(v), from: null })}|${v.map === 'district' ? 'district' : 'governorate'}|${v.changeTerm}|${v.changeMeasure}`
				: 'count';
	}
}

export function channelQuery(name: ChannelName, v: ViewState, range: DataRange, known: KnownFigures = {}): BoundQuery {
	return viewQuery(name, name === 'timeline' || name === 'imprecise' ? timelineView(v, range) : v, range, known);
}
