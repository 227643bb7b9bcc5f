// Province names as sources write them -> Natural Earth admin-1 units (the shipped static/boundaries/admin1/ files),
// so that an ACLED export of Yemen or Iraq gets a real choropleth. A name matches a unit only when exactly one unit
// of that country answers to it; anything else is unmatched and listed, never guessed.
//
// How a name is matched, in order (the first step that finds exactly one unit wins):
// 1. curated: CURATED_ALIASES below, spellings of ACLED and others that Natural Earth does not record or records for
//    two units (ACLED's "Kyiv" is the oblast, "Kyiv City" the city; Natural Earth gives both the alt name "Kyiv"),
//    each checked by a test to name a unit that exists and that the automatic steps would not find;
// 2. exact: the folded name (case, accents, Arabic letter forms, apostrophes, hyphens, spacing: foldName below)
//    equals a unit's folded name or Arabic name; then, as a second tier, one of Natural Earth's other names (`alt`:
//    name_alt, name_en, name_local). Tiers, because an alt name can be another unit's name: Yemen's "Amanat Al
//    Asimah" (the capital) also has the alt name "Sanaa", the name of the governorate around it;
// 3. loose: both sides with administrative words ("Governorate", "Province", "Region", ...) and Arabic articles
//    ("Al-", "ad-", ...) removed, doubled letters single and spaces dropped, which absorbs the usual
//    transliteration variants ("Salah Al Din" = "Salah ad-Din", "Wassit" = "Wasit", "Hiraan" = "Hiiraan").
// Before the alt names and the loose step, a name that is a `region` of several units (Natural Earth's admin-1 is
// Italy's provinces; "Liguria" is a region of four, and Natural Earth gives Genova alone the alt name "Liguria") is
// refused: it names a region, not a unit. CURATED_ALIASES can also refuse a name outright (value null).
// At any step a key that two units of the country share (Natural Earth's "Almaty" region and "Almaty City" are both
// "almaty" once "City" is dropped) matches neither: the name is reported as ambiguous.
// Syria is not here: its governorates are keyed by OCHA p-code (src/lib/data/gazetteer.ts).
import { foldText } from '../text/fold';
import type { WorldAdmin1Properties } from './boundary-files';

export type Admin1Unit = WorldAdmin1Properties;

/** Step-1 key: foldText plus the punctuation sources vary on. */
export function foldName(name: string): string {
	return foldText(name)
		.replace(/['`\u2018\u2019\u02bb\u02bc\u02bf\u02be\u0027]/g, '')
		.replace(/[-_.,/()]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

// Administrative words in the languages sources transliterate from; removed only in the loose step.
const ADMIN_WORDS =
	/\b(governorate|province|provincia|region|regione|state|district|department|departamento|oblast|oblys|county|prefecture|municipality|territory|division|muhafazah|muhafazat|mohafazat|wilayah|wilayat|wilaya|velayat|ostan|raion|rayon|krai|kray|okrug|voivodeship|canton|emirate|parish|city of|autonomous|special|federal|capital|metropolitan|and dependencies)\b/g;
const ARTICLES = /(^| )(al|el|ar|as|ash|ad|adh|an|at|ath|az)(?= )/g;

/** Step-3 key: folded, administrative words and articles removed, doubled letters single, no spaces. */
export function looseName(name: string): string {
	const words = ` ${foldName(name).replace(ADMIN_WORDS, ' ')} `.replace(/\s+/g, ' ').replace(ARTICLES, ' ');
	return words.replace(/ /g, '').replace(/(.)\1+/gu, '$1');
}

/**
 * Spellings a source writes that Natural Earth does not record, by country, to Natural Earth's unit id. Add one only
 * when the two are the same unit (same territory), never for a unit that was split or merged: such names must stay
 * unmatched. null refuses a name that an alt name would otherwise give to one unit wrongly. Each entry is checked by
 * tests/data/admin1-crosswalk.test.ts.
 */
export type CuratedAliases = Readonly<Record<string, Readonly<Record<string, string | null>>>>;
export const CURATED_ALIASES: CuratedAliases = {
	ARG: { 'Ciudad Autonoma de Buenos Aires': 'ARG-5493' },
	// An entity of ten cantons; Natural Earth gives Zenica-Doboj alone its name as an alt name.
	BIH: { 'Federation of Bosnia and Herzegovina': null },
	BLR: { 'Minsk city': 'BLR-4825' },
	COL: { 'Bogota, D.C.': 'COL-1399' },
	// La Habana is the former Ciudad de la Habana, renamed in 2011 with the same territory.
	CUB: { 'La Habana': 'CUB-1428' },
	ETH: { 'Benshangul/Gumuz': 'ETH-3132' },
	GEO: { 'Autonomous Republic of Adjara': 'GEO-3027' },
	HRV: { 'City of Zagreb': 'HRV-1589' },
	IRQ: { Ninewa: 'IRQ-3051' },
	KOR: { 'Seoul Special City': 'KOR-2497' },
	MEX: {
		'Ciudad de Mexico': 'MEX-2727',
		'Coahuila de Zaragoza': 'MEX-2708',
		'Michoacan de Ocampo': 'MEX-2720',
		'Veracruz de Ignacio de la Llave': 'MEX-2734'
	},
	RUS: {
		Moscow: 'RUS-2365',
		'Moscow Oblast': 'RUS-2364',
		'Saint Petersburg': 'RUS-2337',
		'Republic of Chechnya': 'RUS-2416',
		'Republic of Karachay-Cherkessia': 'RUS-2280',
		'Republic of Sakha': 'RUS-2612',
		Zabaykalskiy: 'RUS-2610'
	},
	// Western Darfur in Natural Earth is the state after Central Darfur was split off in 2012, as ACLED's West Darfur.
	SDN: { 'West Darfur': 'SDN-5858' },
	SOM: { Galgaduud: 'SOM-2408', 'Middle Shabelle': 'SOM-2410' },
	UKR: { Kyiv: 'UKR-321', 'Kyiv City': 'UKR-4826' },
	UZB: { Tashkent: 'UZB-372', 'Tashkent City': 'UZB-4828', 'Republic of Karakalpakstan': 'UZB-356' }
};

export type MatchStep = 'exact' | 'curated' | 'loose';
export type NoMatchReason = 'no-country' | 'no-unit' | 'ambiguous' | 'region' | 'refused';

export interface Admin1Match {
	unit: Admin1Unit;
	step: MatchStep;
}

export interface Admin1Crosswalk {
	/** The unit a (country, province) pair names, or null: unknown country, no unit, or several (see `explain`). */
	match(iso3: string | null | undefined, name: string | null | undefined): Admin1Match | null;
	/** Why a pair did not match: 'no-country' (no units loaded for it), 'no-unit' or 'ambiguous' (with candidates). */
	explain(iso3: string, name: string): { reason: NoMatchReason; candidates: string[] } | null;
	/** Countries whose units are loaded. */
	countries(): string[];
}

/** key -> units answering to it; a key with two or more units is ambiguous. */
type KeyIndex = Map<string, Admin1Unit[]>;

function add(index: KeyIndex, key: string, unit: Admin1Unit): void {
	if (!key) return;
	const list = index.get(key);
	if (!list) index.set(key, [unit]);
	else if (!list.includes(unit)) list.push(unit);
}

const nonEmpty = (names: string[]) => names.filter((n) => n.trim() !== '');
const primaryNames = (u: Admin1Unit): string[] => nonEmpty([u.name, u.name_ar]);
const altNames = (u: Admin1Unit): string[] => nonEmpty(u.alt.split('|'));

interface CountryIndex {
	/** Folded name and Arabic name. */
	exact: KeyIndex;
	/** Folded other names. */
	alt: KeyIndex;
	loose: KeyIndex;
	curated: Map<string, Admin1Unit | null>;
	/** Folded and loose region names -> their units. */
	regions: KeyIndex;
}

/**
 * A crosswalk over the units of the countries loaded (one or more admin1/<ISO3>.json files' properties). Units of a
 * country that is not loaded match nothing, so a missing file shows as unmatched names, not as wrong matches.
 */
export function createAdmin1Crosswalk(
	units: Iterable<Admin1Unit>,
	curated: CuratedAliases = CURATED_ALIASES
): Admin1Crosswalk {
	const byCountry = new Map<string, CountryIndex>();
	const byId = new Map<string, Admin1Unit>();
	for (const unit of units) {
		let c = byCountry.get(unit.iso3);
		if (!c) byCountry.set(unit.iso3, (c = { exact: new Map(), alt: new Map(), loose: new Map(), curated: new Map(), regions: new Map() }));
		byId.set(unit.id, unit);
		for (const n of primaryNames(unit)) add(c.exact, foldName(n), unit);
		for (const n of altNames(unit)) add(c.alt, foldName(n), unit);
		for (const n of [...primaryNames(unit), ...altNames(unit)]) add(c.loose, looseName(n), unit);
		if (unit.region) {
			add(c.regions, foldName(unit.region), unit);
			add(c.regions, looseName(unit.region), unit);
		}
	}
	for (const [iso3, aliases] of Object.entries(curated)) {
		const c = byCountry.get(iso3);
		if (!c) continue;
		for (const [alias, id] of Object.entries(aliases)) {
			const unit = id === null ? null : byId.get(id);
			if (unit === undefined || (unit && unit.iso3 !== iso3)) throw new Error(`curated alias ${iso3}/${alias} names unknown unit ${id}`);
			c.curated.set(foldName(alias), unit);
		}
	}

	type Lookup = { unit: Admin1Unit; step: MatchStep } | { reason: NoMatchReason; units: Admin1Unit[] };
	function lookup(c: CountryIndex, name: string): Lookup {
		const key = foldName(name);
		const cur = c.curated.get(key);
		if (cur) return { unit: cur, step: 'curated' };
		if (cur === null) return { reason: 'refused', units: [] };
		const one = (units: Admin1Unit[] | undefined, step: MatchStep): Lookup | null => {
			if (units?.length === 1) return { unit: units[0], step };
			return units && units.length > 1 ? { reason: 'ambiguous', units } : null;
		};
		const primary = one(c.exact.get(key), 'exact');
		if (primary) return primary;
		const region = c.regions.get(key) ?? c.regions.get(looseName(name));
		if (region && region.length > 1) return { reason: 'region', units: region };
		return one(c.alt.get(key), 'exact') ?? one(c.loose.get(looseName(name)), 'loose') ?? { reason: 'no-unit', units: [] };
	}

	return {
		match(iso3, name) {
			const c = iso3 ? byCountry.get(iso3) : undefined;
			if (!c || !name || !name.trim()) return null;
			const found = lookup(c, name);
			return 'unit' in found ? found : null;
		},
		explain(iso3, name) {
			const c = byCountry.get(iso3);
			if (!c) return { reason: 'no-country', candidates: [] };
			const found = lookup(c, name);
			return 'unit' in found ? null : { reason: found.reason, candidates: found.units.map((u) => u.id) };
		},
		countries: () => [...byCountry.keys()].sort()
	};
}

export interface CrosswalkReport {
	matched: { iso3: string; name: string; unit: Admin1Unit; step: MatchStep }[];
	unmatched: { iso3: string | null; name: string; reason: NoMatchReason | 'no-name'; candidates: string[] }[];
}

/** Matches distinct (country, province) pairs and lists what did not match, with the reason. */
export function crosswalkReport(
	crosswalk: Admin1Crosswalk,
	pairs: Iterable<{ iso3: string | null; name: string | null }>
): CrosswalkReport {
	const report: CrosswalkReport = { matched: [], unmatched: [] };
	for (const { iso3, name } of pairs) {
		if (!iso3 || !name) {
			report.unmatched.push({ iso3, name: name ?? '', reason: iso3 ? 'no-name' : 'no-country', candidates: [] });
			continue;
		}
		const m = crosswalk.match(iso3, name);
		if (m) report.matched.push({ iso3, name, unit: m.unit, step: m.step });
		else report.unmatched.push({ iso3, name, ...crosswalk.explain(iso3, name)! });
	}
	return report;
}
