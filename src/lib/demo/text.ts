// Short summaries for demo incidents, in English or Arabic. Every summary opens with a marker saying it is synthetic,
// so no demo row can be mistaken for real reporting when it is read, exported or quoted.
import type { AttackType } from '../data/taxonomy';
import type { Rng } from './prng';

export const SYNTHETIC_MARKER_EN = '[Synthetic]';
export const SYNTHETIC_MARKER_AR = '[بيانات اصطناعية]';

export type SubEventType =
	| 'Air/drone strike'
	| 'Shelling/artillery/missile attack'
	| 'Remote explosive/landmine/IED'
	| 'Suicide bomb'
	| 'Grenade'
	| 'Armed clash'
	| 'Attack'
	| 'Abduction/forced disappearance'
	| 'Looting/property destruction'
	| 'Government regains territory'
	| 'Non-state actor overtakes territory'
	| 'Protest with intervention'
	| 'Excessive force against protesters'
	| 'Violent demonstration'
	| 'Mob violence'
	| 'Arrests';

const BOMBING_WORDS: Record<string, readonly [string, string]> = {
	'Air/drone strike': ['Air strike', 'قصف جوي'],
	'Shelling/artillery/missile attack': ['Shelling', 'قصف مدفعي'],
	'Remote explosive/landmine/IED': ['IED explosion', 'انفجار عبوة ناسفة'],
	'Suicide bomb': ['Suicide bombing', 'تفجير انتحاري'],
	Grenade: ['Grenade attack', 'هجوم بقنبلة يدوية'],
	// Not bombings: sub-events whose own words say more than the attack type's.
	'Government regains territory': ['Advance to retake territory', 'تقدم لاستعادة مناطق'],
	'Non-state actor overtakes territory': ['Offensive to seize territory', 'هجوم للسيطرة على مناطق'],
	'Protest with intervention': ['Protest dispersed by force', 'تفريق احتجاج بالقوة'],
	'Excessive force against protesters': ['Shooting at protesters', 'إطلاق نار على متظاهرين'],
	'Violent demonstration': ['Violent demonstration', 'احتجاج عنيف'],
	'Mob violence': ['Mob violence', 'اعتداء جماعي'],
	Arrests: ['Arrest raid', 'حملة اعتقالات']
};

const ATTACK_WORDS: Record<AttackType, readonly (readonly [string, string])[]> = {
	'Armed Assault': [['Armed attack', 'هجوم مسلح'], ['Gun attack', 'إطلاق نار']],
	'Bombing/Explosion': [['Explosion', 'انفجار']],
	Assassination: [['Assassination', 'اغتيال']],
	'Hostage Taking (Kidnapping)': [['Abduction', 'خطف']],
	'Hostage Taking (Barricade Incident)': [['Hostage-taking', 'احتجاز رهائن']],
	Hijacking: [['Hijacking', 'اختطاف مركبة']],
	'Facility/Infrastructure Attack': [['Sabotage attack', 'هجوم تخريبي']],
	'Unarmed Assault': [['Assault', 'اعتداء']],
	Unknown: [['Security incident', 'حادث أمني']]
};

export interface SummaryParts {
	attack: AttackType;
	subEvent: SubEventType | null;
	target: { en: string; ar: string };
	place: { en: string; ar: string };
	perpetrator: { en: string | null; ar: string };
	killed: number | null;
	injured: number | null;
}

function casualtiesEn(killed: number | null, injured: number | null): string {
	if (killed === null && injured === null) return 'Casualties unknown.';
	if (killed === 0 && injured === 0) return 'No casualties reported.';
	const k = killed === null ? 'deaths unknown' : `${killed} killed`;
	const i = injured === null ? 'injuries unknown' : `${injured} injured`;
	return `${k}, ${i}.`;
}

function casualtiesAr(killed: number | null, injured: number | null): string {
	if (killed === null && injured === null) return 'حصيلة الضحايا غير معروفة.';
	if (killed === 0 && injured === 0) return 'دون وقوع إصابات.';
	const k = killed === null ? 'عدد القتلى غير معروف' : `القتلى: ${killed}`;
	const i = injured === null ? 'عدد الجرحى غير معروف' : `الجرحى: ${injured}`;
	return `${k}، ${i}.`;
}

function attackWords(rng: Rng, parts: SummaryParts): readonly [string, string] {
	if (parts.subEvent && BOMBING_WORDS[parts.subEvent]) return BOMBING_WORDS[parts.subEvent];
	return rng.pick(ATTACK_WORDS[parts.attack]);
}

export function summaryEn(rng: Rng, parts: SummaryParts): string {
	const [attack] = attackWords(rng, parts);
	const who = parts.perpetrator.en ?? 'an unknown perpetrator';
	const cas = casualtiesEn(parts.killed, parts.injured);
	return rng.chance(0.5)
		? `${SYNTHETIC_MARKER_EN} ${attack} targeting ${parts.target.en} ${parts.place.en}, attributed to ${who}. ${cas}`
		: `${SYNTHETIC_MARKER_EN} ${attack} against ${parts.target.en} ${parts.place.en} by ${who}. ${cas}`;
}

export function summaryAr(rng: Rng, parts: SummaryParts): string {
	const [, attack] = attackWords(rng, parts);
	const cas = casualtiesAr(parts.killed, parts.injured);
	return rng.chance(0.5)
		? `${SYNTHETIC_MARKER_AR} ${attack} استهدف ${parts.target.ar} ${parts.place.ar}، ونُسب إلى ${parts.perpetrator.ar}. ${cas}`
		: `${SYNTHETIC_MARKER_AR} ${attack} استهدف ${parts.target.ar} ${parts.place.ar}. الجهة المنفذة: ${parts.perpetrator.ar}. ${cas}`;
}
