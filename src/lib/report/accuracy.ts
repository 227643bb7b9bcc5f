// Scoring drafts against hand-coded expectations (tests/fixtures/reports): the flat values a coder writes, and
// field-by-field agreement. Drafts are paired with expectations in report order; a missing or extra draft
// counts as wrong on every field of the pair it lacks.
import { foldText } from '../text/fold';
import type { IncidentDraft } from './types';

export interface ExpectedDraft {
	event_date: string;
	date_precision: string;
	date_end: string | null;
	weekday_mismatch?: boolean;
	admin1_pcode: string | null;
	admin2_pcode: string | null;
	location: string | null;
	killed: number | null;
	injured: number | null;
	perpetrator: string;
	actor_group: string;
	attack_type: string | null;
	target_type: string;
	event_type: string | null;
}

export const SCORED_FIELDS = [
	'date', 'precision', 'weekday_flag', 'governorate', 'district', 'location', 'killed', 'injured', 'perpetrator', 'actor_group',
	'attack_type', 'target_type', 'event_type'
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** The draft as the flat values of a fixture. */
export function flatten(d: IncidentDraft): ExpectedDraft {
	return {
		event_date: d.date.value.event_date,
		date_precision: d.date.value.date_precision,
		date_end: d.date.value.date_end,
		weekday_mismatch: d.date.value.weekday_mismatch,
		admin1_pcode: d.governorate.value?.pcode ?? null,
		admin2_pcode: d.district.value?.pcode ?? null,
		location: d.location.value?.name ?? null,
		killed: d.killed.value,
		injured: d.injured.value,
		perpetrator: d.perpetrator.value.text,
		actor_group: d.perpetrator.value.group,
		attack_type: d.attackType.value,
		target_type: d.targetType.value,
		event_type: d.eventType.value
	};
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : foldText(a).trim() === foldText(b).trim());

/** Per field: whether the draft agrees with the expectation. */
export function compare(got: ExpectedDraft | undefined, want: ExpectedDraft | undefined): Record<ScoredField, boolean> {
	const ok = (f: (g: ExpectedDraft, w: ExpectedDraft) => boolean) => !!got && !!want && f(got, want);
	return {
		date: ok((g, w) => g.event_date === w.event_date && g.date_end === w.date_end),
		precision: ok((g, w) => g.date_precision === w.date_precision),
		weekday_flag: ok((g, w) => (g.weekday_mismatch ?? false) === (w.weekday_mismatch ?? false)),
		governorate: ok((g, w) => g.admin1_pcode === w.admin1_pcode),
		district: ok((g, w) => g.admin2_pcode === w.admin2_pcode),
		location: ok((g, w) => same(g.location, w.location)),
		killed: ok((g, w) => g.killed === w.killed),
		injured: ok((g, w) => g.injured === w.injured),
		perpetrator: ok((g, w) => same(g.perpetrator, w.perpetrator)),
		actor_group: ok((g, w) => g.actor_group === w.actor_group),
		attack_type: ok((g, w) => g.attack_type === w.attack_type),
		target_type: ok((g, w) => g.target_type === w.target_type),
		event_type: ok((g, w) => g.event_type === w.event_type)
	};
}

export interface FixtureScore {
	id: string;
	found: number;
	expected: number;
	pairs: { got: ExpectedDraft | undefined; want: ExpectedDraft | undefined; fields: Record<ScoredField, boolean> }[];
}

export function scoreFixture(id: string, drafts: readonly IncidentDraft[], expected: readonly ExpectedDraft[]): FixtureScore {
	const got = drafts.map(flatten);
	const n = Math.max(got.length, expected.length);
	const pairs = Array.from({ length: n }, (_, i) => ({ got: got[i], want: expected[i], fields: compare(got[i], expected[i]) }));
	return { id, found: got.length, expected: expected.length, pairs };
}
