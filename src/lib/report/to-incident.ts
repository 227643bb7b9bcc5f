// A draft, once the analyst has checked it, becomes a `manual` incident: one row in the schema of
// src/lib/data/schema.ts that passes data/manual's checks (scripts/lib/manual-incidents.ts), written as a CSV with
// exactly the schema header, so the file can be dropped into data/manual/ or imported with
// `npm run import -- file.csv --source manual`.
import type { Incident } from '../data/schema';
import { INCIDENT_COLUMN_NAMES } from '../data/schema';
import { csvLine, type CsvValue } from '../export/csv';
import type { Field, IncidentDraft, Span } from './types';

type FieldKey = { [K in keyof IncidentDraft]: IncidentDraft[K] extends Field<unknown> ? K : never }[keyof IncidentDraft];

/** The analyst's value for one field: confidence 1, the evidence kept, marked as corrected. */
export function correctField<K extends FieldKey>(draft: IncidentDraft, key: K, value: IncidentDraft[K]['value']): IncidentDraft {
	const field = draft[key] as Field<unknown>;
	return { ...draft, [key]: { ...field, value, confidence: 1, corrected: true } };
}

const words = (draft: IncidentDraft, spans: readonly Span[]) => spans.map(([s, e]) => draft.text.slice(s, e).replace(/\s+/g, ' ').trim());

/** Text pasted from a report must not start like a spreadsheet formula; such a lead character never carries meaning. */
const unformula = (s: string) => s.replace(/^[\s=+\-@]+/, '');

/** 32-bit FNV-1a of a string, hex: a stable short suffix that tells two incidents of one day apart. */
function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** `<outlet>-<event date>-<hash of the incident's text>`, in data/manual's id alphabet ([a-z0-9._-]). */
export function draftRecordId(draft: IncidentDraft): string {
	const outlet = (draft.source.outlet ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
	const [s, e] = draft.segment;
	return `${outlet}-${draft.date.value.event_date}-${fnv1a(draft.text.slice(s, e))}`;
}

export interface IncidentOptions {
	/** data/manual's `source_record_id`; by default draftRecordId(draft). */
	recordId?: string;
}

/** The schema row of a checked draft. Throws when the draft lacks what a manual incident requires (its outlet). */
export function draftToIncident(draft: IncidentDraft, options: IncidentOptions = {}): Incident {
	const outlet = draft.source.outlet?.trim();
	if (!outlet) throw new Error('a manual incident needs the outlet that published the report (source_name)');
	const id = options.recordId ?? draftRecordId(draft);
	if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) throw new Error(`record id ${JSON.stringify(id)} must be lower-case letters, digits, ".", "_" or "-"`);
	const gov = draft.governorate.value;
	const loc = draft.location.value;
	const locWords = words(draft, draft.location.evidence)[0];
	const url = draft.source.url && /^https?:\/\/\S+$/i.test(draft.source.url.trim()) ? draft.source.url.trim() : null;
	const [s, e] = draft.segment;
	const joined = (spans: readonly Span[]) => (spans.length ? unformula([...new Set(words(draft, spans))].join('; ')) : null);
	return {
		incident_id: `manual:${id}`,
		source_dataset: 'manual',
		source_record_id: id,
		event_date: draft.date.value.event_date,
		date_precision: draft.date.value.date_precision,
		date_end: draft.date.value.date_end,
		country_iso3: gov ? 'SYR' : null,
		country: gov ? 'Syria' : null,
		admin1: gov?.name ?? null,
		admin1_pcode: gov?.pcode ?? null,
		admin2: draft.district.value?.name ?? null,
		admin2_pcode: draft.district.value?.pcode ?? null,
		location: loc ? (locWords && locWords !== loc.name ? `${loc.name} (${locWords})` : loc.name) : null,
		latitude: loc?.latitude ?? null,
		longitude: loc?.longitude ?? null,
		// Coordinates are a town centre at best, never the exact spot.
		geo_precision: loc ? 'town' : draft.district.value ? 'admin2' : gov ? 'admin1' : null,
		event_type: draft.eventType.value,
		sub_event_type: draft.subEventType.value,
		attack_type: draft.attackType.value,
		target_type: draft.targetType.value,
		perpetrator: draft.perpetrator.value.text,
		target_actor: null,
		killed: draft.killed.value,
		// A report gives one figure, never a range.
		killed_low: null,
		killed_high: null,
		injured: draft.injured.value,
		summary: unformula(draft.text.slice(s, e).replace(/\s+/g, ' ').trim()) || null,
		source_name: outlet,
		source_url: url,
		raw_date: unformula(draft.date.value.raw),
		raw_admin1: joined(draft.governorate.evidence.slice(0, 1)),
		raw_attack_type: joined(draft.attackType.evidence),
		raw_target_type: joined(draft.targetType.evidence)
	};
}

/** A data/manual CSV: the schema header, one row per incident, RFC 4180 with CRLF, UTF-8 without a BOM (like sy24.csv). */
export function manualIncidentsCsv(rows: readonly Incident[]): string {
	return [INCIDENT_COLUMN_NAMES, ...rows.map((r) => INCIDENT_COLUMN_NAMES.map((c) => r[c] as CsvValue))].map((row) => csvLine(row)).join('');
}
