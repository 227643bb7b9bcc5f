// A small gazetteer for reading reports: Syria's 62 districts (OCHA COD-AB admin2 p-codes and names) and the towns,
// villages, neighbourhoods and sites reports name most, each with its district and governorate p-code. Governorates
// themselves come from src/lib/data/gazetteer.ts. Names are matched on folded text (lexicon.ts): list the spellings
// reports use, Arabic and English. Coordinates are approximate town centres, for a map marker only.
import type { PlaceKind } from './types';

export interface District {
	pcode: string;
	en: string;
	ar: string;
}

/** OCHA COD-AB admin2 (2024 edition): p-code, English and Arabic names. */
export const DISTRICTS: readonly District[] = [
	{ pcode: 'SY0100', en: 'Damascus', ar: 'دمشق' },
	{ pcode: 'SY0200', en: 'Jebel Saman', ar: 'جبل سمعان' }, { pcode: 'SY0202', en: 'Al Bab', ar: 'الباب' },
	{ pcode: 'SY0203', en: 'Afrin', ar: 'عفرين' }, { pcode: 'SY0204', en: "A'zaz", ar: 'اعزاز' },
	{ pcode: 'SY0205', en: 'Menbij', ar: 'منبج' }, { pcode: 'SY0206', en: 'Ain Al Arab', ar: 'عين العرب' },
	{ pcode: 'SY0207', en: 'As-Safira', ar: 'السفيرة' }, { pcode: 'SY0208', en: 'Jarablus', ar: 'جرابلس' },
	{ pcode: 'SY0301', en: 'Rural Damascus', ar: 'مركز ريف دمشق' }, { pcode: 'SY0302', en: 'Duma', ar: 'دوما' },
	{ pcode: 'SY0303', en: 'Al Qutayfah', ar: 'القطيفة' }, { pcode: 'SY0304', en: 'At Tall', ar: 'التل' },
	{ pcode: 'SY0305', en: 'Yabroud', ar: 'يبرود' }, { pcode: 'SY0306', en: 'An Nabk', ar: 'النبك' },
	{ pcode: 'SY0307', en: 'Az-Zabdani', ar: 'الزبداني' }, { pcode: 'SY0308', en: 'Qatana', ar: 'قطنا' },
	{ pcode: 'SY0309', en: 'Darayya', ar: 'داريا' },
	{ pcode: 'SY0401', en: 'Homs', ar: 'مركز حمص' }, { pcode: 'SY0402', en: 'Al-Qusayr', ar: 'القصير' },
	{ pcode: 'SY0403', en: 'Tall Kalakh', ar: 'تلكلخ' }, { pcode: 'SY0404', en: 'Ar-Rastan', ar: 'الرستن' },
	{ pcode: 'SY0405', en: 'Tadmor', ar: 'تدمر' }, { pcode: 'SY0406', en: 'Al Makhrim', ar: 'المخرم' },
	{ pcode: 'SY0501', en: 'Hama', ar: 'مركز حماة' }, { pcode: 'SY0502', en: 'As-Suqaylabiyah', ar: 'السقيلبية' },
	{ pcode: 'SY0503', en: 'As-Salamiyeh', ar: 'السلمية' }, { pcode: 'SY0504', en: 'Masyaf', ar: 'مصياف' },
	{ pcode: 'SY0505', en: 'Muhradah', ar: 'محردة' },
	{ pcode: 'SY0600', en: 'Lattakia', ar: 'مركز اللاذقية' }, { pcode: 'SY0602', en: 'Jablah', ar: 'جبلة' },
	{ pcode: 'SY0603', en: 'Al-Haffa', ar: 'الحفة' }, { pcode: 'SY0604', en: 'Al-Qardaha', ar: 'القرداحة' },
	{ pcode: 'SY0700', en: 'Idleb', ar: 'مركز إدلب' }, { pcode: 'SY0702', en: "Al Ma'ra", ar: 'معرة النعمان' },
	{ pcode: 'SY0703', en: 'Harim', ar: 'حارم' }, { pcode: 'SY0704', en: 'Jisr-Ash-Shugur', ar: 'جسر الشغور' },
	{ pcode: 'SY0705', en: 'Ariha', ar: 'أريحا' },
	{ pcode: 'SY0800', en: 'Al-Hasakeh', ar: 'مركز الحسكة' }, { pcode: 'SY0802', en: 'Quamishli', ar: 'القامشلي' },
	{ pcode: 'SY0803', en: 'Al-Malikeyyeh', ar: 'المالكية' }, { pcode: 'SY0804', en: 'Ras Al Ain', ar: 'رأس العين' },
	{ pcode: 'SY0901', en: 'Deir-ez-Zor', ar: 'مركز دير الزور' }, { pcode: 'SY0902', en: 'Abu Kamal', ar: 'البوكمال' },
	{ pcode: 'SY0903', en: 'Al Mayadin', ar: 'الميادين' },
	{ pcode: 'SY1000', en: 'Tartous', ar: 'مركز طرطوس' }, { pcode: 'SY1002', en: 'Banyas', ar: 'بانياس' },
	{ pcode: 'SY1003', en: 'Safita', ar: 'صافيتا' }, { pcode: 'SY1004', en: 'Dreikish', ar: 'دريكيش' },
	{ pcode: 'SY1005', en: 'Sheikh Badr', ar: 'الشيخ بدر' }, { pcode: 'SY1006', en: 'Qadmous', ar: 'القدموس' },
	{ pcode: 'SY1101', en: 'Ar-Raqqa', ar: 'مركز الرقة' }, { pcode: 'SY1102', en: 'Tell Abiad', ar: 'تل أبيض' },
	{ pcode: 'SY1103', en: 'Ath-Thawrah', ar: 'الثورة' },
	{ pcode: 'SY1200', en: "Dar'a", ar: 'درعا' }, { pcode: 'SY1202', en: 'As-Sanamayn', ar: 'الصنمين' },
	{ pcode: 'SY1203', en: "Izra'", ar: 'ازرع' },
	{ pcode: 'SY1300', en: 'As-Sweida', ar: 'مركز السويداء' }, { pcode: 'SY1302', en: 'Salkhad', ar: 'صلخد' },
	{ pcode: 'SY1303', en: 'Shahba', ar: 'شهبا' },
	{ pcode: 'SY1400', en: 'Quneitra', ar: 'مركز القنيطرة' }, { pcode: 'SY1402', en: 'Al Fiq', ar: 'فيق' }
];

export interface Place {
	/** The name the draft proposes for `location`. */
	en: string;
	ar: string;
	kind: PlaceKind;
	/** District p-code; the governorate is its first four characters. */
	admin2: string;
	/** Spellings matched in reports besides `en` and `ar`. */
	aliases: readonly string[];
	lat?: number;
	lon?: number;
}

const p = (en: string, ar: string, kind: PlaceKind, admin2: string, aliases: string[] = [], lat?: number, lon?: number): Place =>
	({ en, ar, kind, admin2, aliases, lat, lon });

/**
 * Governorate capitals are listed with "city" words ("مدينة الرقة", "Raqqa city") so that a bare "الرقة", which may
 * mean the governorate, is left to the governorate matcher.
 */
export const PLACES: readonly Place[] = [
	// Damascus
	p('Damascus city', 'مدينة دمشق', 'city', 'SY0100', ['العاصمة دمشق', 'Damascus city', 'the capital Damascus'], 33.513, 36.292),
	p('al-Mazzeh', 'المزة', 'neighbourhood', 'SY0100', ['حي المزة', 'Mezzeh', 'Mazzeh', 'al-Mezzeh'], 33.503, 36.25),
	p('Kafr Sousa', 'كفرسوسة', 'neighbourhood', 'SY0100', ['كفر سوسة', 'Kafr Souseh', 'Kafarsouseh']),
	p('al-Midan', 'الميدان', 'neighbourhood', 'SY0100', ['حي الميدان', 'Midan']),
	p('Bab Touma', 'باب توما', 'neighbourhood', 'SY0100', ['Bab Tuma']),
	p('Jobar', 'جوبر', 'neighbourhood', 'SY0100'), p('Barzeh', 'برزة', 'neighbourhood', 'SY0100', ['Barza']),
	// Rural Damascus
	p('Duma', 'دوما', 'city', 'SY0302', ['Douma'], 33.572, 36.402), p('Harasta', 'حرستا', 'town', 'SY0302'),
	p('Jaramana', 'جرمانا', 'city', 'SY0301'), p('Sayyida Zaynab', 'السيدة زينب', 'town', 'SY0301', ['Sayyida Zeinab']),
	p('al-Kiswah', 'الكسوة', 'town', 'SY0301', ['Kiswah']), p('Darayya', 'داريا', 'city', 'SY0309', ['Daraya']),
	p('Qatana', 'قطنا', 'town', 'SY0308'), p('al-Zabadani', 'الزبداني', 'town', 'SY0307', ['Zabadani']),
	p('Yabroud', 'يبرود', 'town', 'SY0305', ['Yabrud']), p('al-Nabk', 'النبك', 'town', 'SY0306', ['Nabk']),
	// Aleppo
	p('Aleppo city', 'مدينة حلب', 'city', 'SY0200', ['Aleppo city', 'the city of Aleppo'], 36.202, 37.134),
	p('Sheikh Maqsoud', 'الشيخ مقصود', 'neighbourhood', 'SY0200', ['حي الشيخ مقصود', 'Sheikh Maqsood'], 36.228, 37.155),
	p('al-Atarib', 'الأتارب', 'town', 'SY0200', ['Atarib']), p('Nubl', 'نبل', 'town', 'SY0200'),
	p('al-Bab', 'الباب', 'city', 'SY0202', ['al-Bab city', 'Al Bab'], 36.371, 37.517),
	p('Tadif', 'تادف', 'town', 'SY0202'), p('Qabasin', 'قباسين', 'town', 'SY0202'), p('al-Rai', 'الراعي', 'town', 'SY0202', ['Al-Rai']),
	p('Deir Hafer', 'دير حافر', 'town', 'SY0202'),
	p('Afrin', 'عفرين', 'city', 'SY0203', [], 36.511, 36.869), p('Jandairis', 'جنديرس', 'town', 'SY0203', ['Jinderes']),
	p("A'zaz", 'اعزاز', 'city', 'SY0204', ['Azaz', 'إعزاز'], 36.586, 37.045), p("Mare'", 'مارع', 'town', 'SY0204', ['Marea']),
	p('Tal Rifaat', 'تل رفعت', 'town', 'SY0204', ['Tell Rifaat']),
	p('Manbij', 'منبج', 'city', 'SY0205', ['Menbij'], 36.528, 37.955),
	p('Awn al-Dadat', 'عون الدادات', 'village', 'SY0205', ['Aoun al-Dadat', 'Oun al-Dadat']),
	p('Kobani', 'عين العرب', 'city', 'SY0206', ['كوباني', 'Ain al-Arab', 'Kobane']), p('Jarablus', 'جرابلس', 'city', 'SY0208'),
	p('al-Safira', 'السفيرة', 'town', 'SY0207', ['Safira']),
	// Homs
	p('Homs city', 'مدينة حمص', 'city', 'SY0401', ['Homs city', 'the city of Homs'], 34.733, 36.717),
	p('al-Waer', 'الوعر', 'neighbourhood', 'SY0401', ['حي الوعر', 'Waer']), p('al-Qaryatayn', 'القريتين', 'town', 'SY0401', ['Qaryatayn']),
	p('Mhin', 'مهين', 'town', 'SY0401'), p('al-Qusayr', 'القصير', 'town', 'SY0402', ['Qusayr']), p('al-Rastan', 'الرستن', 'town', 'SY0404', ['Rastan']),
	p('Talbiseh', 'تلبيسة', 'town', 'SY0404'), p('Palmyra', 'تدمر', 'city', 'SY0405', ['Tadmur', 'Tadmor'], 34.56, 38.267),
	p('al-Sukhnah', 'السخنة', 'town', 'SY0405', ['Sukhnah']), p('Tall Kalakh', 'تلكلخ', 'town', 'SY0403'),
	// Hama
	p('Hama city', 'مدينة حماة', 'city', 'SY0501', ['Hama city', 'the city of Hama'], 35.131, 36.757),
	p('Kafr Zita', 'كفرزيتا', 'town', 'SY0501', ['كفر زيتا']), p('al-Latamina', 'اللطامنة', 'town', 'SY0501', ['Latamneh']),
	p('Salamiyah', 'السلمية', 'city', 'SY0503', ['Salamiyeh', 'Salamieh', 'Salamiya'], 35.011, 37.053),
	p('Uqayribat', 'عقيربات', 'town', 'SY0503'), p('Masyaf', 'مصياف', 'town', 'SY0504'),
	p('al-Suqaylabiyah', 'السقيلبية', 'town', 'SY0502', ['Suqaylabiyah']), p('Muhradah', 'محردة', 'town', 'SY0505', ['Mhardeh']),
	// Lattakia
	p('Latakia city', 'مدينة اللاذقية', 'city', 'SY0600', ['Latakia city'], 35.523, 35.792), p('Kasab', 'كسب', 'town', 'SY0600'),
	p('Jableh', 'جبلة', 'city', 'SY0602', ['Jablah', 'Jableh city'], 35.361, 35.926),
	p('Hmeimim air base', 'قاعدة حميميم', 'site', 'SY0602', ['حميميم', 'Hmeimim', 'Khmeimim', 'Hmeimim air base', 'Hmeimim airbase'], 35.401, 35.949),
	p('al-Qardaha', 'القرداحة', 'town', 'SY0604', ['Qardaha']), p('al-Haffa', 'الحفة', 'town', 'SY0603', ['Haffa']),
	// Idleb
	p('Idlib city', 'مدينة إدلب', 'city', 'SY0700', ['Idlib city', 'Idleb city', 'the city of Idlib'], 35.93, 36.633),
	p('Saraqib', 'سراقب', 'town', 'SY0700', ['Saraqeb'], 35.864, 36.806), p('Binnish', 'بنش', 'town', 'SY0700'),
	p('Maarrat Misrin', 'معرة مصرين', 'town', 'SY0700'),
	p('Ariha', 'أريحا', 'city', 'SY0705', [], 35.813, 36.61), p('Kansafra', 'كنصفرة', 'village', 'SY0705', ['Kansafrah', 'Kinsafra']),
	p('al-Bara', 'البارة', 'village', 'SY0705'), p('Jabal al-Zawiya', 'جبل الزاوية', 'area', 'SY0705', ['Jabal Zawiya', 'Jebel al-Zawiya']),
	p("Maarat al-Numan", 'معرة النعمان', 'city', 'SY0702', ["Ma'arrat al-Nu'man", 'Maarat al-Noman']),
	p('Kafr Nabl', 'كفرنبل', 'town', 'SY0702', ['كفر نبل']), p('Khan Shaykhun', 'خان شيخون', 'town', 'SY0702', ['Khan Sheikhoun']),
	p('Sarmada', 'سرمدا', 'town', 'SY0703'), p('al-Dana', 'الدانا', 'town', 'SY0703', ['Dana']), p('Atmeh', 'أطمة', 'town', 'SY0703'),
	p('Harim', 'حارم', 'town', 'SY0703'), p('Jisr al-Shughur', 'جسر الشغور', 'city', 'SY0704', ['Jisr al-Shugur', 'Jisr ash-Shughur']),
	// Al-Hasakeh
	p('Hasakah city', 'مدينة الحسكة', 'city', 'SY0800', ['Hasakah city', 'Hasaka city', 'the city of Hasakah'], 36.5, 40.747),
	p('Ghuwayran', 'غويران', 'neighbourhood', 'SY0800', ['حي غويران', 'Ghweiran']),
	p('al-Shaddadi', 'الشدادي', 'town', 'SY0800', ['Shaddadi', 'al-Shaddadeh', 'Shadadi'], 36.056, 40.73),
	p('al-Hol', 'الهول', 'town', 'SY0800', ['Hol', 'al-Hawl', 'مخيم الهول']), p('Tal Tamr', 'تل تمر', 'town', 'SY0800', ['Tell Tamer']),
	p('Markada', 'مركدة', 'town', 'SY0800'),
	p('Qamishli', 'القامشلي', 'city', 'SY0802', ['Qamishlo', 'Qameshli'], 37.05, 41.227), p('Amuda', 'عامودا', 'town', 'SY0802'),
	p('al-Qahtaniyah', 'القحطانية', 'town', 'SY0802'), p('al-Malikiyah', 'المالكية', 'town', 'SY0803', ['Derik', 'ديريك']),
	p('Ras al-Ain', 'رأس العين', 'town', 'SY0804', ['Ras al-Ayn', 'Serekaniye']), p('al-Darbasiyah', 'الدرباسية', 'town', 'SY0804'),
	// Deir-ez-Zor
	p('Deir ez-Zor city', 'مدينة دير الزور', 'city', 'SY0901', ['Deir ez-Zor city', 'the city of Deir ez-Zor'], 35.336, 40.14),
	p('al-Busayrah', 'البصيرة', 'town', 'SY0901', ['Busayrah', 'al-Busaira', 'Busaira'], 35.155, 40.43),
	p('Khasham', 'خشام', 'village', 'SY0901'), p('al-Sur', 'الصور', 'town', 'SY0901'), p('Muhasan', 'موحسن', 'town', 'SY0901'),
	p('al-Kasrah', 'الكسرة', 'town', 'SY0901'),
	p('al-Mayadin', 'الميادين', 'city', 'SY0903', ['Mayadin', 'Mayadeen', 'al-Mayadeen'], 35.02, 40.45),
	p('Thiban', 'ذيبان', 'town', 'SY0903', ['Diban', 'Dhiban', 'Theeban'], 35.005, 40.5), p('al-Shuhayl', 'الشحيل', 'town', 'SY0903', ['Shuhayl']),
	p('al-Ashara', 'العشارة', 'town', 'SY0903', ['Ashara']),
	p('Abu Kamal', 'البوكمال', 'city', 'SY0902', ['Albu Kamal', 'Al Bukamal', 'al-Bukamal', 'البو كمال'], 34.45, 40.917),
	p('Hajin', 'هجين', 'town', 'SY0902'), p('Gharanij', 'غرانيج', 'village', 'SY0902'),
	// Tartous
	p('Tartus city', 'مدينة طرطوس', 'city', 'SY1000', ['Tartus city', 'Tartous city']), p('Baniyas', 'بانياس', 'city', 'SY1002', ['Banias', 'Banyas']),
	p('Safita', 'صافيتا', 'town', 'SY1003'),
	// Ar-Raqqa
	p('Raqqa city', 'مدينة الرقة', 'city', 'SY1101', ['Raqqa city', 'the city of Raqqa', 'مركز مدينة الرقة'], 35.95, 39.01),
	p("al-Dir'iya", 'الدرعية', 'neighbourhood', 'SY1101', ['حي الدرعية', "Dir'iya", 'al-Diriyah', 'al-Daraiya'], 35.95, 39.01),
	p('al-Mashlab', 'المشلب', 'neighbourhood', 'SY1101', ['حي المشلب', 'Mashlab']), p('al-Karamah', 'الكرامة', 'town', 'SY1101', ['Karama']),
	p('Maadan', 'معدان', 'town', 'SY1101'),
	p('Tabqa', 'الطبقة', 'city', 'SY1103', ['al-Tabqa', 'Tabaqa', 'al-Thawrah'], 35.837, 38.548), p('al-Mansoura', 'المنصورة', 'town', 'SY1103'),
	p('Tell Abiad', 'تل أبيض', 'town', 'SY1102', ['Tal Abyad', 'Tell Abyad']), p('Ain Issa', 'عين عيسى', 'town', 'SY1102', ['Ain Eissa']),
	p('Suluk', 'سلوك', 'town', 'SY1102'),
	// Dar'a
	p("Dar'a city", 'مدينة درعا', 'city', 'SY1200', ['Daraa city', 'the city of Daraa'], 32.625, 36.106),
	p("Dar'a al-Balad", 'درعا البلد', 'neighbourhood', 'SY1200', ['Daraa al-Balad']),
	p('Tafas', 'طفس', 'town', 'SY1200', [], 32.737, 35.99), p('al-Yadudah', 'اليادودة', 'village', 'SY1200', ['Yadudah', 'al-Yadouda']),
	p('al-Muzayrib', 'المزيريب', 'town', 'SY1200', ['Muzayrib']), p('Busra al-Sham', 'بصرى الشام', 'town', 'SY1200', ['Bosra']),
	p('Nawa', 'نوى', 'city', 'SY1203', [], 32.889, 36.043), p('Jasim', 'جاسم', 'town', 'SY1203', ['Jassem']),
	p("Da'el", 'داعل', 'town', 'SY1203', ['Dael']), p('Inkhil', 'انخل', 'town', 'SY1202'), p('al-Sanamayn', 'الصنمين', 'town', 'SY1202', ['Sanamayn']),
	// As-Sweida
	p('Sweida city', 'مدينة السويداء', 'city', 'SY1300', ['Sweida city', 'Suwayda city']),
	p('Shahba', 'شهبا', 'city', 'SY1303', [], 32.855, 36.629), p('Salkhad', 'صلخد', 'town', 'SY1302'), p('al-Qrayya', 'القريا', 'town', 'SY1302'),
	// Quneitra
	p('Khan Arnabah', 'خان أرنبة', 'town', 'SY1400', ['Khan Arnaba', 'Khan Arnabeh'], 33.18, 35.88),
	p('Baath City', 'مدينة البعث', 'town', 'SY1400', ['al-Baath City']), p('Jubata al-Khashab', 'جباتا الخشب', 'village', 'SY1400')
];
