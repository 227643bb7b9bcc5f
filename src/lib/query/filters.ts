// The view state: a plain value. Its one serialised form is the URL query string (src/lib/url).

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const STACKS = ['province', 'target'] as const;
export type Stack = (typeof STACKS)[number];

export const MEASURES = ['incidents', 'killed', 'injured'] as const;
export type Measure = (typeof MEASURES)[number];

export const SORT_KEYS = ['date', 'province', 'target', 'perpetrator', 'killed', 'injured'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Interface languages. */
export const LANGS = ['en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** Digits of displayed numbers and dates: Latin (0-9) or Arabic-Indic (٠-٩). */
export const DIGITS = ['latn', 'arab'] as const;
export type Digits = (typeof DIGITS)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

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
	/** Display settings (the SQL layer ignores them). null = the browser's preferred language. */
	lang: Lang | null;
	digits: Digits;
	/** null = follow the system setting (prefers-color-scheme). */
	theme: Theme | null;
}

/** The display settings of the default view: nothing chosen. */
export const DISPLAY_DEFAULTS: Pick<ViewState, 'lang' | 'digits' | 'theme'> = { lang: null, digits: 'latn', theme: null };

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
	page: 1,
	...DISPLAY_DEFAULTS
};
