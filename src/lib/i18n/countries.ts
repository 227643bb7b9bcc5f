// Country names for filter chips and lists. English comes from the country table (src/lib/data/countries.ts);
// Arabic is written here for the countries Rasd's sources cover most (the Middle East, North and East Africa,
// the Sahel, South and Central Asia). Any other country reads in English in both languages rather than guessed.
// The text search (src/lib/query/search-index.ts) also finds incidents by these Arabic names.
import { countryByAlpha3 } from '../data/countries';
import type { Lang } from '../data/display';

export const AR_COUNTRIES: Readonly<Record<string, string>> = {
	SYR: 'سوريا', IRQ: 'العراق', LBN: 'لبنان', JOR: 'الأردن', PSE: 'فلسطين', ISR: 'إسرائيل', TUR: 'تركيا',
	IRN: 'إيران', SAU: 'السعودية', YEM: 'اليمن', OMN: 'عُمان', ARE: 'الإمارات', QAT: 'قطر', BHR: 'البحرين',
	KWT: 'الكويت', EGY: 'مصر', LBY: 'ليبيا', TUN: 'تونس', DZA: 'الجزائر', MAR: 'المغرب', ESH: 'الصحراء الغربية',
	MRT: 'موريتانيا', SDN: 'السودان', SSD: 'جنوب السودان', SOM: 'الصومال', DJI: 'جيبوتي', ETH: 'إثيوبيا',
	ERI: 'إريتريا', KEN: 'كينيا', MLI: 'مالي', NER: 'النيجر', BFA: 'بوركينا فاسو', TCD: 'تشاد', NGA: 'نيجيريا',
	CMR: 'الكاميرون', CAF: 'جمهورية أفريقيا الوسطى', COD: 'جمهورية الكونغو الديمقراطية', MOZ: 'موزمبيق',
	AFG: 'أفغانستان', PAK: 'باكستان', IND: 'الهند', UKR: 'أوكرانيا', RUS: 'روسيا', ARM: 'أرمينيا',
	AZE: 'أذربيجان', MMR: 'ميانمار', COL: 'كولومبيا', MEX: 'المكسيك', USA: 'الولايات المتحدة', FRA: 'فرنسا',
	GBR: 'المملكة المتحدة', DEU: 'ألمانيا', CYP: 'قبرص', GRC: 'اليونان'
};

/** The country's name for an ISO 3166-1 alpha-3 code; the code itself when it is not a known country. */
export function countryName(alpha3: string, lang: Lang): string {
	if (lang === 'ar' && Object.hasOwn(AR_COUNTRIES, alpha3)) return AR_COUNTRIES[alpha3];
	return countryByAlpha3(alpha3)?.name ?? alpha3;
}
