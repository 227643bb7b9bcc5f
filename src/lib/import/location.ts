// Country and province resolution shared by the importers: one ISO alpha-3 and English name per country, and for
// Syria the OCHA governorate name and p-code (an unknown spelling is kept verbatim, p-code null, and reported).
import { countryByNumeric, lookupCountry, type Country } from '../data/countries';
import { districtPcode } from '../data/districts';
import { lookupSyriaGovernorate, normaliseAdmin1Text } from '../data/gazetteer';
import { lookupArabicCountry, lookupArabicGovernorate } from './arabic-names';
import { argsKey, memoByKey } from './memo';

export interface CountryFields {
	country_iso3: string | null;
	country: string | null;
}

/**
 * From an ISO numeric code (ACLED `iso`) when it is known, else from the name; an unrecognised name is kept as
 * written with a null alpha-3.
 */
export const resolveCountry = memoByKey(countryOf, (name: string | null, numeric?: string | null) => argsKey(name, numeric ?? null));

function countryOf(name: string | null, numeric?: string | null): CountryFields {
	let found: Country | null = null;
	const n = numeric?.trim();
	if (n && /^\d+$/.test(n) && Number(n) > 0) found = countryByNumeric(Number(n));
	found ??= lookupCountry(name) ?? (name ? lookupArabicCountry(name) : null);
	if (found) return { country_iso3: found.alpha3, country: found.name };
	return { country_iso3: null, country: name?.trim() || null };
}

export interface Admin1Fields {
	admin1: string | null;
	admin1_pcode: string | null;
	raw_admin1: string | null;
	/** Set when a Syrian admin1 was given but is not a known governorate spelling. */
	unrecognised: string | null;
}

// Sources write these when they do not know the province or district (GTD's provstate "Unknown").
const UNKNOWN_ADMIN1 = new Set(['unknown', 'n/a', 'na', 'none']);

/** Resolved once per distinct (country, text): a large export repeats a few dozen spellings. */
export const resolveAdmin1 = memoByKey(admin1Of, (countryIso3: string | null, raw: string | null) => argsKey(countryIso3, raw));

function admin1Of(countryIso3: string | null, raw: string | null): Admin1Fields {
	const given = raw?.trim() || null;
	if (!given || UNKNOWN_ADMIN1.has(given.toLowerCase())) {
		return { admin1: null, admin1_pcode: null, raw_admin1: given, unrecognised: null };
	}
	if (countryIso3 === 'SYR') {
		const g = lookupSyriaGovernorate(given) ?? lookupArabicGovernorate(given);
		if (g) return { admin1: g.en, admin1_pcode: g.pcode, raw_admin1: given, unrecognised: null };
		return { admin1: given, admin1_pcode: null, raw_admin1: given, unrecognised: given };
	}
	return { admin1: normaliseAdmin1Text(given), admin1_pcode: null, raw_admin1: given, unrecognised: null };
}

export interface Admin2Fields {
	/** The district as the source wrote it (trimmed), or null. */
	admin2: string | null;
	admin2_pcode: string | null;
	/** Set when a Syrian admin2 was given but is not a known district spelling (in that governorate). */
	unrecognised: string | null;
}

/**
 * For Syria the OCHA district p-code of the source's admin2, looked up within the row's governorate when it is
 * known (src/lib/data/districts.ts); elsewhere there are no district p-codes. The text is kept as given either way.
 */
export const resolveAdmin2 = memoByKey(admin2Of, (countryIso3: string | null, admin1Pcode: string | null, raw: string | null) => argsKey(countryIso3, admin1Pcode, raw));

function admin2Of(countryIso3: string | null, admin1Pcode: string | null, raw: string | null): Admin2Fields {
	const given = raw?.trim() || null;
	if (!given || UNKNOWN_ADMIN1.has(given.toLowerCase()) || countryIso3 !== 'SYR') {
		return { admin2: given, admin2_pcode: null, unrecognised: null };
	}
	const pcode = districtPcode(given, admin1Pcode);
	return { admin2: given, admin2_pcode: pcode, unrecognised: pcode ? null : given };
}
