// Search folding: one pure function for the user's text and the matching SQL expression for the column side.
// Both must produce the same string for the same input, so that `fold(column) LIKE '%' || fold(q) || '%'` is
// case-, accent- and Arabic-spelling-insensitive. tests/query/fold.test.ts checks the two against each other.
//
// The steps, in this order on both sides:
// 1. lower case;
// 2. canonical decomposition with every combining mark removed (DuckDB `strip_accents`, which is utf8proc's
//    DECOMPOSE | STRIPMARK; in JS NFD then drop \p{M}). This removes Latin accents, the Arabic harakat
//    U+064B-U+0652 and dagger alef U+0670, and turns أ إ آ (alef + hamza/madda) into a bare ا;
// 3. Arabic letters that do not decompose: alef wasla ٱ -> ا, ta marbuta ة -> ه, alef maqsura ى -> ي, and the
//    tatweel ـ (a letter, not a mark) removed.

/** Replacements of step 3, as [from, to]; the SQL expression is generated from the same table. */
const ARABIC_FOLDS: readonly (readonly [string, string])[] = [
	['\u0671', '\u0627'], // ٱ alef wasla -> ا
	['\u0629', '\u0647'], // ة ta marbuta -> ه
	['\u0649', '\u064A'], // ى alef maqsura -> ي
	['\u0640', ''] // ـ tatweel
];

const MARKS = /\p{M}/gu;

/** The folded form of a text; see the steps above. */
export function foldText(text: string): string {
	let out = text.toLowerCase().normalize('NFD').replace(MARKS, '');
	for (const [from, to] of ARABIC_FOLDS) out = out.split(from).join(to);
	return out;
}

/** SQL string literal of a constant from this module (never user text). */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQL expression folding `expr` exactly like foldText. `expr` must be a column expression chosen by the
 * query layer from its allow-list, never user input; NULL stays NULL.
 */
export function foldSql(expr: string): string {
	let out = `strip_accents(lower(${expr}))`;
	for (const [from, to] of ARABIC_FOLDS) out = `replace(${out}, ${literal(from)}, ${literal(to)})`;
	return out;
}

/** Escapes LIKE wildcards so that the text matches literally with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The words of a search: folded, split on white space, empty parts dropped. Every word must occur (in any of
 * the searched fields) for a row to match, so "bomb aleppo" finds rows that mention both in any order.
 */
export function searchTerms(q: string): string[] {
	return foldText(q)
		.split(/\s+/u)
		.filter((t) => t.length > 0);
}
