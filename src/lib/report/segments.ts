// A report may describe several incidents (the SY24 report: an attack "yesterday, Wednesday" and an operation
// "days ago"). The text is cut into sentences; a sentence that reports an incident (an attack or casualty word)
// opens a new incident when it says "in a separate incident" or gives a date cue that resolves differently from
// the current incident's; otherwise it continues the current one ("the attack", "the operation"). Sentences without
// such words are context of the incident before them; background ("since 2017", "يذكر أن", "last year") is kept
// out of every incident, so a report's history does not become a draft.
import { addDays } from './calendar';
import { findDateCues, type DateCue } from './date-cues';
import { tokens, type Folded } from './fold-map';
import { Lexicon } from './lexicon';
import { ATTACK_WORDS } from './attack';
import { cueWindow } from './dates';

export type Range = readonly [number, number];

export interface Sentence {
	start: number;
	end: number;
	event: boolean;
	background: boolean;
	separator: boolean;
	cue: DateCue | null;
}

export interface IncidentSegment {
	sentences: Sentence[];
	/** Folded ranges of the sentences that report the incident. */
	primary: Range[];
	/** Folded ranges of the other sentences around it (quotes, statements), read only when the primary say nothing. */
	context: Range[];
}

export const CASUALTY_WORDS = new Lexicon<true>(
	['مقتل*', 'قتل', 'قتلت', 'مصرع*', 'استشهاد', 'قتلى', 'قتيل*', 'إصابة', 'إصابات', 'أصيب', 'أصيبت', 'جرحى', 'جريح*', 'جرح',
		'killed', 'killing', 'wounded', 'wounding', 'injured', 'injuring', 'dead', 'died', 'hurt', 'casualties'].map((t) => [t, true] as const)
);

const BACKGROUND = new Lexicon<true>(
	['يذكر أن', 'يذكر أنه', 'منذ سنوات', 'منذ مطلع', 'منذ أسابيع', 'منذ أشهر', 'خلال الأشهر الماضية', 'خلال الأشهر الأخيرة', 'العام الماضي',
		'in recent weeks', 'in recent months', 'over the past', 'in recent years', 'last year'].map((t) => [t, true] as const)
);
const SINCE_YEAR = /(?<![\p{L}])since (19|20)\d\d(?![\p{N}])/u;

const SEPARATOR = new Lexicon<true>(
	['في حادثة منفصلة', 'في حادثة أخرى', 'في حادث منفصل', 'في حادث آخر', 'في سياق منفصل', 'in a separate incident', 'in another incident',
		'in a separate attack', 'separately', 'elsewhere'].map((t) => [t, true] as const)
);

/** Folded sentence ranges: ends at . ! ? ؟ (not after a single letter, as in "U.S.") and at line breaks. */
export function splitSentences(text: string): Range[] {
	const out: Range[] = [];
	let start = 0;
	const re = /[.!?؟]+(?=\s|$|["'\u201d])|\n+/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		if (m[0][0] === '.' && /(?:^|[\s.])\p{L}$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
		const end = m.index + m[0].length;
		if (text.slice(start, end).trim()) out.push([start, end]);
		start = end;
	}
	if (text.slice(start).trim()) out.push([start, text.length]);
	return out.map(([a, b]) => {
		let s = a;
		let e = b;
		while (s < e && /\s/.test(text[s])) s++;
		while (e > s && /\s/.test(text[e - 1])) e--;
		return [s, e] as const;
	});
}

function describe(f: Folded, [start, end]: Range): Sentence {
	const event = ATTACK_WORDS.find(f.text, start, end).length > 0 || CASUALTY_WORDS.find(f.text, start, end).length > 0;
	const sentence = f.text.slice(start, end);
	const first = tokens(f.text, start, end).slice(0, 4);
	const leadEnd = first.length ? first[first.length - 1].end : start;
	const separator = SEPARATOR.find(f.text, start, Math.min(end, leadEnd + 1)).length > 0;
	const cues = findDateCues(f.text, start, end);
	const background = cues.length === 0 && (BACKGROUND.find(f.text, start, end).length > 0 || SINCE_YEAR.test(sentence));
	return { start, end, event, background, separator, cue: cues[0] ?? null };
}

const sameWindow = (a: DateCue, b: DateCue, pub: string) => {
	const wa = cueWindow(a, pub);
	const wb = cueWindow(b, pub);
	return !wa || !wb || (wa[0] === wb[0] && wa[1] === wb[1]);
};

/** Incident segments of a report; `pub` is the publication date the cues are read against. */
export function splitIncidents(f: Folded, pub: string): IncidentSegment[] {
	addDays(pub, 0); // throws on a bad date before any work
	const segments: IncidentSegment[] = [];
	const preamble: Range[] = [];
	let current: (IncidentSegment & { cue: DateCue | null }) | null = null;
	for (const range of splitSentences(f.text)) {
		const s = describe(f, range);
		if (s.background) continue;
		if (!s.event) {
			if (current) current.context.push(range);
			else preamble.push(range);
			continue;
		}
		const fresh = !current || s.separator || (s.cue !== null && current.cue !== null && !sameWindow(s.cue, current.cue, pub));
		if (fresh) {
			current = { sentences: [], primary: [], context: segments.length === 0 ? [...preamble] : [], cue: null };
			segments.push(current);
		}
		current!.sentences.push(s);
		current!.primary.push(range);
		if (!current!.cue && s.cue) current!.cue = s.cue;
	}
	return segments.map(({ sentences, primary, context }) => ({ sentences, primary, context }));
}
