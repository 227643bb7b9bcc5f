// Syria's 62 districts (admin2) keyed by OCHA COD-AB p-code, with the spellings ACLED's `admin2` and UCDP GED's
// `adm_2` use. Facts only: p-codes, English and Arabic names from OCHA's syr_admbnda_adm2 file (ADM2_PCODE, ADM2_EN,
// ADM2_AR, ADM1_PCODE); aliases from the distinct names in the sources (tests/data/districts.test.ts checks both
// against ../shared/data/real when it is present). A p-code's first four characters are its governorate's p-code.
//
// ACLED's admin2 names are OCHA's, spelled without hyphens or apostrophes ("Jisr Ash Shugur", "Al Mara").
// UCDP GED names come from another boundary set (GADM-like): "Mintaqat Markaz Homs district", "Albu Kamal
// district", and two districts OCHA does not have, Atarib and Dayr Hafir (created around 2009 from parts of Jebel
// Saman and Al Bab; OCHA keeps them as sub-districts). They are mapped to the OCHA district that contains them: every
// one of UCDP's 131 Atarib events lies inside OCHA's Jebel Saman polygon, and 45 of its 46 Dayr Hafir events inside
// Al Bab. Because the boundary sets differ, a UCDP event's point is not always inside the OCHA district of its name
// (most districts 85-100 %, a few about 76 %): admin2_pcode means "the district the source names", not a spatial join.
import { foldText } from '../text/fold';
import { normaliseAdmin1Key } from './gazetteer';

export interface District {
	/** OCHA admin2 p-code, `SY` + governorate digits + district digits (SY1101). */
	pcode: string;
	/** OCHA p-code of the governorate (SY11). */
	admin1Pcode: string;
	/** OCHA English name (ADM2_EN). */
	en: string;
	/** OCHA Arabic name (ADM2_AR). */
	ar: string;
	/** Other spellings seen in sources; matched after normalisation. */
	aliases: readonly string[];
}

type Row = readonly [pcode: string, en: string, ar: string, aliases?: readonly string[]];

// Rows in p-code order. Aliases list only what normalisation does not already equate (case, hyphens,
// apostrophes, accents, Arabic hamza forms, a trailing "district", a leading "Mintaqat"/"Markaz"/"منطقة"/"مركز").
const ROWS: readonly Row[] = [
	['SY0100', 'Damascus', 'دمشق', ['Dimashq', 'Damascus City']],
	['SY0200', 'Jebel Saman', 'جبل سمعان', ['Jabal Saman', "Jabal Sam'an", 'Mount Simeon', 'Atarib', 'Al Atarib', 'Al Atareb']],
	['SY0202', 'Al Bab', 'الباب', ['Dayr Hafir', 'Deir Hafer', 'Dayr Hafer']],
	['SY0203', 'Afrin', 'عفرين', ['Efrin']],
	['SY0204', "A'zaz", 'اعزاز', ['Azaz', "I'zaz"]],
	['SY0205', 'Menbij', 'منبج', ['Manbij']],
	['SY0206', 'Ain Al Arab', 'عين العرب', ['Ayn al Arab', 'Kobani', 'Kobane', 'كوباني']],
	['SY0207', 'As-Safira', 'السفيرة', ['As Safirah', 'Safira']],
	['SY0208', 'Jarablus', 'جرابلس', ['Jarabulus']],
	['SY0301', 'Rural Damascus', 'مركز ريف دمشق', ['Rif Dimashq', 'ريف دمشق']],
	['SY0302', 'Duma', 'دوما', ['Douma']],
	['SY0303', 'Al Qutayfah', 'القطيفة', ['Qutayfah', 'Al Qutayfa']],
	['SY0304', 'At Tall', 'التل', ['Al Tall']],
	['SY0305', 'Yabroud', 'يبرود', ['Yabrud']],
	['SY0306', 'An Nabk', 'النبك', ['Al Nabk', 'Nabk', 'An Nabek']],
	['SY0307', 'Az-Zabdani', 'الزبداني', ['Az Zabadani', 'Zabadani', 'Zabdani']],
	['SY0308', 'Qatana', 'قطنا'],
	['SY0309', 'Darayya', 'داريا', ['Daraya']],
	['SY0401', 'Homs', 'مركز حمص', ['Hims', 'حمص']],
	['SY0402', 'Al-Qusayr', 'القصير', ['Qusayr', 'Al Qusair']],
	['SY0403', 'Tall Kalakh', 'تلكلخ', ['Tell Kalakh', 'Tal Kalakh', 'Talkalakh']],
	['SY0404', 'Ar-Rastan', 'الرستن', ['Rastan']],
	['SY0405', 'Tadmor', 'تدمر', ['Tadmur', 'Palmyra']],
	['SY0406', 'Al Makhrim', 'المخرم', ['Al Mukharram', 'Mukharram']],
	['SY0501', 'Hama', 'مركز حماة', ['Hamah', 'حماة']],
	['SY0502', 'As-Suqaylabiyah', 'السقيلبية', ['As Suqaylibiyah', 'Suqaylabiyah', 'Suqaylibiyah']],
	['SY0503', 'As-Salamiyeh', 'السلمية', ['Salamiyah', 'Salamiyeh', 'As Salamiyah', 'Salamieh', 'سلمية']],
	['SY0504', 'Masyaf', 'مصياف', ['Misyaf']],
	['SY0505', 'Muhradah', 'محردة', ['Mhardeh', 'Mahardah']],
	['SY0600', 'Lattakia', 'مركز اللاذقية', ['Latakia', 'Al Ladhiqiyah', 'اللاذقية']],
	['SY0602', 'Jablah', 'جبلة', ['Jableh', 'Jabla']],
	['SY0603', 'Al-Haffa', 'الحفة', ['Al Haffah', 'Haffa']],
	['SY0604', 'Al-Qardaha', 'القرداحة', ['Qardahah', 'Al Qardahah', 'Qardaha']],
	['SY0700', 'Idleb', 'مركز إدلب', ['Idlib', 'إدلب']],
	['SY0702', "Al Ma'ra", 'معرة النعمان', ["Ma'arrat an Nu'man", 'Maarat al-Numaan', "Ma'arrat al-Nu'man", 'Maarrat an Numan']],
	['SY0703', 'Harim', 'حارم', ['Harem']],
	['SY0704', 'Jisr-Ash-Shugur', 'جسر الشغور', ['Jisr ash Shughur', 'Jisr al-Shughur', 'Jisr al Shugur']],
	['SY0705', 'Ariha', 'أريحا'],
	['SY0800', 'Al-Hasakeh', 'مركز الحسكة', ['Al Hasakah', 'Hasakah', 'Hasakeh', 'الحسكة']],
	['SY0802', 'Quamishli', 'القامشلي', ['Al Qamishli', 'Qamishli', 'Qamishly']],
	['SY0803', 'Al-Malikeyyeh', 'المالكية', ['Al Malikiyah', 'Malikiyah', 'Derik', 'ديريك']],
	['SY0804', 'Ras Al Ain', 'رأس العين', ['Ras al Ayn', 'Serekaniye']],
	['SY0901', 'Deir-ez-Zor', 'مركز دير الزور', ['Dayr az Zawr', 'Deir al-Zor', 'Deir Ezzor', 'دير الزور']],
	['SY0902', 'Abu Kamal', 'البوكمال', ['Albu Kamal', 'Al Bukamal', 'Al Bu Kamal', 'Bukamal']],
	['SY0903', 'Al Mayadin', 'الميادين', ['Mayadin', 'Al Mayadeen']],
	['SY1000', 'Tartous', 'مركز طرطوس', ['Tartus', 'طرطوس']],
	['SY1002', 'Banyas', 'بانياس', ['Baniyas', 'Banias']],
	['SY1003', 'Safita', 'صافيتا'],
	['SY1004', 'Dreikish', 'دريكيش', ['Duraykish', 'Draykish', 'الدريكيش']],
	['SY1005', 'Sheikh Badr', 'الشيخ بدر', ['Ash Shaykh Badr', 'Shaykh Badr']],
	['SY1006', 'Qadmous', 'القدموس', ['Al Qadmus', 'Qadmus', 'Al Qadmous']],
	['SY1101', 'Ar-Raqqa', 'مركز الرقة', ['Ar Raqqah', 'Raqqa', 'Raqqah', 'Al Raqqa', 'الرقة']],
	['SY1102', 'Tell Abiad', 'تل أبيض', ['Tall Abyad', 'Tal Abyad', 'Tell Abyad']],
	['SY1103', 'Ath-Thawrah', 'الثورة', ['Al Thawrah', 'Tabqa', 'At Tabqa', 'Al Tabqa', 'الطبقة']],
	['SY1200', "Dar'a", 'درعا', ['Daraa', 'Deraa']],
	['SY1202', 'As-Sanamayn', 'الصنمين', ['Sanamayn']],
	['SY1203', "Izra'", 'ازرع', ['Ezra']],
	['SY1300', 'As-Sweida', 'مركز السويداء', ['As Suwayda', 'Sweida', 'Suwayda', 'السويداء']],
	['SY1302', 'Salkhad', 'صلخد'],
	['SY1303', 'Shahba', 'شهبا'],
	['SY1400', 'Quneitra', 'مركز القنيطرة', ['Al Quneitra', 'Al Qunaytirah', 'القنيطرة']],
	['SY1402', 'Al Fiq', 'فيق', ['Fiq', 'Fik']]
];

export const SYRIA_DISTRICTS: readonly District[] = ROWS.map(([pcode, en, ar, aliases]) => ({
	pcode,
	admin1Pcode: pcode.slice(0, 4),
	en,
	ar,
	aliases: aliases ?? []
}));

export const SYRIA_DISTRICT_PCODES: readonly string[] = SYRIA_DISTRICTS.map((d) => d.pcode);

/** Folds Arabic spelling variants (hamza on alef, ta marbuta) and then case, accents and punctuation like admin1. */
export function normaliseDistrictKey(name: string): string {
	return normaliseAdmin1Key(foldText(name));
}

// Words sources put around a district name: UCDP's "... district", "Mintaqat ..." ("area of"), "Markaz ..."
// ("centre of", the district of a governorate's capital), and the Arabic منطقة / مركز.
const STRIPS: readonly ((key: string) => string)[] = [
	(k) => k.replace(/ district$/, ''),
	(k) => k.replace(/^(mintaqat|mintaqah|منطقه) /, ''),
	(k) => k.replace(/^(markaz|مركز) /, '')
];

/** Keys a name is looked up under: the full key, then with each surrounding word removed in turn. */
function candidateKeys(name: string): string[] {
	const keys = [normaliseDistrictKey(name)];
	for (const strip of STRIPS) keys.push(strip(keys[keys.length - 1]));
	return [...new Set(keys)].filter((k) => k !== '');
}

export interface DistrictLookup {
	/** The district a name denotes, or null when unknown or ambiguous (never guessed). */
	lookup(name: string | null | undefined, admin1Pcode?: string | null): District | null;
}

/**
 * A lookup over a district table. A name shared by districts of two governorates resolves only with the parent
 * p-code; a name whose only district lies in another governorate than the given parent resolves to null (the row's
 * admin1 and admin2 disagree, and picking either would be a guess).
 */
export function districtLookup(districts: readonly District[]): DistrictLookup {
	const byKey = new Map<string, District[]>();
	const add = (key: string, d: District) => {
		if (!key) return;
		const list = byKey.get(key) ?? [];
		if (!list.includes(d)) list.push(d);
		byKey.set(key, list);
	};
	for (const d of districts) for (const name of [d.pcode, d.en, d.ar, ...d.aliases]) add(normaliseDistrictKey(name), d);
	return {
		lookup(name, admin1Pcode) {
			if (!name) return null;
			for (const key of candidateKeys(name)) {
				const found = byKey.get(key);
				if (!found) continue;
				const inParent = admin1Pcode ? found.filter((d) => d.admin1Pcode === admin1Pcode) : found;
				return inParent.length === 1 ? inParent[0] : null;
			}
			return null;
		}
	};
}

const syria = districtLookup(SYRIA_DISTRICTS);
const byPcode = new Map(SYRIA_DISTRICTS.map((d) => [d.pcode, d] as const));

/** The Syrian district a source's admin2 spelling names (optionally within a governorate p-code), or null. */
export function lookupSyriaDistrict(name: string | null | undefined, admin1Pcode?: string | null): District | null {
	return syria.lookup(name, admin1Pcode);
}

/** OCHA admin2 p-code for a district name, or null when it is unknown or ambiguous (never guessed). */
export function districtPcode(name: string | null | undefined, admin1Pcode?: string | null): string | null {
	return syria.lookup(name, admin1Pcode)?.pcode ?? null;
}

export function districtByPcode(pcode: string): District | undefined {
	return byPcode.get(pcode);
}
