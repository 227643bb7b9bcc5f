// Killed and injured figures of a segment: the first figure tied to a death or injury word ("مقتل ثلاثة",
// "أربعة جرحى", "killing seven", "a shepherd was killed"), or 0 when the report says there were none
// ("دون وقوع إصابات", "no casualties"). A figure the report does not give stays null: unknown, never 0.
import { tokens, toSource, type Folded, type Token } from './fold-map';
import { Lexicon } from './lexicon';
import { countAt, type Count } from './numbers';
import type { Field, Span } from './types';

type Kind = 'killed' | 'injured';

// Words after which the count follows ("مقتل ثلاثة", "killing seven"), after the proclitics و ف ب ل are removed.
const AFTER: Record<string, Kind> = {
	مقتل: 'killed', قتل: 'killed', قتلت: 'killed', مصرع: 'killed', استشهاد: 'killed', killing: 'killed', killed: 'killed', kill: 'killed',
	اصابه: 'injured', اصيب: 'injured', اصيبت: 'injured', جرح: 'injured', جرحت: 'injured', wounding: 'injured', wounded: 'injured',
	injuring: 'injured', injured: 'injured', wound: 'injured'
};
// Words the count precedes ("أربعة جرحى", "five dead", "two were killed").
const BEFORE: Record<string, Kind> = {
	قتلي: 'killed', قتيلا: 'killed', dead: 'killed', killed: 'killed', died: 'killed',
	جرحي: 'injured', مصابين: 'injured', مصابا: 'injured', جريحا: 'injured', wounded: 'injured', injured: 'injured', hurt: 'injured'
};
// Words that are a count themselves: the dual of "killed person" / "wounded person".
const SELF: Record<string, Kind> = { قتيلين: 'killed', قتيلان: 'killed', جريحين: 'injured', جريحان: 'injured' };
// "مقتله" (his killing) is one victim, "مقتلهما" two.
const SUFFIXED: Record<string, number> = { مقتله: 1, مقتلها: 1, مقتلهما: 2, مصرعه: 1, مصرعها: 1, مصرعهما: 2, استشهاده: 1 };

const FILLER = /^(نحو|حوالي|قرابه|ما|لا|يقل|عن|اكثر|من|at|least|about|some|more|than|nearly|around|approximately|up|to|another|other|an|estimated)$/;
const PASSIVE = /^(was|were|been|are|is|be|being|got)$/;

const ZERO = new Lexicon<'both' | 'injured'>([
	...['no casualties', 'without causing casualties', 'without casualties', 'no one was hurt', 'no one was injured', 'nobody was hurt',
		'no one was killed', 'no injuries', 'no casualties were reported', 'دون وقوع إصابات', 'دون إصابات', 'دون وقوع خسائر بشرية',
		'دون تسجيل إصابات', 'لم تسجل أي إصابات', 'لم تُسجَّل أي إصابات', 'لم تسفر عن إصابات', 'لم يسفر عن إصابات', 'لم يسفر عن خسائر بشرية',
		'لم تسفر عن خسائر بشرية', 'لم يسفر عن وقوع إصابات', 'لم ترد أنباء عن إصابات'].map((t) => [t, 'both'] as const),
	...['no one else was hurt', 'no one else was injured', 'no other injuries'].map((t) => [t, 'injured'] as const)
]);

const strip = (t: string) => (/^[وفبل][\u0621-\u064a]{3,}/.test(t) && !(t in AFTER) && !(t in BEFORE) ? t.slice(1) : t);

interface Candidate {
	kind: Kind;
	value: number;
	start: number;
	end: number;
	confidence: number;
}

function countForward(toks: readonly Token[], i: number): Count | null {
	let j = i + 1;
	while (j < toks.length && j <= i + 4 && FILLER.test(toks[j].text) && !countAt(toks, j)) j++;
	return j <= i + 4 ? countAt(toks, j) : null;
}

function countBackward(toks: readonly Token[], i: number, reach: number): Count | null {
	for (let j = i - 1; j >= Math.max(0, i - reach); j--) {
		const c = countAt(toks, j);
		if (c && c.last < i) return c;
	}
	return null;
}

function candidatesIn(toks: readonly Token[]): Candidate[] {
	const out: Candidate[] = [];
	const push = (kind: Kind, c: Count, i: number) => {
		const first = Math.min(c.first, i);
		const last = Math.max(c.last, i);
		out.push({ kind, value: c.value, start: toks[first].start, end: toks[last].end, confidence: c.confidence });
	};
	toks.forEach((tok, i) => {
		const t = strip(tok.text);
		if (SELF[t]) return push(SELF[t], { value: 2, first: i, last: i, confidence: 0.9, vague: false }, i);
		if (SUFFIXED[t]) return push('killed', { value: SUFFIXED[t], first: i, last: i, confidence: 0.75, vague: false }, i);
		// "shot dead a government employee": the victim follows.
		const after = t === 'dead' && toks[i - 1]?.text === 'shot' ? 'killed' : AFTER[t];
		const passive = PASSIVE.test(toks[i - 1]?.text ?? '');
		if (after && !passive) {
			const c = countForward(toks, i);
			if (c) return push(after, c, i);
		}
		const before = BEFORE[t];
		if (before) {
			const c = countBackward(toks, i, passive ? 6 : 2);
			if (c) return push(before, c, i);
		}
	});
	return out;
}

export interface Casualties {
	killed: Field<number | null>;
	injured: Field<number | null>;
}

const unknown = (): Field<number | null> => ({ value: null, confidence: 0.5, evidence: [], note: 'No figure in the report: unknown, not 0.' });

/** Killed and injured from folded ranges of a segment (event sentences first). */
export function extractCasualties(f: Folded, ranges: readonly (readonly [number, number])[]): Casualties {
	const found: Partial<Record<Kind, Field<number | null>>> = {};
	for (const [from, to] of ranges) {
		for (const c of candidatesIn(tokens(f.text, from, to))) {
			if (!found[c.kind]) found[c.kind] = { value: c.value, confidence: c.confidence, evidence: [toSource(f, c.start, c.end)] };
		}
	}
	for (const [from, to] of ranges) {
		for (const z of ZERO.find(f.text, from, to)) {
			const span: Span = toSource(f, z.start, z.end);
			const kinds: Kind[] = z.value === 'both' ? ['killed', 'injured'] : ['injured'];
			for (const k of kinds) if (!found[k]) found[k] = { value: 0, confidence: 0.75, evidence: [span], note: 'The report says there were none.' };
		}
	}
	return { killed: found.killed ?? unknown(), injured: found.injured ?? unknown() };
}
