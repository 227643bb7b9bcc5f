// Dictionaries of words and phrases matched on folded text. A term is written as a reader would write it
// ("عبوة ناسفة", "al-Dir'iya"); it is folded the same way as the report, spaces match any white space, hyphens and
// apostrophes are optional, a trailing `*` lets the word go on (kill* = kill, killed, killing), and Arabic terms
// may carry the proclitics و ف ب ل ك. Matches never start or end inside a word.
import { foldText } from '../text/fold';
import { AR_PROCLITIC } from './fold-map';

export interface Hit<T> {
	/** Folded [start, end) of the term itself (proclitics excluded). */
	start: number;
	end: number;
	value: T;
	term: string;
}

interface Compiled<T> {
	re: RegExp;
	value: T;
	term: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ARABIC = /[\u0600-\u06ff]/;

function pattern(term: string): string {
	const open = term.endsWith('*');
	const folded = foldText(open ? term.slice(0, -1) : term).trim();
	const body = folded
		.split(/\s+/)
		.map((word) => escape(word).replace(/\\?-/g, "[-\\s]?").replace(/'/g, "'?"))
		.join('\\s+');
	const pre = ARABIC.test(folded[0] ?? '') ? AR_PROCLITIC : '';
	const tail = open ? '[\\p{L}\\p{N}]*' : '';
	return `(?<![\\p{L}\\p{N}])${pre}(${body}${tail})(?![\\p{L}\\p{N}])`;
}

export class Lexicon<T> {
	private compiled: Compiled<T>[] | null = null;

	// The regular expressions are built at the first find(), not here: the lexicons are module constants of the
	// report coder, and building their thousands of Unicode expressions when the dashboard's page module loaded
	// cost ~200 ms of main thread before the page could hydrate (measured in Chromium on a cold load).
	constructor(private readonly source: readonly (readonly [string, T])[]) {}

	private get entries(): Compiled<T>[] {
		return (this.compiled ??= this.source.map(([term, value]) => ({ re: new RegExp(pattern(term), 'gu'), value, term })));
	}

	/** Every match in folded [from, to), longest first where they overlap, then in text order. */
	find(folded: string, from = 0, to = folded.length): Hit<T>[] {
		const slice = folded.slice(0, to);
		const all: Hit<T>[] = [];
		for (const e of this.entries) {
			e.re.lastIndex = from;
			let m: RegExpExecArray | null;
			while ((m = e.re.exec(slice))) {
				const start = m.index + m[0].length - m[1].length;
				all.push({ start, end: start + m[1].length, value: e.value, term: e.term });
				if (m[0].length === 0) e.re.lastIndex++;
			}
		}
		all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
		const kept: Hit<T>[] = [];
		for (const h of all) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
		return kept.sort((a, b) => a.start - b.start);
	}
}
