// The view state's one serialised form: the URL query string. Parsing never throws: a parameter that is unknown
// or whose value is invalid is ignored with a human-readable notice, so nothing unvalidated reaches the state
// (and so the SQL). Each parameter is one entry of PARAMS; a new parameter (lang, theme) is one more entry.
//
// List values are separated by bare commas and each value is percent-encoded on its own (encodeURIComponent), so
// a comma inside a perpetrator's name travels as %2C. `+` is read as a space, as HTML forms write it.
import { toAttackType, toTargetType } from '../data/taxonomy';
import { DEFAULT_VIEW, GRAINS, MEASURES, SORT_KEYS, STACKS, type ViewState } from '../query/filters';
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

interface ScalarParam {
	kind: 'scalar';
	name: string;
	/** Stores the value in the draft, or returns why it is invalid. */
	read(value: string, draft: ViewState): string | null;
	/** The value to write, or null when the state holds the default. */
	write(state: ViewState): string | null;
}

interface ListParam {
	kind: 'list';
	name: string;
	key: ListKey;
	/** What a value is, for notices. */
	label: string;
	/** The canonical form of one value, or null when it is not valid. */
	canonical(value: string): string | null;
}

type Param = ScalarParam | ListParam;

/** Parameters reserved for coming features: ignored with a gentler notice. */
const FUTURE_PARAMS = new Set(['lang', 'theme']);

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
			if (!isIsoDate(value)) return `${quote(value)} is not a date written YYYY-MM-DD`;
			draft[name] = value;
			return null;
		},
		write: (s) => s[name]
	};
}

function choiceParam<K extends 'grain' | 'stack' | 'measure' | 'sort' | 'sortDir'>(
	name: string,
	key: K,
	choices: readonly ViewState[K][]
): ScalarParam {
	return {
		kind: 'scalar',
		name,
		read(value, draft) {
			const choice = choices.find((c) => c === value.toLowerCase());
			if (choice === undefined) return `${quote(value)} is not one of ${choices.join(', ')}`;
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
	{ kind: 'list', name: 'province', key: 'provinces', label: 'governorate p-code (SY01-SY14)', canonical: (v) => (isPcode(v.toUpperCase()) ? v.toUpperCase() : null) },
	{ kind: 'list', name: 'target', key: 'targets', label: 'target type', canonical: (v) => toTargetType(v) },
	{ kind: 'list', name: 'attack', key: 'attacks', label: 'attack type', canonical: (v) => toAttackType(v) },
	{ kind: 'list', name: 'perp', key: 'perpetrators', label: 'perpetrator name', canonical: (v) => (isPerpetratorValue(v) ? v : null) },
	{ kind: 'list', name: 'source', key: 'sources', label: 'source dataset', canonical: (v) => (isSourceDataset(v.toLowerCase()) ? v.toLowerCase() : null) },
	{
		kind: 'scalar',
		name: 'min',
		read(value, draft) {
			const n = wholeNumber(value, 0, MAX_MIN_CASUALTIES);
			if (n === null) return `${quote(value)} is not a whole number from 0 to ${MAX_MIN_CASUALTIES}`;
			draft.minCasualties = n;
			return null;
		},
		write: (s) => (s.minCasualties === null ? null : String(s.minCasualties))
	},
	{
		kind: 'scalar',
		name: 'q',
		read(value, draft) {
			if (!isWellFormedText(value)) return 'the search text is not valid Unicode';
			const q = normaliseQuery(value);
			if (q.length > MAX_QUERY_LENGTH) {
				draft.q = normaliseQuery(q.slice(0, MAX_QUERY_LENGTH).replace(/[\uD800-\uDBFF]$/, ''));
				return `the search text was cut to ${MAX_QUERY_LENGTH} characters`;
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
			if (n === null) return `${quote(value)} is not a page number from 1 to ${MAX_PAGE}`;
			draft.page = n;
			return null;
		},
		write: (s) => (s.page === DEFAULT_VIEW.page ? null : String(s.page))
	}
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

function readList(p: ListParam, raw: string, draft: ViewState, notices: string[]): void {
	const list = draft[p.key];
	for (const part of raw.split(',')) {
		if (part === '') continue;
		const value = decode(part);
		const canonical = value === null ? null : p.canonical(value);
		if (canonical === null) {
			notices.push(`Ignored ${p.name} value ${quote(value ?? part)}: not a known ${p.label}.`);
		} else if (!list.includes(canonical)) {
			if (list.length >= MAX_LIST_VALUES) {
				notices.push(`Ignored ${p.name} values beyond the first ${MAX_LIST_VALUES}.`);
				return;
			}
			list.push(canonical);
		}
	}
}

/** The view state a query string describes (with or without the leading `?`), and notices about what was ignored. */
export function parseViewState(search: string): { state: ViewState; notices: string[] } {
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
			if (name !== null && FUTURE_PARAMS.has(name)) notices.push(`The ${quote(name)} setting is not supported yet; ignored.`);
			else notices.push(`Ignored unknown parameter ${quote(name ?? rawName)}.`);
			continue;
		}
		if (param.kind === 'list') {
			readList(param, raw, draft, notices);
			continue;
		}
		if (raw === '') continue; // an empty field (`q=`) means "not set"
		if (seen.has(param.name)) {
			notices.push(`Ignored a repeated ${quote(param.name)} parameter.`);
			continue;
		}
		seen.add(param.name);
		const value = decode(raw);
		const problem = value === null ? 'it is not valid percent-encoding' : param.read(value, draft);
		if (problem) notices.push(`Ignored ${param.name}: ${problem}.`);
	}
	if (draft.from !== null && draft.to !== null && draft.from > draft.to) {
		notices.push(`Ignored the date range: from (${draft.from}) is after to (${draft.to}).`);
		draft.from = null;
		draft.to = null;
	}
	return { state: draft, notices: capped(notices) };
}

/** At most MAX_NOTICES notices, the rest counted, so a hostile URL cannot flood the page. */
const MAX_NOTICES = 10;
function capped(notices: string[]): string[] {
	if (notices.length <= MAX_NOTICES) return notices;
	const more = notices.length - (MAX_NOTICES - 1);
	return [...notices.slice(0, MAX_NOTICES - 1), `…and ${more} more ignored parameters or values.`];
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
