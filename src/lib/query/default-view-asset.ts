// static/data/default-view.json: the default view's answers, computed at build time (scripts/build-view-assets.ts)
// so the first chart paints before the wasm engine has started, and the engine, once attached, has nothing left
// to compute for the default view (every channel, the filter options and the sources are in the file). Also
// carries the deployer's boundary setting.
import type { QueryResult } from './engine';
import { VIEWS as CHANNELS, type ViewName as ChannelName } from './views';

export const DEFAULT_VIEW_ASSET_VERSION = 5;

/** The channels a precomputed file answers: all of them, the incident table's first page included. */
export const PRECOMPUTED_CHANNELS: readonly ChannelName[] = CHANNELS;
export type PrecomputedChannel = ChannelName;

export interface DefaultViewAsset {
	version: number;
	/** metaQuery() over the artifact the figures were computed from: the page drops them if the engine disagrees. */
	meta: QueryResult;
	results: Record<PrecomputedChannel, QueryResult>;
	/** sourcesQuery() (the source filter's options and the footer's citations). */
	sources: QueryResult;
	/** dimensionOptionsQuery(): the values present per filterable dimension. */
	options: QueryResult;
	/** File name under data/ of an admin-1 GeoJSON keyed by p-code, or null for the tile map. */
	boundaries: string | null;
	/** Feature property holding the p-code (ADM1_PCODE unless the deployer said otherwise). */
	boundariesPcodeProperty: string | null;
}

function isResult(x: unknown): x is QueryResult {
	if (!x || typeof x !== 'object') return false;
	const r = x as QueryResult;
	return (
		Array.isArray(r.names) &&
		typeof r.rowCount === 'number' &&
		typeof r.columns === 'object' &&
		r.columns !== null &&
		r.names.every((n) => Array.isArray(r.columns[n]) && r.columns[n].length === r.rowCount)
	);
}

/** Checks a fetched file's shape; anything unexpected is treated as "no precomputed view". */
export function parseDefaultViewAsset(x: unknown): DefaultViewAsset | null {
	if (!x || typeof x !== 'object') return null;
	const a = x as DefaultViewAsset;
	if (a.version !== DEFAULT_VIEW_ASSET_VERSION || !isResult(a.meta) || !a.results) return null;
	if (!PRECOMPUTED_CHANNELS.every((c) => isResult(a.results[c])) || !isResult(a.sources) || !isResult(a.options)) return null;
	const boundaries = typeof a.boundaries === 'string' && /^[\w.-]+\.geojson$/.test(a.boundaries) ? a.boundaries : null;
	const prop = typeof a.boundariesPcodeProperty === 'string' ? a.boundariesPcodeProperty : null;
	return { ...a, boundaries, boundariesPcodeProperty: prop };
}
