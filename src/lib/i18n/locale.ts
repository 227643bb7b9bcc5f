// One language + one digit choice -> everything the page writes: messages, numbers and dates through Intl, names
// of governorates and codebook categories, and the chart builders' text. Pure: the page derives one Locale from
// the view state and hands it to the components (src/lib/i18n/index.ts).
//
// Intl locales: English is en-GB (day month year, unambiguous to readers on both sides of the Atlantic); Arabic is
// ar-SY, whose month names are the Levantine ones Syrian readers use (كانون الثاني, شباط ...). The digits are set
// explicitly with the -u-nu- extension, because ICU's default for ar-SY is Arabic-Indic and for ar is Latin.
import { weekOfLabel } from '../charts/buckets';
import { governorateByPcode } from '../data/gazetteer';
import type { Digits, Grain, Lang, Measure } from '../data/display';
import type { ChartText } from '../charts/text';
import { ar } from './ar';
import { categoryLabel, type CategoryKind } from './categories';
import { en, type MessageKey, type Messages, type PluralKey } from './en';
import { renderMessage } from './message';
import { districtByPcode } from '../data/districts';
import { ACTOR_GROUPS } from '../data/actor-groups';
import { countryName } from './countries';

export type Dir = 'ltr' | 'rtl';

/** How a filter value is named (the dimension table's `chip`, src/lib/query/dimensions.ts). */
export type ValueKind = CategoryKind | 'province' | 'district' | 'country' | 'actor' | 'text';

/** An untranslated message: a key of the message tables and its values (src/lib/url's notices have this shape). */
export interface KeyedMessage {
	key: string;
	values?: Readonly<Record<string, string | number | KeyedMessage>>;
}
export type Values = Readonly<Record<string, string | number>>;

export interface Locale {
	lang: Lang;
	digits: Digits;
	dir: Dir;
	/** The BCP 47 tag given to Intl, e.g. ar-SY-u-nu-arab. */
	tag: string;
	/** A message with placeholders filled; number values are written with the locale's digits and grouping. */
	t(key: MessageKey, values?: Values): string;
	/** A counted message: the plural form for `count`, with {n} = the count written in the locale. */
	tn(key: PluralKey, count: number, values?: Values): string;
	/** Exact integer with grouping ("12,345", "١٢٬٣٤٥"); null / undefined / NaN as an em dash. */
	int(n: number | null | undefined): string;
	/** A whole number without grouping (years, week numbers). */
	plain(n: number, minDigits?: number): string;
	/** 'YYYY-MM-DD' as a readable date ("5 Jan 2023", "٥ كانون الثاني ٢٠٢٣"); other text is returned as it is. */
	date(iso: string | null | undefined): string;
	/** A change in percent, signed ("+12%", "−3.1%"). */
	change(pct: number): string;
	/** A governorate's name for a p-code; any other key as it is; null as the "unknown" text. */
	province(key: string | null | undefined): string;
	category(kind: CategoryKind, value: string): string;
	/** One filter value as a reader names it: a p-code as its place, a slug as its group, a category translated. */
	value(kind: ValueKind, value: string): string;
	/** A keyed message (a URL notice), its nested messages translated first; an unknown key is shown as it is. */
	message(m: KeyedMessage): string;
	measure(m: Measure): string;
	/** What the chart builders write in this locale. */
	chart: ChartText;
}

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, ar };

const INTL_BASE: Readonly<Record<Lang, string>> = { en: 'en-GB', ar: 'ar-SY' };

export function intlTag(lang: Lang, digits: Digits): string {
	return `${INTL_BASE[lang]}-u-nu-${digits}`;
}

/** The interface language for the browser's preferred languages: the first English or Arabic one, else English. */
export function detectLang(languages: readonly string[] | undefined): Lang {
	for (const l of languages ?? []) {
		const primary = l.toLowerCase().split(/[-_]/)[0];
		if (primary === 'ar' || primary === 'en') return primary;
	}
	return 'en';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of an ISO day; formatted with timeZone UTC so no time zone can shift the day. */
function utc(iso: string): number | null {
	const m = ISO_DATE.exec(iso);
	return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function makeLocale(lang: Lang, digits: Digits = 'latn'): Locale {
	const messages = MESSAGES[lang];
	const tag = intlTag(lang, digits);
	const grouped = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
	const ungrouped = new Map<number, Intl.NumberFormat>();
	const dateFormat = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options });
	const dayFormat = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' });
	const dayTitleFormat = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
	const monthFormat = dateFormat({ month: 'short', year: 'numeric' });
	const monthTitleFormat = dateFormat({ month: 'long', year: 'numeric' });
	const percentSmall = new Intl.NumberFormat(tag, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
	const percentLarge = new Intl.NumberFormat(tag, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 });

	const number = (n: number) => grouped.format(n);
	const plain = (n: number, minDigits = 1) => {
		let f = ungrouped.get(minDigits);
		if (!f) ungrouped.set(minDigits, (f = new Intl.NumberFormat(tag, { useGrouping: false, minimumIntegerDigits: minDigits })));
		return f.format(n);
	};
	const localValues = (values: Values) =>
		Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? number(v) : v]));
	const t = (key: MessageKey, values: Values = {}) => renderMessage(messages[key], localValues(values), lang, 0);
	const tn = (key: PluralKey, count: number, values: Values = {}) =>
		renderMessage(messages[key], { ...localValues(values), n: number(count) }, lang, count);
	const date = (iso: string | null | undefined) => {
		if (iso === null || iso === undefined) return '';
		const ms = utc(iso);
		return ms === null ? iso : dayFormat.format(ms);
	};
	const measure = (m: Measure) => t(`measure.${m}`);
	const province = (key: string | null | undefined) => {
		if (!key || key === '(unknown)') return t('chart.unknownProvince');
		const g = governorateByPcode(key);
		return g ? g[lang] : key;
	};

	const bucketLabel = (start: string, grain: Grain): string => {
		const ms = utc(start);
		if (ms === null) return start;
		const d = new Date(ms);
		switch (grain) {
			case 'day':
				return dayFormat.format(ms);
			// Issue 12: a week reads as the day it starts ("week of 6 Mar 2023", "أسبوع 6 آذار 2023"), not an ISO code.
			case 'week':
				return weekOfLabel(start, lang, digits);
			case 'month':
				return monthFormat.format(ms);
			case 'quarter':
				return t('bucket.quarter', { quarter: plain(Math.floor(d.getUTCMonth() / 3) + 1), year: plain(d.getUTCFullYear()) });
			case 'year':
				return plain(d.getUTCFullYear());
		}
	};
	const bucketTitle = (start: string, grain: Grain): string => {
		const ms = utc(start);
		if (ms === null) return start;
		if (grain === 'day') return dayTitleFormat.format(ms);
		if (grain === 'week') return lang === 'en' ? `W${weekOfLabel(start, lang, digits).slice(1)}` : weekOfLabel(start, lang, digits);
		if (grain === 'month') return monthTitleFormat.format(ms);
		return bucketLabel(start, grain);
	};

	const chart: ChartText = {
		rtl: lang === 'ar',
		number,
		bucketLabel,
		bucketTitle,
		measure,
		province,
		other: t('chart.other'),
		notRecorded: t('chart.notRecorded'),
		total: (m) => t('chart.total', { measure: m }),
		range: (low, high) => t('kpi.range', { low, high }),
		scaleMin: (m) => t('chart.scaleMin', { zero: number(0), measure: m.toLocaleLowerCase(tag) }),
		unknownProvince: t('chart.unknownProvince'),
		unknownCountry: t('chart.unknownCountry')
	};

	return {
		lang,
		digits,
		dir: lang === 'ar' ? 'rtl' : 'ltr',
		tag,
		t,
		tn,
		int: (n) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : number(Math.round(n))),
		plain,
		date,
		change: (pct) => (Math.abs(pct) >= 10 ? percentLarge : percentSmall).format(pct / 100),
		province,
		category: (kind, value) => categoryLabel(lang, kind, value),
		value: (kind, value) => {
			switch (kind) {
				case 'province':
					return province(value);
				case 'district':
					return districtByPcode(value)?.[lang] ?? value;
				case 'country':
					return countryName(value, lang);
				case 'actor':
					return ACTOR_GROUPS.find((g) => g.slug === value)?.[lang] ?? value;
				case 'text':
					return value;
				default:
					return categoryLabel(lang, kind, value);
			}
		},
		message: function write(m: KeyedMessage): string {
			if (!Object.hasOwn(messages, m.key)) return m.key;
			const values = Object.fromEntries(
				Object.entries(m.values ?? {}).map(([k, v]) => [k, typeof v === 'object' ? write(v) : v])
			);
			return t(m.key as MessageKey, values);
		},
		measure,
		chart
	};
}

/** English with Latin digits: what the prerendered page and Node code use. */
export const ENGLISH: Locale = makeLocale('en', 'latn');
