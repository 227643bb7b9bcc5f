// Who is who: names and adjectives reports use for the armed actors of the Syrian conflict, each with the label
// the draft proposes (the manual CSV's spelling) and an actor group slug. Word lists written for Rasd; the
// actor dictionaries of UniversalPetrarch (MIT) were the model for what to cover.
import { foldText } from '../text/fold';
import type { ActorGroup } from './types';

export interface ActorTerm {
	label: string;
	group: ActorGroup;
	/** A nationality adjective ("تركية", "Turkish"): an actor only beside an attack word ("مسيرة تركية"). */
	adjective?: boolean;
}

const t = (label: string, group: ActorGroup, terms: string[], adjective = false) =>
	terms.map((term) => [term, { label, group, adjective }] as const);

export const ACTOR_TERMS: readonly (readonly [string, ActorTerm])[] = [
	...t('ISIS', 'islamic-state', ['داعش', 'تنظيم داعش', 'تنظيم الدولة', 'تنظيم الدولة الإسلامية', 'الدولة الإسلامية', 'ISIS', 'ISIL',
		'Islamic State', 'Islamic State group', 'the Islamic State group', 'Daesh']),
	...t('SDF', 'sdf', ['قسد', 'قوات قسد', 'قوات سوريا الديمقراطية', 'SDF', 'Syrian Democratic Forces', 'Kurdish-led forces',
		'مجلس منبج العسكري', 'Manbij Military Council', 'مجلس الرقة العسكري']),
	// Components of the SDF keep their own name, as ACLED does; the group is the SDF's.
	...t('YPG', 'sdf', ['وحدات حماية الشعب', 'YPG', 'People\'s Protection Units']),
	...t('Asayish', 'sdf', ['الأسايش', 'Asayish', 'Kurdish-led internal security forces']),
	...t('Syrian government forces', 'syrian-government', ['قوات النظام', 'النظام السوري', 'جيش النظام', 'قوات الأسد', 'الجيش السوري',
		'قوات الحكومة السورية', 'الحكومة السورية', 'القوات الحكومية', 'Syrian government', 'Syrian government forces', 'government forces',
		'regime forces', 'Syrian army', 'Syrian regime', 'pro-government forces', 'Syrian troops', 'government troops']),
	...t('US-led coalition', 'coalition', ['التحالف الدولي', 'قوات التحالف', 'قوة أمريكية', 'القوات الأمريكية', 'القوات الأميركية',
		'US-led coalition', 'the coalition', 'international coalition', 'coalition forces', 'US forces', 'American forces', 'U.S. forces']),
	...t('Turkish forces', 'turkey', ['القوات التركية', 'الجيش التركي', 'تركيا', 'Turkish forces', 'Turkish army', 'Turkey']),
	...t('Turkish forces', 'turkey', ['تركي', 'تركية', 'التركي', 'التركية', 'Turkish'], true),
	...t('HTS', 'hts', ['هيئة تحرير الشام', 'تحرير الشام', 'HTS', 'Hayat Tahrir al-Sham', "Hay'at Tahrir al-Sham"]),
	...t('Syrian National Army', 'sna', ['الجيش الوطني السوري', 'الجيش الوطني', 'Syrian National Army', 'SNA']),
	...t('Russian forces', 'russia', ['القوات الروسية', 'روسيا', 'Russian forces', 'Russia']),
	...t('Russian forces', 'russia', ['روسي', 'روسية', 'الروسي', 'الروسية', 'Russian'], true),
	...t('Israeli forces', 'israel', ['إسرائيل', 'الاحتلال الإسرائيلي', 'الجيش الإسرائيلي', 'Israel', 'Israeli forces', 'Israeli army']),
	...t('Israeli forces', 'israel', ['إسرائيلي', 'إسرائيلية', 'الإسرائيلي', 'الإسرائيلية', 'Israeli'], true),
	...t('Hezbollah', 'other', ['حزب الله', 'Hezbollah', 'Hizbollah']),
	...t('Opposition factions', 'other', ['فصائل المعارضة', 'opposition factions', 'rebels', 'rebel fighters']),
	...t('Unidentified gunmen', 'unknown', ['مسلحون مجهولون', 'مسلحين مجهولين', 'unidentified gunmen', 'unknown gunmen', 'gunmen']),
	...t('Unidentified assailants', 'unknown', ['مجهولون', 'مجهولين', 'unidentified assailants', 'unknown assailants', 'unidentified attackers']),
	...t('Unidentified armed group', 'unknown', ['مجموعة مسلحة', 'an armed group', 'unidentified armed group'])
];

/** A set of folded words; `has` also accepts a word carrying the proclitics و ف ب ل ("وقصفت", "بقصف"). */
export class WordSet {
	private readonly words: Set<string>;
	constructor(words: readonly string[]) {
		this.words = new Set(words.map((w) => foldText(w)));
	}
	has(token: string): boolean {
		if (this.words.has(token)) return true;
		const m = /^[وف]?[بل]?/.exec(token)![0];
		return m.length > 0 && this.words.has(token.slice(m.length));
	}
}

/** Verbs of attack an Arabic sentence puts before its subject (VSO): "قصفت قوات النظام", "اغتال مسلحون". */
export const AR_AGENT_VERBS = new WordSet(['هاجم', 'هاجمت', 'اغتال', 'اغتالت', 'اختطف', 'اختطفت', 'خطف', 'قصف', 'قصفت', 'استهدف', 'استهدفت',
	'نفذ', 'نفذت', 'أقدم', 'أقدمت', 'شن', 'شنت', 'أطلق', 'أطلقت', 'فجر', 'داهم', 'داهمت', 'قتل', 'قتلت', 'كمن', 'أعدم', 'أعدمت']);
/** Words after which an actor is the agent: "برصاص", "من قبل", "على يد", "by". */
export const AGENT_BEFORE = new WordSet(['رصاص', 'نيران', 'قبل', 'يد', 'by']);
/** Attack nouns after which "لـ" + actor is the agent: "بهجوم لخلايا تنظيم داعش". */
export const AR_ATTACK_NOUNS = new WordSet(['هجوم', 'هجوما', 'هجمات', 'قصف', 'كمين', 'غارة', 'غارات', 'استهداف']);
/** English attack verbs and weapons an agent comes before: "HTS shelled", "Israeli strikes hit". */
export const EN_AGENT_AFTER = new WordSet(['killed', 'kill', 'struck', 'strike', 'strikes', 'shelled', 'shelling', 'attacked', 'attack',
	'abducted', 'kidnapped', 'ambushed', 'hit', 'stormed', 'bombed', 'raided', 'targeted', 'fired', 'opened', 'launched', 'warplanes',
	'jets', 'drone', 'drones', 'airstrike', 'airstrikes', 'artillery', 'claimed', 'shot', 'executed']);
/** Weapons an Arabic nationality adjective follows: "طائرة مسيّرة تركية", "قصف مدفعي تركي". */
export const AR_WEAPON = new WordSet(['مسيرة', 'طائرة', 'قصف', 'غارة', 'غارات', 'مدفعي', 'صاروخي', 'صاروخ', 'قذيفة', 'ضربة', 'الطائرات',
	'طائرات', 'المسيرة', 'حربية', 'حربي', 'جوية', 'جوي', 'الحربية', 'ضربات']);
/** Words before an actor that make it a victim, owner or source, not the agent. */
export const NOT_AGENT_BEFORE = new WordSet(['تعرض', 'ضد', 'تابعة', 'التابعة', 'التابع', 'تابع', 'سيطرة', 'عناصر', 'من', 'في', 'of', 'against',
	'on', 'بحسب', 'وفق', 'حسب', 'according', 'to', 'members', 'fighters', 'position', 'positions', 'with']);
export const SPEECH_AFTER = new WordSet(['said', 'says', 'told', 'announced', 'reported', 'قال', 'قالت', 'أعلن', 'أعلنت', 'ذكر', 'ذكرت',
	'defence', 'defense', 'ministry', 'monitor']);
export const PASSIVE = new WordSet(['was', 'were', 'been', 'being']);

const P = '(?<![\\p{L}])[وف]?[بل]?';
export const CLAIM = new RegExp(`${P}(claimed|claims|claim|تبني|تبنت|تبنا|يتبن|تتبن|مسؤوليته|مسؤوليتها)(?![\\p{L}])`, 'gu');
export const NEGATION = /(?<![\p{L}])(لم|لا|no|not|didn't|without|any|اي|did)(?![\p{L}])/u;
export const SUSPECT = new RegExp(`${P}(يعتقد|الارجح|يرجح|ترجح|يشتبه|المشتبه|اتهم|اتهمت|وقوف|believed|suspected|likely|alleged|allegedly|blamed|accused|suspect)(?![\\p{L}])`, 'gu');
export const CELLS = new RegExp(`${P}(خلايا|خلاياه|خلية|cells|cell)(?![\\p{L}])`, 'u');
export const CONNECTOR = new WordSet(['بالتنسيق', 'مع', 'و', 'and', 'alongside', 'جانب', 'إلى', 'with', 'in', 'coordination', 'backed']);
