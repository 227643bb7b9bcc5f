// The perpetrator of a segment. In order: a group that claimed the act (not "no group claimed"), a group the
// report suspects ("يُعتقد أن", "على الأرجح", "believed"), the agent of the attack verb ("قصفت قوات النظام",
// "HTS shelled", "مسيّرة تركية"); otherwise Unknown. Suspected and claimed stay in the text, as the manual CSV
// writes them ("ISIS cells (suspected)"), and as a flag.
import { tokens, toSource, type Folded, type Token } from './fold-map';
import { Lexicon, type Hit } from './lexicon';
import {
	ACTOR_TERMS, AGENT_BEFORE, AR_AGENT_VERBS, AR_ATTACK_NOUNS, AR_WEAPON, CELLS, CLAIM, CONNECTOR, EN_AGENT_AFTER, NEGATION,
	NOT_AGENT_BEFORE, PASSIVE, SPEECH_AFTER, SUSPECT, type ActorTerm
} from './actor-terms';
import type { Attribution, Field, Perpetrator, Span } from './types';

const lexicon = new Lexicon<ActorTerm>(ACTOR_TERMS);

export type ActorHit = Hit<ActorTerm>;

/** Actor mentions in folded [from, to); a nationality adjective counts only right after a weapon word. */
export function findActors(f: Folded, from: number, to: number): ActorHit[] {
	const hits = lexicon.find(f.text, from, to);
	const toks = tokens(f.text, from, to);
	return hits.filter((h) => {
		if (!h.value.adjective) return true;
		const i = toks.findIndex((t) => t.start <= h.start && h.start < t.end);
		const prev = toks.slice(Math.max(0, i - 2), i).map((t) => t.text);
		const next = toks[i + 1]?.text ?? '';
		return prev.some((w) => AR_WEAPON.has(w)) || EN_AGENT_AFTER.has(next) || /^(forces|army|troops|military)$/.test(next);
	}).filter((h, _, all) => {
		// "gunmen" after a named group ("Islamic State gunmen") is that group's, not an unknown actor.
		if (h.value.group !== 'unknown') return true;
		return !all.some((o) => o !== h && o.value.group !== 'unknown' && o.end <= h.start && h.start - o.end <= 2);
	});
}

function tokenIndex(toks: readonly Token[], pos: number): number {
	const i = toks.findIndex((t) => t.end > pos);
	return i < 0 ? toks.length : i;
}

/** > 0 when the mention is the agent of the attack, < 0 when it is a victim, owner or source. */
function agentScore(toks: readonly Token[], h: ActorHit): number {
	const i = tokenIndex(toks, h.start);
	const j = tokenIndex(toks, h.end - 1);
	let score = 0;
	const before = toks.slice(Math.max(0, i - 3), i).map((t) => t.text);
	const after = toks.slice(j + 1, j + 4).map((t) => t.text);
	const first = toks[i]?.text ?? '';
	if (before.some((w) => AR_AGENT_VERBS.has(w))) score += 2;
	if (h.value.adjective && toks.slice(Math.max(0, i - 2), i).some((t) => AR_WEAPON.has(t.text))) score += 2;
	if (before.slice(-2).some((w) => AGENT_BEFORE.has(w))) score += 2;
	// "بهجوم لتنظيم داعش", "بهجوم لخلايا داعش": the attack of X.
	const ofAttack = /^ل/.test(first) ? before.slice(-1) : /^لخلايا|^لعناصر/.test(before[before.length - 1] ?? '') ? before.slice(-2, -1) : [];
	const attackOf = ofAttack.some((w) => AR_ATTACK_NOUNS.has(w));
	if (attackOf) score += 2;
	// English agent before its verb, within four words ("Gunmen on a motorbike shot"), unless the verb is passive.
	const next = toks.slice(j + 1, j + 5);
	const verb = next.findIndex((t) => EN_AGENT_AFTER.has(t.text));
	if (verb >= 0 && !next.slice(0, verb).some((t) => PASSIVE.has(t.text))) score += 2;
	// "killed in clashes with X": the other side of the clash.
	const clashWith = /^(clash|clashes|fighting|اشتباك|اشتباكات|معارك)$/.test(before[before.length - 2] ?? '') && /^(with|مع)$/.test(before[before.length - 1] ?? '');
	if (clashWith) score += 2;
	else if (before.length > 0 && NOT_AGENT_BEFORE.has(before[before.length - 1])) score -= 3;
	if (/^ل[\u0621-\u064a]/.test(first) && !attackOf) score -= 3; // "لقوات": belonging to
	if (after.some((w) => SPEECH_AFTER.has(w))) score -= 3;
	return score;
}

interface Pick {
	hit: ActorHit;
	attribution: Attribution;
	cue: Span | null;
}

function nearest(hits: ActorHit[], pos: number): ActorHit | null {
	let best: ActorHit | null = null;
	for (const h of hits) if (!best || Math.abs(h.start - pos) < Math.abs(best.start - pos)) best = h;
	return best;
}

function pickIn(f: Folded, [from, to]: readonly [number, number]): Pick | null {
	const hits = findActors(f, from, to);
	if (hits.length === 0) return null;
	const sentence = f.text.slice(from, to);
	const cueSpan = (m: RegExpExecArray): Span => toSource(f, from + m.index, from + m.index + m[0].length);
	for (const [re, attribution] of [[CLAIM, 'claimed'], [SUSPECT, 'suspected']] as const) {
		re.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = re.exec(sentence))) {
			const before = sentence.slice(Math.max(0, m.index - 30), m.index);
			if (NEGATION.test(before.split(/\s+/).slice(-4).join(' '))) continue;
			const named = hits.filter((h) => h.value.group !== 'unknown');
			const hit = nearest(named.length ? named : hits, from + m.index);
			if (hit) return { hit, attribution, cue: cueSpan(m) };
		}
	}
	const toks = tokens(f.text, from, to);
	const scored = hits.map((h) => ({ h, s: agentScore(toks, h) })).filter((x) => x.s > 0);
	if (scored.length === 0) return null;
	const best = scored.reduce((a, b) => (b.s > a.s ? b : a));
	return { hit: best.h, attribution: 'stated', cue: null };
}

/** "التحالف الدولي بالتنسيق مع قوات قسد": a partner named right after the agent joins the label. */
function partner(f: Folded, hit: ActorHit, to: number): ActorHit | null {
	const next = findActors(f, hit.end, Math.min(to, hit.end + 40)).find((h) => h.value.group !== hit.value.group && h.value.group !== 'unknown');
	if (!next) return null;
	const between = tokens(f.text, hit.end, next.start);
	return between.length >= 1 && between.length <= 4 && between.every((t) => CONNECTOR.has(t.text)) ? next : null;
}

/** The perpetrator from the segment's sentence ranges (the incident's own sentences first). */
export function extractPerpetrator(f: Folded, sentences: readonly (readonly [number, number])[]): Field<Perpetrator> {
	let noClaim: Span | null = null;
	for (const range of sentences) {
		const pick = pickIn(f, range);
		if (pick) {
			const { hit, attribution } = pick;
			const mate = partner(f, hit, range[1]);
			const near = f.text.slice(Math.max(range[0], hit.start - 20), Math.min(range[1], hit.end + 14));
			let label = hit.value.group === 'islamic-state' && CELLS.test(near) ? 'ISIS cells' : hit.value.label;
			if (mate) label = `${label} and ${mate.value.label}`;
			const text = attribution === 'suspected' || attribution === 'claimed' ? `${label} (${attribution})` : label;
			const evidence: Span[] = [toSource(f, hit.start, hit.end)];
			if (mate) evidence.push(toSource(f, mate.start, mate.end));
			if (pick.cue) evidence.push(pick.cue);
			const confidence = attribution === 'stated' ? (hit.value.group === 'unknown' ? 0.75 : 0.7) : 0.8;
			return { value: { text, group: hit.value.group, attribution }, confidence, evidence };
		}
		const sentence = f.text.slice(range[0], range[1]);
		CLAIM.lastIndex = 0;
		const m = CLAIM.exec(sentence);
		if (m && !noClaim) noClaim = toSource(f, range[0] + m.index, range[0] + m.index + m[0].length);
	}
	return {
		value: { text: 'Unknown', group: 'unknown', attribution: 'none' },
		confidence: noClaim ? 0.6 : 0.4,
		evidence: noClaim ? [noClaim] : [],
		note: noClaim ? 'The report says no one claimed it.' : 'The report names no perpetrator.'
	};
}
