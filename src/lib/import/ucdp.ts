// UCDP GED row -> Incident. One row per dyad and period (date_start..date_end); deaths are the `best` estimate.
// UCDP has no narrative: the summary is the source headline and the source name is the reporting office.
import type { DatePrecision, GeoPrecision } from '../data/taxonomy';
import { coarser, daySpan, precisionOfSpan } from './dates';
import { resolveAdmin1, resolveAdmin2, resolveCountry } from './location';
import { FLAG_REASONS, REJECT_REASONS, guarded, reject, type Flag, type MapContext, type MapResult, type SourceRecord } from './types';
import { UCDP_VIOLENCE_TYPES, ucdpTargetType, type UcdpViolenceCode } from './ucdp-target';
import { code, coordinate, count, rawPairs, sourceDay, text } from './values';

export const UCDP_REQUIRED_COLUMNS = ['id', 'date_start', 'date_end', 'type_of_violence'] as const;

/**
 * date_prec (GED codebook): 1 exact day; 2 a 2-6 day range; 3 the week; 4 an 8-30 day range or the month;
 * 5 more than a month, within a year. The precision is the coarser of this and the actual start-end span.
 */
const DATE_PREC: Readonly<Record<string, DatePrecision>> = { 1: 'day', 2: 'week', 3: 'week', 4: 'month', 5: 'year' };

/**
 * where_prec: 1 exact place -> point; 2 within about 25 km of a known point -> near; 3 only the second-order
 * region -> admin2; 4 only the first-order region -> admin1; 5 a larger area or a linear feature (river, road,
 * front line) inside the country -> admin1, the finest level it can still claim; 6 only the country -> country;
 * 7 international waters or airspace -> null.
 */
const WHERE_PREC: Readonly<Record<string, GeoPrecision | null>> = {
	1: 'point',
	2: 'near',
	3: 'admin2',
	4: 'admin1',
	5: 'admin1',
	6: 'country',
	7: null
};

const VIOLENCE: Readonly<Record<string, UcdpViolenceCode>> = { 1: 1, 2: 2, 3: 3 };

/**
 * `best`, checked against `low` and `high` when they are given. UCDP publishes some rows with best outside
 * low..high: best is still UCDP's own estimate, so the row is kept and flagged (counted in the summary), not fixed.
 */
function deaths(r: SourceRecord): { best: number | null; low: number | null; high: number | null; flag?: Flag } {
	const best = count(r.get('best'), 'best');
	const low = count(r.get('low'), 'low');
	const high = count(r.get('high'), 'high');
	const flag = (detail: string) => ({ best, low, high, flag: { reason: FLAG_REASONS.inconsistentRange, detail } });
	if (low !== null && high !== null && low > high) return flag(`low ${low} is above high ${high}`);
	if (best !== null && low !== null && best < low) return flag(`best ${best} is below low ${low}`);
	if (best !== null && high !== null && best > high) return flag(`best ${best} is above high ${high}`);
	return { best, low, high };
}

export function mapUcdpRecord(r: SourceRecord, ctx: MapContext = {}): MapResult {
	return guarded(() => {
		const id = text(r.get('id'));
		if (!id) reject(REJECT_REASONS.missingId, 'id is blank');
		const start = sourceDay(r.get('date_start'), 'date_start', ctx);
		const end = sourceDay(r.get('date_end'), 'date_end', ctx);
		const span = daySpan(start, end);
		if (span < 1) reject(REJECT_REASONS.invalidDate, `date_end ${end} is before date_start ${start}`);
		const fromCode = code(r.get('date_prec'), 'date_prec', DATE_PREC);
		const precision = fromCode ? coarser(fromCode, precisionOfSpan(span)) : precisionOfSpan(span);

		const violence = code(r.get('type_of_violence'), 'type_of_violence', VIOLENCE);
		if (violence === null) reject(REJECT_REASONS.badCode, 'type_of_violence is blank');
		const sideB = text(r.get('side_b'));

		const country = resolveCountry(text(r.get('country')));
		const admin1 = resolveAdmin1(country.country_iso3, text(r.get('adm_1')));
		const admin2 = resolveAdmin2(country.country_iso3, admin1.admin1_pcode, text(r.get('adm_2')));
		const killed = deaths(r);

		return {
			ok: true,
			flag: killed.flag,
			unrecognisedAdmin1: admin1.unrecognised,
			unrecognisedAdmin2: admin2.unrecognised,
			incident: {
				incident_id: `ucdp:${id}`,
				source_dataset: 'ucdp',
				source_record_id: id,
				event_date: start,
				date_precision: precision,
				date_end: end,
				...country,
				admin1: admin1.admin1,
				admin1_pcode: admin1.admin1_pcode,
				admin2: admin2.admin2,
				admin2_pcode: admin2.admin2_pcode,
				location: text(r.get('where_coordinates')),
				latitude: coordinate(r.get('latitude'), 'latitude', 'latitude'),
				longitude: coordinate(r.get('longitude'), 'longitude', 'longitude'),
				geo_precision: code(r.get('where_prec'), 'where_prec', WHERE_PREC),
				event_type: UCDP_VIOLENCE_TYPES[violence],
				sub_event_type: null,
				// UCDP does not record how an attack was carried out.
				attack_type: null,
				target_type: ucdpTargetType(violence, sideB),
				perpetrator: text(r.get('side_a')),
				target_actor: sideB,
				killed: killed.best,
				// Kept as UCDP gives them, not reordered: its Syria file has rows with low > best and best > high (flagged).
				killed_low: killed.low,
				killed_high: killed.high,
				injured: null,
				summary: text(r.get('source_headline')) ?? text(r.get('source_article')),
				source_name: text(r.get('source_office')),
				source_url: null,
				raw_date: rawPairs([
					['date_start', r.get('date_start')],
					['date_end', r.get('date_end')],
					['date_prec', r.get('date_prec')]
				]),
				raw_admin1: admin1.raw_admin1,
				raw_attack_type: null,
				raw_target_type: rawPairs([
					['type_of_violence', r.get('type_of_violence')],
					['side_b', r.get('side_b')]
				])
			}
		};
	});
}
