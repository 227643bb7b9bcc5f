// Arabic spellings of countries and of Syria's governorates, matched through the search's own folding
// (src/lib/text/fold.ts: hamza and madda on alef, ta marbuta, alef maqsura, diacritics, tatweel) plus what only
// names need: the `محافظة` (governorate) prefix, the article `ال` at the start of a word, and punctuation.
// So `سوريا` and `سورية`, `إدلب` and `ادلب`, `محافظة حماة` and `حماه` each find one entry.
import { countryByAlpha3, type Country } from '../data/countries';
import { SYRIA_GOVERNORATES, type Governorate } from '../data/gazetteer';
import { foldText } from '../text/fold';

/**
 * Arabic names of the countries Arabic-language desks and sources write most: the Arab League, its neighbours and
 * the Sahel, plus the few others that appear as actors. Each name is listed in its usual forms; folding covers
 * hamza, ta marbuta and alef maqsura variants, so those are not repeated.
 */
const ARABIC_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
	SYR: ['سوريا', 'سورية', 'الجمهورية العربية السورية', 'سورىا'],
	IRQ: ['العراق', 'جمهورية العراق'],
	LBN: ['لبنان', 'الجمهورية اللبنانية'],
	JOR: ['الأردن', 'المملكة الأردنية الهاشمية'],
	PSE: ['فلسطين', 'دولة فلسطين', 'الأراضي الفلسطينية', 'الأراضي الفلسطينية المحتلة'],
	ISR: ['إسرائيل', 'اسرائيل'],
	TUR: ['تركيا', 'تركية'],
	IRN: ['إيران', 'ايران'],
	EGY: ['مصر', 'جمهورية مصر العربية'],
	SAU: ['السعودية', 'المملكة العربية السعودية'],
	YEM: ['اليمن', 'الجمهورية اليمنية'],
	OMN: ['عمان', 'سلطنة عمان'],
	ARE: ['الإمارات', 'الإمارات العربية المتحدة'],
	QAT: ['قطر'],
	BHR: ['البحرين'],
	KWT: ['الكويت'],
	LBY: ['ليبيا'],
	TUN: ['تونس'],
	DZA: ['الجزائر'],
	MAR: ['المغرب', 'المملكة المغربية'],
	MRT: ['موريتانيا'],
	SDN: ['السودان'],
	SSD: ['جنوب السودان'],
	SOM: ['الصومال'],
	DJI: ['جيبوتي'],
	COM: ['جزر القمر'],
	ETH: ['إثيوبيا', 'اثيوبيا'],
	ERI: ['إريتريا'],
	TCD: ['تشاد'],
	NER: ['النيجر'],
	MLI: ['مالي'],
	BFA: ['بوركينا فاسو'],
	NGA: ['نيجيريا'],
	AFG: ['أفغانستان'],
	PAK: ['باكستان'],
	CYP: ['قبرص'],
	RUS: ['روسيا', 'روسيا الاتحادية'],
	UKR: ['أوكرانيا'],
	USA: ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'أمريكا']
};

const GOVERNORATE_PREFIX = foldText('محافظة');

/** Folded key of an Arabic name: search folding, punctuation as space, `محافظة` and every word's `ال` dropped. */
export function arabicNameKey(name: string): string {
	const words = foldText(name)
		.replace(/[\p{P}\p{S}]/gu, ' ')
		.split(/\s+/u)
		.filter((w) => w !== '');
	if (words[0] === GOVERNORATE_PREFIX) words.shift();
	return words.map((w) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w)).join(' ');
}

const hasArabic = (s: string) => /[\u0600-\u06FF]/u.test(s);

const countries = new Map<string, Country>();
for (const [alpha3, names] of Object.entries(ARABIC_COUNTRY_NAMES)) {
	const country = countryByAlpha3(alpha3);
	if (!country) throw new Error(`arabic-names: ${alpha3} is not in the country table`);
	for (const name of names) countries.set(arabicNameKey(name), country);
}

// Also keyed without spaces: `ديرالزور` is written as one word as often as two.
const governorates = new Map<string, Governorate>();
for (const g of SYRIA_GOVERNORATES) governorates.set(arabicNameKey(g.ar).replace(/ /g, ''), g);

/** The country an Arabic name means, or null (also for text without Arabic letters). */
export function lookupArabicCountry(name: string): Country | null {
	return hasArabic(name) ? (countries.get(arabicNameKey(name)) ?? null) : null;
}

/** The Syrian governorate an Arabic name means (`حماه`, `محافظة إدلب`, `ريف دمشق`), or null. */
export function lookupArabicGovernorate(name: string): Governorate | null {
	if (!hasArabic(name)) return null;
	const words = foldText(name).replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/u).filter((w) => w !== '');
	// `الزور` in `ديرالزور` is inside the word: drop the article from each word, then from the joined form.
	const joined = arabicNameKey(name).replace(/ /g, '');
	return governorates.get(joined) ?? governorates.get(words.join('').replace(/ال/g, '')) ?? null;
}
