// A second, deliberately plain implementation of the query semantics over the fixture array, written without SQL,
// to compare the builders' results with. Dates use UTC arithmetic (not date-fns, not DuckDB).
import type { Incident } from '../../src/lib/data/schema';
import type { Filters, Grain, Measure, SortKey, Stack, ViewState } from '../../src/lib/query/filters';
import { foldText } from '../../src/lib/text/fold';
import { districtByPcode } from '../../src/lib/data/districts';
import { governorateByPcode } from '../../src/lib/data/gazetteer';
import { AR_COUNTRIES } from '../../src/lib/i18n/countries';
import { actorGroupOf } from '../../src/lib/data/actor-groups';
import { DUPLICATE_DROPPED } from '../fixtures/query/duplicates';

export function matches(r: Incident, f: Filters): boolean {
	if (f.from !== null && r.event_date < f.from) return false;
	if (f.to !== null && r.event_date > f.to) return false;
	if (f.provinces.length && !f.provinces.includes(r.admin1_pcode ?? '\u0000')) return false;
	if (f.targets.length && !f.targets.includes(r.target_type)) return false;
	if (f.attacks.length && !f.attacks.includes(r.attack_type ?? '\u0000')) return false;
	if (f.perpetrators.length && !f.perpetrators.includes(r.perpetrator ?? '\u0000')) return false;
	if (f.sources.length && !f.sources.includes(r.source_dataset)) return false;
	const among = (values: string[], value: string | null) => !values.length || (value !== null && values.includes(value));
	if (!among(f.events, r.event_type) || !among(f.subevents, r.sub_event_type) || !among(f.countries, r.country_iso3)) return false;
	if (!among(f.precisions, r.date_precision) || !among(f.actors, actorGroupOf(r.perpetrator))) return false;
	// A district filter holds OCHA p-codes (Syria) and names (elsewhere).
	if (f.districts.length && !f.districts.includes(r.admin2_pcode ?? '\u0000') && !f.districts.includes(r.admin2 ?? '\u0000')) return false;
	if (f.minCasualties !== null && (r.killed ?? 0) + (r.injured ?? 0) < f.minCasualties) return false;
	// Each probable event once: the records the hand-written groups of the duplicate fixture leave out.
	if (f.dedupe && DUPLICATE_DROPPED.has(r.incident_id)) return false;
	const words = foldText(f.q).split(/\s+/).filter(Boolean);
	// Province, district and country as written, and their Arabic names (gazetteer, districts, country names).
	const arabic = [
		r.admin1_pcode ? governorateByPcode(r.admin1_pcode)?.ar : null,
		r.admin2_pcode ? districtByPcode(r.admin2_pcode)?.ar : null,
		r.country_iso3 && Object.hasOwn(AR_COUNTRIES, r.country_iso3) ? AR_COUNTRIES[r.country_iso3] : null
	];
	const fields = [r.summary, r.location, r.perpetrator, r.target_actor, r.admin1, r.admin2, r.country, ...arabic]
		.filter((x): x is string => x != null)
		.map(foldText);
	return words.every((w) => fields.some((field) => field.includes(w)));
}

export const filtered = (rows: readonly Incident[], f: Filters) => rows.filter((r) => matches(r, f));

const DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function refBucket(date: string, grain: Grain): string {
	const y = date.slice(0, 4);
	const m = +date.slice(5, 7);
	switch (grain) {
		case 'day':
			return date;
		case 'week': {
			const t = utc(date);
			const mondayOffset = (new Date(t).getUTCDay() + 6) % 7;
			return isoOf(t - mondayOffset * DAY);
		}
		case 'month':
			return `${date.slice(0, 7)}-01`;
		case 'quarter':
			return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
		case 'year':
			return `${y}-01-01`;
	}
}

export function refValue(rows: readonly Incident[], measure: Measure): number {
	if (measure === 'incidents') return rows.length;
	return rows.reduce((s, r) => s + (r[measure] ?? 0), 0);
}

export function refSeries(r: Incident, stack: Stack): string {
	switch (stack) {
		case 'province':
			return r.admin1_pcode ?? r.admin1 ?? '(unknown)';
		case 'target':
			return r.target_type;
		case 'event':
			return r.event_type ?? '(not recorded)';
		case 'actor':
			return actorGroupOf(r.perpetrator);
		case 'source':
			return r.source_dataset;
	}
}

/** Groups rows by a key function; returns [key, rows] pairs. */
export function groupBy<K>(rows: readonly Incident[], key: (r: Incident) => K): Map<K, Incident[]> {
	const out = new Map<K, Incident[]>();
	for (const r of rows) {
		const k = key(r);
		out.set(k, [...(out.get(k) ?? []), r]);
	}
	return out;
}

export function daysBetween(from: string, to: string): number {
	return Math.round((utc(to) - utc(from)) / DAY);
}
export const addDaysIso = (date: string, n: number) => isoOf(utc(date) + n * DAY);

const SORT_VALUE: Record<SortKey, (r: Incident) => string | number | null> = {
	date: (r) => r.event_date,
	province: (r) => r.admin1,
	target: (r) => r.target_type,
	perpetrator: (r) => r.perpetrator,
	killed: (r) => r.killed,
	injured: (r) => r.injured
};

/** The incident list order: sort value in the direction asked, nulls last, then incident_id ascending. Text
 *  compares by code point (DuckDB's default collation). */
export function refSorted(rows: readonly Incident[], v: Pick<ViewState, 'sort' | 'sortDir'>): Incident[] {
	const value = SORT_VALUE[v.sort];
	const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		if (x === null && y !== null) return 1;
		if (y === null && x !== null) return -1;
		if (x !== null && y !== null && x !== y) return v.sortDir === 'asc' ? cmp(x, y) : cmp(y, x);
		return cmp(a.incident_id, b.incident_id);
	});
}
