// The text search reads the token index (src/lib/query/search-index.ts); a plain scan of the same folded text
// (`text LIKE '%term%' ESCAPE '\'` for every term, over searchDocumentsSql) must select exactly the same incidents,
// for random queries drawn from the data (whole words, prefixes, substrings, case and accent variants, Arabic
// spellings, several words, words that match nothing, LIKE metacharacters) on three datasets: the query fixture,
// demo rows from the generator (English and Arabic summaries) and rows made of awkward characters (combining marks,
// tatweel, every kind of white space, % _ \).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { demoIncidents } from '../../src/lib/demo/generator';
import { EMPTY_FILTERS, DEFAULT_VIEW, type Filters } from '../../src/lib/query/filters';
import { createPlaceNamesTable, searchDocumentsSql, TOKEN_SEPARATORS } from '../../src/lib/query/search-index';
import { exportQuery, incidentCountQuery, incidentPageQuery } from '../../src/lib/query/sql';
import { escapeLike, searchTerms } from '../../src/lib/text/fold';
import { FIXTURE } from '../fixtures/query/incidents';
import { DUPLICATE_FIXTURE } from '../fixtures/query/duplicates';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';

const RUNS = { numRuns: 120 };

/** Rows whose texts hold what could break the index's reasoning: marks, tatweel, odd spaces, wildcards, case. */
function awkwardRows(n: number): Incident[] {
	const pieces = [
		'Raqqa', 'RAQQA', 'raq', 'café', 'CAFÉ', 'e\u0301cole', '\u0301x', 'x\u0301', 'إِدلب', 'ادلب', 'مدرسةٍ', 'الرقـــة',
		'مستشفى', 'ٱلقدس', '50%', 'a_b', 'back\\slash', '%', '_', '\\', '"q"', 'it\'s', 'x,y', '(z)', 'Ǆ', 'İstanbul',
		'ß', 'ﬁre', '\u0640', '\u064B', 'ﻻ', 'Å', 'A\u030A', '한국', '\u1100\u1161'
	];
	const spaces = [' ', '  ', '\t', '\n', '\u00A0', '\u2000', '\u2001', '\u2009', '\u3000', '\uFEFF', '\u202F', '\u000B', '-', ''];
	const text = fc
		.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...spaces)), { minLength: 1, maxLength: 8 })
		.map((parts) => parts.map(([w, s]) => w + s).join(''));
	const rows = fc.sample(
		fc.record({
			summary: fc.option(text, { freq: 6 }),
			location: fc.option(text, { freq: 2 }),
			target_actor: fc.option(text, { freq: 2 }),
			perpetrator: fc.option(fc.constantFrom('Group Ä', 'جماعة ٱلنور', 'Unknown\u00A0gunmen'), { freq: 2 }),
			place: fc.constantFrom(
				{ admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', admin2: 'Ath-Thawrah', admin2_pcode: 'SY1103', country: 'Syria', country_iso3: 'SYR' },
				{ admin1: 'Idleb', admin1_pcode: 'SY07', admin2: null, admin2_pcode: null, country: 'Syria', country_iso3: 'SYR' },
				{ admin1: 'Nineveh', admin1_pcode: null, admin2: 'Mosul', admin2_pcode: null, country: 'Iraq', country_iso3: 'IRQ' },
				{ admin1: null, admin1_pcode: null, admin2: null, admin2_pcode: null, country: null, country_iso3: null }
			)
		}),
		{ numRuns: n, seed: 14 }
	);
	return rows.map((r, i) => ({
		...FIXTURE[0],
		incident_id: `synthetic:awkward-${i}`,
		source_dataset: 'synthetic',
		source_record_id: `awkward-${i}`,
		summary: r.summary,
		location: r.location,
		target_actor: r.target_actor,
		perpetrator: r.perpetrator,
		...r.place
	}));
}

const DATASETS: [string, () => Incident[]][] = [
	['query fixture', () => [...FIXTURE, ...DUPLICATE_FIXTURE]],
	['demo rows', () => [...demoIncidents(20240101, 1500)]],
	['awkward characters', () => awkwardRows(400)]
];

/** A random query: pieces of tokens of the searched texts, in other case or spelling, mixed with odd words. */
function queryArb(tokens: readonly string[]): fc.Arbitrary<string> {
	const fromData = fc.tuple(fc.constantFrom(...tokens), fc.nat(), fc.nat()).map(([t, a, b]) => {
		const chars = [...t];
		const start = a % chars.length;
		const end = start + 1 + (b % (chars.length - start));
		return chars.slice(start, end).join('');
	});
	const prefix = fc.tuple(fc.constantFrom(...tokens), fc.nat()).map(([t, a]) => [...t].slice(0, 1 + (a % [...t].length)).join(''));
	const variant = fc.constantFrom(...tokens).map((t) => t.toUpperCase());
	const odd = fc.constantFrom('zzqx', '%', '_', '\\', 'a%b', '50%', 'a_b', '%%', 'ÉCOLE', 'مدرسه', 'ادلب', 'الرقة', 'Raqqa', 'هُجُوم', 'x\u0301', 'ﻻ');
	const word = fc.oneof({ weight: 4, arbitrary: fromData }, { weight: 2, arbitrary: prefix }, { weight: 1, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: variant }, { weight: 2, arbitrary: odd });
	const space = fc.constantFrom(' ', '  ', '\t', '\u00A0', '\u3000');
	return fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
}

// Both layouts: the published file's and the page's in-memory build of a local dataset (search-index.ts).
const CASES = DATASETS.flatMap(([name, rowsOf]) => (['file', 'memory'] as const).map((layout) => [name, layout, rowsOf] as const));

describe.each(CASES)('the index selects exactly what a scan selects: %s, %s layout', (_name, layout, rowsOf) => {
	let db: FixtureDb;
	let tokens: string[];
	beforeAll(async () => {
		db = await openFixtureDb(rowsOf(), layout);
		// The reference: the folded searched text of every incident, scanned with LIKE.
		await createPlaceNamesTable({ run: async (sql, params) => void (await db.rows(sql.replace(/\$\d+/g, '?'), (params ?? []) as string[])) });
		await db.rows(`CREATE TEMP TABLE ref_docs AS ${searchDocumentsSql('rasd.incidents')}`);
		const texts = await db.rows('SELECT text FROM temp.ref_docs');
		tokens = [...new Set(texts.flatMap((r) => String(r.text).split(/\s+/u)).filter((t) => t.length > 0))];
	}, 60_000);
	afterAll(() => db?.close());

	const filters = (q: string, dedupe: boolean): Filters => ({ ...EMPTY_FILTERS, q, dedupe });

	/** Ids of the incidents whose folded text holds every term, sorted as the export sorts them. */
	async function scanIds(q: string, dedupe: boolean): Promise<string[]> {
		const terms = searchTerms(q);
		const where = [...terms.map(() => "d.text LIKE ? ESCAPE '\\'"), ...(dedupe ? ['i.dup_keep'] : [])];
		const rows = await db.rows(
			`SELECT i.incident_id FROM rasd.incidents AS i JOIN temp.ref_docs AS d USING (row_key)
			 ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.event_date, i.incident_id`,
			terms.map((t) => `%${escapeLike(t)}%`)
		);
		return rows.map((r) => String(r.incident_id));
	}

	it('count, list and first page equal the scan for random queries', async () => {
		let nonEmpty = 0;
		let empty = 0;
		await fc.assert(
			fc.asyncProperty(queryArb(tokens), fc.boolean(), async (q, dedupe) => {
				const expected = await scanIds(q, dedupe);
				if (expected.length > 0) nonEmpty++;
				else empty++;
				const f = filters(q, dedupe);
				const [count] = resultRows(await db.engine.run(incidentCountQuery(f)));
				expect(count.n).toBe(expected.length);
				const listed = resultRows(await db.engine.run(exportQuery(f))).map((r) => r.incident_id);
				expect(listed).toEqual(expected);
				const page = resultRows(await db.engine.run(incidentPageQuery({ ...DEFAULT_VIEW, ...f, sort: 'date', sortDir: 'asc' }, 50)));
				expect(page.map((r) => r.incident_id)).toEqual(expected.slice(0, 50));
			}),
			RUNS
		);
		// Queries drawn from the data mostly match something; the odd words often do not: both kinds are exercised.
		expect(nonEmpty).toBeGreaterThan(RUNS.numRuns / 3);
		expect(empty).toBeGreaterThan(0);
	}, 120_000);
});

describe('tokens', () => {
	it('the separators are exactly the white space searchTerms splits on (every code point)', async () => {
		const db = await openFixtureDb(FIXTURE.slice(0, 1));
		try {
			const rows = await db.rows(
				`SELECT cp FROM range(0, 1114112) AS t(cp) WHERE (cp < 55296 OR cp > 57343) AND regexp_full_match(chr(CAST(cp AS INTEGER)), ?) ORDER BY cp`,
				[TOKEN_SEPARATORS]
			);
			const js: number[] = [];
			for (let cp = 0; cp < 0x110000; cp++) if ((cp < 0xd800 || cp > 0xdfff) && /^\s+$/u.test(String.fromCodePoint(cp))) js.push(cp);
			expect(rows.map((r) => Number(r.cp))).toEqual(js);
		} finally {
			db.close();
		}
	});

	it('finds a province by its Arabic name in English rows and by its English name in Arabic rows', async () => {
		const rows: Incident[] = [
			{ ...FIXTURE[0], incident_id: 'synthetic:en', source_record_id: 'en', summary: 'Clashes near the bridge', location: null, perpetrator: null, target_actor: null, admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', admin2: null, admin2_pcode: null, country: 'Syria', country_iso3: 'SYR' },
			{ ...FIXTURE[0], incident_id: 'synthetic:ar', source_record_id: 'ar', summary: 'اشتباكات قرب الجسر', location: null, perpetrator: null, target_actor: null, admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', admin2: 'Ath-Thawrah', admin2_pcode: 'SY1103', country: 'Syria', country_iso3: 'SYR' },
			{ ...FIXTURE[0], incident_id: 'synthetic:iq', source_record_id: 'iq', summary: 'Clashes', location: null, perpetrator: null, target_actor: null, admin1: 'Nineveh', admin1_pcode: null, admin2: null, admin2_pcode: null, country: 'Iraq', country_iso3: 'IRQ' }
		];
		const db = await openFixtureDb(rows);
		try {
			const ids = async (q: string) => resultRows(await db.engine.run(exportQuery({ ...EMPTY_FILTERS, q }))).map((r) => r.incident_id);
			expect(await ids('Raqqa')).toEqual(['synthetic:ar', 'synthetic:en']);
			expect(await ids('الرقة')).toEqual(['synthetic:ar', 'synthetic:en']);
			expect(await ids('الثورة')).toEqual(['synthetic:ar']); // the district's Arabic name (OCHA ADM2_AR)
			expect(await ids('سوريا')).toEqual(['synthetic:ar', 'synthetic:en']);
			expect(await ids('العراق nineveh')).toEqual(['synthetic:iq']);
			expect(await ids('syria bridge')).toEqual(['synthetic:en']);
		} finally {
			db.close();
		}
	});
});
