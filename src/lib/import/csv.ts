// Any spreadsheet -> Incident through a field=Column map (`--map event_date=Date,killed=Fatalities,...`).
// Columns already named like schema fields map by name. Category values must be codebook labels and ambiguous
// day/month dates need an explicit order: the importer rejects rather than guesses.
import { countryByAlpha3 } from '../data/countries';
import type { Incident } from '../data/schema';
import { DATE_PRECISIONS, GEO_PRECISIONS, toAttackType, toTargetType, type DatePrecision, type GeoPrecision } from '../data/taxonomy';
import { parseCsvDate } from './dates';
import { resolveAdmin1, resolveAdmin2, resolveCountry } from './location';
import { headerKey } from './record';
import { HeaderError, REJECT_REASONS, guarded, reject, type MapContext, type RowMapper, type SourceRecord } from './types';
import { coordinate, count, failDate, httpUrl, rawPairs, text } from './values';

/** Schema fields a spreadsheet column can fill; the others (incident_id, source_dataset, p-codes) are derived. */
export const CSV_FIELDS = [
	'source_record_id',
	'event_date',
	'date_precision',
	'date_end',
	'country_iso3',
	'country',
	'admin1',
	'admin2',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'event_type',
	'sub_event_type',
	'attack_type',
	'target_type',
	'perpetrator',
	'target_actor',
	'killed',
	'killed_low',
	'killed_high',
	'injured',
	'summary',
	'source_name',
	'source_url',
	// Given raw_* values (a re-imported export, hand-coded files) are kept; otherwise they are derived.
	'raw_date',
	'raw_admin1',
	'raw_attack_type',
	'raw_target_type'
] as const satisfies readonly (keyof Incident)[];
export type CsvField = (typeof CSV_FIELDS)[number];

export const CSV_SOURCES = ['csv', 'manual'] as const;
export type CsvSource = (typeof CSV_SOURCES)[number];

const isCsvField = (name: string): name is CsvField => (CSV_FIELDS as readonly string[]).includes(name);

/** `id` is accepted as another name for source_record_id, in a header or a --map key. */
const fieldName = (name: string): string => (name === 'id' ? 'source_record_id' : name);

/**
 * Parses `field=Column,field2=Other Column`. Column names are used as written (matched case-insensitively);
 * they cannot contain ',' or '='. Throws on an unknown field or a field given twice.
 */
export function parseMapSpec(spec: string): Partial<Record<CsvField, string>> {
	const map: Partial<Record<CsvField, string>> = {};
	for (const part of spec.split(',')) {
		if (part.trim() === '') continue;
		const eq = part.indexOf('=');
		const field = fieldName(part.slice(0, eq).trim().toLowerCase());
		const column = part.slice(eq + 1).trim();
		if (eq < 0 || column === '' || column.includes('=')) throw new Error(`--map entry "${part.trim()}" is not field=Column`);
		if (!isCsvField(field)) throw new Error(`--map: "${field}" is not a field that can be mapped (fields: ${CSV_FIELDS.join(', ')})`);
		if (map[field] !== undefined) throw new Error(`--map: "${field}" is mapped twice`);
		map[field] = column;
	}
	return map;
}

/** A header that already uses the schema's own column names (and so needs no --map). */
export function isSchemaHeader(columns: readonly string[]): boolean {
	const schema = new Set<string>([...CSV_FIELDS, 'id', 'incident_id', 'source_dataset', 'admin1_pcode', 'admin2_pcode']);
	const keys = columns.map(headerKey).filter((k) => k !== '');
	return keys.includes('event_date') && keys.every((k) => schema.has(k));
}

export interface CsvMapperOptions extends MapContext {
	map?: Partial<Record<CsvField, string>>;
	source?: CsvSource;
	/**
	 * A stable digest of a row's content (the caller's hash, hex), for the ids of files without an id column: the
	 * id is `row-<digest>`, the same for the same row in any file or folder (see generatedId below).
	 */
	contentDigest: (content: string) => string;
}

/**
 * Content of a row for its generated id: each mapped field's value as written (trimmed), in the fixed CSV_FIELDS
 * order, so the same row gets the same id whatever the file is called, where it lives, or how its columns are
 * ordered or named. The n-th repeat of identical content within one file gets `-n`: two identical lines of one
 * desk log stay two incidents, and re-importing that file still changes nothing.
 */
export function rowContent(fields: readonly CsvField[], value: (field: CsvField) => string): string {
	return fields.map((f) => `${f}=${value(f).trim()}`).join('\u001f');
}

/** Builds the row mapper for one file's header; throws HeaderError when a mapped column is missing. */
export function csvMapper(columns: readonly string[], options: CsvMapperOptions): RowMapper {
	const present = new Set(columns.map(headerKey));
	const written = new Map(columns.map((c) => [headerKey(c), c.trim()] as const));
	const columnOf = new Map<CsvField, string>();
	for (const key of present) {
		const field = fieldName(key);
		if (isCsvField(field) && !(field === 'source_record_id' && key === 'id' && present.has('source_record_id'))) columnOf.set(field, key);
	}
	for (const [field, column] of Object.entries(options.map ?? {}) as [CsvField, string][]) {
		if (!present.has(headerKey(column))) throw new HeaderError(`--map ${field}=${column}: the file has no column "${column}"`);
		columnOf.set(field, headerKey(column));
	}
	if (!columnOf.has('event_date')) throw new HeaderError('no event_date column: name one with --map event_date=<Column>');
	const contentFields = CSV_FIELDS.filter((f) => columnOf.has(f));
	const repeats = new Map<string, number>();
	return (r: SourceRecord) =>
		guarded(() => {
			// A file in the schema may carry source_dataset and incident_id: they must agree with what this import
			// derives, or re-importing an exported file would silently change ids.
			const rowSource = text(r.get('source_dataset'));
			if (rowSource && !(CSV_SOURCES as readonly string[]).includes(rowSource)) {
				reject(REJECT_REASONS.badCode, `source_dataset ${JSON.stringify(rowSource)} is not one of ${CSV_SOURCES.join(', ')}`);
			}
			if (rowSource && options.source && rowSource !== options.source) {
				reject(REJECT_REASONS.badCode, `source_dataset ${JSON.stringify(rowSource)} contradicts --source ${options.source}`);
			}
			const source = (options.source ?? rowSource ?? 'csv') as CsvSource;
			const column = (field: CsvField) => columnOf.get(field);
			const raw = (field: CsvField) => {
				const c = column(field);
				return c === undefined ? '' : r.get(c);
			};
			const value = (field: CsvField) => text(raw(field));
			const given = (field: CsvField, derived: string | null) => (column(field) === undefined ? derived : value(field));
			// Messages and raw_* columns name the column as the file spells it.
			const label = (field: CsvField) => written.get(column(field) ?? '') ?? field;

			let id: string;
			if (column('source_record_id')) {
				const given = value('source_record_id');
				if (!given) reject(REJECT_REASONS.missingId, `${label('source_record_id')} is blank`);
				id = given;
			} else {
				// No id column: the row's content identifies it (file names and lines repeat across folders).
				const digest = options.contentDigest(rowContent(contentFields, raw));
				const n = (repeats.get(digest) ?? 0) + 1;
				repeats.set(digest, n);
				id = n === 1 ? `row-${digest}` : `row-${digest}-${n}`;
				if (options.stats) {
					options.stats.generatedIds++;
					if (options.stats.generatedIdSample.length < 3) options.stats.generatedIdSample.push(`${source}:${id}`);
				}
			}

			const rawDate = value('event_date');
			if (!rawDate) reject(REJECT_REASONS.missingDate, `${label('event_date')} is blank`);
			const parsed = parseCsvDate(rawDate, options.dateOrder);
			if (!parsed.ok) failDate(parsed, label('event_date'), rawDate, options.dateOrder);
			if (parsed.bothWays && options.stats) options.stats.datesBothWays++;
			const precisionText = value('date_precision');
			let precision: DatePrecision = parsed.precision;
			if (precisionText) {
				const p = DATE_PRECISIONS.find((d) => d === precisionText.toLowerCase());
				if (!p) reject(REJECT_REASONS.badCode, `${label('date_precision')} ${JSON.stringify(precisionText)} is not one of ${DATE_PRECISIONS.join(', ')}`);
				precision = p;
			}
			let dateEnd: string | null = null;
			const endText = value('date_end');
			if (endText) {
				const end = parseCsvDate(endText, options.dateOrder);
				if (!end.ok) failDate(end, label('date_end'), endText, options.dateOrder);
				if (end.date < parsed.date) reject(REJECT_REASONS.invalidDate, `${label('date_end')} ${end.date} is before ${label('event_date')} ${parsed.date}`);
				dateEnd = end.date;
			}

			const geoText = value('geo_precision');
			let geo: GeoPrecision | null = null;
			if (geoText) {
				const g = GEO_PRECISIONS.find((p) => p === geoText.toLowerCase());
				if (!g) reject(REJECT_REASONS.badCode, `${label('geo_precision')} ${JSON.stringify(geoText)} is not one of ${GEO_PRECISIONS.join(', ')}`);
				geo = g;
			}

			const attackText = value('attack_type');
			const attack = toAttackType(attackText);
			if (attackText && !attack) reject(REJECT_REASONS.unknownAttackType, `${label('attack_type')} ${JSON.stringify(attackText)} is not a GTD attack type`);
			const targetText = value('target_type');
			const target = targetText ? toTargetType(targetText) : 'Unknown';
			if (!target) reject(REJECT_REASONS.unknownTargetType, `${label('target_type')} ${JSON.stringify(targetText)} is not a GTD target type`);

			const iso3Text = value('country_iso3');
			let country = resolveCountry(value('country'));
			if (iso3Text) {
				const c = countryByAlpha3(iso3Text);
				if (!c) reject(REJECT_REASONS.badCode, `${label('country_iso3')} ${JSON.stringify(iso3Text)} is not an ISO 3166-1 alpha-3 code`);
				country = { country_iso3: c.alpha3, country: c.name };
			}
			const admin1 = resolveAdmin1(country.country_iso3, value('admin1'));
			const admin2 = resolveAdmin2(country.country_iso3, admin1.admin1_pcode, value('admin2'));
			const incidentId = `${source}:${id}`;
			const givenId = text(r.get('incident_id'));
			if (givenId && givenId !== incidentId) reject(REJECT_REASONS.badCode, `incident_id ${JSON.stringify(givenId)} is not ${JSON.stringify(incidentId)}`);

			return {
				ok: true,
				unrecognisedAdmin1: admin1.unrecognised,
				unrecognisedAdmin2: admin2.unrecognised,
				incident: {
					incident_id: incidentId,
					source_dataset: source,
					source_record_id: id,
					event_date: parsed.date,
					date_precision: precision,
					date_end: dateEnd,
					...country,
					admin1: admin1.admin1,
					admin1_pcode: admin1.admin1_pcode,
					admin2: admin2.admin2,
					admin2_pcode: admin2.admin2_pcode,
					location: value('location'),
					latitude: coordinate(raw('latitude'), label('latitude'), 'latitude'),
					longitude: coordinate(raw('longitude'), label('longitude'), 'longitude'),
					geo_precision: geo,
					event_type: value('event_type'),
					sub_event_type: value('sub_event_type'),
					attack_type: attack,
					target_type: target,
					perpetrator: value('perpetrator'),
					target_actor: value('target_actor'),
					killed: count(raw('killed'), label('killed')),
					killed_low: count(raw('killed_low'), label('killed_low')),
					killed_high: count(raw('killed_high'), label('killed_high')),
					injured: count(raw('injured'), label('injured')),
					summary: value('summary'),
					source_name: value('source_name'),
					source_url: httpUrl(value('source_url')),
					// A raw_* column in the file is kept as written (blank too); without one the value is derived.
					raw_date: given('raw_date', rawDate),
					raw_admin1: given('raw_admin1', admin1.raw_admin1),
					raw_attack_type: given('raw_attack_type', attackText ? rawPairs([[label('attack_type'), attackText]]) : null),
					raw_target_type: given('raw_target_type', targetText ? rawPairs([[label('target_type'), targetText]]) : null)
				}
			};
		});
}
