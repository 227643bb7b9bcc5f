// Pure steps of `npm run data:boundaries` (scripts/build-boundaries.ts): which properties the shipped features keep,
// how Natural Earth's country codes become ISO 3166-1 alpha-3, and how coarsely each country is simplified.
import type { SyriaUnitProperties, WorldAdmin1Properties } from '../../src/lib/data/boundary-files';

type Props = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** OCHA COD-AB admin-1 (governorate) properties -> the shipped ones. */
export function ochaAdmin1Properties(p: Props): SyriaUnitProperties {
	return { pcode: str(p.ADM1_PCODE), parent_pcode: str(p.ADM0_PCODE), name_en: str(p.ADM1_EN), name_ar: str(p.ADM1_AR) };
}

/** OCHA COD-AB admin-2 (district) properties -> the shipped ones. */
export function ochaAdmin2Properties(p: Props): SyriaUnitProperties {
	return { pcode: str(p.ADM2_PCODE), parent_pcode: str(p.ADM1_PCODE), name_en: str(p.ADM2_EN), name_ar: str(p.ADM2_AR) };
}

/**
 * Natural Earth adm0_a3 codes that are not ISO 3166-1 alpha-3, and where their units go. Sources such as ACLED file
 * events in Somaliland under Somalia and in Northern Cyprus under Cyprus, so those units join that country's map.
 * null: not shipped (uninhabited or without a country any source uses: Spratly Is., Coral Sea Is., Siachen, ...).
 */
export const NE_COUNTRY_TO_ISO3: Readonly<Record<string, string | null>> = {
	SDS: 'SSD', // South Sudan
	KOS: 'XKX', // Kosovo (user-assigned code, as in src/lib/data/countries.ts)
	PSX: 'PSE', // Palestine
	SAH: 'ESH', // Western Sahara
	ALD: 'ALA', // Åland
	SOL: 'SOM', // Somaliland
	CYN: 'CYP', // Northern Cyprus
	ESB: 'CYP', // Dhekelia base area, on Cyprus
	WSB: 'CYP', // Akrotiri base area, on Cyprus
	KAB: 'KAZ', // Baikonur lease, in Kazakhstan
	USG: 'CUB', // Guantanamo Bay naval base, on Cuba
	IOA: null,
	CSI: null,
	PGA: null,
	CLP: null,
	ATC: null,
	KAS: null
};

/** Countries whose Natural Earth units are not shipped because another source is better. Syria: OCHA's p-coded
 *  governorates (Natural Earth's has no p-codes, and its `fips` runs SY01-SY14 in another order). */
export const NE_SKIPPED_COUNTRIES: ReadonlySet<string> = new Set(['SYR']);

export function neCountryIso3(adm0a3: string): string | null {
	if (Object.hasOwn(NE_COUNTRY_TO_ISO3, adm0a3)) return NE_COUNTRY_TO_ISO3[adm0a3];
	return /^[A-Z]{3}$/.test(adm0a3) ? adm0a3 : null;
}

/** Other names of a unit: name_alt (NE separates them with '|'), name_en and name_local, without the main name. */
export function neAltNames(p: Props): string[] {
	const name = str(p.name);
	const all = [...str(p.name_alt).split('|'), str(p.name_en), str(p.name_local)].map((s) => s.trim());
	return [...new Set(all.filter((s) => s !== '' && s !== name))];
}

/** The shipped properties of a Natural Earth unit, or null when the unit is not shipped (no country, no name). */
export function neUnitProperties(p: Props): WorldAdmin1Properties | null {
	const iso3 = neCountryIso3(str(p.adm0_a3));
	const name = str(p.name) || str(p.name_en);
	// Seven NE features have no name at all (remote islets under "+99?" codes): no source can name them.
	if (!iso3 || NE_SKIPPED_COUNTRIES.has(iso3) || !name || !str(p.adm1_code)) return null;
	return {
		id: str(p.adm1_code),
		iso_3166_2: str(p.iso_3166_2),
		iso3,
		name,
		name_ar: str(p.name_ar),
		alt: neAltNames({ ...p, name }).join('|'),
		region: str(p.region)
	};
}

/** [minLon, minLat, maxLon, maxLat] of any GeoJSON geometry's positions. */
export function geometryBbox(geometries: readonly { coordinates: unknown }[]): [number, number, number, number] {
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] === 'number') {
			const [x, y] = c as number[];
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		} else c.forEach(walk);
	};
	geometries.forEach((g) => walk(g.coordinates));
	return box;
}

/**
 * A country's extent in km: the square root of the summed areas of its polygons' bounding boxes. Per polygon, so
 * that a country across the antimeridian (Fiji, Russia) or a long chain of small islands is not taken for a huge one.
 */
export function countryExtentKm(geometries: readonly { type: string; coordinates: unknown }[]): number {
	const polygons: unknown[] = [];
	for (const g of geometries) {
		if (g.type === 'Polygon') polygons.push(g.coordinates);
		else if (g.type === 'MultiPolygon') polygons.push(...(g.coordinates as unknown[]));
	}
	let area = 0;
	for (const polygon of polygons) {
		const [minLon, minLat, maxLon, maxLat] = geometryBbox([{ coordinates: polygon }]);
		const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
		area += (maxLon - minLon) * KM_PER_DEGREE * Math.cos(midLat) * (maxLat - minLat) * KM_PER_DEGREE;
	}
	return Math.sqrt(area);
}

const KM_PER_DEGREE = 111.32;

/**
 * Simplification interval in metres for one country: 1/INTERVAL_DIVISOR of its extent, so every country keeps
 * about the same detail at the size a dashboard draws it (Lebanon 250 m, Iraq 900 m, Yemen 950 m, Russia 5 km),
 * within [250 m, 5 km]. About one pixel when the country fills a 1000-pixel-wide panel.
 */
export const INTERVAL_DIVISOR = 1000;
export function countryInterval(extentKm: number): number {
	const metres = (extentKm * 1000) / INTERVAL_DIVISOR;
	return Math.round(Math.min(5000, Math.max(250, metres)) / 50) * 50;
}
