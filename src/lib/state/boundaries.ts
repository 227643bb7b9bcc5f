// The deployer's boundary setting (see docs/boundaries.md): default-view.json names an admin-1 GeoJSON under data/
// and the property holding the p-code. Loaded once in the browser and registered with ECharts as a map.
import { SYRIA_PCODES } from '../data/gazetteer';

export const MAP_NAME = 'rasd-admin1';

export interface Boundaries {
	mapName: string;
	nameProperty: string;
	/** Features of the file whose p-code is a Syrian governorate (what the choropleth can colour). */
	regions: number;
}

/** Counts the features keyed by a Syrian p-code; throws when the file is not a FeatureCollection. */
export function countRegions(geo: unknown, nameProperty: string): number {
	const features = (geo as { type?: string; features?: { properties?: Record<string, unknown> }[] })?.features;
	if ((geo as { type?: string })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
		throw new Error('not a GeoJSON FeatureCollection');
	}
	const codes = new Set(features.map((f) => f.properties?.[nameProperty]).filter((c): c is string => typeof c === 'string'));
	return SYRIA_PCODES.filter((p) => codes.has(p)).length;
}

/** Fetches and registers the boundaries; `register` is echarts-setup's registerBoundaries (browser only). */
export async function loadBoundaries(
	url: string,
	nameProperty: string,
	register: (name: string, geo: object) => void
): Promise<Boundaries> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	const geo = (await response.json()) as object;
	const regions = countRegions(geo, nameProperty);
	if (regions === 0) throw new Error(`no feature has a Syrian p-code in "${nameProperty}"`);
	register(MAP_NAME, geo);
	return { mapName: MAP_NAME, nameProperty, regions };
}
