// Where a segment happened: the most specific place the incident's own sentences name (a neighbourhood or site
// before a town, a town before an area), its district and governorate; without a known place, the governorate
// the sentences name. Context sentences (comment, background) are read only when the incident's sentences name
// nothing, so a quote about "the Homs desert" does not move an attack in Raqqa.
import { SYRIA_GOVERNORATES, governorateByPcode, type Governorate } from '../data/gazetteer';
import { toSource, type Folded } from './fold-map';
import { Lexicon, type Hit } from './lexicon';
import { DISTRICTS, PLACES, type Place } from './places';
import type { Field, LocationValue, NamedCode, Span } from './types';

const placeLexicon = new Lexicon<Place>(PLACES.flatMap((pl) => [pl.en, pl.ar, ...pl.aliases].map((n) => [n, pl] as const)));
const governorateLexicon = new Lexicon<Governorate>(
	SYRIA_GOVERNORATES.flatMap((g) => [g.en, g.ar, ...g.aliases].map((n) => [n, g] as const))
);
const districtByPcode = new Map(DISTRICTS.map((d) => [d.pcode, d] as const));

const RANK: Record<Place['kind'], number> = { neighbourhood: 3, site: 3, village: 2, town: 2, city: 2, area: 1 };

export interface PlaceFields {
	governorate: Field<NamedCode | null>;
	district: Field<NamedCode | null>;
	location: Field<LocationValue | null>;
}

const none = <T>(note: string): Field<T | null> => ({ value: null, confidence: 0.3, evidence: [], note });

function bestPlace(hits: Hit<Place>[], govs: Hit<Governorate>[]): Hit<Place> | null {
	if (hits.length === 0) return null;
	// A place in the governorate the sentences name beats one elsewhere ("Tabqa, west of Raqqa").
	const named = new Set(govs.map((g) => g.value.pcode));
	const agreeing = hits.filter((h) => named.has(h.value.admin2.slice(0, 4)));
	const pool = agreeing.length > 0 ? agreeing : hits;
	return pool.reduce((best, h) => (RANK[h.value.kind] > RANK[best.value.kind] ? h : best));
}

/** Place fields from folded ranges: the incident's own sentences first, then its context. */
export function extractPlace(f: Folded, primary: readonly (readonly [number, number])[], context: readonly (readonly [number, number])[]): PlaceFields {
	const find = <T>(lex: Lexicon<T>, ranges: readonly (readonly [number, number])[]) => ranges.flatMap(([a, b]) => lex.find(f.text, a, b));
	for (const [ranges, weight] of [[primary, 1], [context, 0.6]] as const) {
		const places = find(placeLexicon, ranges);
		const govs = find(governorateLexicon, ranges);
		const place = bestPlace(places, govs);
		const span = (h: Hit<unknown>): Span => toSource(f, h.start, h.end);
		if (place) {
			const pl = place.value;
			const gov = governorateByPcode(pl.admin2.slice(0, 4))!;
			const district = districtByPcode.get(pl.admin2);
			const govEvidence = govs.filter((g) => g.value.pcode === gov.pcode).map(span);
			return {
				governorate: { value: { pcode: gov.pcode, name: gov.en }, confidence: (govEvidence.length ? 0.95 : 0.85) * weight, evidence: [span(place), ...govEvidence] },
				district: district
					? { value: { pcode: district.pcode, name: district.en }, confidence: 0.8 * weight, evidence: [span(place)], note: `District of ${pl.en} (gazetteer)` }
					: none('The gazetteer has no district for this place.'),
				location: {
					value: { name: pl.en, name_ar: pl.ar, kind: pl.kind, latitude: pl.lat ?? null, longitude: pl.lon ?? null },
					confidence: (pl.kind === 'area' ? 0.6 : 0.85) * weight,
					evidence: places.filter((h) => h.value === pl).map(span)
				}
			};
		}
		if (govs.length > 0) {
			const g = govs[0].value;
			return {
				governorate: { value: { pcode: g.pcode, name: g.en }, confidence: 0.7 * weight, evidence: govs.filter((h) => h.value === g).map(span) },
				district: none('No town or district the gazetteer knows is named.'),
				location: none('No town or neighbourhood the gazetteer knows is named.')
			};
		}
	}
	return {
		governorate: none('No Syrian governorate or place the gazetteer knows is named.'),
		district: none('No town or district the gazetteer knows is named.'),
		location: none('No town or neighbourhood the gazetteer knows is named.')
	};
}
