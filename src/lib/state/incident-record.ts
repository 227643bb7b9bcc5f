// One incident as an analyst reads it: a title (what, where, when), the summary, then place, date, figures, actors,
// source and dataset, each in the page's language with precision in words, and the source's own fields apart.
// Pure: the dialog (src/lib/components/IncidentDetail.svelte) only lays these strings out.
import { SOURCE_CITATIONS } from '../data/artifact';
import { DATE_PRECISIONS, GEO_PRECISIONS, type DatePrecision, type GeoPrecision } from '../data/taxonomy';
import type { Locale } from '../i18n/locale';
import type { QueryResult } from '../query/engine';

/** One row of the detail query (every schema column plus actor_group), by column name. */
export type IncidentRow = Readonly<Record<string, string | number | null>>;

/** The first row of a detail answer, or null when the incident is not in the data. */
export function incidentRow(result: QueryResult | null): IncidentRow | null {
	if (!result || result.rowCount < 1) return null;
	return Object.fromEntries(result.names.map((n) => [n, result.columns[n]?.[0] ?? null]));
}

const text = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isDatePrecision = (v: string): v is DatePrecision => (DATE_PRECISIONS as readonly string[]).includes(v);
const isGeoPrecision = (v: string): v is GeoPrecision => (GEO_PRECISIONS as readonly string[]).includes(v);

/** "date known to the month"; an unexpected code is named as it is. */
export function datePrecisionWords(precision: string | null, l: Locale): string {
	const p = text(precision);
	return isDatePrecision(p) ? l.t(`record.datePrecision.${p}`) : p;
}

/** "located to the town", "located only to the governorate"; null precision says it is not recorded. */
export function geoPrecisionWords(precision: string | null, l: Locale): string {
	const p = text(precision);
	if (p === '') return l.t('record.geo.none');
	return isGeoPrecision(p) ? l.t(`record.geo.${p}`) : p;
}

/**
 * When it happened, at the precision the source gives: "Wed 5 Jun 2024" (day), "week of 3 Jun 2024",
 * "June 2024", "2024"; a period with a different end day says both ends.
 */
export function whenText(row: IncidentRow, l: Locale): string {
	const date = text(row.event_date);
	if (date === '') return '';
	const precision = text(row.date_precision);
	const end = text(row.date_end);
	switch (precision) {
		case 'year':
			return l.chart.bucketTitle(date, 'year');
		case 'month':
			return l.chart.bucketTitle(date, 'month');
		case 'week':
			return end && end !== date ? l.t('record.span', { from: l.date(date), to: l.date(end) }) : l.t('record.weekOf', { date: l.date(date) });
		default:
			return end && end !== date ? l.t('record.span', { from: l.date(date), to: l.date(end) }) : l.chart.bucketTitle(date, 'day');
	}
}

export interface PlaceOptions {
	/** Leave the country out (one country is in view: repeating it on every row says nothing). */
	omitCountry?: boolean;
}

/**
 * Town, district, governorate, country, in the page's language where the gazetteer knows them (p-codes), else as
 * the source wrote them; a part that repeats the one before (the district named like its governorate) is left out.
 */
export function placeText(row: IncidentRow, l: Locale, options: PlaceOptions = {}): string {
	const district = text(row.admin2_pcode);
	const province = text(row.admin1_pcode);
	const country = text(row.country_iso3);
	const parts = [
		text(row.location),
		district ? l.value('district', district) : text(row.admin2),
		province ? l.province(province) : text(row.admin1),
		options.omitCountry ? '' : country ? l.value('country', country) : text(row.country)
	];
	const out: string[] = [];
	for (const p of parts) if (p !== '' && !out.includes(p)) out.push(p);
	return out.join(l.lang === 'ar' ? '، ' : ', ');
}

/** What happened: the ACLED sub-event, else the attack type, else the event type, in the page's language. */
export function whatText(row: IncidentRow, l: Locale): string {
	const sub = text(row.sub_event_type);
	if (sub) return l.category('subevent', sub);
	const attack = text(row.attack_type);
	if (attack && attack !== 'Unknown') return l.category('attack', attack);
	const event = text(row.event_type);
	if (event) return l.category('event', event);
	return l.t('record.incident');
}

/** What happened and against whom: "Armed clash against Military"; the target is left out when unknown. */
export function whatAgainst(row: IncidentRow, l: Locale): string {
	const what = whatText(row, l);
	const target = text(row.target_type);
	return target && target !== 'Unknown' ? l.t('record.against', { what, target: l.category('target', target) }) : what;
}

/** "Armed clash against Military, Al-Bab, Aleppo, Wed 19 Jul 2017". */
export function incidentTitle(row: IncidentRow, l: Locale): string {
	const sep = l.lang === 'ar' ? '، ' : ', ';
	return [whatAgainst(row, l), placeText(row, l), whenText(row, l)].filter((s) => s !== '').join(sep);
}

/** A figure with its range where the source gives one: "12 (range 10 to 15)"; unknown says so, never 0. */
export function figureText(best: number | null, low: number | null, high: number | null, l: Locale): string {
	const shown = best === null ? l.t('record.unknownFigure') : l.int(best);
	if (low === null && high === null) return shown;
	if (low === high && low === best) return shown;
	return l.t('record.withRange', { best: shown, low: low === null ? '?' : l.int(low), high: high === null ? '?' : l.int(high) });
}

/** English short names of the datasets (the codebook keys are lower case); Arabic has its category labels. */
const EN_SOURCE_NAMES: Readonly<Record<string, string>> = {
	acled: 'ACLED', gtd: 'GTD', ucdp: 'UCDP GED', csv: 'imported spreadsheet', manual: 'hand-coded reports', synthetic: 'SYNTHETIC demo data'
};

/** A dataset's short name in the page's language. */
export function sourceName(dataset: string, l: Locale): string {
	return l.lang === 'en' && Object.hasOwn(EN_SOURCE_NAMES, dataset) ? EN_SOURCE_NAMES[dataset] : l.category('source', dataset);
}

/** The dataset's citation in its required wording (src/lib/data/artifact.ts SOURCE_CITATIONS). */
export function datasetCitation(dataset: string): string {
	return Object.hasOwn(SOURCE_CITATIONS, dataset) ? SOURCE_CITATIONS[dataset] : dataset;
}

/** A field of the record: its label, its value ('' = not recorded), and a note (precision, range, code). */
export interface RecordField {
	id: string;
	label: string;
	value: string;
	note?: string;
}

export interface IncidentRecordView {
	id: string;
	title: string;
	/** The summary as the source wrote it, by paragraph: a report in two languages keeps each in its own
	 *  paragraph, which takes its own direction (dir=auto). */
	summary: string[];
	fields: RecordField[];
	/** The source's own fields, shown collapsed. */
	raw: RecordField[];
	/** http(s) link to the report, or null. */
	sourceUrl: string | null;
}

const RAW_FIELDS = ['raw_date', 'raw_admin1', 'raw_attack_type', 'raw_target_type', 'source_record_id'] as const;

/** Everything the dialog shows, in the page's language. `safeUrl` keeps only http(s) links. */
export function recordView(row: IncidentRow, l: Locale, safeUrl: (v: unknown) => string | null): IncidentRecordView {
	const t = l.t;
	const killed = figureText(num(row.killed), num(row.killed_low), num(row.killed_high), l);
	const injured = figureText(num(row.injured), null, null, l);
	const perpetrator = text(row.perpetrator);
	const group = text(row.actor_group);
	const targetType = text(row.target_type);
	const targetActor = text(row.target_actor);
	const dataset = text(row.source_dataset);
	const coords = num(row.latitude) !== null && num(row.longitude) !== null ? `${num(row.latitude)}, ${num(row.longitude)}` : '';
	const fields: RecordField[] = [
		{ id: 'place', label: t('record.place'), value: placeText(row, l), note: geoPrecisionWords(text(row.geo_precision) || null, l) },
		{ id: 'coordinates', label: t('record.coordinates'), value: coords },
		{ id: 'date', label: t('record.date'), value: whenText(row, l), note: datePrecisionWords(text(row.date_precision) || null, l) },
		{ id: 'killed', label: t('record.killed'), value: killed, note: num(row.killed_low) !== null || num(row.killed_high) !== null ? t('record.rangeNote') : undefined },
		{ id: 'injured', label: t('record.injured'), value: injured },
		{ id: 'event', label: t('record.event'), value: [text(row.event_type) && l.category('event', text(row.event_type)), text(row.sub_event_type) && l.category('subevent', text(row.sub_event_type))].filter(Boolean).join(' · ') },
		{ id: 'attack', label: t('record.attack'), value: text(row.attack_type) && l.category('attack', text(row.attack_type)) },
		{ id: 'perpetrator', label: t('record.perpetrator'), value: perpetrator, note: group ? t('record.actorGroup', { group: l.value('actor', group) }) : undefined },
		{ id: 'target', label: t('record.target'), value: [targetType && l.category('target', targetType), targetActor].filter(Boolean).join(' · ') },
		{ id: 'source', label: t('record.source'), value: text(row.source_name) },
		{ id: 'dataset', label: t('record.dataset'), value: dataset && sourceName(dataset, l), note: dataset ? datasetCitation(dataset) : undefined },
		{ id: 'incident_id', label: t('record.id'), value: text(row.incident_id) }
	];
	const raw = RAW_FIELDS.map((f) => ({ id: f, label: t(`field.${f}`), value: text(row[f]) })).filter((f) => f.value !== '');
	return {
		id: text(row.incident_id),
		title: incidentTitle(row, l),
		summary: text(row.summary).split(/\n+/).map((p) => p.trim()).filter((p) => p !== ''),
		fields,
		raw,
		sourceUrl: safeUrl(row.source_url)
	};
}

/**
 * How to cite one incident: "<title>. <source name>. <dataset citation>, record <id>. Rasd <version>, <link>
 * (accessed <date>)." In the page's language around the data's own wording.
 */
export function incidentCitation(row: IncidentRow, l: Locale, link: string, version: string, today: string): string {
	const dataset = text(row.source_dataset);
	return l.t('record.citation', {
		title: incidentTitle(row, l),
		source: text(row.source_name) || l.t('record.unknownSource'),
		dataset: datasetCitation(dataset),
		id: text(row.incident_id),
		version,
		url: link,
		date: today
	});
}
