// The text search's token index: built into the artifact by the shared build (artifact-sql.ts) and read by the
// `q` filter (where.ts), so a search reads a small vocabulary and the postings of the tokens that match, never every
// incident's text.
//
// Why it gives exactly the rows of a scan (`folded text LIKE '%term%'` for every term):
// - the searched text of an incident is one string, its fields joined by a space (searchDocumentsSql);
// - a token is a maximal run of that string without a separator, and the separators are exactly the characters of
//   JavaScript's `\s` (TOKEN_SEPARATORS), the set searchTerms splits the user's text on, so no term holds one;
// - hence a term occurs in the text iff it occurs inside one token: an occurrence spans no separator, so it lies in
//   one run; and every token is part of the text;
// - so `token LIKE '%term%'` over the distinct tokens, then the incidents posted under the matching tokens, are the
//   scan's rows, substrings and prefixes included, with the same LIKE, escaping and folding.
// (Splitting on fewer separators would stay exact, with coarser tokens; splitting on any other character would not,
// and the property test fails then.)
import { ARTIFACT_ALIAS, INCIDENTS_TABLE, SEARCH_POSTINGS_TABLE, SEARCH_TOKENS_TABLE } from '../data/artifact';
import { SYRIA_DISTRICTS } from '../data/districts';
import { SYRIA_GOVERNORATES } from '../data/gazetteer';
import { AR_COUNTRIES } from '../i18n/countries';
import { escapeLike, foldSql, searchTerms } from '../text/fold';
import type { Params } from './params';

/** What a build statement runs on (artifact-sql.ts SqlRunner): `$n` placeholders. */
interface Runner {
	run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/**
 * JavaScript's `\s` (ECMAScript WhiteSpace and LineTerminator) as an RE2 class for DuckDB's string_split_regex.
 * It must never hold a character a search term can contain (tests/query/search-index.test.ts checks it against
 * JavaScript's own `\s` over every code point).
 */
export const TOKEN_SEPARATORS =
	'[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+';

/** Arabic names of the places a row names by code (kind, code, name), from the gazetteer and the country names. */
export function placeNamesAr(): [kind: 'admin1' | 'admin2' | 'country', code: string, name: string][] {
	return [
		...SYRIA_GOVERNORATES.map((g) => ['admin1', g.pcode, g.ar] as ['admin1', string, string]),
		...SYRIA_DISTRICTS.map((d) => ['admin2', d.pcode, d.ar] as ['admin2', string, string]),
		...Object.entries(AR_COUNTRIES).map(([iso3, name]) => ['country', iso3, name] as ['country', string, string])
	];
}

/** The temporary table of placeNamesAr() that searchDocumentsSql joins (names are bound parameters). */
const PLACE_NAMES = 'search_place_names';
export const PLACE_NAMES_TABLE = `temp.${PLACE_NAMES}`;

export async function createPlaceNamesTable(db: Runner): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE ${PLACE_NAMES} (kind VARCHAR, code VARCHAR, name VARCHAR, PRIMARY KEY (kind, code))`);
	const rows = placeNamesAr();
	const values = rows.map((_, j) => `($${3 * j + 1}, $${3 * j + 2}, $${3 * j + 3})`).join(', ');
	await db.run(`INSERT INTO ${PLACE_NAMES_TABLE} VALUES ${values}`, rows.flat());
}

const PLACE_JOINS = ([['admin1', 'admin1_pcode', 'a1'], ['admin2', 'admin2_pcode', 'a2'], ['country', 'country_iso3', 'c']] as const)
	.map(([kind, column, alias]) => `LEFT JOIN ${PLACE_NAMES_TABLE} AS ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.code = CAST(i.${column} AS VARCHAR)`)
	.join(' ');

/** The searched text of a row before folding: its fields joined by a space (see searchDocumentsSql). */
const RAW_TEXT =
	`concat_ws(' ', i.summary, i.location, CAST(i.perpetrator AS VARCHAR), i.target_actor, ` +
	`CAST(i.admin1 AS VARCHAR), i.admin2, i.country, a1.name, a2.name, c.name)`;

/**
 * `row_key, text` for every incident of `incidents` (a constant table name): the folded searched text, that is the
 * summary, place, perpetrator and target actor, then the province, district and country as the row writes them
 * (English) and their Arabic names, joined by a space. Needs createPlaceNamesTable first. The index is built from
 * the same text; the tests compare a scan of it (`text LIKE '%term%'`) with the index.
 */
export function searchDocumentsSql(incidents: string): string {
	return `SELECT i.row_key, ${foldSql(RAW_TEXT)} AS text FROM ${incidents} AS i ${PLACE_JOINS}`;
}

/** How the postings are laid out: for a file read in ranges over HTTP, or for a database in the page's memory. */
export type SearchIndexLayout = 'file' | 'memory';

const splitSql = (expr: string) => `unnest(string_split_regex(${expr}, '${TOKEN_SEPARATORS}'))`;

/**
 * Creates the vocabulary (search_tokens: token_id, token; sorted by token, token_id its rank) and the postings
 * (search_postings: token_id, row_key; sorted by token_id then row_key, so one token's incidents are adjacent and
 * a lookup reads few blocks) from the incidents table of the current database. A posting says "this incident's
 * folded text holds this token"; the same pair can appear twice (two spellings that fold alike), which a semi-join
 * ignores and which costs about 1 % of the postings, less than removing them costs the build. Plain DuckDB SQL,
 * also run by DuckDB-WASM over a local dataset.
 *
 * Folding (strip_accents) and splitting on every separator (a regular expression) are the costly steps, so they run
 * once per distinct piece, not over every row's text: the rows' unfolded texts are split on the plain space, and
 * each distinct piece is folded and split again on all separators. The folded tokens of a text are then the folded
 * tokens of its pieces, because folding works character by character (lower case, canonical decomposition, marks
 * dropped, single-letter replacements): nothing crosses a separator (a separator is a starter that no mark is
 * reordered across and that composes with nothing) and a separator folds to a separator (U+2000/U+2001 decompose
 * to U+2002/U+2003). The property test checks the result against a scan of the folded text.
 *
 * `layout` 'file' (the published artifact, read over HTTP) drops a row's repeated pieces before the postings are
 * made, so the file holds each (token, incident) pair about once. 'memory' (the page's build of a local dataset)
 * keeps them: the same pairs, some twice, which a search answers identically (the keys are gathered into a list
 * that IN reads as a set). list_distinct over every row was most of the build: 1.7 of 2.5 s native at 200k rows,
 * against 0.2 s more for the larger postings; both layouts are sorted by token, so a lookup reads alike.
 */
export async function buildSearchIndex(db: Runner, layout: SearchIndexLayout = 'file'): Promise<void> {
	const pieces = layout === 'file' ? `list_distinct(string_split(${RAW_TEXT}, ' '))` : `string_split(${RAW_TEXT}, ' ')`;
	await createPlaceNamesTable(db);
	// Each row's pieces once (both the vocabulary and the postings read them): measured, building them twice cost
	// about a third of the index build.
	await db.run(
		`CREATE OR REPLACE TEMP TABLE search_pieces AS
		 SELECT * FROM (SELECT i.row_key, unnest(${pieces}) AS raw FROM ${INCIDENTS_TABLE} AS i ${PLACE_JOINS})
		 WHERE raw <> ''`
	);
	await db.run(`CREATE OR REPLACE TEMP TABLE search_raw AS SELECT DISTINCT raw FROM temp.search_pieces`);
	await db.run(
		`CREATE OR REPLACE TEMP TABLE search_fold AS
		 SELECT raw, token FROM (SELECT raw, ${splitSql(foldSql('raw'))} AS token FROM temp.search_raw) WHERE token <> ''`
	);
	await db.run(
		`CREATE TABLE ${SEARCH_TOKENS_TABLE} AS
		 SELECT CAST(row_number() OVER (ORDER BY token) - 1 AS INTEGER) AS token_id, token
		 FROM (SELECT DISTINCT token FROM temp.search_fold) ORDER BY token`
	);
	await db.run(
		`CREATE OR REPLACE TEMP TABLE search_map AS
		 SELECT f.raw, t.token_id FROM temp.search_fold AS f JOIN ${SEARCH_TOKENS_TABLE} AS t USING (token)`
	);
	await db.run(
		`CREATE TABLE ${SEARCH_POSTINGS_TABLE} AS
		 SELECT m.token_id, p.row_key FROM temp.search_pieces AS p JOIN temp.search_map AS m USING (raw)
		 ORDER BY m.token_id, p.row_key`
	);
	for (const table of ['search_pieces', 'search_raw', 'search_fold', 'search_map', PLACE_NAMES]) await db.run(`DROP TABLE temp.${table}`);
}

const TOKENS = `${ARTIFACT_ALIAS}.${SEARCH_TOKENS_TABLE}`;
const POSTINGS = `${ARTIFACT_ALIAS}.${SEARCH_POSTINGS_TABLE}`;

/**
 * The `q` filter: one condition per search word (all must match), each "the incident is posted under a token that
 * contains the word". Expects the incidents table aliased `i`.
 *
 * The matching keys are gathered into one list and unnested: DuckDB then sees a small input and builds its hash
 * table on the keys, probing the incidents scan with them. Written as a plain `IN (SELECT s.row_key ...)` it
 * estimated the postings larger than the incidents and hashed the incidents instead (0.5 s per statement at 1M rows
 * even when nothing matches; 25 ms this way).
 */
export function searchConditions(q: string, p: Params): string[] {
	return searchTerms(q).map(
		(term) =>
			`i.row_key IN (SELECT unnest(list(s.row_key)) FROM ${POSTINGS} AS s WHERE s.token_id IN ` +
			`(SELECT t.token_id FROM ${TOKENS} AS t WHERE t.token LIKE ${p.bind(`%${escapeLike(term)}%`)} ESCAPE '\\'))`
	);
}
