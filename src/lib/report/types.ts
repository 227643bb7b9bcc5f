// Shapes of a report draft. Every proposed value carries the character spans of the report it came from and a
// confidence, so the page can highlight the words and the analyst can see what to check first.
import type { AttackType, DatePrecision, TargetType } from '../data/taxonomy';

/** [start, end) character offsets into the report text as pasted (UTF-16 code units, like String#slice). */
export type Span = readonly [number, number];

export interface Field<T> {
	value: T;
	/** 0-1: how far the rule that produced the value can be trusted; 1 after the analyst corrects it. */
	confidence: number;
	evidence: Span[];
	/** Why the value is what it is, when that is not obvious from the evidence (e.g. a weekday mismatch). */
	note?: string;
	corrected?: boolean;
}

export interface ReportMeta {
	/** Publication date, `YYYY-MM-DD`: relative cues ("yesterday") are resolved against it. */
	publishedOn: string;
	outlet?: string;
	url?: string;
}

export interface DateValue {
	event_date: string;
	date_precision: DatePrecision;
	date_end: string | null;
	/** The cue named a weekday that is not the day the cue resolves to ("yesterday, Tuesday" on a Thursday). */
	weekday_mismatch: boolean;
	/** The report's own words and how they were read, for `raw_date`. */
	raw: string;
}

export interface NamedCode {
	pcode: string;
	name: string;
}

export interface LocationValue {
	name: string;
	name_ar: string;
	kind: PlaceKind;
	latitude: number | null;
	longitude: number | null;
}

export type PlaceKind = 'city' | 'town' | 'village' | 'neighbourhood' | 'site' | 'area';

export const ACTOR_GROUPS = [
	'islamic-state', 'sdf', 'syrian-government', 'coalition', 'turkey', 'hts', 'sna', 'russia', 'israel', 'unknown', 'other'
] as const;
export type ActorGroup = (typeof ACTOR_GROUPS)[number];

/** How the report attributes the act: stated as fact, suspected ("believed", "likely"), claimed, or not at all. */
export type Attribution = 'stated' | 'suspected' | 'claimed' | 'none';

export interface Perpetrator {
	/** As the manual CSV writes it: `ISIS cells (suspected)`, `ISIS (claimed)`, `Unknown`. */
	text: string;
	group: ActorGroup;
	attribution: Attribution;
}

export interface IncidentDraft {
	/** The part of the report this incident was read from. */
	segment: Span;
	date: Field<DateValue>;
	governorate: Field<NamedCode | null>;
	district: Field<NamedCode | null>;
	location: Field<LocationValue | null>;
	killed: Field<number | null>;
	injured: Field<number | null>;
	perpetrator: Field<Perpetrator>;
	attackType: Field<AttackType | null>;
	targetType: Field<TargetType>;
	eventType: Field<string | null>;
	subEventType: Field<string | null>;
	source: ReportMeta;
	/** The report text the spans point into. */
	text: string;
}
