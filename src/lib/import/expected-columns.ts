// The columns each source format's mapper reads. A column that is absent reads as blank, so without a word every
// row would get a null (an ACLED export without `fatalities`, or with `fatality`, would import with no deaths).
// The run warns about each absent column and suggests the header's closest column when there is one.
// tests/import/expected-columns.test.ts checks that the mappers read no column outside these lists.
import { headerKey } from './record';
import type { ImportFormat } from './types';

export const EXPECTED_COLUMNS: Readonly<Record<Exclude<ImportFormat, 'csv'>, readonly string[]>> = {
	acled: [
		'event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'inter2',
		'civilian_targeting', 'iso', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
		'source', 'notes', 'fatalities', 'timestamp'
	],
	gtd: [
		'eventid', 'iyear', 'imonth', 'iday', 'approxdate', 'country_txt', 'provstate', 'city', 'latitude', 'longitude',
		'specificity', 'attacktype1_txt', 'targtype1_txt', 'gname', 'target1', 'nkill', 'nwound', 'summary', 'scite1'
	],
	ucdp: [
		'id', 'date_start', 'date_end', 'date_prec', 'type_of_violence', 'side_a', 'side_b', 'country', 'adm_1', 'adm_2',
		'where_coordinates', 'latitude', 'longitude', 'where_prec', 'best', 'low', 'high', 'source_headline',
		'source_article', 'source_office'
	]
};

export interface MissingColumn {
	column: string;
	/** A column of the header that is probably the same one renamed or misspelt. */
	suggestion: string | null;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

function commonPrefix(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

/**
 * How close a header column is to an expected name (lower is closer), or null when it is not a plausible rename:
 * the same letters without separators or case, at most 2 edits (1 for short names), or a shared stem of all but one
 * letter of the shorter name (`fatality` for `fatalities`).
 */
function closeness(expected: string, candidate: string): number | null {
	const a = squash(expected);
	const b = squash(candidate);
	if (a === '' || b === '') return null;
	if (a === b) return 0;
	const d = editDistance(a, b);
	if (d <= (Math.min(a.length, b.length) <= 4 ? 1 : 2)) return d;
	const shorter = Math.min(a.length, b.length);
	if (shorter >= 5 && commonPrefix(a, b) >= shorter - 1) return 3;
	return null;
}

/** Expected columns of `format` that the header lacks, each with the closest unexpected header column. */
export function missingColumns(format: Exclude<ImportFormat, 'csv'>, header: readonly string[]): MissingColumn[] {
	const expected = EXPECTED_COLUMNS[format];
	const keys = header.map(headerKey).filter((k) => k !== '');
	const present = new Set(keys);
	const spare = keys.filter((k) => !expected.includes(k));
	return expected
		.filter((c) => !present.has(c))
		.map((column) => {
			let best: { key: string; score: number } | null = null;
			for (const key of spare) {
				const score = closeness(column, key);
				if (score !== null && (best === null || score < best.score)) best = { key, score };
			}
			return { column, suggestion: best?.key ?? null };
		});
}

/** One warning per absent column, as the summary prints them. */
export function expectedColumnWarnings(format: ImportFormat, header: readonly string[]): string[] {
	if (format === 'csv') return [];
	return missingColumns(format, header).map(
		({ column, suggestion }) =>
			`column ${column} is absent: its field is empty in every row` + (suggestion ? ` (the file has "${suggestion}": rename it to ${column}?)` : '')
	);
}
