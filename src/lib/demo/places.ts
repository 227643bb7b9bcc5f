// Places the demo generator puts incidents in: real towns of each governorate with approximate coordinates
// (rounded, good to a few kilometres), their district (admin2) and rough weights. Facts, not data from any export.

export type PlaceTag = 'badia' | 'border' | 'front';

export interface Town {
	en: string;
	ar: string;
	admin2: string;
	lat: number;
	lon: number;
	/** Relative share of the governorate's incidents. */
	weight: number;
	/** badia = Syrian desert; border = northern border / Turkish front lines; front = Idleb-Hama-Lattakia front. */
	tags: readonly PlaceTag[];
}

export interface DemoGovernorate {
	pcode: string;
	/** Relative share of all incidents before escalations: the conflict's long-run geography. */
	weight: number;
	/** Approximate centre, used for incidents located only to the governorate. */
	centre: readonly [number, number];
	towns: readonly Town[];
}

type Row = readonly [en: string, ar: string, admin2: string, lat: number, lon: number, weight: number, tags?: readonly PlaceTag[]];
const towns = (rows: readonly Row[]): Town[] =>
	rows.map(([en, ar, admin2, lat, lon, weight, tags]) => ({ en, ar, admin2, lat, lon, weight, tags: tags ?? [] }));

export const DEMO_GOVERNORATES: readonly DemoGovernorate[] = [
	{ pcode: 'SY01', weight: 3, centre: [33.51, 36.29], towns: towns([
		['Damascus', 'دمشق', 'Damascus', 33.513, 36.292, 6],
		['Jobar', 'جوبر', 'Damascus', 33.530, 36.333, 2],
		['Al-Midan', 'الميدان', 'Damascus', 33.492, 36.300, 1],
		['Mezzeh', 'المزة', 'Damascus', 33.500, 36.250, 2],
		['Kafr Sousa', 'كفرسوسة', 'Damascus', 33.497, 36.272, 1],
		['Barzeh', 'برزة', 'Damascus', 33.553, 36.318, 1],
		['Qaboun', 'القابون', 'Damascus', 33.543, 36.338, 1],
		['Yarmouk camp', 'مخيم اليرموك', 'Damascus', 33.472, 36.303, 1]
	]) },
	{ pcode: 'SY02', weight: 13, centre: [36.2, 37.6], towns: towns([
		['Aleppo', 'حلب', 'Jebel Saman', 36.202, 37.134, 8],
		['Al-Bab', 'الباب', 'Al Bab', 36.371, 37.518, 3, ['border']],
		["A'zaz", 'أعزاز', "A'zaz", 36.586, 37.046, 3, ['border']],
		['Afrin', 'عفرين', 'Afrin', 36.512, 36.869, 3, ['border']],
		['Manbij', 'منبج', 'Menbij', 36.527, 37.955, 3, ['border']],
		['Jarablus', 'جرابلس', 'Jarablus', 36.817, 38.011, 2, ['border']],
		['Ain al-Arab (Kobani)', 'عين العرب (كوباني)', 'Ain Al Arab', 36.891, 38.354, 2, ['border']],
		['Tal Rifaat', 'تل رفعت', "A'zaz", 36.470, 37.097, 2, ['border']],
		['As-Safira', 'السفيرة', 'As-Safira', 36.070, 37.372, 1],
		['Deir Hafer', 'دير حافر', 'Al Bab', 36.157, 37.706, 1],
		['Al-Atareb', 'الأتارب', 'Jebel Saman', 36.137, 36.832, 2, ['front']]
	]) },
	{ pcode: 'SY03', weight: 8, centre: [33.55, 36.55], towns: towns([
		['Douma', 'دوما', 'Duma', 33.572, 36.402, 4],
		['Harasta', 'حرستا', 'Duma', 33.558, 36.365, 2],
		['Zamalka', 'زملكا', 'Markaz Rif Dimashq', 33.520, 36.357, 2],
		['Darayya', 'داريا', 'Darayya', 33.458, 36.236, 2],
		['At-Tall', 'التل', 'At Tall', 33.610, 36.310, 1],
		['Qudsaya', 'قدسيا', 'Markaz Rif Dimashq', 33.533, 36.233, 1],
		['An-Nabk', 'النبك', 'An Nabk', 34.024, 36.728, 1],
		['Yabroud', 'يبرود', 'Yabroud', 33.967, 36.657, 1],
		['Az-Zabadani', 'الزبداني', 'Az-Zabdani', 33.725, 36.100, 1],
		['Qatana', 'قطنا', 'Qatana', 33.437, 36.078, 1],
		['Al-Kiswah', 'الكسوة', 'Markaz Rif Dimashq', 33.358, 36.242, 1],
		['Ad-Dumayr', 'الضمير', 'Duma', 33.644, 36.693, 1, ['badia']],
		['Sayyida Zaynab', 'السيدة زينب', 'Markaz Rif Dimashq', 33.444, 36.341, 2]
	]) },
	{ pcode: 'SY04', weight: 7, centre: [34.6, 37.9], towns: towns([
		['Homs', 'حمص', 'Homs', 34.731, 36.710, 6],
		['Palmyra (Tadmur)', 'تدمر', 'Tadmor', 34.560, 38.280, 3, ['badia']],
		['Al-Qaryatayn', 'القريتين', 'Homs', 34.230, 37.240, 2, ['badia']],
		['Ar-Rastan', 'الرستن', 'Ar-Rastan', 34.927, 36.733, 2],
		['Talbiseh', 'تلبيسة', 'Ar-Rastan', 34.840, 36.730, 2],
		['Al-Qusayr', 'القصير', 'Al Qusayr', 34.509, 36.580, 1],
		['Tall Kalakh', 'تلكلخ', 'Tall Kalakh', 34.668, 36.259, 1],
		['As-Sukhnah', 'السخنة', 'Tadmor', 34.886, 38.871, 2, ['badia']],
		['Al-Mukharram', 'المخرم', 'Al Makhrim', 34.817, 37.083, 1],
		['T4 airbase area', 'منطقة مطار التيفور', 'Homs', 34.522, 37.630, 1, ['badia']]
	]) },
	{ pcode: 'SY05', weight: 8, centre: [35.2, 36.9], towns: towns([
		['Hama', 'حماة', 'Hama', 35.132, 36.757, 5],
		['Muhradah', 'محردة', 'Muhradah', 35.249, 36.573, 1, ['front']],
		['As-Suqaylabiyah', 'السقيلبية', 'As-Suqaylabiyah', 35.370, 36.392, 1, ['front']],
		['Kafr Zita', 'كفرزيتا', 'Muhradah', 35.374, 36.602, 2, ['front']],
		['Al-Latamneh', 'اللطامنة', 'Muhradah', 35.325, 36.622, 2, ['front']],
		['Morek', 'مورك', 'Hama', 35.380, 36.690, 2, ['front']],
		['Salamiyah', 'سلمية', 'Salamiyeh', 35.011, 37.053, 2],
		["Qal'at al-Madiq", 'قلعة المضيق', 'As-Suqaylabiyah', 35.410, 36.390, 1, ['front']],
		['Taybat al-Imam', 'طيبة الإمام', 'Hama', 35.265, 36.710, 1],
		['Masyaf', 'مصياف', 'Masyaf', 35.065, 36.342, 1],
		['Ithriya', 'أثريا', 'Salamiyeh', 35.370, 37.460, 1, ['badia']],
		['Uqayribat', 'عقيربات', 'Salamiyeh', 35.180, 37.510, 1, ['badia']]
	]) },
	{ pcode: 'SY06', weight: 2, centre: [35.6, 36.0], towns: towns([
		['Lattakia', 'اللاذقية', 'Lattakia', 35.523, 35.792, 4],
		['Jableh', 'جبلة', 'Jablah', 35.361, 35.926, 2],
		['Al-Haffah', 'الحفة', 'Al-Haffa', 35.600, 36.034, 1],
		['Kabani', 'كباني', 'Al-Haffa', 35.730, 36.230, 2, ['front']],
		['Kinsabba', 'كنسبا', 'Al-Haffa', 35.680, 36.100, 1, ['front']],
		['Al-Qardaha', 'القرداحة', 'Al-Qardaha', 35.455, 36.058, 1],
		["Rabi'a", 'ربيعة', 'Lattakia', 35.800, 36.000, 1, ['front']],
		['Kasab', 'كسب', 'Lattakia', 35.922, 35.988, 1]
	]) },
	{ pcode: 'SY07', weight: 14, centre: [35.8, 36.6], towns: towns([
		['Idleb', 'إدلب', 'Idleb', 35.931, 36.634, 5],
		["Ma'arrat al-Nu'man", 'معرة النعمان', 'Al Ma\'ra', 35.648, 36.674, 3, ['front']],
		['Saraqib', 'سراقب', 'Idleb', 35.864, 36.806, 3, ['front']],
		['Khan Shaykhun', 'خان شيخون', 'Al Ma\'ra', 35.442, 36.648, 2, ['front']],
		['Ariha', 'أريحا', 'Ariha', 35.813, 36.608, 2, ['front']],
		['Jisr al-Shughur', 'جسر الشغور', 'Jisr-Ash-Shugur', 35.812, 36.318, 2, ['front']],
		['Sarmada', 'سرمدا', 'Harim', 36.179, 36.721, 2],
		['Harem', 'حارم', 'Harim', 36.207, 36.519, 1],
		['Binnish', 'بنش', 'Idleb', 35.957, 36.709, 1],
		['Kafr Nabl', 'كفرنبل', 'Al Ma\'ra', 35.613, 36.561, 2, ['front']],
		['Atmeh', 'أطمة', 'Harim', 36.206, 36.685, 1],
		['Al-Bara', 'البارة', 'Ariha', 35.683, 36.542, 2, ['front']],
		['Taftanaz', 'تفتناز', 'Idleb', 35.995, 36.780, 1],
		['Ad-Dana', 'الدانا', 'Harim', 36.216, 36.768, 1]
	]) },
	{ pcode: 'SY08', weight: 8, centre: [36.6, 41.0], towns: towns([
		['Al-Hasakeh', 'الحسكة', 'Al-Hasakeh', 36.502, 40.747, 4],
		['Qamishli', 'القامشلي', 'Quamishli', 37.052, 41.226, 3, ['border']],
		['Ras al-Ain', 'رأس العين', 'Ras Al Ain', 36.850, 40.071, 2, ['border']],
		['Tal Tamr', 'تل تمر', 'Al-Hasakeh', 36.650, 40.372, 2, ['border']],
		['Al-Malikiyah', 'المالكية', 'Al-Malikeyyeh', 37.175, 42.140, 1, ['border']],
		['Amuda', 'عامودا', 'Quamishli', 37.104, 40.930, 1, ['border']],
		['Ash-Shaddadi', 'الشدادي', 'Al-Hasakeh', 36.057, 40.731, 2, ['badia']],
		['Al-Hol', 'الهول', 'Al-Hasakeh', 36.390, 41.140, 2, ['badia']],
		['Tal Hamis', 'تل حميس', 'Quamishli', 36.640, 41.060, 1],
		['Ad-Darbasiyah', 'الدرباسية', 'Ras Al Ain', 37.072, 40.652, 1, ['border']],
		['Markada', 'مركدة', 'Al-Hasakeh', 35.740, 40.780, 1, ['badia']]
	]) },
	{ pcode: 'SY09', weight: 12, centre: [35.0, 40.4], towns: towns([
		['Deir-ez-Zor', 'دير الزور', 'Deir-ez-Zor', 35.336, 40.141, 5],
		['Al-Mayadin', 'الميادين', 'Al Mayadin', 35.019, 40.452, 3],
		['Al-Bukamal', 'البوكمال', 'Abu Kamal', 34.453, 40.918, 3],
		['Hajin', 'هجين', 'Abu Kamal', 34.698, 40.830, 2],
		['Al-Busayrah', 'البصيرة', 'Deir-ez-Zor', 35.153, 40.431, 2],
		['Ash-Shuhayl', 'الشحيل', 'Al Mayadin', 35.115, 40.510, 2],
		['Diban', 'ذيبان', 'Al Mayadin', 35.020, 40.520, 2],
		['Al-Kasrah', 'الكسرة', 'Deir-ez-Zor', 35.370, 39.950, 1],
		["Al-Ashara", 'العشارة', 'Al Mayadin', 34.920, 40.560, 1],
		['Al-Tayyana', 'الطيانة', 'Al Mayadin', 34.990, 40.590, 1],
		['As-Sur', 'الصور', 'Deir-ez-Zor', 35.500, 40.650, 1],
		['Ash-Shoula', 'الشولا', 'Deir-ez-Zor', 35.000, 39.870, 1, ['badia']],
		['Kabajib', 'كباجب', 'Deir-ez-Zor', 34.930, 39.520, 1, ['badia']]
	]) },
	{ pcode: 'SY10', weight: 1, centre: [34.9, 36.05], towns: towns([
		['Tartous', 'طرطوس', 'Tartous', 34.889, 35.887, 4],
		['Baniyas', 'بانياس', 'Banyas', 35.182, 35.948, 2],
		['Safita', 'صافيتا', 'Safita', 34.820, 36.117, 1],
		['Ash-Shaykh Badr', 'الشيخ بدر', 'Ash-Shaykh Badr', 34.990, 36.080, 1],
		['Duraykish', 'الدريكيش', 'Duraykish', 34.897, 36.134, 1]
	]) },
	{ pcode: 'SY11', weight: 8, centre: [35.9, 38.9], towns: towns([
		['Ar-Raqqa', 'الرقة', 'Ar-Raqqa', 35.950, 39.010, 6],
		['At-Tabqa', 'الطبقة', 'Ath-Thawrah', 35.837, 38.548, 2],
		['Tal Abyad', 'تل أبيض', 'Tell Abiad', 36.697, 38.955, 2, ['border']],
		['Ain Issa', 'عين عيسى', 'Tell Abiad', 36.385, 38.862, 2, ['border']],
		['Al-Karamah', 'الكرامة', 'Ar-Raqqa', 35.980, 39.250, 1],
		["Ma'dan", 'معدان', 'Ar-Raqqa', 35.740, 39.660, 1, ['badia']],
		['Suluk', 'سلوك', 'Tell Abiad', 36.610, 39.210, 1, ['border']],
		['Al-Mansurah', 'المنصورة', 'Ath-Thawrah', 35.830, 38.760, 1],
		['Hazimah', 'حزيمة', 'Ar-Raqqa', 36.050, 39.050, 1],
		['Ar-Rusafa', 'الرصافة', 'Ath-Thawrah', 35.630, 38.760, 1, ['badia']]
	]) },
	{ pcode: 'SY12', weight: 10, centre: [32.8, 36.2], towns: towns([
		["Dar'a", 'درعا', "Dar'a", 32.625, 36.106, 5],
		['Tafas', 'طفس', "Dar'a", 32.738, 36.068, 2],
		['Nawa', 'نوى', "Izra'", 32.889, 36.043, 2],
		['Jasim', 'جاسم', 'As-Sanamayn', 32.992, 36.060, 2],
		['Inkhil', 'إنخل', 'As-Sanamayn', 33.017, 36.128, 1],
		['As-Sanamayn', 'الصنمين', 'As-Sanamayn', 33.072, 36.184, 1],
		["Izra'", 'إزرع', "Izra'", 32.857, 36.250, 1],
		['Busra al-Harir', 'بصر الحرير', "Izra'", 32.842, 36.340, 1],
		['Bosra', 'بصرى الشام', "Dar'a", 32.518, 36.481, 1],
		["Da'el", 'داعل', "Dar'a", 32.757, 36.130, 1],
		['Al-Muzayrib', 'المزيريب', "Dar'a", 32.710, 35.996, 1],
		['Al-Harak', 'الحراك', "Izra'", 32.752, 36.308, 1]
	]) },
	{ pcode: 'SY13', weight: 2.5, centre: [32.7, 36.7], towns: towns([
		['As-Sweida', 'السويداء', 'As-Sweida', 32.709, 36.566, 5],
		['Shahba', 'شهبا', 'Shahba', 32.855, 36.629, 2],
		['Salkhad', 'صلخد', 'Salkhad', 32.492, 36.711, 1],
		['Al-Qrayya', 'القريا', 'Salkhad', 32.550, 36.600, 1],
		["Al-Mazra'a", 'المزرعة', 'As-Sweida', 32.780, 36.480, 1]
	]) },
	{ pcode: 'SY14', weight: 1.5, centre: [33.1, 35.85], towns: towns([
		['Quneitra', 'القنيطرة', 'Al Quneitra', 33.126, 35.824, 2],
		['Khan Arnabah', 'خان أرنبة', 'Al Quneitra', 33.183, 35.889, 2],
		['Jubata al-Khashab', 'جباتا الخشب', 'Al Quneitra', 33.230, 35.840, 1],
		['Hadar', 'حضر', 'Al Quneitra', 33.270, 35.800, 1],
		['Ar-Rafid', 'الرفيد', 'Fiq', 32.960, 35.880, 1]
	]) }
];
