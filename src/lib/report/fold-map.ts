// Matching runs on a folded copy of the report (src/lib/text/fold.ts: case, harakat, hamza forms, ta marbuta,
// alef maqsura), plus Arabic-Indic digits as ASCII and curly quotes as straight ones. Folding changes lengths
// (a mark disappears), so every folded character remembers where it came from: spans found in the folded text
// map back to the words the analyst pasted.
import { foldText } from '../text/fold';
import type { Span } from './types';

export interface Folded {
	/** The original text. */
	source: string;
	text: string;
	/** origin[i]: index in `source` of folded character i; origin[text.length] = source.length. */
	origin: number[];
}

const EXTRA: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u02bc': "'", '`': "'", '\u201c': '"', '\u201d': '"' };

function foldChar(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660); // Arabic-Indic digits
	if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0); // Eastern Arabic-Indic (Persian) digits
	if (EXTRA[ch] !== undefined) return EXTRA[ch];
	return foldText(ch);
}

export function foldWithOrigin(source: string): Folded {
	let text = '';
	const origin: number[] = [];
	let i = 0;
	for (const ch of source) {
		const f = foldChar(ch);
		for (let k = 0; k < f.length; k++) origin.push(i);
		text += f;
		i += ch.length;
	}
	origin.push(source.length);
	return { source, text, origin };
}

/** The original span of folded [start, end). */
export function toSource(f: Folded, start: number, end: number): Span {
	if (end <= start) return [f.origin[start], f.origin[start]];
	const last = f.origin[end - 1];
	// The last folded character may come from a surrogate pair or a character that folded to several.
	let stop = last + 1;
	while (stop < f.source.length && stop < f.origin[end] && /[\u0300-\u036f\u064b-\u065f\u0670\u0640\udc00-\udfff]/.test(f.source[stop])) stop++;
	return [f.origin[start], stop];
}

export interface Token {
	/** Folded word. */
	text: string;
	/** Folded [start, end). */
	start: number;
	end: number;
}

/** Words (letters, digits, apostrophes and inner hyphens) of folded text in [from, to). */
export function tokens(folded: string, from = 0, to = folded.length): Token[] {
	const out: Token[] = [];
	const re = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
	re.lastIndex = from;
	let m: RegExpExecArray | null;
	while ((m = re.exec(folded)) && m.index < to) {
		if (m.index + m[0].length > to) break;
		out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
	}
	return out;
}

/** Arabic proclitics a word may carry in running text: و ف ب ل ك and the article ال, combined (وبال, فل, ...). */
export const AR_PROCLITIC = '(?:[وف]?[بلك]?(?:ال)?)';
