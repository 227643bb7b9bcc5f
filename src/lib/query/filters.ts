// The view state: a plain value. Its one serialised form is the URL query string (src/lib/url).

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const STACKS = ['province', 'target'] as const;
export type Stack = (typeof STACKS)[number];

export const MEASURES = ['incidents', 'killed', 'injured'] as const;
export type Measure = (typeof MEASURES)[number];

export const SORT_KEYS = ['date', 'province', 'target', 'perpetrator', 'killed', 'injured'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Filters {
	/** Inclusive ISO dates `YYYY-MM-DD`; null = open. */
	from: string | null;
	to: string | null;
	/** OCHA p-codes (SY01..SY14). */
	provinces: string[];
	/** GTD target type labels. */
	targets: string[];
	/** GTD attack type labels. */
	attacks: string[];
	perpetrators: string[];
	/** source_dataset values. */
	sources: string[];
	/** Keep incidents with killed + injured >= this (unknown counts as 0); null = no limit. */
	minCasualties: number | null;
	/** Case- and diacritic-insensitive text search in summaries, places and actors. */
	q: string;
}

export interface ViewState extends Filters {
	grain: Grain;
	stack: Stack;
	measure: Measure;
	sort: SortKey;
	sortDir: 'asc' | 'desc';
	page: number;
}

export const EMPTY_FILTERS: Filters = {
	from: null,
	to: null,
	provinces: [],
	targets: [],
	attacks: [],
	perpetrators: [],
	sources: [],
	minCasualties: null,
	q: ''
};

export const DEFAULT_VIEW: ViewState = {
	...EMPTY_FILTERS,
	grain: 'month',
	stack: 'province',
	measure: 'incidents',
	sort: 'date',
	sortDir: 'desc',
	page: 1
};
