// ACLED export row -> Incident. Handles the export tool ("02 June 2023"), the API (ISO dates), old UPPERCASE
// exports ("01-January-2015", no iso/sub_event_type columns) and inter1/inter2 written as codes or as labels.
import type { DatePrecision, GeoPrecision } from '../data/taxonomy';
import { acledActorCode, acledAttackType, acledTargetType } from './acled-target';
import { resolveAdmin1, resolveAdmin2, resolveCountry } from './location';
import { REJECT_REASONS, guarded, reject, type MapContext, type MapResult, type SourceRecord } from './types';
import { code, coordinate, count, httpUrl, rawPairs, sourceDay, text } from './values';

export const ACLED_REQUIRED_COLUMNS = ['event_id_cnty', 'event_date'] as const;

/** time_precision: 1 = the day is known, 2 = the week, 3 = the month (ACLED codebook). */
const TIME_PRECISION: Readonly<Record<string, DatePrecision>> = { 1: 'day', 2: 'week', 3: 'month' };

/**
 * geo_precision: 1 = the coordinates are the named place itself -> point; 2 = near the named place or part of a
 * region (a nearby town is used) -> near; 3 = only a larger region is known (coordinates of an admin2 centroid or
 * provincial capital) -> admin2.
 */
const GEO_PRECISION: Readonly<Record<string, GeoPrecision>> = { 1: 'point', 2: 'near', 3: 'admin2' };

export function mapAcledRecord(r: SourceRecord, ctx: MapContext = {}): MapResult {
	return guarded(() => {
		const id = text(r.get('event_id_cnty'));
		if (!id) reject(REJECT_REASONS.missingId, 'event_id_cnty is blank');
		const rawDate = r.get('event_date').trim();
		const eventDate = sourceDay(rawDate, 'event_date', ctx);
		// ACLED's timestamp (last change of the record) travels in raw_date: a newer export replaces a stale row.
		const timestamp = text(r.get('timestamp'));
		// A blank time_precision is taken as day: it is how ACLED codes the great majority of events.
		const precision = code(r.get('time_precision'), 'time_precision', TIME_PRECISION) ?? 'day';

		const inter2Text = r.get('inter2');
		const inter2 = acledActorCode(inter2Text);
		if (inter2 === undefined) reject(REJECT_REASONS.badCode, `inter2 = ${JSON.stringify(inter2Text.trim())} is not an ACLED actor type`);
		const actor2 = text(r.get('actor2'));
		const civilianTargeting = text(r.get('civilian_targeting'));
		const subEventType = text(r.get('sub_event_type'));
		const eventType = text(r.get('event_type'));

		const country = resolveCountry(text(r.get('country')), r.get('iso'));
		const admin1 = resolveAdmin1(country.country_iso3, text(r.get('admin1')));
		const admin2 = resolveAdmin2(country.country_iso3, admin1.admin1_pcode, text(r.get('admin2')));
		const sourceName = text(r.get('source'));

		return {
			ok: true,
			unrecognisedAdmin1: admin1.unrecognised,
			unrecognisedAdmin2: admin2.unrecognised,
			incident: {
				incident_id: `acled:${id}`,
				source_dataset: 'acled',
				source_record_id: id,
				event_date: eventDate,
				date_precision: precision,
				date_end: null,
				...country,
				admin1: admin1.admin1,
				admin1_pcode: admin1.admin1_pcode,
				admin2: admin2.admin2,
				admin2_pcode: admin2.admin2_pcode,
				location: text(r.get('location')),
				latitude: coordinate(r.get('latitude'), 'latitude', 'latitude'),
				longitude: coordinate(r.get('longitude'), 'longitude', 'longitude'),
				geo_precision: code(r.get('geo_precision'), 'geo_precision', GEO_PRECISION),
				event_type: eventType,
				sub_event_type: subEventType,
				attack_type: acledAttackType(subEventType, eventType),
				target_type: acledTargetType({ inter2, actor2, civilianTargeting }),
				perpetrator: text(r.get('actor1')),
				target_actor: actor2,
				killed: count(r.get('fatalities'), 'fatalities'),
				// ACLED gives one best estimate, no range.
				killed_low: null,
				killed_high: null,
				// ACLED records no injuries.
				injured: null,
				summary: text(r.get('notes')),
				source_name: sourceName,
				source_url: httpUrl(sourceName),
				raw_date: timestamp ? rawPairs([['event_date', rawDate], ['timestamp', timestamp]]) : rawDate,
				raw_admin1: admin1.raw_admin1,
				raw_attack_type: subEventType
					? rawPairs([['sub_event_type', subEventType]])
					: eventType
						? rawPairs([['event_type', eventType]])
						: null,
				raw_target_type: rawPairs([
					['inter2', inter2Text],
					['civilian_targeting', r.get('civilian_targeting')]
				])
			}
		};
	});
}
