// GTD row (CSV or the official xlsx sheet, 135 columns) -> Incident. The date is split over iyear/imonth/iday with
// 0 meaning unknown: the event is dated to the first day of the known period and the precision drops accordingly.
import { toAttackType, toTargetType, type DatePrecision, type GeoPrecision } from '../data/taxonomy';
import { asciiDigits } from '../text/digits';
import { isoDate } from './dates';
import { resolveAdmin1, resolveCountry } from './location';
import { REJECT_REASONS, guarded, reject, type MapResult, type SourceRecord } from './types';
import { code, coordinate, count, rawPairs, text } from './values';

export const GTD_REQUIRED_COLUMNS = ['eventid', 'iyear', 'imonth', 'iday'] as const;

/**
 * specificity (GTD codebook): 1 = coordinates of the city/town where it happened -> town; 2 = in a town whose
 * coordinates were not found, 3 = not in a town; both at the centroid of the smallest administrative region
 * known -> admin2; 4 = centroid of the first-order region -> admin1; 5 = centroid of the country -> country.
 */
const SPECIFICITY: Readonly<Record<string, GeoPrecision>> = { 1: 'town', 2: 'admin2', 3: 'admin2', 4: 'admin1', 5: 'country' };

function datePart(r: SourceRecord, field: string, max: number): number {
	const t = asciiDigits(r.get(field).trim());
	if (t === '') reject(REJECT_REASONS.missingDate, `${field} is blank`);
	const n = /^\d+(\.0+)?$/.test(t) ? Number.parseInt(t, 10) : Number.NaN;
	if (!(n >= 0 && n <= max)) reject(REJECT_REASONS.invalidDate, `${field} = ${JSON.stringify(t)} is out of range`);
	return n;
}

interface GtdDate {
	date: string;
	precision: DatePrecision;
}

function gtdDate(r: SourceRecord): GtdDate {
	const year = datePart(r, 'iyear', 9999);
	const month = datePart(r, 'imonth', 12);
	const day = datePart(r, 'iday', 31);
	const shown = `${year}-${month}-${day}`;
	if (month === 0 && day !== 0) reject(REJECT_REASONS.invalidDate, `${shown}: a day without a month`);
	const precision: DatePrecision = month === 0 ? 'year' : day === 0 ? 'month' : 'day';
	const date = isoDate(year, month || 1, day || 1);
	if (!date) reject(REJECT_REASONS.invalidDate, `${shown} is not a calendar date`);
	return { date, precision };
}

export function mapGtdRecord(r: SourceRecord): MapResult {
	return guarded(() => {
		const id = text(r.get('eventid'));
		if (!id) reject(REJECT_REASONS.missingId, 'eventid is blank');
		const { date, precision } = gtdDate(r);
		const approx = r.get('approxdate').trim();
		const rawDate = rawPairs([
			['iyear', r.get('iyear')],
			['imonth', r.get('imonth')],
			['iday', r.get('iday')],
			...(approx ? ([['approxdate', approx]] as const) : [])
		]);

		const attackText = text(r.get('attacktype1_txt'));
		const attack = toAttackType(attackText);
		if (attackText && !attack) reject(REJECT_REASONS.unknownAttackType, `attacktype1_txt ${JSON.stringify(attackText)} is not a GTD attack type`);
		const targetText = text(r.get('targtype1_txt'));
		const target = targetText ? toTargetType(targetText) : 'Unknown';
		if (!target) reject(REJECT_REASONS.unknownTargetType, `targtype1_txt ${JSON.stringify(targetText)} is not a GTD target type`);

		// GTD's numeric `country` is its own code, not ISO: the name is what identifies the country.
		const country = resolveCountry(text(r.get('country_txt')));
		const admin1 = resolveAdmin1(country.country_iso3, text(r.get('provstate')));

		return {
			ok: true,
			unrecognisedAdmin1: admin1.unrecognised,
			// GTD has no district field.
			unrecognisedAdmin2: null,
			incident: {
				incident_id: `gtd:${id}`,
				source_dataset: 'gtd',
				source_record_id: id,
				event_date: date,
				date_precision: precision,
				date_end: null,
				...country,
				admin1: admin1.admin1,
				admin1_pcode: admin1.admin1_pcode,
				admin2: null,
				admin2_pcode: null,
				location: text(r.get('city')),
				latitude: coordinate(r.get('latitude'), 'latitude', 'latitude'),
				longitude: coordinate(r.get('longitude'), 'longitude', 'longitude'),
				geo_precision: code(r.get('specificity'), 'specificity', SPECIFICITY),
				event_type: null,
				sub_event_type: null,
				attack_type: attack,
				target_type: target,
				perpetrator: text(r.get('gname')),
				target_actor: text(r.get('target1')),
				killed: count(r.get('nkill'), 'nkill'),
				// GTD gives one figure (nkill), no range.
				killed_low: null,
				killed_high: null,
				injured: count(r.get('nwound'), 'nwound'),
				summary: text(r.get('summary')),
				source_name: text(r.get('scite1')),
				// GTD cites sources as text; it has no URL field.
				source_url: null,
				raw_date: rawDate,
				raw_admin1: admin1.raw_admin1,
				raw_attack_type: attackText === null ? null : rawPairs([['attacktype1_txt', attackText]]),
				raw_target_type: targetText === null ? null : rawPairs([['targtype1_txt', targetText]])
			}
		};
	});
}
