// Counts as reports write them: digits in either script (folded to ASCII before this runs), Arabic and English
// number words, Arabic duals ("عنصرين", "طفلان", "قتيلين"), a singular noun meaning one ("مقتل شخص", "a shepherd"),
// and vague quantities coded as ACLED codes them: "dozens" 12, "tens"/"عشرات" 10, "hundreds"/"مئات" 100, and
// "several"/"many"/"عدة"/"عدد من" 10 (ACLED's figure for unspecified plural fatalities), with a low confidence.
import { foldText } from '../text/fold';
import type { Token } from './fold-map';

export interface Count {
	value: number;
	/** Tokens [first, last] (indices into the token list) the count was read from. */
	first: number;
	last: number;
	confidence: number;
	vague: boolean;
}

const word = (entries: readonly (readonly [string, number])[]) => new Map(entries.map(([w, n]) => [foldText(w), n] as const));

const AR_UNITS = word([
	['واحد', 1], ['واحدة', 1], ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2], ['ثلاثة', 3], ['ثلاث', 3], ['أربعة', 4],
	['أربع', 4], ['خمسة', 5], ['خمس', 5], ['ستة', 6], ['ست', 6], ['سبعة', 7], ['سبع', 7], ['ثمانية', 8], ['ثماني', 8], ['ثمان', 8],
	['تسعة', 9], ['تسع', 9], ['عشرة', 10], ['عشر', 10]
]);
const AR_TENS = word([
	['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40], ['خمسون', 50], ['خمسين', 50],
	['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70], ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
	['مئة', 100], ['مائة', 100]
]);
const EN = word([
	['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
	['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
	['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['hundred', 100],
	['a', 1], ['an', 1], ['single', 1], ['both', 2], ['dozen', 12]
]);
/** ACLED-style codes for vague quantities (see the header comment). */
const VAGUE = word([
	['dozens', 12], ['tens', 10], ['hundreds', 100], ['several', 10], ['many', 10], ['scores', 20],
	['عشرات', 10], ['مئات', 100], ['عدة', 10], ['عديد', 10], ['العشرات', 10]
]);

/**
 * People nouns: singular means one, and the dual means two. `dualYn` says whether the -ين form is a dual only
 * (عنصرين, plural عناصر) or could be a sound masculine plural too (مدنيين), in which case it is not read as two.
 */
const PEOPLE: readonly (readonly [string, boolean])[] = [
	['عنصر', true], ['طفل', true], ['شخص', true], ['جندي', true], ['راعي', true], ['شاب', true], ['رجل', true], ['قتيل', true],
	['جريح', true], ['مصاب', false], ['مدني', false], ['مقاتل', false], ['عامل', false], ['مسلح', false], ['صحفي', false],
	['قيادي', true], ['مسؤول', false], ['حارس', true], ['سائق', false], ['مزارع', false], ['امرأة', true], ['طفلة', true],
	['ضابط', true], ['مختار', true], ['شرطي', true], ['مواطن', false], ['مدنية', true], ['سيدة', true], ['فتاة', true]
];
const SINGULAR = new Set(PEOPLE.map(([w]) => foldText(w)));
const DUAL = new Map<string, number>();
for (const [w, yn] of PEOPLE) {
	const stem = foldText(w).replace(/[هي]$/, (c) => (c === 'ه' ? 'ت' : 'ي'));
	DUAL.set(`${stem}ان`, 2);
	if (yn) DUAL.set(`${stem}ين`, 2);
}
// Accusative and other written forms of a singular person ("طفلاً", "شخصا").
const singularForm = (t: string) => SINGULAR.has(t) || SINGULAR.has(t.replace(/ا$/, '')) || SINGULAR.has(t.replace(/^ال/, ''));

const EN_PEOPLE = /^(shepherd|man|woman|child|boy|girl|civilian|soldier|fighter|member|person|journalist|farmer|worker|driver|officer|policeman|commander|official|guard|resident|teenager|employee|employees|student|doctor|nurse|teacher)$/;

/** Proclitic و/ف stripped, so that "وأربعة" reads as "أربعة". */
const bare = (t: string) => (/^[وف][\u0621-\u064a]{2,}/.test(t) && !AR_UNITS.has(t) ? t.slice(1) : t);

/** A count starting at token i, or null. */
export function countAt(toks: readonly Token[], i: number): Count | null {
	const t = toks[i]?.text;
	if (t === undefined) return null;
	const b = bare(t);
	if (/^\d+$/.test(t)) return { value: Number(t), first: i, last: i, confidence: 0.95, vague: false };
	const unit = AR_UNITS.get(b);
	if (unit !== undefined) {
		// "ثلاثة عشر" (13), "خمسة وعشرون" (25).
		const n1 = toks[i + 1]?.text;
		if (unit < 10 && (n1 === 'عشر' || n1 === 'عشره')) return { value: unit + 10, first: i, last: i + 1, confidence: 0.9, vague: false };
		const tens = n1 && /^و/.test(n1) ? AR_TENS.get(n1.slice(1)) : undefined;
		if (tens !== undefined) return { value: unit + tens, first: i, last: i + 1, confidence: 0.9, vague: false };
		return { value: unit, first: i, last: i, confidence: 0.9, vague: false };
	}
	const tens = AR_TENS.get(b);
	if (tens !== undefined) return { value: tens, first: i, last: i, confidence: 0.9, vague: false };
	if (b === 'احد' || b === 'احدي') return { value: 1, first: i, last: i, confidence: 0.85, vague: false }; // "أحد عناصر": one of
	const dual = DUAL.get(b) ?? DUAL.get(b.replace(/^ال/, ''));
	if (dual !== undefined) return { value: dual, first: i, last: i, confidence: 0.85, vague: false };
	if (singularForm(b)) return { value: 1, first: i, last: i, confidence: 0.7, vague: false };
	const en = EN.get(t);
	if (en !== undefined) {
		// "a" counts only before a person, possibly described ("a government employee", "a local journalist").
		if (en === 1 && ![1, 2].some((k) => EN_PEOPLE.test(toks[i + k]?.text ?? ''))) return null;
		const n1 = toks[i + 1]?.text;
		if (en >= 20 && en < 100 && n1 && EN.get(n1) !== undefined && EN.get(n1)! < 10) return { value: en + EN.get(n1)!, first: i, last: i + 1, confidence: 0.9, vague: false };
		return { value: en, first: i, last: i, confidence: 0.9, vague: false };
	}
	const vague = VAGUE.get(t) ?? VAGUE.get(b);
	if (vague !== undefined) return { value: vague, first: i, last: i, confidence: 0.35, vague: true };
	if (b === 'عدد' && toks[i + 1]?.text === 'من') return { value: 10, first: i, last: i + 1, confidence: 0.3, vague: true };
	if (t === 'a' && toks[i + 1]?.text === 'number' && toks[i + 2]?.text === 'of') return { value: 10, first: i, last: i + 2, confidence: 0.3, vague: true };
	return null;
}
