// Target type (GTD codebook) of a segment: the victims and objects the incident's sentences name, weighted by how
// specific they are (a journalist or a mukhtar says more than "civilians") and by whether they stand right after an
// attack or casualty word (the object of the attack, not the school a kidnapped child was walking home from).
// Armed actors named as victims give Military (state forces, and the SDF as data/manual codes them) or
// Terrorists/Non-State Militia (ISIS, HTS, armed factions).
import type { TargetType } from '../data/taxonomy';
import { tokens, toSource, type Folded } from './fold-map';
import { Lexicon } from './lexicon';
import { findActors } from './actors';
import type { ActorGroup, Field } from './types';

const w = (type: TargetType, weight: number, terms: string[]) => terms.map((t) => [t, { type, weight }] as const);

const TARGET_WORDS = new Lexicon<{ type: TargetType; weight: number }>([
	...w('Journalists & Media', 3, ['صحفي', 'صحفيا', 'صحفية', 'إعلامي', 'مراسل', 'journalist', 'journalists', 'reporter', 'radio station']),
	...w('Government (General)', 3, ['مختار', 'رئيس بلدية', 'رئيس المجلس المحلي', 'موظف حكومي', 'mukhtar', 'mayor', 'government official',
		'government employee', 'civil servant']),
	...w('NGO', 3, ['منظمة إنسانية', 'عمال إغاثة', 'aid workers', 'aid worker', 'humanitarian workers', 'NGO']),
	...w('Religious Figures/Institutions', 2, ['مسجد', 'جامع', 'كنيسة', 'إمام', 'mosque', 'church', 'imam']),
	...w('Educational Institution', 2, ['مدرسة', 'المدرسة', 'جامعة', 'school', 'university']),
	...w('Business', 2, ['شركة', 'شركات', 'عامل', 'عاملين', 'عمال', 'workers', 'employees', 'company', 'shop', 'محل', 'تاجر', 'merchant']),
	...w('Police', 2, ['شرطة', 'شرطي', 'الأمن العام', 'police', 'policeman', 'policemen']),
	...w('Utilities', 2, ['محطة كهرباء', 'محطة مياه', 'power station', 'power plant', 'water station']),
	...w('Transportation', 2, ['حافلة', 'bus']),
	...w('Military', 2, ['جيش', 'عسكري', 'عسكرية', 'العسكري', 'الأمن العسكري', 'حاجز', 'حاجزا', 'دورية', 'دوريتهم', 'قاعدة', 'مقر', 'مقرات',
		'جنود', 'جندي', 'حراس', 'حارس', 'soldiers', 'soldier', 'troops', 'checkpoint', 'patrol', 'air base', 'base', 'military', 'army',
		'position', 'positions', 'guards']),
	...w('Private Citizens & Property', 1, ['مدني', 'مدنيين', 'مدنيان', 'مدنيون', 'مدنية', 'المدنيين', 'طفل', 'طفلا', 'طفلان', 'طفلين', 'أطفال',
		'امرأة', 'شخص', 'شاب', 'رجل', 'سائق', 'driver', 'راع', 'راعي', 'راعيان', 'راعيين', 'مزارع', 'سوق', 'منزل', 'منازل', 'قرية', 'مواطن', 'civilians', 'civilian',
		'people', 'man', 'woman', 'young man', 'child', 'children', 'shepherd', 'market', 'home', 'house', 'farmer', 'village', 'residents', 'passers-by', 'family'])
]);

const STATE_LIKE = new Set<ActorGroup>(['sdf', 'syrian-government', 'turkey', 'russia', 'israel', 'coalition']);
const MILITIA = new Set<ActorGroup>(['islamic-state', 'hts', 'sna', 'other']);
const PROXIMITY = 1.5;
const VICTIM_TRIGGER = /^(تعرض|بتعرض|استهدف|استهدفت|targeted|against|on|with)$/;

/**
 * `triggers` are folded starts of attack and casualty words; `perpetratorText` keeps the perpetrator's own
 * mentions from being read as victims.
 */
export function extractTarget(f: Folded, ranges: readonly (readonly [number, number])[], triggers: readonly number[], perpetratorText: string): Field<TargetType> {
	type Cand = { type: TargetType; score: number; start: number; end: number };
	const cands: Cand[] = [];
	for (const [from, to] of ranges) {
		const toks = tokens(f.text, from, to);
		const starts = [...triggers.filter((t) => t >= from && t < to), ...toks.filter((t) => VICTIM_TRIGGER.test(t.text)).map((t) => t.start)];
		const near = (pos: number) => starts.some((s) => s < pos && toks.filter((t) => t.start > s && t.start < pos).length < 5);
		for (const h of TARGET_WORDS.find(f.text, from, to)) {
			cands.push({ type: h.value.type, score: h.value.weight + (near(h.start) ? PROXIMITY : 0), start: h.start, end: h.end });
		}
		for (const a of findActors(f, from, to)) {
			if (a.value.group === 'unknown' || perpetratorText.includes(a.value.label)) continue;
			const type: TargetType | null = STATE_LIKE.has(a.value.group) ? 'Military' : MILITIA.has(a.value.group) ? 'Terrorists/Non-State Militia' : null;
			// Only an actor named as the object of the attack is a victim; elsewhere it is a controller or a source.
			// "two SNA fighters were killed": named, then a passive casualty verb.
			const after = toks.filter((t) => t.start >= a.end).slice(0, 5).map((t) => t.text).join(' ');
			const passiveVictim = /\b(was|were) (killed|wounded|injured)\b/.test(after);
			if (type && (near(a.start) || passiveVictim)) cands.push({ type, score: 2 + PROXIMITY, start: a.start, end: a.end });
		}
	}
	if (cands.length === 0) return { value: 'Unknown', confidence: 0.4, evidence: [], note: 'No victim or target word found.' };
	const best = cands.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.start < a.start) ? b : a));
	const evidence = cands.filter((c) => c.type === best.type).map((c) => toSource(f, c.start, c.end));
	return { value: best.type, confidence: Math.min(0.85, 0.35 + best.score / 8), evidence };
}
