// Who acts in the demo and against whom: actor profiles (attack and target mixes) and where and when each is present.
// Presence decides both who perpetrates an incident in a governorate-month and whose forces can be its target.
import type { AttackType, TargetType } from '../data/taxonomy';
import type { PlaceTag } from './places';

export type ActorKey =
	| 'isis' | 'isis_cells' | 'gov' | 'russia' | 'iran' | 'sdf' | 'coalition' | 'hts' | 'sna' | 'opposition'
	| 'turkey' | 'israel' | 'transitional' | 'remnants' | 'tribal' | 'local' | 'unidentified' | 'unknown';

/** What an incident is aimed at; forces, police and officials belong to an enemy actor present in the place. */
export type TargetCategory =
	| 'forces' | 'police' | 'officials' | 'civilians' | 'business' | 'religious' | 'education' | 'utilities'
	| 'transport' | 'media' | 'ngo' | 'water' | 'telecom' | 'diplomatic' | 'airport' | 'other' | 'unknown';

export interface Phrase {
	en: string;
	ar: string;
	/** target_actor value. */
	actor: string;
	/** Only used in places with this tag (truffle hunters work the desert). */
	onlyIn?: PlaceTag;
}

export interface Actor {
	key: ActorKey;
	/** perpetrator / target_actor value; null = perpetrator unknown. */
	label: string | null;
	ar: string;
	/** Can its forces be a target (false for "unidentified gunmen" and the unknown perpetrator). */
	targetable: boolean;
	/** GTD target type when its forces are attacked. */
	asTarget: TargetType;
	police?: Phrase;
	officials?: Phrase;
	allies: readonly ActorKey[];
	attacks: Partial<Record<AttackType, number>>;
	targets: Partial<Record<TargetCategory, number>>;
	/** Prefers places with these tags (multiplier of the town's weight). */
	townBias?: Partial<Record<PlaceTag, number>>;
	/** Bombings are air strikes or shelling rather than IEDs. */
	airPower?: boolean;
}

const NON_STATE: TargetType = 'Terrorists/Non-State Militia';

export const ACTORS: readonly Actor[] = [
	{ key: 'isis', label: 'ISIS', ar: 'تنظيم داعش', targetable: true, asTarget: NON_STATE, allies: [],
		attacks: { 'Armed Assault': 35, 'Bombing/Explosion': 35, Assassination: 6, 'Hostage Taking (Kidnapping)': 8,
			'Hostage Taking (Barricade Incident)': 1.5, Hijacking: 0.7, 'Facility/Infrastructure Attack': 5, 'Unarmed Assault': 1, Unknown: 3 },
		targets: { forces: 45, police: 5, officials: 5, civilians: 25, religious: 2, utilities: 3, transport: 2, business: 2,
			education: 0.5, media: 0.5, ngo: 0.5, water: 0.5, telecom: 0.3, other: 1, unknown: 2 },
		townBias: { badia: 2 } },
	{ key: 'isis_cells', label: 'ISIS cells', ar: 'خلايا تنظيم داعش', targetable: true, asTarget: NON_STATE, allies: [],
		attacks: { 'Armed Assault': 35, 'Bombing/Explosion': 28, Assassination: 15, 'Hostage Taking (Kidnapping)': 7,
			'Hostage Taking (Barricade Incident)': 1, Hijacking: 0.8, 'Facility/Infrastructure Attack': 4, 'Unarmed Assault': 1, Unknown: 3 },
		targets: { forces: 45, police: 8, officials: 8, civilians: 22, religious: 1, utilities: 4, transport: 2, business: 3,
			education: 0.5, media: 0.5, ngo: 0.5, water: 0.5, telecom: 0.5, other: 1, unknown: 2 },
		townBias: { badia: 5 } },
	{ key: 'gov', label: 'Syrian government forces', ar: 'قوات الحكومة السورية', targetable: true, asTarget: 'Military',
		police: { en: 'a police checkpoint', ar: 'حاجز للشرطة', actor: 'Syrian police' },
		officials: { en: 'a government official', ar: 'مسؤول حكومي', actor: 'Syrian government officials' },
		allies: ['russia', 'iran'],
		attacks: { 'Bombing/Explosion': 60, 'Armed Assault': 25, 'Hostage Taking (Kidnapping)': 8, 'Facility/Infrastructure Attack': 3,
			Assassination: 1, 'Unarmed Assault': 2, Unknown: 1 },
		targets: { forces: 40, civilians: 40, business: 3, religious: 2, education: 2, utilities: 2, water: 2, ngo: 1, transport: 1, other: 3, media: 0.5 },
		townBias: { front: 3 }, airPower: true },
	{ key: 'russia', label: 'Russian forces', ar: 'القوات الروسية', targetable: true, asTarget: 'Military', allies: ['gov', 'iran'],
		attacks: { 'Bombing/Explosion': 90, 'Armed Assault': 5, Unknown: 2 },
		targets: { forces: 40, civilians: 35, business: 4, religious: 2, education: 2, utilities: 3, water: 3, ngo: 2, other: 5, transport: 1 },
		townBias: { front: 3 }, airPower: true },
	{ key: 'iran', label: 'Iran-backed militias', ar: 'ميليشيات مدعومة من إيران', targetable: true, asTarget: NON_STATE, allies: ['gov', 'russia'],
		attacks: { 'Armed Assault': 45, 'Bombing/Explosion': 25, 'Hostage Taking (Kidnapping)': 12, Assassination: 5, 'Unarmed Assault': 4,
			'Facility/Infrastructure Attack': 3, Unknown: 3 },
		targets: { forces: 55, civilians: 35, business: 3, officials: 3, other: 2 } },
	{ key: 'sdf', label: 'SDF', ar: 'قوات سوريا الديمقراطية (قسد)', targetable: true, asTarget: 'Military',
		police: { en: 'an Asayish checkpoint', ar: 'حاجز للأسايش', actor: 'Asayish (SDF internal security)' },
		officials: { en: 'an Autonomous Administration official', ar: 'مسؤول في الإدارة الذاتية', actor: 'Autonomous Administration' },
		allies: ['coalition'],
		attacks: { 'Armed Assault': 55, 'Bombing/Explosion': 10, 'Hostage Taking (Kidnapping)': 15, Assassination: 2, 'Unarmed Assault': 5,
			'Facility/Infrastructure Attack': 4, 'Hostage Taking (Barricade Incident)': 1, Unknown: 3 },
		targets: { forces: 65, civilians: 25, media: 2, business: 2, officials: 2, other: 2 } },
	{ key: 'coalition', label: 'US-led coalition', ar: 'التحالف الدولي بقيادة الولايات المتحدة', targetable: true, asTarget: 'Military', allies: ['sdf'],
		attacks: { 'Bombing/Explosion': 70, 'Armed Assault': 22, Assassination: 6, Unknown: 2 },
		targets: { forces: 80, civilians: 15, utilities: 2, other: 1 }, airPower: true },
	{ key: 'hts', label: 'HTS (Hayat Tahrir al-Sham)', ar: 'هيئة تحرير الشام', targetable: true, asTarget: NON_STATE,
		police: { en: 'an HTS security checkpoint', ar: 'حاجز أمني لهيئة تحرير الشام', actor: 'HTS General Security' },
		officials: { en: 'a Salvation Government official', ar: 'مسؤول في حكومة الإنقاذ', actor: 'Salvation Government' },
		allies: ['opposition'],
		attacks: { 'Armed Assault': 50, 'Bombing/Explosion': 20, 'Hostage Taking (Kidnapping)': 12, Assassination: 5, 'Unarmed Assault': 4,
			'Facility/Infrastructure Attack': 3, 'Hostage Taking (Barricade Incident)': 1, Hijacking: 0.5, Unknown: 3 },
		targets: { forces: 60, civilians: 20, media: 3, ngo: 2, officials: 3, religious: 2, business: 2, police: 3, other: 2 },
		townBias: { front: 3 } },
	{ key: 'sna', label: 'SNA (Syrian National Army)', ar: 'الجيش الوطني السوري', targetable: true, asTarget: 'Military',
		police: { en: 'a military police checkpoint', ar: 'حاجز للشرطة العسكرية', actor: 'SNA military police' },
		officials: { en: 'a local council member', ar: 'عضو في المجلس المحلي', actor: 'Local council (Interim Government)' },
		allies: ['turkey', 'opposition'],
		attacks: { 'Armed Assault': 45, 'Bombing/Explosion': 20, 'Hostage Taking (Kidnapping)': 15, 'Unarmed Assault': 5,
			'Facility/Infrastructure Attack': 5, Assassination: 3, Hijacking: 1, Unknown: 3 },
		targets: { forces: 50, civilians: 35, business: 5, other: 3, officials: 2, media: 1 }, townBias: { border: 2 } },
	{ key: 'opposition', label: 'Armed opposition factions', ar: 'فصائل المعارضة المسلحة', targetable: true, asTarget: NON_STATE,
		allies: ['hts', 'sna'],
		attacks: { 'Armed Assault': 55, 'Bombing/Explosion': 25, 'Hostage Taking (Kidnapping)': 6, Assassination: 5, 'Unarmed Assault': 2,
			'Facility/Infrastructure Attack': 3, 'Hostage Taking (Barricade Incident)': 1, Hijacking: 0.5, Unknown: 3 },
		targets: { forces: 70, civilians: 18, officials: 3, police: 3, business: 2, utilities: 1, other: 2 },
		townBias: { front: 2 } },
	{ key: 'turkey', label: 'Turkish forces', ar: 'القوات التركية', targetable: true, asTarget: 'Military', allies: ['sna'],
		attacks: { 'Bombing/Explosion': 80, 'Armed Assault': 15, Unknown: 2 },
		targets: { forces: 55, civilians: 25, utilities: 8, water: 3, business: 2, other: 2 }, townBias: { border: 5 }, airPower: true },
	{ key: 'israel', label: 'Israeli forces', ar: 'القوات الإسرائيلية', targetable: true, asTarget: 'Military', allies: [],
		attacks: { 'Bombing/Explosion': 85, 'Armed Assault': 5, 'Facility/Infrastructure Attack': 6, 'Hostage Taking (Kidnapping)': 2, Unknown: 2 },
		targets: { forces: 75, airport: 8, utilities: 3, civilians: 8, other: 3, diplomatic: 0.5 }, airPower: true },
	{ key: 'transitional', label: 'Transitional government forces', ar: 'قوات الحكومة الانتقالية', targetable: true, asTarget: 'Military',
		police: { en: 'a General Security checkpoint', ar: 'حاجز للأمن العام', actor: 'General Security (transitional government)' },
		officials: { en: 'a transitional government official', ar: 'مسؤول في الحكومة الانتقالية', actor: 'Transitional government officials' },
		allies: [],
		attacks: { 'Armed Assault': 55, 'Hostage Taking (Kidnapping)': 15, 'Bombing/Explosion': 10, 'Unarmed Assault': 6, Assassination: 3,
			'Facility/Infrastructure Attack': 4, Unknown: 4 },
		targets: { forces: 55, civilians: 35, business: 3, other: 3, religious: 1 } },
	{ key: 'remnants', label: 'Assad loyalist remnants', ar: 'فلول النظام السابق', targetable: true, asTarget: NON_STATE, allies: [],
		attacks: { 'Armed Assault': 60, 'Bombing/Explosion': 10, Assassination: 10, 'Hostage Taking (Kidnapping)': 8, 'Facility/Infrastructure Attack': 5, Unknown: 5 },
		targets: { forces: 40, police: 30, officials: 10, civilians: 15, utilities: 2 } },
	{ key: 'tribal', label: 'Arab tribal fighters', ar: 'مقاتلو العشائر العربية', targetable: true, asTarget: NON_STATE, allies: [],
		attacks: { 'Armed Assault': 70, 'Hostage Taking (Kidnapping)': 10, 'Bombing/Explosion': 5, Assassination: 5, 'Facility/Infrastructure Attack': 5, Unknown: 3 },
		targets: { forces: 70, civilians: 20, police: 5, officials: 5 } },
	{ key: 'local', label: 'Local armed groups', ar: 'مجموعات مسلحة محلية', targetable: true, asTarget: NON_STATE, allies: [],
		attacks: { 'Armed Assault': 40, 'Hostage Taking (Kidnapping)': 30, Assassination: 10, 'Bombing/Explosion': 5, 'Unarmed Assault': 5,
			Hijacking: 2, 'Facility/Infrastructure Attack': 3, 'Hostage Taking (Barricade Incident)': 1, Unknown: 4 },
		targets: { civilians: 40, forces: 40, business: 8, police: 5, officials: 5, transport: 2 } },
	{ key: 'unidentified', label: 'Unidentified gunmen', ar: 'مسلحون مجهولون', targetable: false, asTarget: 'Unknown', allies: [],
		attacks: { Assassination: 35, 'Armed Assault': 35, 'Bombing/Explosion': 12, 'Hostage Taking (Kidnapping)': 12, 'Unarmed Assault': 2,
			Hijacking: 1, 'Hostage Taking (Barricade Incident)': 0.5, Unknown: 2.5 },
		targets: { civilians: 35, forces: 30, police: 12, officials: 10, religious: 3, business: 4, media: 2, education: 1, ngo: 1, transport: 1, other: 1 } },
	{ key: 'unknown', label: null, ar: 'جهة غير معروفة', targetable: false, asTarget: 'Unknown', allies: [],
		attacks: { 'Bombing/Explosion': 40, Unknown: 30, 'Armed Assault': 20, 'Facility/Infrastructure Attack': 5, 'Hostage Taking (Kidnapping)': 5 },
		targets: { civilians: 40, forces: 20, unknown: 20, utilities: 5, business: 5, transport: 5, other: 5 } }
];

/** [actor, first month, last month, presence by p-code]. Months are inclusive 'YYYY-MM'. */
export type Presence = readonly [ActorKey, string, string, Partial<Record<string, number>>];

const END = '2025-12';
const BEFORE_FALL = '2024-11';
const AFTER_FALL = '2024-12';

export const PRESENCE: readonly Presence[] = [
	['isis', '2017-01', '2019-03', { SY01: 1, SY02: 0.5, SY03: 0.8, SY04: 3, SY05: 0.8, SY08: 1.5, SY09: 6, SY11: 6, SY12: 1, SY13: 0.8 }],
	['isis', '2017-01', '2017-06', { SY02: 2 }],
	['isis_cells', '2019-04', END, { SY04: 4, SY05: 1.5, SY08: 3, SY09: 6, SY11: 3, SY12: 0.8, SY13: 0.5, SY02: 0.3, SY03: 0.3, SY07: 0.5 }],
	['gov', '2017-01', BEFORE_FALL, { SY01: 3, SY02: 4, SY03: 4, SY04: 4, SY05: 4, SY06: 3, SY07: 4, SY08: 1, SY09: 3, SY10: 3, SY11: 1, SY12: 4, SY13: 2, SY14: 2 }],
	['russia', '2017-01', BEFORE_FALL, { SY02: 1, SY03: 1, SY04: 1.5, SY05: 2, SY06: 1, SY07: 4, SY09: 1.5, SY11: 0.5, SY12: 0.5 }],
	['iran', '2017-01', BEFORE_FALL, { SY01: 0.5, SY02: 1, SY03: 1, SY04: 1, SY05: 0.5, SY09: 2, SY12: 0.5 }],
	['sdf', '2017-01', END, { SY02: 2, SY08: 4, SY09: 4, SY11: 4 }],
	['coalition', '2017-01', END, { SY07: 0.4, SY08: 1, SY09: 1.5, SY11: 2 }],
	['hts', '2017-01', BEFORE_FALL, { SY02: 2, SY05: 3, SY06: 1.5, SY07: 4 }],
	['hts', '2017-01', '2018-07', { SY03: 1, SY04: 0.5, SY12: 0.5, SY14: 0.3 }],
	['sna', '2017-01', '2025-03', { SY02: 3 }],
	['sna', '2019-10', '2025-03', { SY08: 2, SY11: 2 }],
	['opposition', '2017-01', BEFORE_FALL, { SY02: 2, SY05: 1, SY06: 1.5, SY07: 2 }],
	['opposition', '2017-01', '2018-05', { SY01: 2, SY03: 4, SY04: 2, SY05: 2 }],
	['opposition', '2017-01', '2018-07', { SY12: 4, SY14: 2 }],
	['opposition', '2018-08', '2021-09', { SY12: 1 }],
	['opposition', AFTER_FALL, AFTER_FALL, { SY01: 2, SY03: 2, SY04: 2, SY12: 2, SY13: 1 }],
	['turkey', '2017-01', END, { SY02: 2, SY07: 0.5 }],
	['turkey', '2019-10', END, { SY08: 2, SY11: 2 }],
	['israel', '2017-01', END, { SY01: 1.5, SY03: 1.5, SY04: 0.5, SY09: 0.3, SY10: 0.3, SY12: 0.3, SY14: 2 }],
	['transitional', AFTER_FALL, END, { SY01: 3, SY02: 3, SY03: 3, SY04: 3, SY05: 3, SY06: 3, SY07: 2, SY08: 0.5, SY09: 1.5, SY10: 3, SY11: 0.5, SY12: 2, SY13: 2, SY14: 1 }],
	['remnants', AFTER_FALL, END, { SY01: 0.5, SY03: 0.5, SY04: 1, SY05: 1, SY06: 3, SY10: 2 }],
	['tribal', '2017-01', END, { SY09: 0.5, SY13: 0.3 }],
	['local', '2017-01', END, { SY12: 1, SY13: 3 }],
	['unidentified', '2017-01', END, { SY01: 2, SY02: 2, SY03: 2, SY04: 1.5, SY05: 1, SY06: 0.5, SY07: 2, SY08: 1.5, SY09: 2, SY10: 1, SY11: 1.5, SY12: 1, SY13: 2, SY14: 2 }],
	// The wave of assassinations in the south after the 2018 settlement.
	['unidentified', '2018-08', END, { SY12: 5 }],
	['unknown', '2017-01', END, { SY01: 0.6, SY02: 0.8, SY03: 0.8, SY04: 0.8, SY05: 0.8, SY06: 0.4, SY07: 1, SY08: 0.8, SY09: 1, SY10: 0.4, SY11: 0.8, SY12: 0.8, SY13: 0.4, SY14: 0.4 }]
];

/** Target categories outside the armed actors: GTD target type and how the summary names them. */
export const STATIC_TARGETS: Partial<Record<TargetCategory, { type: TargetType; phrases: readonly Phrase[] }>> = {
	civilians: { type: 'Private Citizens & Property', phrases: [
		{ en: 'civilians', ar: 'مدنيين', actor: 'Civilians' },
		{ en: 'a civilian car', ar: 'سيارة مدنية', actor: 'Civilians' },
		{ en: 'a residential area', ar: 'حي سكني', actor: 'Civilians' },
		{ en: 'farmers', ar: 'مزارعين', actor: 'Farmers' },
		{ en: 'shepherds', ar: 'رعاة أغنام', actor: 'Shepherds' },
		{ en: 'truffle hunters', ar: 'جامعي الكمأة', actor: 'Truffle hunters', onlyIn: 'badia' },
		{ en: 'displaced families', ar: 'عائلات نازحة', actor: 'Displaced people' }
	] },
	business: { type: 'Business', phrases: [
		{ en: 'a shop', ar: 'محل تجاري', actor: 'Shop owner' },
		{ en: 'a market', ar: 'سوق شعبي', actor: 'Market traders' },
		{ en: 'a fuel station', ar: 'محطة وقود', actor: 'Fuel station' },
		{ en: 'a money exchange office', ar: 'مكتب صرافة', actor: 'Money changer' }
	] },
	religious: { type: 'Religious Figures/Institutions', phrases: [
		{ en: 'a mosque', ar: 'مسجد', actor: 'Mosque' },
		{ en: 'a local imam', ar: 'إمام مسجد', actor: 'Imam' },
		{ en: 'a church', ar: 'كنيسة', actor: 'Church' }
	] },
	education: { type: 'Educational Institution', phrases: [
		{ en: 'a school', ar: 'مدرسة', actor: 'School' },
		{ en: 'a teacher', ar: 'معلم', actor: 'Teacher' }
	] },
	utilities: { type: 'Utilities', phrases: [
		{ en: 'a power station', ar: 'محطة كهرباء', actor: 'Power station' },
		{ en: 'an oil field', ar: 'حقل نفطي', actor: 'Oil field' },
		{ en: 'a gas pipeline', ar: 'خط غاز', actor: 'Gas pipeline' }
	] },
	transport: { type: 'Transportation', phrases: [
		{ en: 'a passenger bus', ar: 'حافلة ركاب', actor: 'Bus passengers' },
		{ en: 'a fuel tanker', ar: 'صهريج وقود', actor: 'Fuel tanker' },
		{ en: 'a truck on the highway', ar: 'شاحنة على الطريق الدولي', actor: 'Truck driver' }
	] },
	media: { type: 'Journalists & Media', phrases: [
		{ en: 'a journalist', ar: 'صحفي', actor: 'Journalist' },
		{ en: 'a media activist', ar: 'ناشط إعلامي', actor: 'Media activist' }
	] },
	ngo: { type: 'NGO', phrases: [
		{ en: 'an aid convoy', ar: 'قافلة مساعدات', actor: 'Aid convoy' },
		{ en: 'aid workers', ar: 'عاملين في المجال الإنساني', actor: 'Aid workers' }
	] },
	water: { type: 'Food or Water Supply', phrases: [
		{ en: 'a water station', ar: 'محطة مياه', actor: 'Water station' },
		{ en: 'a bakery', ar: 'فرن', actor: 'Bakery' },
		{ en: 'grain silos', ar: 'صوامع حبوب', actor: 'Grain silos' }
	] },
	telecom: { type: 'Telecommunication', phrases: [{ en: 'a telecommunications tower', ar: 'برج اتصالات', actor: 'Telecom tower' }] },
	diplomatic: { type: 'Government (Diplomatic)', phrases: [{ en: 'a diplomatic building', ar: 'مبنى دبلوماسي', actor: 'Diplomatic mission' }] },
	airport: { type: 'Airports & Aircraft', phrases: [
		{ en: 'an airport', ar: 'مطار', actor: 'Airport' },
		{ en: 'a military airfield', ar: 'مطار عسكري', actor: 'Airfield' }
	] },
	other: { type: 'Other', phrases: [
		{ en: 'a displacement camp', ar: 'مخيم للنازحين', actor: 'Displacement camp' },
		{ en: 'a hospital', ar: 'مستشفى', actor: 'Hospital' }
	] },
	unknown: { type: 'Unknown', phrases: [{ en: 'an unidentified target', ar: 'هدف غير محدد', actor: 'Unknown' }] }
};

/** Forces targets: "{X}" is the enemy's name; `ar` is completed by arPrefixLi. */
export const FORCES_PHRASES: readonly { en: string; ar: string }[] = [
	{ en: 'a checkpoint manned by {X}', ar: 'حاجز تابع {X}' },
	{ en: 'a position held by {X}', ar: 'موقع تابع {X}' },
	{ en: 'a patrol of {X}', ar: 'دورية تابعة {X}' },
	{ en: 'a vehicle belonging to {X}', ar: 'آلية تابعة {X}' },
	{ en: 'members of {X}', ar: 'عناصر {X}' }
];

/** Attacks on people rather than on places (assassination, kidnapping) name a person of the enemy's forces. */
export const FORCES_PERSON_PHRASES: readonly { en: string; ar: string }[] = [
	{ en: 'a commander of {X}', ar: 'قيادي {X}' },
	{ en: 'a member of {X}', ar: 'عنصر {X}' }
];

/** Arabic "of/belonging to" (li-): ل + ال contracts to لل. */
export function arPrefixLi(name: string): string {
	return name.startsWith('ال') ? `لل${name.slice(2)}` : `ل${name}`;
}

/**
 * How an attack type shifts the target mix (multipliers; `rest` applies to the categories not named).
 * A hijacking is of a vehicle, an infrastructure attack of a facility, a kidnapping of people.
 */
export const ATTACK_TARGET_AFFINITY: Partial<Record<AttackType, { rest: number } & Partial<Record<TargetCategory, number>>>> = {
	Hijacking: { rest: 0, transport: 10, civilians: 2, ngo: 2, business: 1 },
	'Facility/Infrastructure Attack': { rest: 0, utilities: 5, business: 3, religious: 2, education: 2, water: 2, telecom: 2,
		airport: 1, forces: 1.5, officials: 1, other: 1, ngo: 0.5, transport: 0.5, diplomatic: 1 },
	'Hostage Taking (Kidnapping)': { rest: 0.2, civilians: 3, officials: 2, media: 2, ngo: 2, business: 2 },
	'Hostage Taking (Barricade Incident)': { rest: 0.2, civilians: 2, officials: 2, forces: 1, police: 1, religious: 1, education: 1 },
	Assassination: { rest: 0.2, officials: 4, police: 2, forces: 1.5, religious: 2, media: 2, civilians: 1, business: 1 },
	'Unarmed Assault': { rest: 0.3, civilians: 3, media: 1, ngo: 1, business: 1 }
};
