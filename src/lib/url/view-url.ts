// The view state's one serialised form: the URL query string. Parsing never throws: a parameter that is unknown
// or whose value is invalid is ignored with a human-readable notice, so nothing unvalidated reaches the state
// (and so the SQL). Each parameter is one entry of PARAMS. Notices are written through a message function (`say`,
// English by default), so the page can show them in the reader's language.
//
// List values are separated by bare commas and each value is percent-encoded on its own (encodeURIComponent), so
// a comma inside a perpetrator's name travels as %2C. `+` is read as a space, as HTML forms write it.
import { toAttackType, toTargetType } from '../data/taxonomy';
import { t as english, type MessageKey } from '../i18n/en';
import { DEFAULT_VIEW, DIGITS, GRAINS, LANGS, MEASURES, SORT_KEYS, STACKS, THEMES, type ViewState } from '../query/filters';
import {
	MAX_LIST_VALUES,
	MAX_MIN_CASUALTIES,
	MAX_PAGE,
	MAX_QUERY_LENGTH,
	isIsoDate,
	isPcode,
	isPerpetratorValue,
	isSourceDataset,
	isWellFormedText,
	normaliseQuery
} from '../query/validate';

type ListKey = 'provinces' | 'targets' | 'attacks' | 'perpetrators' | 'sources';

/** Writes a notice: a message key of the i18n tables and its values. */
export type Say = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** Why a value is invalid, as a message key and its values (translated when the notice is written). */
type Problem = [MessageKey, Record<string, string>?];

interface ScalarParam {
	kind: 'scalar';
	name: string;
	/** Stores the value in the draft, or returns why it is invalid. */
	read(value: string, draft: ViewState): Problem | null;
	/** The value to write, or null when the state holds the default. */
	write(state: ViewState): string | null;
}

interface ListParam {
	kind: 'list';
	name: string;
	key: ListKey;
	/** What a value is, for notices. */
	label: MessageKey;
	/** The canonical form of one value, or null when it is not valid. */
	canonical(value: string): string | null;
}

type Param = ScalarParam | ListParam;

/** Quotes user text for a notice, shortened so a hostile URL cannot flood the page. */
function quote(text: string): string {
	const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
	return JSON.stringify(short);
}

function dateParam(name: 'from' | 'to'): ScalarParam {
	return {
		kind: 'scalar',
		name,
		read(value, draft) {
			if (!isIsoDate(value)) return ['url.notDate', { value: quote(value) }];
			draft[name] = value;
			return null;
		},
		write: (s) => s[name]
	};
}

function choiceParam<K extends 'grain' | 'stack' | 'measure' | 'sort' | 'sortDir' | 'lang' | 'digits' | 'theme'>(
	name: string,
	key: K,
	choices: readonly ViewState[K][]
): ScalarParam {
	return {
		kind: 'scalar',
		name,
		read(value, draft) {
			const choice = choices.find((c) => c === value.toLowerCase());
			if (choice === undefined) return ['url.notChoice', { value: quote(value), choices: choices.join(', ') }];
			draft[key] = choice;
			return null;
		},
		write: (s) => (s[key] === DEFAULT_VIEW[key] ? null : s[key])
	};
}

function wholeNumber(value: string, min: number, max: number): number | null {
	if (!/^\d{1,9}$/.test(value)) return null;
	const n = Number(value);
	return n >= min && n <= max ? n : null;
}

const PARAMS: readonly Param[] = [
	dateParam('from'),
	dateParam('to'),
	{ kind: 'list', name: 'province', key: 'provinces', label: 'url.label.province', canonical: (v) => (isPcode(v.toUpperCase()) ? v.toUpperCase() : null) },
	{ kind: 'list', name: 'target', key: 'targets', label: 'url.label.target', canonical: (v) => toTargetType(v) },
	{ kind: 'list', name: 'attack', key: 'attacks', label: 'url.label.attack', canonical: (v) => toAttackType(v) },
	{ kind: 'list', name: 'perp', key: 'perpetrators', label: 'url.label.perp', canonical: (v) => (isPerpetratorValue(v) ? v : null) },
	{ kind: 'list', name: 'source', key: 'sources', label: 'url.label.source', canonical: (v) => (isSourceDataset(v.toLowerCase()) ? v.toLowerCase() : null) },
	{
		kind: 'scalar',
		name: 'min',
		read(value, draft) {
			const n = wholeNumber(value, 0, MAX_MIN_CASUALTIES);
			if (n === null) return ['url.notWhole', { value: quote(value), max: String(MAX_MIN_CASUALTIES) }];
			draft.minCasualties = n;
			return null;
		},
		write: (s) => (s.minCasualties === null ? null : String(s.minCasualties))
	},
	{
		kind: 'scalar',
		name: 'q',
		read(value, draft) {
			if (!isWellFormedText(value)) return ['url.badText'];
			const q = normaliseQuery(value);
			if (q.length > MAX_QUERY_LENGTH) {
				draft.q = normaliseQuery(q.slice(0, MAX_QUERY_LENGTH).replace(/[\uD800-\uDBFF]$/, ''));
				return ['url.cut', { max: String(MAX_QUERY_LENGTH) }];
			}
			draft.q = q;
			return null;
		},
		write: (s) => (s.q === '' ? null : s.q)
	},
	choiceParam('grain', 'grain', GRAINS),
	choiceParam('stack', 'stack', STACKS),
	choiceParam('measure', 'measure', MEASURES),
	choiceParam('sort', 'sort', SORT_KEYS),
	choiceParam('dir', 'sortDir', ['asc', 'desc']),
	{
		kind: 'scalar',
		name: 'page',
		read(value, draft) {
			const n = wholeNumber(value, 1, MAX_PAGE);
			if (n === null) return ['url.notPage', { value: quote(value), max: String(MAX_PAGE) }];
			draft.page = n;
			return null;
		},
		write: (s) => (s.page === DEFAULT_VIEW.page ? null : String(s.page))
	},
	// Display settings: absent = the browser's language, Latin digits, the system's colour scheme.
	choiceParam('lang', 'lang', LANGS),
	choiceParam('digits', 'digits', DIGITS),
	choiceParam('theme', 'theme', THEMES)
];

const BY_NAME = new Map(PARAMS.map((p) => [p.name, p] as const));

/** decodeURIComponent with `+` as space; null for malformed percent-encoding. */
function decode(raw: string): string | null {
	try {
		return decodeURIComponent(raw.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

function freshDraft(): ViewState {
	return { ...DEFAULT_VIEW, provinces: [], targets: [], attacks: [], perpetrators: [], sources: [] };
}

function readList(p: ListParam, raw: string, draft: ViewState, notices: string[], say: Say): void {
	const list = draft[p.key];
	for (const part of raw.split(',')) {
		if (part === '') continue;
		const value = decode(part);
		const canonical = value === null ? null : p.canonical(value);
		if (canonical === null) {
			notices.push(say('url.listValue', { name: p.name, value: quote(value ?? part), label: say(p.label) }));
		} else if (!list.includes(canonical)) {
			if (list.length >= MAX_LIST_VALUES) {
				notices.push(say('url.listMax', { name: p.name, max: String(MAX_LIST_VALUES) }));
				return;
			}
			list.push(canonical);
		}
	}
}

/**
 * The view state a query string describes (with or without the leading `?`), and notices about what was ignored,
 * written by `say` (English by default).
 */
export function parseViewState(search: string, say: Say = english): { state: ViewState; notices: string[] } {
	const draft = freshDraft();
	const notices: string[] = [];
	const seen = new Set<string>();
	const query = String(search ?? '').replace(/^\?/, '').split('#')[0];
	for (const piece of query.split('&')) {
		if (piece === '') continue;
		const eq = piece.indexOf('=');
		const rawName = eq < 0 ? piece : piece.slice(0, eq);
		const raw = eq < 0 ? '' : piece.slice(eq + 1);
		const name = decode(rawName);
		const param = name === null ? undefined : BY_NAME.get(name);
		if (!param) {
			notices.push(say('url.unknown', { name: quote(name ?? rawName) }));
			continue;
		}
		if (param.kind === 'list') {
			readList(param, raw, draft, notices, say);
			continue;
		}
		if (raw === '') continue; // an empty field (`q=`) means "not set"
		if (seen.has(param.name)) {
			notices.push(say('url.repeated', { name: quote(param.name) }));
			continue;
		}
		seen.add(param.name);
		const value = decode(raw);
		const problem: Problem | null = value === null ? ['url.badEncoding'] : param.read(value, draft);
		if (problem) notices.push(say('url.invalid', { name: param.name, problem: say(problem[0], problem[1]) }));
	}
	if (draft.from !== null && draft.to !== null && draft.from > draft.to) {
		notices.push(say('url.range', { from: draft.from, to: draft.to }));
		draft.from = null;
		draft.to = null;
	}
	return { state: draft, notices: capped(notices, say) };
}

/** At most MAX_NOTICES notices, the rest counted, so a hostile URL cannot flood the page. */
const MAX_NOTICES = 10;
function capped(notices: string[], say: Say): string[] {
	if (notices.length <= MAX_NOTICES) return notices;
	const more = notices.length - (MAX_NOTICES - 1);
	return [...notices.slice(0, MAX_NOTICES - 1), say('url.more', { n: more })];
}

/** The query string of a view state: '' for the default view, else '?a=..&b=..' in a fixed order, defaults omitted. */
export function serialiseViewState(state: ViewState): string {
	const parts: string[] = [];
	for (const p of PARAMS) {
		if (p.kind === 'list') {
			const values = state[p.key];
			if (values.length > 0) parts.push(`${p.name}=${values.map(encodeURIComponent).join(',')}`);
		} else {
			const value = p.write(state);
			if (value !== null) parts.push(`${p.name}=${encodeURIComponent(value)}`);
		}
	}
	return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
