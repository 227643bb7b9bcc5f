// Finds the words of a report that say when something happened: relative cues ("أمس", "yesterday", "قبل أيام"),
// weekday names, and explicit dates in either script ("12 شباط/فبراير 2024", "3 May 2023", "2024-02-12").
// Resolving them against the publication date is dates.ts's job.
import { foldText } from '../text/fold';
import { tokens } from './fold-map';
import { Lexicon } from './lexicon';

export type RelativeKind =
	| 'today' | 'yesterday' | 'day-before-yesterday' | 'overnight' | 'days-ago' | 'this-week' | 'last-week' | 'last-month';

export type DateCue =
	| { kind: 'relative'; rel: RelativeKind; start: number; end: number }
	| { kind: 'days-back'; days: number; start: number; end: number }
	| { kind: 'weekday'; dow: number; last: boolean; start: number; end: number }
	| { kind: 'explicit'; year: number | null; month: number; day: number; start: number; end: number };

const RELATIVE = new Lexicon<RelativeKind>([
	...['اليوم', 'صباح اليوم', 'فجر اليوم', 'ظهر اليوم', 'مساء اليوم', 'ليل اليوم', 'today', 'this morning', 'earlier today',
		'tonight', 'this afternoon', 'this evening'].map((t) => [t, 'today'] as const),
	...['أمس', 'الأمس', 'البارحة', 'صباح أمس', 'فجر أمس', 'ظهر أمس', 'مساء أمس', 'ليلة أمس', 'ليل أمس', 'مساء الأمس', 'yesterday',
		'last night', 'late yesterday'].map((t) => [t, 'yesterday'] as const),
	...['أول أمس', 'أول من أمس', 'أمس الأول', 'the day before yesterday'].map((t) => [t, 'day-before-yesterday'] as const),
	...['overnight', 'خلال الليلة الماضية'].map((t) => [t, 'overnight'] as const),
	...['قبل أيام', 'منذ أيام', 'قبل بضعة أيام', 'قبل عدة أيام', 'days ago', 'a few days ago', 'several days ago', 'days earlier',
		'earlier this week'].map((t) => [t, 'days-ago'] as const),
	...['الأسبوع الماضي', 'الأسبوع المنصرم', 'last week'].map((t) => [t, 'last-week'] as const),
	...['الشهر الماضي', 'الشهر المنصرم', 'last month'].map((t) => [t, 'last-month'] as const)
]);

const WEEKDAYS = new Lexicon<number>([
	['الأحد', 0], ['الاثنين', 1], ['الإثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6],
	['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6]
]);

/** Month names, folded: Levantine and Egyptian Arabic, English (with common abbreviations). */
const MONTHS: readonly (readonly [string, number])[] = [
	['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['نيسان', 4], ['أيار', 5], ['حزيران', 6], ['تموز', 7], ['آب', 8], ['أيلول', 9],
	['تشرين الأول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12],
	['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6], ['يوليو', 7],
	['يوليه', 7], ['أغسطس', 8], ['سبتمبر', 9], ['أكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
	['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
	['september', 9], ['october', 10], ['november', 11], ['december', 12],
	['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10],
	['nov', 11], ['dec', 12]
];
const monthByName = new Map(MONTHS.map(([n, m]) => [foldText(n), m] as const));
const monthAlt = [...monthByName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const P = '(?:[وف]?[بلك]?)';
const DAY_MONTH = new RegExp(`${B}(\\d{1,2})\\s+(?:من\\s+)?${P}(${monthAlt})(?:\\s*/\\s*(?:${monthAlt}))?(?:\\s*,?\\s*(?:عام\\s+)?(\\d{4}))?${E}`, 'gu');
const MONTH_DAY = new RegExp(`${B}(${monthAlt})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,?\\s*(\\d{4}))?${E}`, 'gu');
const ISO = new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu');
const DMY = new RegExp(`${B}(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${E}`, 'gu');
const DAYS_BACK = new RegExp(`${B}(?:قبل|منذ)\\s+(يومين|(\\d+|ثلاثه|اربعه|خمسه|سته)\\s+ايام)${E}|${B}(two|three|four|five|six|\\d+)\\s+days\\s+ago${E}`, 'gu');
const SMALL: Record<string, number> = { ثلاثه: 3, اربعه: 4, خمسه: 5, سته: 6, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** A weekday said as the day someone spoke ("his family said on Tuesday") is the report's day, not the event's. */
const SPEECH = /(?:^|\s)(said|says|told|announced|reported|stated|added|قال|قالت|اعلن|اعلنت|ذكر|ذكرت|افاد|افادت|صرح)\s+(?:on\s+|يوم\s+)?$/u;
const LAST_AFTER = /^\s*(الماضي|الماضيه|المنصرم|المنصرمه)(?![\p{L}])/u;
const LAST_BEFORE = /(?:^|\s)last\s+$/u;

/** Every date cue in folded [from, to), in text order; cues right after a speech verb are left out. */
export function findDateCues(folded: string, from = 0, to = folded.length): DateCue[] {
	const cues: DateCue[] = [];
	const slice = folded.slice(0, to);
	const scan = (re: RegExp, make: (m: RegExpExecArray) => DateCue | null) => {
		re.lastIndex = from;
		let m: RegExpExecArray | null;
		while ((m = re.exec(slice))) {
			const cue = make(m);
			if (cue) cues.push(cue);
		}
	};
	const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });
	scan(DAY_MONTH, (m) => ({ kind: 'explicit', day: +m[1], month: monthByName.get(m[2].replace(/\s+/g, ' '))!, year: m[3] ? +m[3] : null, ...span(m) }));
	scan(MONTH_DAY, (m) => ({ kind: 'explicit', day: +m[2], month: monthByName.get(m[1].replace(/\s+/g, ' '))!, year: m[3] ? +m[3] : null, ...span(m) }));
	scan(ISO, (m) => ({ kind: 'explicit', year: +m[1], month: +m[2], day: +m[3], ...span(m) }));
	scan(DMY, (m) => ({ kind: 'explicit', day: +m[1], month: +m[2], year: +m[3], ...span(m) }));
	scan(DAYS_BACK, (m) => {
		const word = m[1] === 'يومين' ? '2' : (m[2] ?? m[3]);
		const days = SMALL[word] ?? Number(word);
		return Number.isFinite(days) ? { kind: 'days-back', days, ...span(m) } : null;
	});
	const taken = (s: number, e: number) => cues.some((c) => s < c.end && c.start < e);
	for (const h of RELATIVE.find(folded, from, to)) if (!taken(h.start, h.end)) cues.push({ kind: 'relative', rel: h.value, start: h.start, end: h.end });
	for (const h of WEEKDAYS.find(folded, from, to)) {
		if (taken(h.start, h.end)) continue;
		const before = folded.slice(Math.max(0, h.start - 24), h.start);
		if (SPEECH.test(before)) continue;
		const after = LAST_AFTER.exec(folded.slice(h.end, h.end + 12));
		const last = !!after || LAST_BEFORE.test(before);
		cues.push({ kind: 'weekday', dow: h.value, last, start: LAST_BEFORE.test(before) ? h.start - 5 : h.start, end: h.end + (after ? after[0].length : 0) });
	}
	return cues.sort((a, b) => a.start - b.start);
}

/** Whether two cues are within a few words of each other ("أمس الأربعاء", "Monday, 12 February"). */
export function adjacent(folded: string, a: DateCue, b: DateCue): boolean {
	const [first, second] = a.start <= b.start ? [a, b] : [b, a];
	if (second.start < first.end) return true;
	return tokens(folded, first.end, second.start).filter((t) => !/^(يوم|on|the|في|من)$/.test(t.text)).length === 0;
}
