// The boundary files the app ships under static/boundaries/ (made by `npm run data:boundaries`, see
// docs/boundaries.md): their paths and the properties of their features. The browser fetches them from its own
// origin; the builders and the crosswalk read these property names, so they live in one place.

/** Folder of the shipped boundaries, relative to the site root. */
export const BOUNDARIES_DIR = 'boundaries';

/** Syria, OCHA COD-AB: governorates (admin 1, 14 units) and districts (admin 2, 62 units). */
export const SYRIA_ADMIN1_FILE = `${BOUNDARIES_DIR}/syria-admin1.json`;
export const SYRIA_ADMIN2_FILE = `${BOUNDARIES_DIR}/syria-admin2.json`;

/** Natural Earth admin-1, one file per country (ISO 3166-1 alpha-3), so that only the data's countries load. */
export const WORLD_ADMIN1_INDEX = `${BOUNDARIES_DIR}/admin1/index.json`;
export const worldAdmin1File = (iso3: string): string => {
	// Only a code from the index is ever put in a URL; the check keeps a bad value from becoming a path.
	if (!/^[A-Z]{3}$/.test(iso3)) throw new Error(`not an ISO 3166-1 alpha-3 code: ${JSON.stringify(iso3).slice(0, 20)}`);
	return `${BOUNDARIES_DIR}/admin1/${iso3}.json`;
};

/** Properties of an OCHA unit. Keyed by p-code (never by FIPS, which also runs SY01-SY14 in another order). */
export interface SyriaUnitProperties {
	/** SY01..SY14 (governorates) or SY0100..SY1403 (districts). */
	pcode: string;
	/** The governorate's p-code for a district; 'SY' for a governorate. */
	parent_pcode: string;
	name_en: string;
	name_ar: string;
}

/** Properties of a Natural Earth admin-1 unit. */
export interface WorldAdmin1Properties {
	/** Natural Earth's own unit id (adm1_code, e.g. "YEM-1503"): unique, unlike iso_3166_2 (see below). */
	id: string;
	/**
	 * ISO 3166-2 code as Natural Earth gives it. Not unique: Natural Earth gives some units one code (Tehran and
	 * Alborz are both IR-07, the Bosnian cantons all BA-BIH), and units without an ISO code get "XX-X01~"-like codes.
	 */
	iso_3166_2: string;
	/** ISO 3166-1 alpha-3 of the country (Natural Earth's adm0_a3 where it differs: SDS -> SSD, KOS -> XKX, ...). */
	iso3: string;
	name: string;
	/** Arabic name; '' when Natural Earth has none. */
	name_ar: string;
	/** Other names Natural Earth records (name_alt, name_en, name_local), '|'-separated; '' when none. */
	alt: string;
	/**
	 * The larger region the unit belongs to where Natural Earth's admin-1 is a finer level than what sources call a
	 * province (Italy's provinces in "Liguria", France's departments in "Bretagne"); '' elsewhere. The crosswalk uses
	 * it to refuse a region name rather than match it to one of the region's units.
	 */
	region: string;
}

/** One entry of admin1/index.json. */
export interface WorldAdmin1IndexEntry {
	iso3: string;
	units: number;
	/** [minLon, minLat, maxLon, maxLat] */
	bbox: [number, number, number, number];
	bytes: number;
}

export interface WorldAdmin1Index {
	source: string;
	countries: WorldAdmin1IndexEntry[];
}

/**
 * What the map must show wherever the Syrian boundaries are drawn: CC BY-IGO 3.0 asks for the attribution, and
 * OCHA's boundaries come with the UN's disclaimer. Natural Earth is public domain; crediting it is a courtesy.
 */
export const OCHA_ATTRIBUTION = 'Boundaries: OCHA / UN Cartographic Section (CC BY-IGO 3.0)';
export const UN_DISCLAIMER =
	'The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.';
export const NATURAL_EARTH_ATTRIBUTION = 'Boundaries: Natural Earth (public domain)';
