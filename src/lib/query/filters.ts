// The view state: a plain value. Its one serialised form is the URL query string (src/lib/url).
// Filters select incidents (list dimensions from dimensions.ts plus dates, minimum casualties and text);
// presentation settings shape the charts and the list; display settings (language, digits, theme) only change how
// the page writes, and live in src/lib/data/display.ts so the i18n layer needs nothing from here.
import { DISPLAY_DEFAULTS, type DataChoice, type DisplaySettings, type Grain, type Measure } from '../data/display';
import { DIMENSION_KEYS, emptyLists, type DimensionKey, type ListFilters } from './dimensions';
import type { Bbox } from './map-grid';
import type { ChangeMeasure, ChangeTerm, ChangeUnit } from './change-levels';

export { DIGITS, LANGS, THEMES, DISPLAY_DEFAULTS, type Digits, type DisplaySettings, type Lang, type Theme } from '../data/display';

export { GRAINS, MEASURES, type Grain, type Measure } from '../data/display';
export { DATA_CHOICES, type DataChoice } from '../data/display';

export const STACKS = ['province', 'target', 'event', 'actor', 'source'] as const;
export type Stack = (typeof STACKS)[number];

/** The dimension each timeline stack splits by (a click on a series toggles its value). */
export const STACK_DIMENSION: Readonly<Record<Stack, DimensionKey>> = {
	province: 'provinces',
	target: 'targets',
	event: 'events',
	actor: 'actors',
	source: 'sources'
};


/** How the map panel draws places: governorates or districts over the shipped boundaries, or the compact tiles. */
export const MAP_MODES = ['governorate', 'district', 'tiles'] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** What the map and the province ranking colour by: the measure's counts, or the change panel's level. */
export const COLOUR_BY = ['count', 'change'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export const SORT_KEYS = ['date', 'province', 'target', 'perpetrator', 'killed', 'injured'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The filters that are not a list of values. */
export interface ScalarFilters {
	/** Inclusive ISO dates `YYYY-MM-DD`; null = open. */
	from: string | null;
	to: string | null;
	/** Keep incidents with killed + injured >= this (unknown counts as 0); null = no limit. */
	minCasualties: number | null;
	/** Case- and diacritic-insensitive text search in summaries, places and actors. */
	q: string;
	/** Map area: incidents located precisely inside this lon/lat box (src/lib/query/bbox.ts); null = anywhere. */
	bbox: Bbox | null;
	/** Count each probable event once: leave out the records the artifact marks as probable duplicates of another
	 *  source's record (dup_keep false; src/lib/query/duplicates.ts). Off by default. */
	dedupe: boolean;
}

/** What selects incidents: the scalar filters and one list per dimension (p-codes, codebook labels, names). */
export type Filters = ScalarFilters & ListFilters;

/** The view's presentation: how the charts group and measure, and how the list is sorted and paged. */
export interface Presentation {
	grain: Grain;
	stack: Stack;
	measure: Measure;
	sort: SortKey;
	sortDir: 'asc' | 'desc';
	page: number;
	map: MapMode;
	/** The "What is changing" panel (issue 12): its unit, its baseline's term and what it counts. */
	changeUnit: ChangeUnit;
	changeTerm: ChangeTerm;
	changeMeasure: ChangeMeasure;
	/** The map and province ranking coloured by counts or by change level. */
	colour: ColourBy;
	/** The timeline's rolling average line (4 weeks or 3 months). */
	rolling: boolean;
	/** The timeline as small multiples (one small chart per series, same scale) rather than one stack. */
	multiples: boolean;
}

/**
 * What the page shows over the view without changing its figures: the incident record opened from a permalink
 * (`?incident=<incident_id>`). Part of the URL, never of the filters, so no channel re-runs when it changes.
 */
export interface Overlay {
	incident: string | null;
}

/**
 * Which dataset the view reads (`data=local|both`) and, for local data, the fingerprint of the dataset the link was
 * made on (`local=<16 hex>`): opened where that dataset is absent, the page says so instead of showing other figures.
 */
export interface DataSelection {
	data: DataChoice;
	local: string | null;
}

export type ViewState = Filters & Presentation & DisplaySettings & Overlay & DataSelection;

/** Names of the filter fields (what a change to sends the list back to page 1). */
export const FILTER_KEYS: readonly (keyof Filters)[] = ['from', 'to', ...DIMENSION_KEYS, 'minCasualties', 'q', 'bbox', 'dedupe'];

/** The filter part of a view state (what selects incidents), without presentation and display settings. */
export function filtersOf(v: Filters): Filters {
	return Object.fromEntries(FILTER_KEYS.map((k) => [k, v[k]])) as unknown as Filters;
}

/** A deep copy of a view state (its lists are fresh arrays). */
export function copyView<V extends Filters>(v: V): V {
	const out = { ...v };
	for (const k of DIMENSION_KEYS) out[k] = [...v[k]];
	return out;
}
export const EMPTY_FILTERS: Filters = { from: null, to: null, ...emptyLists(), minCasualties: null, q: '', bbox: null, dedupe: false };

export const DEFAULT_VIEW: ViewState = {
	...EMPTY_FILTERS,
	grain: 'month',
	stack: 'province',
	measure: 'incidents',
	sort: 'date',
	sortDir: 'desc',
	page: 1,
	map: 'governorate',
	changeUnit: 'governorate',
	changeTerm: 'short',
	changeMeasure: 'incidents',
	colour: 'count',
	rolling: false,
	multiples: false,
	...DISPLAY_DEFAULTS,
	incident: null,
	data: 'published',
	local: null
};
