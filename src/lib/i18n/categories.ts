// Display names of the codebook categories. Values in the data, the URL and the CSV stay the codebooks' English
// labels (src/lib/data/taxonomy.ts); only what is shown changes. English shows the label itself. Each Arabic table
// is typed by its codebook, so a category without a translation is a compile error.
import type { Lang } from '../data/display';
import {
	ACLED_EVENT_TYPES,
	UCDP_EVENT_TYPES,
	type AcledSubEventType,
	type AttackType,
	type DatePrecision,
	type SourceDataset,
	type TargetType
} from '../data/taxonomy';

type AcledEventType = (typeof ACLED_EVENT_TYPES)[number];

/** GTD attack types (attacktype1_txt). */
export const AR_ATTACK_TYPES: Readonly<Record<AttackType, string>> = {
	Assassination: 'اغتيال',
	'Armed Assault': 'هجوم مسلح',
	'Bombing/Explosion': 'تفجير',
	Hijacking: 'اختطاف وسيلة نقل',
	'Hostage Taking (Barricade Incident)': 'احتجاز رهائن (مع التحصّن)',
	'Hostage Taking (Kidnapping)': 'احتجاز رهائن (خطف)',
	'Facility/Infrastructure Attack': 'هجوم على منشأة أو بنية تحتية',
	'Unarmed Assault': 'اعتداء غير مسلح',
	Unknown: 'غير معروف'
};

/** GTD target types (targtype1_txt). */
export const AR_TARGET_TYPES: Readonly<Record<TargetType, string>> = {
	Business: 'منشآت تجارية',
	'Government (General)': 'حكومي (عام)',
	Police: 'الشرطة',
	Military: 'عسكري',
	'Abortion Related': 'مرتبط بالإجهاض',
	'Airports & Aircraft': 'مطارات وطائرات',
	'Government (Diplomatic)': 'دبلوماسي',
	'Educational Institution': 'مؤسسات تعليمية',
	'Food or Water Supply': 'إمدادات الغذاء أو المياه',
	'Journalists & Media': 'صحفيون ووسائل إعلام',
	Maritime: 'بحري',
	NGO: 'منظمات غير حكومية',
	Other: 'أخرى',
	'Private Citizens & Property': 'مدنيون وممتلكات خاصة',
	'Religious Figures/Institutions': 'شخصيات ومؤسسات دينية',
	Telecommunication: 'اتصالات',
	'Terrorists/Non-State Militia': 'إرهابيون/ميليشيات من غير الدول',
	Tourists: 'سياح',
	Transportation: 'وسائل النقل',
	Unknown: 'غير معروف',
	Utilities: 'مرافق عامة',
	'Violent Political Party': 'حزب سياسي عنيف'
};

/** ACLED event types. */
export const AR_EVENT_TYPES: Readonly<Record<AcledEventType, string>> = {
	Battles: 'معارك',
	'Explosions/Remote violence': 'انفجارات/عنف عن بُعد',
	'Violence against civilians': 'عنف ضد المدنيين',
	Protests: 'احتجاجات',
	Riots: 'أعمال شغب',
	'Strategic developments': 'تطورات استراتيجية'
};

/** Source datasets: the datasets' own names stay (they are cited by name); the two kinds of local data are described. */
export const AR_SOURCES: Readonly<Record<SourceDataset, string>> = {
	acled: 'ACLED',
	gtd: 'GTD',
	ucdp: 'UCDP',
	csv: 'ملف CSV',
	manual: 'ترميز يدوي',
	synthetic: 'بيانات اصطناعية'
};

export const AR_PRECISIONS: Readonly<Record<DatePrecision, string>> = {
	day: 'يوم',
	week: 'أسبوع',
	month: 'شهر',
	year: 'سنة'
};

/** ACLED sub-event types. */
export const AR_SUB_EVENT_TYPES: Readonly<Record<AcledSubEventType, string>> = {
	'Armed clash': 'اشتباك مسلح',
	'Government regains territory': 'استعادة الحكومة لأراضٍ',
	'Non-state actor overtakes territory': 'سيطرة جهة غير حكومية على أراضٍ',
	'Chemical weapon': 'سلاح كيميائي',
	'Air/drone strike': 'غارة جوية/بطائرة مسيّرة',
	'Suicide bomb': 'تفجير انتحاري',
	'Shelling/artillery/missile attack': 'قصف مدفعي/صاروخي',
	'Remote explosive/landmine/IED': 'عبوة ناسفة/لغم أرضي',
	Grenade: 'قنبلة يدوية',
	'Sexual violence': 'عنف جنسي',
	Attack: 'هجوم',
	'Abduction/forced disappearance': 'خطف/إخفاء قسري',
	'Peaceful protest': 'احتجاج سلمي',
	'Protest with intervention': 'احتجاج مع تدخل',
	'Excessive force against protesters': 'قوة مفرطة ضد المحتجين',
	'Violent demonstration': 'تظاهرة عنيفة',
	'Mob violence': 'عنف جماعي',
	Agreement: 'اتفاق',
	Arrests: 'اعتقالات',
	'Change to group/activity': 'تغيّر في جماعة/نشاط',
	'Disrupted weapons use': 'إحباط استخدام أسلحة',
	'Headquarters or base established': 'إنشاء مقر أو قاعدة',
	'Looting/property destruction': 'نهب/تدمير ممتلكات',
	'Non-violent transfer of territory': 'انتقال سلمي للسيطرة على أراضٍ',
	Other: 'أخرى'
};

/** UCDP's types of violence (written as event_type by the UCDP importer). */
export const AR_UCDP_EVENT_TYPES: Readonly<Record<(typeof UCDP_EVENT_TYPES)[number], string>> = {
	'State-based conflict': 'نزاع تكون الدولة طرفاً فيه',
	'Non-state conflict': 'نزاع بين جهات غير حكومية',
	'One-sided violence': 'عنف من طرف واحد'
};

export type CategoryKind = 'target' | 'attack' | 'event' | 'subevent' | 'source' | 'precision';

const AR: Readonly<Record<CategoryKind, Readonly<Record<string, string>>>> = {
	target: AR_TARGET_TYPES,
	attack: AR_ATTACK_TYPES,
	event: { ...AR_EVENT_TYPES, ...AR_UCDP_EVENT_TYPES },
	subevent: AR_SUB_EVENT_TYPES,
	source: AR_SOURCES,
	precision: AR_PRECISIONS
};

/** What to show for a category value; a value outside the codebook (free text from a CSV) is shown as it is. */
export function categoryLabel(lang: Lang, kind: CategoryKind, value: string): string {
	if (lang === 'en') return value;
	const table = AR[kind];
	return Object.hasOwn(table, value) ? table[value] : value;
}
