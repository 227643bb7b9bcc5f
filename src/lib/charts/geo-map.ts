// The real map: a choropleth over boundaries the app registered with ECharts (static/boundaries/, see
// docs/boundaries.md), optionally with the incident point layer (cells from src/lib/query/map-grid.ts) on top.
// One `geo` component draws the polygons and carries zoom and pan; the `map` series colours it by the measure (the
// visualMap is tied to that series only) and a `scatter` series on the same geo draws the cells. Units are keyed
// by OCHA p-code (Syria) or Natural Earth id (elsewhere), never by name, so any spelling in a file is fine.
// The map is never mirrored for Arabic: north stays up, west left; only names and figures follow the language.
import type { EChartsOption } from 'echarts';
import type { Measure } from '../query/filters';
import { escapeHtml } from './data';
import { SEQUENTIAL } from './palette';
import { ENGLISH_TEXT, tooltipDirection, type ChartText } from './text';

/** A unit of the registered boundaries: its key (the feature property named by `nameProperty`) and names. */
export interface GeoUnit {
	key: string;
	name_en: string;
	name_ar: string;
}

/** Units of a shipped boundary file: Syria's features (pcode, name_en, name_ar) or Natural Earth's (id, name, name_ar). */
export function unitsOf(geo: { features: { properties: Record<string, unknown> }[] }, keyProperty: 'pcode' | 'id'): GeoUnit[] {
	const s = (v: unknown) => (typeof v === 'string' ? v : '');
	return geo.features.map(({ properties: p }) => ({
		key: s(p[keyProperty]),
		name_en: s(p.name_en) || s(p.name),
		name_ar: s(p.name_ar)
	}));
}

/** Colours per page theme. Dark: the ramp runs from dark (few) to bright (many), so what matters stands out. */
export const MAP_THEME = {
	light: { ramp: [...SEQUENTIAL], border: '#FFFFFF', empty: '#F2F2F2', point: '#0072B2', pointBorder: '#FFFFFF', selected: '#1A1A1A' },
	dark: {
		ramp: ['#2B2118', '#4A2F12', '#6E3D0B', '#993404', '#CC4C02', '#EC7014', '#FB9A29', '#FEC44F', '#FFF7BC'],
		border: '#1B1B1F',
		empty: '#2A2A2E',
		point: '#56B4E9',
		pointBorder: '#111111',
		selected: '#FFFFFF'
	}
} as const;

/** One aggregated cell of the point layer (a row of gridCellsQuery). */
export interface GeoCell {
	lon: number;
	lat: number;
	n: number;
	killed: number;
	injured: number;
	/** Set when the cell holds one incident: a click opens its detail. */
	incident_id: string | null;
}

export interface GeoMapOptions {
	/** Name the GeoJSON was registered under (echarts.registerMap). */
	mapName: string;
	/** Feature property holding the unit key: 'pcode' (Syria), 'id' (Natural Earth) or 'key' (merged layers, map-data.ts). */
	nameProperty: 'pcode' | 'id' | 'key';
	/** Every unit of the map, so that units without incidents are coloured (and listed) as 0. */
	units: readonly GeoUnit[];
	/** The measure by unit key; keys not in `units` are ignored (the caller lists them as unmatched). */
	values: ReadonlyMap<string, number>;
	measure: Measure;
	lang: 'en' | 'ar';
	dark?: boolean;
	text?: ChartText;
	/** Unit keys the filter selects: outlined. */
	selected?: readonly string[];
	/** Names on the map: by default only when there are few units (governorates yes, 62 districts no). */
	labels?: boolean;
	/** Cells of the point layer; sized by the measure, the count written on cells of more than one incident. */
	cells?: readonly GeoCell[];
	/** Attribution and disclaimer drawn at the bottom of the map (the OCHA licence asks for them). */
	credit?: string;
	/** Colour by change level instead of the measure: per unit key, the level's colour and word (issue 12). */
	levels?: ReadonlyMap<string, { colour: string; word: string }>;
}

const cellValue = (c: GeoCell, m: Measure) => (m === 'incidents' ? c.n : m === 'killed' ? c.killed : c.injured);

/** Marker size: area proportional to the value, 5 to 26 px, so one big cell does not hide its neighbours (at 36 px
 *  Syria's western cells covered one another and the governorates under them). */
export function cellSymbolSize(value: number, max: number): number {
	if (max <= 0 || value <= 0) return 5;
	return Math.round(5 + 21 * Math.sqrt(value / max));
}

/** Smallest marker whose count is written on it: below this the digits spill over the neighbours. */
const LABELLED_CELL_PX = 16;

export function geoMapOption(o: GeoMapOptions): EChartsOption {
	const text = o.text ?? ENGLISH_TEXT;
	const theme = o.dark ? MAP_THEME.dark : MAP_THEME.light;
	const names = new Map(o.units.map((u) => [u.key, (o.lang === 'ar' ? u.name_ar : u.name_en) || u.name_en || u.key]));
	const name = (key: string) => names.get(key) ?? key;
	const value = (key: string) => o.values.get(key) ?? 0;
	const max = Math.max(1, ...o.units.map((u) => value(u.key)));
	const measure = text.measure(o.measure);
	const selected = new Set(o.selected ?? []);
	const showLabels = o.labels ?? o.units.length <= 20;
	const cells = o.cells ?? [];
	const cellMax = Math.max(0, ...cells.map((c) => cellValue(c, o.measure)));

	const option: EChartsOption = {
		tooltip: {
			trigger: 'item',
			formatter: (p: unknown) => {
				const { seriesType, name: key, data } = p as { seriesType: string; name: string; data?: { value?: unknown[]; n?: number } };
				if (seriesType === 'scatter') {
					const v = (data?.value?.[2] as number) ?? 0;
					return `${escapeHtml(measure)}: <b>${text.number(v)}</b>`;
				}
				const level = o.levels?.get(key);
				return `${escapeHtml(name(key))}<br>${escapeHtml(measure)}: <b>${text.number(value(key))}</b>${level ? `<br>${escapeHtml(level.word)}` : ''}`;
			},
			...tooltipDirection(text)
		},
		geo: {
			map: o.mapName,
			nameProperty: o.nameProperty,
			// Zoom and pan with mouse and touch; keyboard zoom is the panel's buttons (ECharts has none of its own).
			roam: true,
			scaleLimit: { min: 1, max: 40 },
			selectedMode: false,
			itemStyle: { areaColor: theme.empty, borderColor: theme.border, borderWidth: 0.8 },
			emphasis: { itemStyle: { borderColor: theme.selected, borderWidth: 1.5 }, label: { show: showLabels } },
			// With geoIndex the map series draws nothing itself: names are the geo component's labels.
			// A halo in the page colour keeps names readable on every shade of the ramp (dark text vanished on dark fills).
			label: {
				show: showLabels,
				fontSize: 10,
				color: o.dark ? '#F2F2F2' : '#1A1A1A',
				textBorderColor: o.dark ? '#111111' : '#FFFFFF',
				textBorderWidth: 2,
				formatter: (p: unknown) => name((p as { name: string }).name)
			},
			regions: o.levels
				? o.units.map((u) => ({
						name: u.key,
						itemStyle: {
							areaColor: o.levels?.get(u.key)?.colour ?? theme.empty,
							...(selected.has(u.key) ? { borderColor: theme.selected, borderWidth: 2.5 } : {})
						}
					}))
				: [...selected].map((key) => ({ name: key, itemStyle: { borderColor: theme.selected, borderWidth: 2.5 } }))
		},
		visualMap: {
			type: 'continuous',
			seriesIndex: 0,
			min: 0,
			max,
			inRange: { color: [...theme.ramp] },
			orient: 'horizontal',
			left: 'center',
			bottom: o.credit ? 18 : 0,
			itemHeight: 160,
			text: [text.number(max), text.scaleMin(measure)],
			calculable: false
		},
		series: [
			{
				type: 'map',
				geoIndex: 0,
				data: o.units.map((u) => ({ name: u.key, value: value(u.key) }))
			},
			...(cells.length > 0
				? [
						{
							type: 'scatter' as const,
							coordinateSystem: 'geo' as const,
							geoIndex: 0,
							data: cells.map((c) => {
								const v = cellValue(c, o.measure);
								const size = cellSymbolSize(v, cellMax);
								return {
									value: [c.lon, c.lat, v],
									name: c.incident_id ?? '',
									symbolSize: size,
									label: { show: c.n > 1 && size >= LABELLED_CELL_PX, formatter: text.number(c.n) }
								};
							}),
							itemStyle: { color: theme.point, borderColor: theme.pointBorder, borderWidth: 1, opacity: 0.85 },
							label: { position: 'inside' as const, fontSize: 9, color: '#FFFFFF' },
							z: 3
						}
					]
				: [])
		]
	};
	// Coloured by level: the regions carry the colours, and no measure ramp is shown.
	if (o.levels) delete option.visualMap;
	if (o.credit) {
		option.graphic = [
			{ type: 'text', left: 4, bottom: 0, silent: true, style: { text: o.credit, fontSize: 9, fill: o.dark ? '#AAAAAA' : '#555555' } }
		];
	}
	return option;
}

/** The text alternative: one row per unit, largest first, then by name; keys are unit keys (p-code or id). */
export function geoMapRows(o: Pick<GeoMapOptions, 'units' | 'values' | 'lang'>): { key: string; label: string; value: number }[] {
	return o.units
		.map((u) => ({ key: u.key, label: (o.lang === 'ar' ? u.name_ar : u.name_en) || u.name_en || u.key, value: o.values.get(u.key) ?? 0 }))
		.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}
