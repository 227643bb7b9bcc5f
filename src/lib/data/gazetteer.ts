// Syria's 14 governorates keyed by OCHA p-code (COD-AB), with every spelling ACLED, UCDP, GTD, Natural Earth
// and common transliterations use. Never key by FIPS: FIPS also runs SY01-SY14, in another order.

export interface Governorate {
	pcode: string;
	en: string;
	ar: string;
	iso3166_2: string;
	/** Other spellings seen in sources; matched after normalisation. */
	aliases: readonly string[];
	/** Rough [column, row] on a 5x5 tile map, north at row 0, west at column 0. */
	tile: readonly [number, number];
}

export const SYRIA_GOVERNORATES: readonly Governorate[] = [
	{ pcode: 'SY01', en: 'Damascus', ar: 'دمشق', iso3166_2: 'SY-DI', tile: [1, 3],
		aliases: ['Damascus Governorate', 'Dimashq', 'Damascus City'] },
	{ pcode: 'SY02', en: 'Aleppo', ar: 'حلب', iso3166_2: 'SY-HL', tile: [2, 0],
		aliases: ['Aleppo Governorate', 'Halab'] },
	{ pcode: 'SY03', en: 'Rural Damascus', ar: 'ريف دمشق', iso3166_2: 'SY-RD', tile: [2, 3],
		aliases: ['Rif Dimashq', 'Rif Dimashq Governorate', 'Reef Damascus', 'Damascus Countryside', 'Rif Dimashk', 'Rural Damascus Governorate'] },
	{ pcode: 'SY04', en: 'Homs', ar: 'حمص', iso3166_2: 'SY-HI', tile: [2, 2],
		aliases: ['Homs Governorate', 'Homs (Hims)', 'Hims'] },
	{ pcode: 'SY05', en: 'Hama', ar: 'حماة', iso3166_2: 'SY-HM', tile: [1, 1],
		aliases: ['Hamah', 'Hamah Governorate', 'Hama Governorate', 'Hamat'] },
	{ pcode: 'SY06', en: 'Lattakia', ar: 'اللاذقية', iso3166_2: 'SY-LA', tile: [0, 1],
		aliases: ['Latakia', 'Latakia Governorate', 'Lattakia Governorate', 'Al Ladhiqiyah', 'Al-Ladhiqiyah', 'Ladhiqiyah'] },
	{ pcode: 'SY07', en: 'Idleb', ar: 'إدلب', iso3166_2: 'SY-ID', tile: [1, 0],
		aliases: ['Idlib', 'Idlib Governorate', 'Idleb Governorate'] },
	{ pcode: 'SY08', en: 'Al-Hasakeh', ar: 'الحسكة', iso3166_2: 'SY-HA', tile: [4, 0],
		aliases: ['Al Hasakeh', 'Al Hasakah', 'Al Hasakah Governorate', 'Hasakah', 'Hasaka', 'Hasaka (Al Haksa)', 'Al-Hasakah', 'Al Haksa', 'Hassakeh'] },
	{ pcode: 'SY09', en: 'Deir-ez-Zor', ar: 'دير الزور', iso3166_2: 'SY-DY', tile: [4, 1],
		aliases: ['Deir ez Zor', 'Deir ez-Zor', 'Deir ez Zor Governorate', 'Dayr Az Zawr', 'Deir al-Zor', 'Deir Ezzor', 'Dair ez Zor', 'Deir Ez-Zor'] },
	{ pcode: 'SY10', en: 'Tartous', ar: 'طرطوس', iso3166_2: 'SY-TA', tile: [0, 2],
		aliases: ['Tartus', 'Tartus Governorate', 'Tartous Governorate', 'Tartos'] },
	{ pcode: 'SY11', en: 'Ar-Raqqa', ar: 'الرقة', iso3166_2: 'SY-RA', tile: [3, 0],
		aliases: ['Ar Raqqa', 'Ar Raqqah', 'Ar Raqqah Governorate', 'Raqqah', 'Raqqa', 'Al-Raqqa', 'Al Raqqah', 'Ar-Raqqah'] },
	{ pcode: 'SY12', en: "Dar'a", ar: 'درعا', iso3166_2: 'SY-DR', tile: [1, 4],
		aliases: ['Dara', 'Daraa', 'Daraa Governorate', 'Dar`a', 'Deraa', "Dar'a Governorate"] },
	{ pcode: 'SY13', en: 'As-Sweida', ar: 'السويداء', iso3166_2: 'SY-SU', tile: [2, 4],
		aliases: ['As Sweida', "As Suwayda'", 'As Suwayda', 'As Suwayda Governorate', 'Suwayda', 'Sweida', 'Al-Suwayda', 'As-Suwayda'] },
	{ pcode: 'SY14', en: 'Quneitra', ar: 'القنيطرة', iso3166_2: 'SY-QU', tile: [0, 4],
		aliases: ['Quneitra Governorate', 'Al Qunaytirah', 'Qunaytirah', 'Al-Quneitra'] }
];

export const SYRIA_PCODES: readonly string[] = SYRIA_GOVERNORATES.map((g) => g.pcode);

/** Folds case, diacritics, apostrophes, hyphens and spacing so that "Dar`a", "Dar'a" and "DARA" compare. */
export function normaliseAdmin1Key(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['`\u2018\u2019\u02bb\u02bf]/g, '')
		.replace(/[-_.]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

const byKey = new Map<string, Governorate>();
for (const g of SYRIA_GOVERNORATES) {
	for (const name of [g.pcode, g.en, g.ar, ...g.aliases]) byKey.set(normaliseAdmin1Key(name), g);
}
const byPcode = new Map(SYRIA_GOVERNORATES.map((g) => [g.pcode, g] as const));

/** The governorate a source's admin1 spelling names, or null when it is not recognised (never guessed). */
export function lookupSyriaGovernorate(name: string | null | undefined): Governorate | null {
	if (!name) return null;
	const key = normaliseAdmin1Key(name);
	if (!key) return null;
	return byKey.get(key) ?? byKey.get(key.replace(/ governorate$/, '')) ?? null;
}

export function governorateByPcode(pcode: string): Governorate | undefined {
	return byPcode.get(pcode);
}

/**
 * Admin1 names outside Syria: kept as given, with white space folded; a name written all in one case (old
 * UPPERCASE exports) is title-cased so that "NORTHERN" and "Northern" count as one province.
 */
export function normaliseAdmin1Text(name: string | null | undefined): string | null {
	if (name == null) return null;
	const folded = name.replace(/\s+/g, ' ').trim();
	if (folded === '') return null;
	const oneCase = folded === folded.toUpperCase() || folded === folded.toLowerCase();
	if (!oneCase || !/\p{L}/u.test(folded) || folded.toUpperCase() === folded.toLowerCase()) return folded;
	return folded.toLowerCase().replace(/(^|[\s\-(/'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
