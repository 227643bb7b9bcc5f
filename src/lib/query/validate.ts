// What a valid view state is. The URL parser accepts only values that pass these checks, so that every state the
// app holds is one of them; property tests generate states from the same rules.
import { DIMENSIONS, DIMENSION_KEYS, isWellFormedText } from './dimensions';
import { COLOUR_BY, DATA_CHOICES, GRAINS, MAP_MODES, MEASURES, SORT_KEYS, STACKS, type ViewState } from './filters';
import { CHANGE_MEASURES, CHANGE_TERMS, CHANGE_UNITS } from './change-levels';
import { isCanonicalBbox } from './bbox';
import { SOURCE_DATASETS } from '../data/taxonomy';

export { isWellFormedText } from './dimensions';

/** Most values one list filter may hold (a URL is not a bulk query). */
export const MAX_LIST_VALUES = 50;
export const MAX_QUERY_LENGTH = 200;
export const MAX_MIN_CASUALTIES = 1_000_000;
export const MAX_PAGE = 100_000;
/** Longest incident id a link may name (`<source_dataset>:<source_record_id>`; CSV ids can be file:line). */
export const MAX_INCIDENT_ID_LENGTH = 200;

/** An incident id as the schema writes it: `<source_dataset>:<record id>`, the record id without control
 *  characters, not blank, writable into a URL. Whether the incident exists is the engine's to say. */
export function isIncidentId(text: string): boolean {
	if (text.length > MAX_INCIDENT_ID_LENGTH || !isWellFormedText(text)) return false;
	const colon = text.indexOf(':');
	if (colon < 0 || !(SOURCE_DATASETS as readonly string[]).includes(text.slice(0, colon))) return false;
	const record = text.slice(colon + 1);
	// Control and bidi-control characters never occur in ids the importers write, and would garble a notice.
	// eslint-disable-next-line no-control-regex
	return record.trim() !== '' && record.trim() === record && !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(record);
}

const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (years 1000-9999). */
export function isIsoDate(text: string): boolean {
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(2000, mo - 1, d));
	date.setUTCFullYear(y);
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Search text as the app keeps it: control characters and runs of white space become one space, ends trimmed. */
export function normaliseQuery(q: string): string {
	// eslint-disable-next-line no-control-regex
	return q.replace(/[\s\u0000-\u001f\u007f]+/gu, ' ').trim();
}

const oneOf = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);
const isWhole = (v: unknown, min: number, max: number) =>
	typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function listProblems(name: string, v: unknown, ok: (s: string) => boolean): string[] {
	if (!Array.isArray(v)) return [`${name} is not a list`];
	const out: string[] = [];
	if (v.length > MAX_LIST_VALUES) out.push(`${name} has more than ${MAX_LIST_VALUES} values`);
	if (new Set(v).size !== v.length) out.push(`${name} has duplicates`);
	if (!v.every((x) => typeof x === 'string' && ok(x))) out.push(`${name} has an invalid value`);
	return out;
}

/** Why a value is not a valid view state; [] when it is. */
export function viewStateProblems(v: ViewState): string[] {
	const out: string[] = [];
	for (const key of ['from', 'to'] as const) {
		if (v[key] !== null && !(typeof v[key] === 'string' && isIsoDate(v[key]))) out.push(`${key} is not a date`);
	}
	if (v.from !== null && v.to !== null && v.from > v.to) out.push('from is after to');
	// A list value is valid when it is its own canonical form (the URL parser stores only canonical values).
	for (const key of DIMENSION_KEYS) out.push(...listProblems(key, v[key], (x) => DIMENSIONS[key].canonical(x) === x));
	if (v.minCasualties !== null && !isWhole(v.minCasualties, 0, MAX_MIN_CASUALTIES)) out.push('min is invalid');
	if (
		typeof v.q !== 'string' ||
		v.q !== normaliseQuery(v.q) ||
		v.q.length > MAX_QUERY_LENGTH ||
		!isWellFormedText(v.q)
	)
		out.push('q is invalid');
	if (!isCanonicalBbox(v.bbox)) out.push('bbox is invalid');
	if (typeof v.dedupe !== 'boolean') out.push('dedupe is invalid');
	if (!oneOf(MAP_MODES, v.map)) out.push('map is invalid');
	if (!oneOf(GRAINS, v.grain)) out.push('grain is invalid');
	if (!oneOf(STACKS, v.stack)) out.push('stack is invalid');
	if (!oneOf(MEASURES, v.measure)) out.push('measure is invalid');
	if (!oneOf(SORT_KEYS, v.sort)) out.push('sort is invalid');
	if (!oneOf(['asc', 'desc'], v.sortDir)) out.push('dir is invalid');
	if (!oneOf(CHANGE_UNITS, v.changeUnit)) out.push('cunit is invalid');
	if (!oneOf(CHANGE_TERMS, v.changeTerm)) out.push('cterm is invalid');
	if (!oneOf(CHANGE_MEASURES, v.changeMeasure)) out.push('cmeasure is invalid');
	if (!oneOf(COLOUR_BY, v.colour)) out.push('colour is invalid');
	if (typeof v.rolling !== 'boolean') out.push('rolling is invalid');
	if (typeof v.multiples !== 'boolean') out.push('multiples is invalid');
	if (!isWhole(v.page, 1, MAX_PAGE)) out.push('page is invalid');
	if (v.incident !== null && !(typeof v.incident === 'string' && isIncidentId(v.incident))) out.push('incident is invalid');
	if (!oneOf(DATA_CHOICES, v.data)) out.push('data is invalid');
	if (v.local !== null && !(typeof v.local === 'string' && /^[0-9a-f]{16}$/.test(v.local))) out.push('local is invalid');
	return out;
}
