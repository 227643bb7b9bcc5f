// "Code a report": the report extractor's drafts (src/lib/report) as forms the analyst corrects, one text per
// schema column, and back to schema rows (draftToIncident, then the analyst's values over it). Pure, for tests.
import { districtByPcode, lookupSyriaDistrict } from '../data/districts';
import { governorateByPcode } from '../data/gazetteer';
import type { Incident } from '../data/schema';
import { ATTACK_TYPES, DATE_PRECISIONS, TARGET_TYPES } from '../data/taxonomy';
import { isIsoDate } from '../query/validate';
import { draftToIncident, extractIncidents, type IncidentDraft, type ReportMeta, type Span } from '../report';

/** The columns a draft's form shows, in order, each with the draft field it comes from. */
export const DRAFT_FIELDS = [
	['event_date', 'date'],
	['date_precision', 'date'],
	['date_end', 'date'],
	['admin1_pcode', 'governorate'],
	['admin2', 'district'],
	['location', 'location'],
	['killed', 'killed'],
	['injured', 'injured'],
	['perpetrator', 'perpetrator'],
	['attack_type', 'attackType'],
	['target_type', 'targetType'],
	['event_type', 'eventType'],
	['sub_event_type', 'subEventType'],
	['summary', null]
] as const satisfies readonly (readonly [keyof Incident, keyof IncidentDraft | null])[];

export type DraftColumn = (typeof DRAFT_FIELDS)[number][0];

/** Closed vocabularies get a select; '' is "none". */
export const FIELD_CHOICES: Partial<Record<DraftColumn, readonly string[]>> = {
	date_precision: DATE_PRECISIONS,
	attack_type: ['', ...ATTACK_TYPES],
	target_type: TARGET_TYPES
};

export interface DraftForm {
	draft: IncidentDraft;
	/** The row the rules propose (what the form starts from). */
	proposed: Incident;
	values: Record<DraftColumn, string>;
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One form per incident the report describes. `meta.outlet` may be blank here: saving asks for it. */
export function proposeDrafts(report: string, meta: ReportMeta): DraftForm[] {
	return extractIncidents(report, meta).map((draft) => {
		const proposed = draftToIncident({ ...draft, source: { ...draft.source, outlet: draft.source.outlet?.trim() || 'report' } });
		const values = Object.fromEntries(DRAFT_FIELDS.map(([c]) => [c, text(proposed[c])])) as Record<DraftColumn, string>;
		return { draft, proposed, values };
	});
}

/** The draft field behind a column: its confidence and the words it came from. */
export function evidenceOf(form: DraftForm, column: DraftColumn): { confidence: number; spans: readonly Span[] } | null {
	const key = DRAFT_FIELDS.find(([c]) => c === column)?.[1];
	if (!key) return null;
	const field = form.draft[key] as { confidence: number; evidence: readonly Span[] };
	return { confidence: field.confidence, spans: field.evidence };
}

/** The words of the report at `spans`, for display. */
export const spanWords = (form: DraftForm, spans: readonly Span[]) => spans.map(([s, e]) => form.draft.text.slice(s, e).replace(/\s+/g, ' ').trim());

const whole = (s: string, column: string): number | null => {
	const t = s.trim();
	if (t === '') return null;
	if (!/^\d{1,7}$/.test(t)) throw new Error(`${column}: ${JSON.stringify(t)} is not a whole number`);
	return Number(t);
};
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The schema row of a checked form: the proposal with the analyst's values over it. Throws on an invalid value. */
export function formToIncident(form: DraftForm, meta: { outlet: string; url?: string }): Incident {
	const outlet = meta.outlet.trim();
	const draft = { ...form.draft, source: { ...form.draft.source, outlet, url: meta.url?.trim() || undefined } };
	const row = draftToIncident(draft);
	const v = form.values;
	if (!isIsoDate(v.event_date.trim())) throw new Error(`event_date: ${JSON.stringify(v.event_date)} is not a date YYYY-MM-DD`);
	if (v.date_end.trim() && !isIsoDate(v.date_end.trim())) throw new Error(`date_end: ${JSON.stringify(v.date_end)} is not a date YYYY-MM-DD`);
	if (!(DATE_PRECISIONS as readonly string[]).includes(v.date_precision)) throw new Error(`date_precision: ${JSON.stringify(v.date_precision)}`);
	const gov = v.admin1_pcode ? governorateByPcode(v.admin1_pcode) : undefined;
	if (v.admin1_pcode && !gov) throw new Error(`admin1_pcode: ${JSON.stringify(v.admin1_pcode)} is not a governorate p-code`);
	const admin2 = orNull(v.admin2);
	const district = admin2 && gov ? (lookupSyriaDistrict(admin2, gov.pcode) ?? (row.admin2_pcode && districtByPcode(row.admin2_pcode)?.admin1Pcode === gov.pcode && admin2 === row.admin2 ? districtByPcode(row.admin2_pcode) : null)) : null;
	const location = orNull(v.location);
	const keepsPlace = location === form.proposed.location;
	return {
		...row,
		event_date: v.event_date.trim(),
		date_precision: v.date_precision,
		date_end: orNull(v.date_end),
		country_iso3: gov ? 'SYR' : row.country_iso3,
		country: gov ? 'Syria' : row.country,
		admin1: gov ? gov.en : null,
		admin1_pcode: gov ? gov.pcode : null,
		admin2,
		admin2_pcode: district?.pcode ?? null,
		location,
		latitude: keepsPlace ? row.latitude : null,
		longitude: keepsPlace ? row.longitude : null,
		geo_precision: keepsPlace ? row.geo_precision : location ? 'town' : district ? 'admin2' : gov ? 'admin1' : null,
		killed: whole(v.killed, 'killed'),
		injured: whole(v.injured, 'injured'),
		perpetrator: orNull(v.perpetrator),
		attack_type: orNull(v.attack_type),
		target_type: v.target_type || 'Unknown',
		event_type: orNull(v.event_type),
		sub_event_type: orNull(v.sub_event_type),
		summary: orNull(v.summary)
	};
}
