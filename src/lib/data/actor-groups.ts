// Perpetrator names grouped into a dozen actor groups, so that an analyst can filter "Islamic State" without knowing
// that ACLED writes "Islamic State (Syria)", UCDP "IS", GTD "Islamic State of Iraq and the Levant (ISIL)" and an
// Arabic report "خلايا داعش". The perpetrator column keeps the name as the source wrote it; the group is derived
// (the artifact build computes an `actor_group` column from it, scripts/lib/artifact-build.ts).
//
// How a name is matched (actorGroupOf):
// 1. The name is folded like the search (src/lib/text/fold.ts: case, accents, Arabic hamza/ta marbuta/alef
//    maqsura), apostrophes dropped and every other non-letter turned into a space: "Hay'at Tahrir al-Sham" and
//    "HAYAT TAHRIR AL SHAM" compare equal.
// 2. A few whole names are decided first (EXACT), e.g. "ISIS Hunters", a pro-government unit that hunted IS.
// 3. Otherwise the name is split into members at commas, semicolons, "and", "&" (UCDP writes alliances as
//    "Ahrar al-Sham, HTS, Southern Front"; hand-coded rows "US-led coalition and SDF"), and each member is matched
//    against RULES in order: the first rule with a phrase occurring in it as whole words wins. Short acronyms
//    that are also English words ("IS") only match a whole member.
// 4. Members combine: one group -> that group; only rebel groups (opposition, HTS, SNA) -> `opposition`; a mixture
//    with anyone else -> the group of the first member named (the lead actor in a hand-coded "X and Y"). Members
//    that match nothing are ignored when another member matches. Nothing matched -> `other`; a blank name ->
//    `unknown` (the source did not know who acted).
//
// Choices an analyst should know about (the rules below say the same next to each phrase):
// - `syrian-government` is the Syrian state's forces whatever the government: ACLED's "Military Forces of Syria
//   (2000-2024)" and "(2024-)" alike, plus pro-government militias (NDF, Tiger Forces, Liwa al-Quds) and
//   "Transitional government forces". Filter by date to separate the periods. Assad loyalist remnants after
//   December 2024 are `other`.
// - `turkey` includes ACLED's joint actors "Operation Peace Spring / Olive Branch / Euphrates Shield", which ACLED
//   uses when Turkish forces and the SNA fought together and cannot be told apart.
// - `sna` includes its main named factions (Sultan Murad, Hamza, Ahrar al-Sharqiya, Levant Front, ...), UCDP's
//   "Hawar Kilis Operations Room" (the Turkish-backed factions before the SNA was formed) and GTD's
//   "Turkish-backed militia". Groups that joined the SNA later but fought elsewhere before (Jaysh al-Islam in
//   Ghouta, the National Front for Liberation in Idleb) stay `opposition`: a name does not carry a date.
// - `hts` includes its predecessors Jabhat Fateh al-Sham and Jabhat al-Nusra.
// - `iran` is Iran's forces and the militias it backs by name (Hezbollah, Fatemiyoun, Nujaba, Liwa al-Baqir, Iraq's
//   Popular Mobilization Forces); a generic "Shiite Muslim Militia" is `other`, as are Iraq's and Jordan's armies.
// - `coalition` is the US-led coalition against IS and US forces; `sdf` includes the YPG/YPJ, Asayish, the
//   military councils and internal security forces of the Autonomous Administration, the PYD and the Afrin
//   Liberation Forces (a YPG-linked insurgency after 2018). The PKK is `other`.
// - `unknown` is an unidentified perpetrator ("Unidentified Armed Group (Syria)", "Unknown", "مسلحون مجهولون");
//   an identified kind of group without a name ("Unidentified Tribal Militia") is `other`, and so is ACLED's
//   "Allied Syrian and/or Russian Forces", which leaves open which of the two acted.
import { foldText } from '../text/fold';

export const ACTOR_GROUPS = [
	{ slug: 'islamic-state', en: 'Islamic State (ISIS)', ar: 'تنظيم الدولة الإسلامية (داعش)' },
	{ slug: 'syrian-government', en: 'Syrian government forces', ar: 'قوات الحكومة السورية' },
	{ slug: 'sdf', en: 'SDF (Syrian Democratic Forces)', ar: 'قوات سوريا الديمقراطية (قسد)' },
	{ slug: 'hts', en: 'HTS (Hayat Tahrir al-Sham)', ar: 'هيئة تحرير الشام' },
	{ slug: 'sna', en: 'SNA (Syrian National Army)', ar: 'الجيش الوطني السوري' },
	{ slug: 'opposition', en: 'Armed opposition', ar: 'فصائل المعارضة المسلحة' },
	{ slug: 'turkey', en: 'Turkey', ar: 'تركيا' },
	{ slug: 'russia', en: 'Russia', ar: 'روسيا' },
	{ slug: 'iran', en: 'Iran and Iran-backed militias', ar: 'إيران والميليشيات المدعومة منها' },
	{ slug: 'coalition', en: 'US-led coalition', ar: 'التحالف الدولي بقيادة الولايات المتحدة' },
	{ slug: 'israel', en: 'Israel', ar: 'إسرائيل' },
	{ slug: 'unknown', en: 'Unidentified perpetrator', ar: 'جهة مجهولة' },
	{ slug: 'other', en: 'Other groups', ar: 'جهات أخرى' }
] as const;

export type ActorGroup = (typeof ACTOR_GROUPS)[number]['slug'];
export const ACTOR_GROUP_SLUGS: readonly ActorGroup[] = ACTOR_GROUPS.map((g) => g.slug);

/** Folded, apostrophes dropped, every run of other non-letters a single space. */
export function actorKey(name: string): string {
	return foldText(name)
		.replace(/['`\u2018\u2019\u02bb\u02bc\u02bf]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Whole names decided before splitting or matching. */
const EXACT: Readonly<Record<string, ActorGroup>> = {
	// A pro-government unit (5th Corps) named after what it hunted.
	'isis hunters': 'syrian-government',
	// ACLED's actor when it cannot tell Syrian from Russian aircraft: which one acted is left open.
	'allied syrian and or russian forces': 'other',
	// Jaysh Tahrir al-Sham, a Qalamoun FSA faction, is not HTS.
	'tahrir al sham army': 'opposition',
	'jaysh tahrir al sham': 'opposition'
};

interface Rule {
	group: ActorGroup;
	/** Matched as whole words anywhere in a member. */
	phrases: readonly string[];
	/** Matched only as a whole member (acronyms that are also words). */
	whole?: readonly string[];
}

// Order matters where phrases overlap: the coalition "against Daesh" before the Islamic State, "Turkish-backed"
// (SNA) before Turkey, the "Free Syrian Army" (opposition) before the "Syrian army", a mutiny before the group.
const RULES: readonly Rule[] = [
	{ group: 'other', phrases: ['mutiny of'] },
	{ group: 'unknown', phrases: [
		'unknown', 'unidentified armed group', 'unidentified gunmen', 'unknown gunmen', 'unidentified military forces',
		'unidentified attackers', 'unidentified assailants', 'مجهولون', 'مجهولين', 'مجهول', 'جهه غير معروفه'
	], whole: ['unidentified'] },
	{ group: 'coalition', phrases: [
		'global coalition against daesh', 'us led coalition', 'international coalition', 'anti isis coalition',
		'military forces of the united states', 'government of united states of america', 'us forces', 'us army',
		'american forces', 'التحالف الدولي', 'القوات الامريكيه'
	] },
	{ group: 'islamic-state', phrases: [
		'islamic state', 'isis', 'isil', 'daesh', 'daish', 'داعش', 'تنظيم الدوله', 'الدوله الاسلاميه',
		// The IS affiliate of the Yarmouk basin (2016-2018).
		'khalid ibn al walid army', 'jaysh khalid ibn al walid'
	], whole: ['is'] },
	{ group: 'sna', phrases: [
		'syrian national army', 'turkish backed', 'hawar kilis', 'sultan murad', 'hamza division', 'hamza brigade',
		'ahrar al sharqiya', 'ahrar al sharqiyah', 'levant front', 'al jabha al shamiyya', 'shamiya front',
		'sultan suleiman shah', 'al mutasim brigade', 'al moutasem brigade', 'samarkand brigade',
		'sultan mohammad al fatih', 'sultan mohmmad al fatih', 'الجيش الوطني'
	], whole: ['sna', 'jws', 'jws syrian national army'] },
	{ group: 'turkey', phrases: [
		'military forces of turkey', 'police forces of turkey', 'government of turkey', 'turkish forces', 'turkish army',
		'turkish military', 'turkish armed forces', 'operation peace spring', 'operation olive branch',
		'operation euphrates shield', 'القوات التركيه', 'الجيش التركي', 'تركيا'
	] },
	{ group: 'sdf', phrases: [
		'syrian democratic forces', 'sdf', 'qsd', 'ypg', 'ypj', 'peoples protection units', 'womens protection units',
		'asayish', 'manbij military council', 'menbij military council', 'deir ez zor military council',
		'raqqa military council', 'internal security forces', 'self defence forces', 'sanadid', 'autonomous administration',
		'democratic union party', 'pyd', 'afrin liberation forces', 'liberation army of afrin', 'hre',
		'قسد', 'قوات سوريا الديمقراطيه', 'وحدات حمايه الشعب', 'الاسايش', 'الاداره الذاتيه'
	] },
	{ group: 'hts', phrases: [
		'hts', 'hayat tahrir al sham', 'tahrir al sham', 'jabhat fateh al sham', 'jabhat fatah al sham',
		'jabhat al nusra', 'nusra front', 'al nusra front', 'salvation government',
		'هيئه تحرير الشام', 'جبهه النصره', 'جبهه فتح الشام'
	] },
	{ group: 'opposition', phrases: [
		'opposition', 'rebels', 'syrian insurgents', 'free syrian army', 'fsa', 'ahrar al sham', 'jaysh al islam',
		'jaish al islam', 'rahman corps', 'faylaq al rahman', 'national liberation front', 'national front for liberation',
		'syrian liberation front', 'syria liberation front', 'nour al din al zinki', 'nour al din al zenki', 'sham legion',
		'al sham corps', 'faylaq al sham', 'southern front', 'jaysh al izza', 'jaish al izza', 'fatah halab',
		'jaysh al nasr', 'free idlib army', 'suqour al sham', 'suquor al sham', 'jaysh al ahrar', 'army of revolutionaries',
		'army of the commandos of the revolution', 'maghawir al thawra', 'lions of the east army', 'jaysh asoud al sharqiya',
		'martyr lieutenant ahmed abdou', 'ahmad al abdo forces', 'dara popular resistance', 'al fath al mubeen',
		'army of mujahideen', 'mujahideen army', 'islamic front', 'syrian revolutionaries front', 'free syrian police',
		'jaysh al nukhba', 'الجيش السوري الحر', 'الجيش الحر', 'فصائل المعارضه', 'المعارضه المسلحه', 'الثوار'
	], whole: ['srf'] },
	{ group: 'syrian-government', phrases: [
		'military forces of syria', 'police forces of syria', 'government of syria', 'syrian government', 'syrian army',
		'syrian arab army', 'syrian police', 'regime forces', 'pro government', 'transitional government',
		'national defence forces', 'national defense forces', 'ndf', 'qdw', 'tiger forces', 'qawat al nimr',
		'liwa al quds', 'laq quds brigade', 'qalamoon shield', 'qalamoun shield', 'qaterji militia', 'al bustan association',
		'syrian republican guard', 'قوات النظام', 'النظام السوري', 'قوات الحكومه السوريه', 'الجيش السوري',
		'الجيش العربي السوري', 'قوات الدفاع الوطني', 'قوات الحكومه الانتقاليه'
	] },
	{ group: 'russia', phrases: [
		'military forces of russia', 'government of russia', 'russian forces', 'russian army', 'russian military',
		'russian air force', 'wagner', 'القوات الروسيه', 'روسيا', 'الطيران الروسي'
	] },
	{ group: 'iran', phrases: [
		'military forces of iran', 'government of iran', 'iranian forces', 'irgc', 'islamic revolutionary guard',
		'pro iran', 'iran backed', 'hezbollah', 'hizbollah', 'fatemiyoun', 'zainabiyoun', 'nujaba', 'abu al fadhal al abbas',
		'abu fadl al abbas', 'liwa al baqir', 'popular mobilization forces', 'حزب الله', 'الحرس الثوري', 'ايران',
		'الميليشيات الايرانيه', 'ميليشيات ايرانيه'
	] },
	{ group: 'israel', phrases: [
		'military forces of israel', 'government of israel', 'israeli', 'idf', 'israel defense forces',
		'القوات الاسرائيليه', 'الجيش الاسرائيلي', 'اسرائيل', 'الاحتلال الاسرائيلي'
	] }
];

const padded = (phrases: readonly string[]) => phrases.map((p) => ` ${actorKey(p)} `);
const COMPILED = RULES.map((r) => ({ group: r.group, phrases: padded(r.phrases), whole: new Set((r.whole ?? []).map(actorKey)) }));
const REBELS: ReadonlySet<ActorGroup> = new Set(['opposition', 'hts', 'sna']);
const SEPARATORS = /\s*(?:,|;|&|\band\b)\s*/;

/** The group of one member, or null when no rule matches it. */
function memberGroup(key: string): ActorGroup | null {
	const spaced = ` ${key} `;
	for (const rule of COMPILED) {
		if (rule.whole.has(key) || rule.phrases.some((p) => spaced.includes(p))) return rule.group;
	}
	return null;
}

/** The actor group of a perpetrator name as a source wrote it; see the rules at the top of this file. */
export function actorGroupOf(name: string | null | undefined): ActorGroup {
	if (name == null || name.trim() === '') return 'unknown';
	const exact = EXACT[actorKey(name)];
	if (exact) return exact;
	const members = name
		.split(SEPARATORS)
		.map(actorKey)
		.filter((k) => k !== '');
	const groups = members.map(memberGroup).filter((g): g is ActorGroup => g !== null);
	if (groups.length === 0) return 'other';
	const distinct = new Set(groups);
	if (distinct.size === 1) return groups[0];
	// An unknown member beside a named one adds nothing.
	distinct.delete('unknown');
	if (distinct.size === 1) return [...distinct][0];
	if ([...distinct].every((g) => REBELS.has(g))) return 'opposition';
	return groups.find((g) => g !== 'unknown') ?? groups[0];
}

/**
 * [perpetrator, actor_group] for each distinct name, for a build that joins them onto the incidents (the rules are
 * TypeScript, so SQL cannot apply them itself; the distinct names are few even when the rows are many).
 * A NULL perpetrator is not listed: its group is ACTOR_GROUP_OF_NULL.
 */
export function actorGroupTable(names: Iterable<string | null>): [string, ActorGroup][] {
	const out = new Map<string, ActorGroup>();
	for (const name of names) if (name != null && !out.has(name)) out.set(name, actorGroupOf(name));
	return [...out];
}

export const ACTOR_GROUP_OF_NULL: ActorGroup = actorGroupOf(null);
