// Every list filter of the dashboard, defined once. The URL codec, the validator, the WHERE builder, the rollup
// decision, which channels a change re-runs, the active-filter chips and the store's toggle are all derived from
// this table: adding a dimension is one entry here plus its translations (plus a panel, if it gets one).
//
// The scalar filters (the date range, minimum casualties and the text search) have their own shapes and live in
// filters.ts / where.ts; everything that is "a list of allowed values for one column" lives here.
import { SYRIA_PCODES } from '../data/gazetteer';
import { countryByAlpha3 } from '../data/countries';
import {
	DATE_PRECISIONS,
	SOURCE_DATASETS,
	toAttackType,
	toEventType,
	toSubEventType,
	toTargetType
} from '../data/taxonomy';
import { SYRIA_DISTRICT_PCODES } from '../data/districts';
import { ACTOR_GROUP_SLUGS } from '../data/actor-groups';
import type { Params } from './params';

/** Longest free-text value a list filter accepts (perpetrator names, district names outside Syria). */
export const MAX_TEXT_VALUE_LENGTH = 200;

/** No lone UTF-16 surrogate: such a string cannot be written into a URL (encodeURIComponent throws). */
export function isWellFormedText(text: string): boolean {
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** A free-text value (a name as a source writes it): not blank, not too long, writable into a URL. */
export function isTextValue(text: string): boolean {
	return text.length > 0 && text.length <= MAX_TEXT_VALUE_LENGTH && text.trim() !== '' && isWellFormedText(text);
}

/** How a chip (and a notice) shows a value: the kinds the locale can name (src/lib/i18n/locale.ts `value`). */
export type ValueKind =
	| 'province'
	| 'district'
	| 'country'
	| 'actor'
	| 'target'
	| 'attack'
	| 'event'
	| 'subevent'
	| 'source'
	| 'precision'
	| 'text';

/** Charts that leave their own dimension's selection out (so unselected bars and tiles stay visible). */
export type OwnChart = 'province' | 'target' | 'attack';

/** Columns of the month rollup a dimension can be applied to (src/lib/query/rollup.ts ROLLUP_DIMS). */
export type RollupColumn = 'admin1_pcode' | 'target_type' | 'attack_type' | 'source_dataset' | 'event_type' | 'country_iso3';

export interface Dimension {
	/** Query-string key; part of the link contract, never renamed. */
	url: string;
	/** The canonical form of one value, or null when the value is not valid for this dimension. */
	canonical(value: string): string | null;
	/** The incidents column the values select from (an identifier of this table, never input). */
	column: `i.${string}`;
	/** The same column in the month rollup, or null when the rollup cannot apply this filter. */
	rollup: RollupColumn | null;
	/** The chart that ignores this dimension's selection, if any. */
	ownChart: OwnChart | null;
	/** i18n key of the dimension's name (chip group, filter legend). */
	label: string;
	/** i18n key of what one value is, for notices ("a governorate p-code"). */
	valueLabel: string;
	/** How a value reads on a chip. */
	chip: ValueKind;
	/** The chip also names the dimension ("Districts: Ar-Raqqa"), where a value alone is ambiguous (a district can
	 *  share its governorate's name; "day" alone says nothing). */
	chipNamed?: boolean;
	/** Optional SQL of its own (a dimension spanning two columns); default `column IN (?, ...)`. */
	condition?(values: readonly string[], p: Params): string;
}

const upper = (ok: (v: string) => boolean) => (v: string) => (ok(v.toUpperCase()) ? v.toUpperCase() : null);
const lower = (ok: (v: string) => boolean) => (v: string) => (ok(v.toLowerCase()) ? v.toLowerCase() : null);
const oneOf = (list: readonly string[]) => (v: string) => list.includes(v);
const isSyrianDistrictCode = (v: string) => /^SY\d{4}$/i.test(v);

/**
 * The table. Key order is the order of the URL parameters and of the chips. The keys are the view state's
 * property names; `url` is the query-string key.
 */
export const DIMENSIONS = {
	provinces: {
		url: 'province', canonical: upper((v) => SYRIA_PCODES.includes(v)), column: 'i.admin1_pcode',
		rollup: 'admin1_pcode', ownChart: 'province', label: 'filters.provinces', valueLabel: 'url.label.province', chip: 'province'
	},
	targets: {
		url: 'target', canonical: (v) => toTargetType(v), column: 'i.target_type',
		rollup: 'target_type', ownChart: 'target', label: 'filters.targets', valueLabel: 'url.label.target', chip: 'target'
	},
	attacks: {
		url: 'attack', canonical: (v) => toAttackType(v), column: 'i.attack_type',
		rollup: 'attack_type', ownChart: 'attack', label: 'filters.attacks', valueLabel: 'url.label.attack', chip: 'attack'
	},
	perpetrators: {
		url: 'perp', canonical: (v) => (isTextValue(v) ? v : null), column: 'i.perpetrator',
		rollup: null, ownChart: null, label: 'filters.perpetrators', valueLabel: 'url.label.perp', chip: 'text'
	},
	sources: {
		url: 'source', canonical: lower(oneOf(SOURCE_DATASETS)), column: 'i.source_dataset',
		rollup: 'source_dataset', ownChart: null, label: 'filters.sources', valueLabel: 'url.label.source', chip: 'source'
	},
	events: {
		url: 'event', canonical: toEventType, column: 'i.event_type',
		rollup: 'event_type', ownChart: null, label: 'filters.events', valueLabel: 'url.label.event', chip: 'event'
	},
	subevents: {
		url: 'subevent', canonical: toSubEventType, column: 'i.sub_event_type',
		rollup: null, ownChart: null, label: 'filters.subevents', valueLabel: 'url.label.subevent', chip: 'subevent'
	},
	countries: {
		url: 'country', canonical: (v) => countryByAlpha3(v.toUpperCase())?.alpha3 ?? null, column: 'i.country_iso3',
		rollup: 'country_iso3', ownChart: null, label: 'filters.countries', valueLabel: 'url.label.country', chip: 'country'
	},
	districts: {
		// Syria's districts by OCHA p-code (admin2_pcode); elsewhere the district's name as the source writes it.
		url: 'district',
		canonical: (v) => (isSyrianDistrictCode(v) ? (SYRIA_DISTRICT_PCODES.includes(v.toUpperCase()) ? v.toUpperCase() : null) : isTextValue(v) ? v : null),
		column: 'i.admin2_pcode', rollup: null, ownChart: null,
		label: 'filters.districts', valueLabel: 'url.label.district', chip: 'district', chipNamed: true,
		condition(values, p) {
			const codes = values.filter(isSyrianDistrictCode);
			const names = values.filter((v) => !isSyrianDistrictCode(v));
			const parts: string[] = [];
			if (codes.length) parts.push(`i.admin2_pcode IN (${p.list(codes)})`);
			if (names.length) parts.push(`i.admin2 IN (${p.list(names)})`);
			return parts.join(' OR ');
		}
	},
	precisions: {
		url: 'precision', canonical: lower(oneOf(DATE_PRECISIONS)), column: 'i.date_precision',
		rollup: null, ownChart: null, label: 'filters.precisions', valueLabel: 'url.label.precision', chip: 'precision', chipNamed: true
	},
	actors: {
		url: 'actor', canonical: lower(oneOf(ACTOR_GROUP_SLUGS)), column: 'i.actor_group',
		rollup: null, ownChart: null, label: 'filters.actors', valueLabel: 'url.label.actor', chip: 'actor'
	}
} as const satisfies Record<string, Dimension>;

export type DimensionKey = keyof typeof DIMENSIONS;

/** The keys in table order. */
export const DIMENSION_KEYS = Object.keys(DIMENSIONS) as DimensionKey[];

/** One entry, typed as the general shape (so optional members such as `condition` can be read). */
export const dimension = (key: DimensionKey): Dimension => DIMENSIONS[key];

/** The list filters of a view: one list of canonical values per dimension. */
export type ListFilters = Record<DimensionKey, string[]>;

/** Every list empty. */
export function emptyLists(): ListFilters {
	return Object.fromEntries(DIMENSION_KEYS.map((k) => [k, []])) as unknown as ListFilters;
}

/** The dimension that a chart ignores, if any. */
export function ownDimension(chart: OwnChart): DimensionKey {
	const key = DIMENSION_KEYS.find((k) => dimension(k).ownChart === chart);
	if (!key) throw new Error(`no dimension for chart ${chart}`);
	return key;
}

/** `column IN (...)` (or the dimension's own condition) for a non-empty list. */
export function dimensionCondition(key: DimensionKey, values: readonly string[], p: Params): string {
	const d = dimension(key);
	return d.condition ? d.condition(values, p) : `${d.column} IN (${p.list(values)})`;
}
