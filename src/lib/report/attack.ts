// Attack type (GTD codebook) from the words of the incident's sentences, the most specific kind winning:
// a kidnapping that involved shooting is a kidnapping, a bombing announced as "an attack" is a bombing. The ACLED
// event and sub-event types follow from the attack type, its means and whether the target was armed.
import type { AttackType, TargetType } from '../data/taxonomy';
import { toSource, type Folded } from './fold-map';
import { Lexicon, type Hit } from './lexicon';
import type { Field, Span } from './types';

type Means = 'kidnap' | 'assassination' | 'air' | 'shelling' | 'explosive' | 'suicide' | 'armed';

const MEANS_TO_ATTACK: Record<Means, { type: AttackType; weight: number }> = {
	kidnap: { type: 'Hostage Taking (Kidnapping)', weight: 4 },
	assassination: { type: 'Assassination', weight: 3 },
	suicide: { type: 'Bombing/Explosion', weight: 2.5 },
	explosive: { type: 'Bombing/Explosion', weight: 2 },
	air: { type: 'Bombing/Explosion', weight: 2 },
	shelling: { type: 'Bombing/Explosion', weight: 2 },
	armed: { type: 'Armed Assault', weight: 1 }
};

const m = (means: Means, terms: string[]) => terms.map((t) => [t, means] as const);

export const ATTACK_WORDS = new Lexicon<Means>([
	// Arabic verbs take object suffixes ("اختطفته", "قصفتها"): written with * so that they match.
	...m('kidnap', ['اختطاف', 'اختطف*', 'خطف*', 'abducted', 'abduct*', 'kidnap*', 'abduction']),
	...m('assassination', ['اغتيال', 'اغتال*', 'assassinat*']),
	...m('suicide', ['انتحاري', 'انتحارية', 'suicide bomb*', 'suicide attack*']),
	...m('explosive', ['انفجار', 'تفجير', 'انفجرت', 'انفجر', 'عبوة ناسفة', 'عبوة', 'عبوات', 'لغم', 'ألغام', 'مفخخة', 'سيارة مفخخة',
		'دراجة نارية مفخخة', 'bomb', 'bombs', 'bombing', 'car bomb', 'roadside bomb', 'IED', 'explosion', 'explosive*', 'exploded',
		'blew up', 'landmine*', 'mine', 'grenade', 'قنبلة']),
	...m('air', ['غارة', 'غارات', 'طائرة مسيرة', 'مسيرة', 'طائرات مسيرة', 'طائرة حربية', 'الطيران الحربي', 'airstrike*', 'air strike*',
		'strikes', 'warplanes', 'warplane', 'drone', 'drones', 'jets']),
	...m('shelling', ['قصف*', 'قذيفة', 'قذائف', 'قذيفتا', 'قذيفتان', 'قذيفتين', 'هاون', 'الهاون', 'صاروخ', 'صواريخ', 'مدفعي', 'بالمدفعية', 'shelled', 'shelling', 'rocket*',
		'missile*', 'mortar*', 'artillery']),
	...m('armed', ['هجوم', 'هجوم مسلح', 'هاجم*', 'اشتباك', 'اشتباكات', 'كمين', 'إطلاق النار', 'إطلاق نار', 'برصاص', 'رصاص',
		'عملية أمنية', 'attack', 'attacked', 'ambush', 'ambushed', 'gunfire', 'opened fire', 'shot', 'shot dead', 'shooting', 'raid', 'clash*',
		'stormed', 'security operation'])
]);

export interface AttackFields {
	attackType: Field<AttackType | null>;
	means: Means | null;
	/** Folded spans of every attack word, for target proximity. */
	triggers: Hit<Means>[];
}

export function extractAttack(f: Folded, ranges: readonly (readonly [number, number])[]): AttackFields {
	const hits = ranges.flatMap(([a, b]) => ATTACK_WORDS.find(f.text, a, b));
	if (hits.length === 0) return { attackType: { value: null, confidence: 0.3, evidence: [], note: 'No attack word found.' }, means: null, triggers: [] };
	const top = Math.max(...hits.map((h) => MEANS_TO_ATTACK[h.value].weight));
	const best = hits.filter((h) => MEANS_TO_ATTACK[h.value].weight === top);
	const type = MEANS_TO_ATTACK[best[0].value].type;
	const evidence: Span[] = hits.filter((h) => MEANS_TO_ATTACK[h.value].type === type).map((h) => toSource(f, h.start, h.end));
	return { attackType: { value: type, confidence: type === 'Armed Assault' ? 0.6 : 0.75, evidence }, means: best[0].value, triggers: hits };
}

const ARMED_TARGETS = new Set<TargetType>(['Military', 'Police', 'Terrorists/Non-State Militia']);

/** ACLED event and sub-event type from the attack type, its means and the target. */
export function eventTypeOf(attack: Field<AttackType | null>, means: Means | null, target: TargetType): { eventType: Field<string | null>; subEventType: Field<string | null> } {
	const field = (value: string | null, confidence: number): Field<string | null> => ({ value, confidence, evidence: attack.evidence, note: 'Derived from the attack type and the target.' });
	const pair = (e: string | null, s: string | null, c: number) => ({ eventType: field(e, c), subEventType: field(s, c * 0.8) });
	switch (attack.value) {
		case 'Bombing/Explosion': {
			const sub = means === 'air' ? 'Air/drone strike' : means === 'shelling' ? 'Shelling/artillery/missile attack'
				: means === 'suicide' ? 'Suicide bomb' : 'Remote explosive/landmine/IED';
			return pair('Explosions/Remote violence', sub, 0.75);
		}
		case 'Hostage Taking (Kidnapping)':
			return pair('Violence against civilians', 'Abduction/forced disappearance', 0.7);
		case 'Armed Assault':
		case 'Assassination':
			if (target === 'Unknown') return pair(null, null, 0.2);
			return ARMED_TARGETS.has(target) ? pair('Battles', 'Armed clash', 0.6) : pair('Violence against civilians', 'Attack', 0.65);
		default:
			return pair(null, null, 0.2);
	}
}
