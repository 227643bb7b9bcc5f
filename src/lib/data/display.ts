// Vocabularies of how the page shows data, shared by the view state (src/lib/query/filters.ts) and the i18n layer
// (which names grains and measures). Display settings change how the page writes, never what it selects.

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const MEASURES = ['incidents', 'killed', 'injured'] as const;
export type Measure = (typeof MEASURES)[number];

/** Interface languages. */
export const LANGS = ['en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** Digits of displayed numbers and dates: Latin (0-9) or Arabic-Indic (٠-٩). */
export const DIGITS = ['latn', 'arab'] as const;
export type Digits = (typeof DIGITS)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Kept in the URL like the filters, but only the page's language, digits and colours depend on them. */
export interface DisplaySettings {
	/** null = the browser's preferred language. */
	lang: Lang | null;
	digits: Digits;
	/** null = follow the system setting (prefers-color-scheme). */
	theme: Theme | null;
}

/** The display settings of the default view: nothing chosen. */
export const DISPLAY_DEFAULTS: DisplaySettings = { lang: null, digits: 'latn', theme: null };

/** The display part of a view state. */
export function displayOf(v: DisplaySettings): DisplaySettings {
	return { lang: v.lang, digits: v.digits, theme: v.theme };
}

/**
 * Which incidents the dashboard shows: the published data (the site's artifact), the analyst's local dataset (kept
 * in this browser only), or both together. Unlike the display settings it changes the figures.
 */
export const DATA_CHOICES = ['published', 'local', 'both'] as const;
export type DataChoice = (typeof DATA_CHOICES)[number];
