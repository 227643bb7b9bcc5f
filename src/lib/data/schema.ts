// The one incident schema. data/incidents.parquet, every importer's output and the generator's output all have
// exactly these columns in this order; the artifact build and the query layer read them by these names.

export type ColumnType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER';

export interface ColumnDef {
	name: keyof Incident;
	type: ColumnType;
	notNull?: boolean;
	doc: string;
}

/** One incident as importers and the generator produce it. Dates are ISO `YYYY-MM-DD` strings. */
export interface Incident {
	incident_id: string;
	source_dataset: string;
	source_record_id: string;
	event_date: string;
	date_precision: string;
	date_end: string | null;
	country_iso3: string | null;
	country: string | null;
	admin1: string | null;
	admin1_pcode: string | null;
	admin2: string | null;
	admin2_pcode: string | null;
	location: string | null;
	latitude: number | null;
	longitude: number | null;
	geo_precision: string | null;
	event_type: string | null;
	sub_event_type: string | null;
	attack_type: string | null;
	target_type: string;
	perpetrator: string | null;
	target_actor: string | null;
	killed: number | null;
	killed_low: number | null;
	killed_high: number | null;
	injured: number | null;
	summary: string | null;
	source_name: string | null;
	source_url: string | null;
	raw_date: string | null;
	raw_admin1: string | null;
	raw_attack_type: string | null;
	raw_target_type: string | null;
}

export const INCIDENT_COLUMNS: readonly ColumnDef[] = [
	{ name: 'incident_id', type: 'VARCHAR', notNull: true, doc: 'Stable id `<source_dataset>:<source_record_id>`; unique.' },
	{ name: 'source_dataset', type: 'VARCHAR', notNull: true, doc: '`acled`, `gtd`, `ucdp`, `csv`, `manual` or `synthetic`.' },
	{ name: 'source_record_id', type: 'VARCHAR', notNull: true, doc: 'Id in the source: ACLED `event_id_cnty`, GTD `eventid`, UCDP `id`, CSV id column or a digest of the row (`row-<hex>`).' },
	{ name: 'event_date', type: 'DATE', notNull: true, doc: 'The day used for charting (first day of the period when the precision is coarser).' },
	{ name: 'date_precision', type: 'VARCHAR', notNull: true, doc: '`day`, `week`, `month` or `year`.' },
	{ name: 'date_end', type: 'DATE', doc: 'Last day of the period the source gives (UCDP `date_end`), else null.' },
	{ name: 'country_iso3', type: 'VARCHAR', doc: 'ISO 3166-1 alpha-3; null when the source country is not recognised.' },
	{ name: 'country', type: 'VARCHAR', doc: 'English country name.' },
	{ name: 'admin1', type: 'VARCHAR', doc: 'Province; for Syria the OCHA English name (e.g. `Ar-Raqqa`), elsewhere as given, case and spaces normalised.' },
	{ name: 'admin1_pcode', type: 'VARCHAR', doc: 'For Syria the OCHA p-code SY01..SY14; null when unknown (never guessed).' },
	{ name: 'admin2', type: 'VARCHAR', doc: 'District as given.' },
	{ name: 'admin2_pcode', type: 'VARCHAR', doc: 'For Syria the OCHA district p-code (e.g. `SY1101`, Ar-Raqqa district); null when unknown (never guessed).' },
	{ name: 'location', type: 'VARCHAR', doc: 'Town or place as given.' },
	{ name: 'latitude', type: 'DOUBLE', doc: 'WGS84; null when unknown.' },
	{ name: 'longitude', type: 'DOUBLE', doc: 'WGS84; null when unknown.' },
	{ name: 'geo_precision', type: 'VARCHAR', doc: '`point`, `town`, `near`, `admin2`, `admin1`, `country` or null.' },
	{ name: 'event_type', type: 'VARCHAR', doc: "ACLED event type where the source has one (UCDP's type of violence otherwise)." },
	{ name: 'sub_event_type', type: 'VARCHAR', doc: 'ACLED sub-event type where the source has one.' },
	{ name: 'attack_type', type: 'VARCHAR', doc: "One of GTD's 9 attack types, or null." },
	{ name: 'target_type', type: 'VARCHAR', notNull: true, doc: "One of GTD's 22 target types; `Unknown` when it cannot be told." },
	{ name: 'perpetrator', type: 'VARCHAR', doc: 'Who acted (ACLED actor1, GTD gname, UCDP side_a).' },
	{ name: 'target_actor', type: 'VARCHAR', doc: 'Against whom (ACLED actor2, GTD target1, UCDP side_b).' },
	{ name: 'killed', type: 'INTEGER', doc: 'Deaths, best estimate; null means unknown, never 0.' },
	{ name: 'killed_low', type: 'INTEGER', doc: 'Lowest death figure the source gives (UCDP `low`); null when it gives no range (ACLED, GTD).' },
	{ name: 'killed_high', type: 'INTEGER', doc: 'Highest death figure the source gives (UCDP `high`); null when it gives no range (ACLED, GTD).' },
	{ name: 'injured', type: 'INTEGER', doc: 'Injured; null means unknown (ACLED and UCDP have no such field).' },
	{ name: 'summary', type: 'VARCHAR', doc: 'Event description, any language.' },
	{ name: 'source_name', type: 'VARCHAR', doc: 'Who reported it.' },
	{ name: 'source_url', type: 'VARCHAR', doc: 'Link to the report, http(s) only.' },
	{ name: 'raw_date', type: 'VARCHAR', doc: 'The date fields as the source wrote them.' },
	{ name: 'raw_admin1', type: 'VARCHAR', doc: 'The admin1 value as the source wrote it (audits the p-code mapping).' },
	{ name: 'raw_attack_type', type: 'VARCHAR', doc: 'The source fields the attack type was mapped from.' },
	{ name: 'raw_target_type', type: 'VARCHAR', doc: 'The source fields the target type was mapped from (e.g. `inter2=1; civilian_targeting=`).' }
];

export const INCIDENT_COLUMN_NAMES: readonly (keyof Incident)[] = INCIDENT_COLUMNS.map((c) => c.name);
