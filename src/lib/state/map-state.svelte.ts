// The map panel's state: which boundaries are registered with ECharts (fetched from the app's own origin once,
// cached, and only what the data needs: Syria's governorates, its districts when asked, other countries' admin-1
// units only when the data holds other countries), and the point layer of a zoomed view, which is asked of the
// engine directly because it depends on the visible area, not only on the view state.
import { createAdmin1Crosswalk, type Admin1Crosswalk, type Admin1Unit } from '../data/admin1-crosswalk';
import {
	SYRIA_ADMIN1_FILE,
	SYRIA_ADMIN2_FILE,
	WORLD_ADMIN1_INDEX,
	worldAdmin1File,
	type WorldAdmin1Index
} from '../data/boundary-files';
import { SYRIA_GOVERNORATES } from '../data/gazetteer';
import { mergeLayers, type FeatureCollectionLike, type LayerPart, type BoundarySource } from '../charts/map-data';
import type { GeoUnit } from '../charts/geo-map';
import type { BoundQuery, QueryResult } from '../query/engine';
import type { Bbox } from '../query/bbox';
import { mapCellsQuery } from '../query/map-units';
import type { ViewState } from '../query/filters';
import { filtersRead } from '../query/views';
import { Latest } from './latest';

/** Most other countries drawn at once (largest first): a global dataset would otherwise fetch 8 MB of outlines. */
export const MAX_COUNTRIES = 40;

export interface MapLayer {
	/** Name registered with ECharts (echarts.registerMap). */
	mapName: string;
	units: GeoUnit[];
	/** Province names outside Syria -> Natural Earth units (null when only Syria is drawn). */
	crosswalk: Admin1Crosswalk | null;
	sources: BoundarySource[];
	level: 'governorate' | 'district';
}

export interface MapStateOptions {
	/** URL of a file under the site root (`boundaries/...`). */
	url: (path: string) => string;
	/** Registers a map with ECharts; default: echarts-setup's registerBoundaries, loaded on first use (browser only). */
	register?: () => Promise<(name: string, geo: object) => void>;
	fetch?: typeof fetch;
}

const GOVERNORATE_NAMES = new Map(SYRIA_GOVERNORATES.map((g) => [g.pcode, { en: g.en, ar: g.ar }]));

export class MapState {
	layer: MapLayer | null = $state.raw(null);
	/** Why the boundaries could not be loaded (the panel falls back to the tile map), or null. */
	failed: string | null = $state(null);
	/** Bytes of boundary files fetched so far (each file once). */
	bytes = $state(0);
	/** The point layer of the zoomed view: its request key and answer. */
	zoomCells: { key: string; result: QueryResult | null; error: string | null } | null = $state.raw(null);

	private readonly files = new Map<string, Promise<unknown>>();
	private readonly layerLatest = new Latest();
	private readonly cellsLatest = new Latest();
	private readonly fetcher: typeof fetch;

	constructor(private readonly options: MapStateOptions) {
		this.fetcher = options.fetch ?? ((...a) => fetch(...a));
	}

	/** A boundary file, fetched once (the promise is kept, so a second caller waits for the same request). */
	private file<T>(path: string): Promise<T> {
		let p = this.files.get(path);
		if (!p) {
			p = this.fetcher(this.options.url(path)).then(async (r) => {
				if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
				const text = await r.text();
				this.bytes += text.length;
				return JSON.parse(text) as unknown;
			});
			// A failed request may be tried again later (the next show()).
			p.catch(() => this.files.delete(path));
			this.files.set(path, p);
		}
		return p as Promise<T>;
	}

	/**
	 * Registers the boundaries for a level and the data's countries (ISO3, largest first; null while unknown: Syria
	 * alone, the common case, so the map need not wait for the filter options), and makes them the layer.
	 */
	async show(level: 'governorate' | 'district', countries: readonly string[] | null): Promise<void> {
		const isLatest = this.layerLatest.next();
		const withSyria = countries === null || countries.length === 0 || countries.includes('SYR');
		const others = (countries ?? []).filter((c) => c !== 'SYR').slice(0, MAX_COUNTRIES);
		const name = `rasd-${level}-${withSyria ? 'SYR' : ''}-${others.join('-')}`;
		if (this.layer?.mapName === name) return;
		try {
			const parts: LayerPart[] = [];
			if (withSyria) {
				const path = level === 'district' ? SYRIA_ADMIN2_FILE : SYRIA_ADMIN1_FILE;
				const geo = await this.file<FeatureCollectionLike>(path);
				parts.push({ geo, keyProperty: 'pcode', source: 'ocha', names: level === 'governorate' ? GOVERNORATE_NAMES : undefined });
			}
			let crosswalk: Admin1Crosswalk | null = null;
			if (others.length) {
				const index = await this.file<WorldAdmin1Index>(WORLD_ADMIN1_INDEX);
				const shipped = new Set(index.countries.map((c) => c.iso3));
				const geos = await Promise.all(others.filter((c) => shipped.has(c)).map((c) => this.file<FeatureCollectionLike>(worldAdmin1File(c))));
				for (const geo of geos) parts.push({ geo, keyProperty: 'id', source: 'natural-earth' });
				crosswalk = createAdmin1Crosswalk(geos.flatMap((g) => g.features.map((f) => f.properties as unknown as Admin1Unit)));
			}
			if (parts.length === 0) throw new Error('no boundaries for the countries of the data');
			const merged = mergeLayers(parts);
			const register = await (this.options.register ?? (async () => (await import('../charts/echarts-setup')).registerBoundaries))();
			register(name, merged.geo);
			if (!isLatest()) return;
			this.layer = { mapName: name, units: merged.units, crosswalk, sources: merged.sources, level };
			this.failed = null;
		} catch (e) {
			if (isLatest()) this.failed = e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * Asks the engine for the point layer of a zoomed view (null = the whole map, whose layer is the `cells`
	 * channel). Answers to older requests are dropped.
	 */
	async zoomTo(run: (q: BoundQuery) => Promise<QueryResult | null>, v: ViewState, view: { bbox: Bbox; size: number } | null): Promise<void> {
		const isLatest = this.cellsLatest.next();
		if (!view) {
			this.zoomCells = null;
			return;
		}
		const key = JSON.stringify([filtersRead('cells', v), view.bbox, view.size]);
		if (this.zoomCells?.key === key) return;
		try {
			const result = await run(mapCellsQuery(v, view.bbox, view.size));
			if (isLatest()) this.zoomCells = { key, result, error: null };
		} catch (e) {
			if (isLatest()) this.zoomCells = { key, result: null, error: e instanceof Error ? e.message : String(e) };
		}
	}
}
