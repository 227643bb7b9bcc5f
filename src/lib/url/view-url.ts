// The view state's one serialised form: the URL query string. Parsing never throws: a parameter that is unknown
// or whose value is invalid is ignored with a notice, so nothing unvalidated reaches the state (and so the SQL).
// The list parameters are derived from the dimension table (src/lib/query/dimensions.ts); the others are entries of
// SCALARS. Notices are returned as message keys with values (UrlMessage), which the page translates when it shows
// them, so a change of language needs no second parse.
//
// List values are separated by bare commas and each value is percent-encoded on its own (encodeURIComponent), so
// a comma inside a perpetrator's name travels as %2C. `+` is read as a space, as HTML forms write it.
import { DIMENSIONS, DIMENSION_KEYS, type DimensionKey } from '../query/dimensions';
import { CHANGE_MEASURES, CHANGE_TERMS, CHANGE_UNITS } from '../query/change-levels';
import { COLOUR_BY, DATA_CHOICES, DEFAULT_VIEW, DIGITS, GRAINS, LANGS, MAP_MODES, MEASURES, SORT_KEYS, STACKS, THEMES, copyView, type ViewState } from '../query/filters';
import { formatBbox, parseBbox } from '../query/bbox';
import {
	MAX_LIST_VALUES,
	MAX_MIN_CASUALTIES,
	MAX_PAGE,
	MAX_QUERY_LENGTH,
	isIncidentId,
	isIsoDate,
	isWellFormedText,
	normaliseQuery
} from '../query/validate';

/**
 * A notice about the URL, untranslated: an i18n message key (`url.*`, or a dimension's `url.label.*`) and its
 * values, which may themselves be messages (translated first). src/lib/i18n writes it in the reader's language.
 */
export interface UrlMessage {
	key: string;
	values?: Readonly<Record<string, string | number | UrlMessage>>;
}

const msg = (key: string, values?: UrlMessage['values']): UrlMessage => (values ? { key, values } : { key });

/** Why a value is invalid (a message for the {problem} of `url.invalid`). */
type Problem = UrlMessage;

interface ScalarParam {
	name: string;
	/** Stores the value in the draft, or returns why it is invalid. */
	read(value: string, draft: ViewState): Problem | null;
	/** The value to write, or null when the state holds the default. */
	write(state: ViewState): string | null;
	/** The written value is URL-safe as it is (digits, signs, dots, commas): commas stay bare, not %2C. */
	plain?: boolean;
}

/** Quotes user text for a notice, shortened so a hostile URL cannot flood the page. */
function quote(text: string): string {
	const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
	return JSON.stringify(short);
}

function dateParam(name: 'from' | 'to'): ScalarParam {
	return {
		name,
		read(value, draft) {
			if (!isIsoDate(value)) return msg('url.notDate', { value: quote(value) });
			draft[name] = value;
			return null;
		},
		write: (s) => s[name]
	};
}

function choiceParam<
	K extends 'grain' | 'stack' | 'measure' | 'sort' | 'sortDir' | 'map' | 'lang' | 'digits' | 'theme' | 'changeUnit' | 'changeTerm' | 'changeMeasure' | 'colour' | 'data'
>(
	name: string,
	key: K,
	choices: readonly ViewState[K][]
): ScalarParam {
	return {
		name,
		read(value, draft) {
			const choice = choices.find((c) => c === value.toLowerCase());
			if (choice === undefined) return msg('url.notChoice', { value: quote(value), choices: choices.join(', ') });
			draft[key] = choice;
			return null;
		},
		write: (s) => (s[key] === DEFAULT_VIEW[key] ? null : s[key])
	};
}

/** A switch: present as name=1 when on, absent when off (0 is read as off). */
function switchParam(name: string, key: 'rolling' | 'multiples'): ScalarParam {
	return {
		name,
		read(value, draft) {
			if (value !== '1' && value !== '0') return msg('url.notChoice', { value: quote(value), choices: '0, 1' });
			draft[key] = value === '1';
			return null;
		},
		write: (s) => (s[key] ? '1' : null),
		plain: true
	};
}

function wholeNumber(value: string, min: number, max: number): number | null {
	if (!/^\d{1,9}$/.test(value)) return null;
	const n = Number(value);
	return n >= min && n <= max ? n : null;
}

/** The parameters before the list filters (their order is the order of the query string). */
const LEADING: readonly ScalarParam[] = [dateParam('from'), dateParam('to')];

/** The parameters after the list filters. */
const TRAILING: readonly ScalarParam[] = [
	{
		name: 'min',
		read(value, draft) {
			const n = wholeNumber(value, 0, MAX_MIN_CASUALTIES);
			if (n === null) return msg('url.notWhole', { value: quote(value), max: String(MAX_MIN_CASUALTIES) });
			draft.minCasualties = n;
			return null;
		},
		write: (s) => (s.minCasualties === null ? null : String(s.minCasualties))
	},
	{
		name: 'q',
		read(value, draft) {
			if (!isWellFormedText(value)) return msg('url.badText');
			const q = normaliseQuery(value);
			if (q.length > MAX_QUERY_LENGTH) {
				draft.q = normaliseQuery(q.slice(0, MAX_QUERY_LENGTH).replace(/[\uD800-\uDBFF]$/, ''));
				return msg('url.cut', { max: String(MAX_QUERY_LENGTH) });
			}
			draft.q = q;
			return null;
		},
		write: (s) => (s.q === '' ? null : s.q)
	},
	{
		// An area drawn on the map; four decimal degrees, as the link contract says.
		name: 'bbox',
		read(value, draft) {
			const b = parseBbox(value);
			if (!b) return msg('url.notBbox', { value: quote(value) });
			draft.bbox = b;
			return null;
		},
		write: (s) => (s.bbox ? formatBbox(s.bbox) : null),
		plain: true
	},
	{
		// Count each probable event once (src/lib/query/duplicates.ts); absent = every record counts.
		name: 'dedupe',
		read(value, draft) {
			if (value !== '0' && value !== '1') return msg('url.notChoice', { value: quote(value), choices: '0, 1' });
			draft.dedupe = value === '1';
			return null;
		},
		write: (s) => (s.dedupe ? '1' : null),
		plain: true
	},
	choiceParam('grain', 'grain', GRAINS),
	choiceParam('stack', 'stack', STACKS),
	choiceParam('measure', 'measure', MEASURES),
	choiceParam('sort', 'sort', SORT_KEYS),
	choiceParam('dir', 'sortDir', ['asc', 'desc']),
	choiceParam('map', 'map', MAP_MODES),
	// The change panel and what it colours (issue 12); see docs/url.md.
	choiceParam('cunit', 'changeUnit', CHANGE_UNITS),
	choiceParam('cterm', 'changeTerm', CHANGE_TERMS),
	choiceParam('cmeasure', 'changeMeasure', CHANGE_MEASURES),
	choiceParam('colour', 'colour', COLOUR_BY),
	switchParam('rolling', 'rolling'),
	switchParam('multiples', 'multiples'),
	{
		name: 'page',
		read(value, draft) {
			const n = wholeNumber(value, 1, MAX_PAGE);
			if (n === null) return msg('url.notPage', { value: quote(value), max: String(MAX_PAGE) });
			draft.page = n;
			return null;
		},
		write: (s) => (s.page === DEFAULT_VIEW.page ? null : String(s.page))
	},
	// Display settings: absent = the browser's language, Latin digits, the system's colour scheme.
	choiceParam('lang', 'lang', LANGS),
	choiceParam('digits', 'digits', DIGITS),
	choiceParam('theme', 'theme', THEMES),
	// The incident record shown over the view (an overlay: the figures do not change). Its existence is checked
	// when the engine answers; here only its form.
	{
		name: 'incident',
		read(value, draft) {
			if (!isIncidentId(value)) return msg('url.notIncident', { value: quote(value) });
			draft.incident = value;
			return null;
		},
		write: (s) => s.incident
	},
	// The dataset (published is the default and is not written) and the local dataset's fingerprint.
	choiceParam('data', 'data', DATA_CHOICES),
	{
		name: 'local',
		read(value, draft) {
			if (!/^[0-9a-f]{16}$/.test(value)) return msg('url.notFingerprint', { value: quote(value) });
			draft.local = value;
			return null;
		},
		write: (s) => (s.data === 'published' ? null : s.local),
		plain: true
	}
];

const SCALARS = new Map([...LEADING, ...TRAILING].map((p) => [p.name, p] as const));
const LISTS = new Map<string, DimensionKey>(DIMENSION_KEYS.map((k) => [DIMENSIONS[k].url, k]));

/** decodeURIComponent with `+` as space; null for malformed percent-encoding. */
function decode(raw: string): string | null {
	try {
		return decodeURIComponent(raw.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

function readList(key: DimensionKey, raw: string, draft: ViewState, notices: UrlMessage[]): void {
	const { url: name, canonical, valueLabel } = DIMENSIONS[key];
	const list = draft[key];
	for (const part of raw.split(',')) {
		if (part === '') continue;
		const value = decode(part);
		const canonicalValue = value === null ? null : canonical(value);
		if (canonicalValue === null) {
			notices.push(msg('url.listValue', { name, value: quote(value ?? part), label: msg(valueLabel) }));
		} else if (!list.includes(canonicalValue)) {
			if (list.length >= MAX_LIST_VALUES) {
				notices.push(msg('url.listMax', { name, max: String(MAX_LIST_VALUES) }));
				return;
			}
			list.push(canonicalValue);
		}
	}
}

/**
 * The view state a query string describes (with or without the leading `?`), and notices about what was ignored
 * (untranslated; see UrlMessage).
 */
export function parseViewState(search: string): { state: ViewState; notices: UrlMessage[] } {
	const draft = copyView(DEFAULT_VIEW);
	const notices: UrlMessage[] = [];
	const seen = new Set<string>();
	const query = String(search ?? '').replace(/^\?/, '').split('#')[0];
	for (const piece of query.split('&')) {
		if (piece === '') continue;
		const eq = piece.indexOf('=');
		const rawName = eq < 0 ? piece : piece.slice(0, eq);
		const raw = eq < 0 ? '' : piece.slice(eq + 1);
		const name = decode(rawName);
		const list = name === null ? undefined : LISTS.get(name);
		if (list) {
			readList(list, raw, draft, notices);
			continue;
		}
		const param = name === null ? undefined : SCALARS.get(name);
		if (!param) {
			notices.push(msg('url.unknown', { name: quote(name ?? rawName) }));
			continue;
		}
		if (raw === '') continue; // an empty field (`q=`) means "not set"
		if (seen.has(param.name)) {
			notices.push(msg('url.repeated', { name: quote(param.name) }));
			continue;
		}
		seen.add(param.name);
		const value = decode(raw);
		const problem: Problem | null = value === null ? msg('url.badEncoding') : param.read(value, draft);
		if (problem) notices.push(msg('url.invalid', { name: param.name, problem }));
	}
	if (draft.from !== null && draft.to !== null && draft.from > draft.to) {
		notices.push(msg('url.range', { from: draft.from, to: draft.to }));
		draft.from = null;
		draft.to = null;
	}
	return { state: draft, notices: capped(notices) };
}

/** At most MAX_NOTICES notices, the rest counted, so a hostile URL cannot flood the page. */
const MAX_NOTICES = 10;
function capped(notices: UrlMessage[]): UrlMessage[] {
	if (notices.length <= MAX_NOTICES) return notices;
	const more = notices.length - (MAX_NOTICES - 1);
	return [...notices.slice(0, MAX_NOTICES - 1), msg('url.more', { n: more })];
}

/** The query string of a view state: '' for the default view, else '?a=..&b=..' in a fixed order, defaults omitted. */
export function serialiseViewState(state: ViewState): string {
	const parts: string[] = [];
	const scalar = (p: ScalarParam) => {
		const value = p.write(state);
		if (value !== null) parts.push(`${p.name}=${p.plain ? value : encodeURIComponent(value)}`);
	};
	LEADING.forEach(scalar);
	for (const key of DIMENSION_KEYS) {
		const values = state[key];
		if (values.length > 0) parts.push(`${DIMENSIONS[key].url}=${values.map(encodeURIComponent).join(',')}`);
	}
	TRAILING.forEach(scalar);
	return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
