// Hostile URLs all the way to SQL: parse a hostile query string (tests/url/hostile-inputs.ts), build every query the
// page runs for that state, and check that
// - the SQL text depends only on the state's shape (how many values, which allow-listed choices), never on the
//   user's text: it equals the SQL of a "skeleton" state whose every user value is replaced by a harmless one;
//   the dates are kept (the parser admits only real dates, and where they fall in their months decides which
//   parts of the month rollup a query reads), and must not appear in SQL text either;
// - no hostile payload appears in any SQL text, and every placeholder has exactly one parameter;
// - what reaches the engine stays bounded (at most 50 values per list, 200 characters of search);
// - a sample runs on DuckDB as data and counts exactly what the plain-JS reference counts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { ATTACK_TYPES, SOURCE_DATASETS, TARGET_TYPES } from '../../src/lib/data/taxonomy';
import type { BoundQuery } from '../../src/lib/query/engine';
import type { ViewState } from '../../src/lib/query/filters';
import { exportQuery, incidentCountQuery, incidentDetailQuery, metaQuery, perpetratorOptionsQuery, sourcesQuery } from '../../src/lib/query/sql';
import { CHANNELS, channelQuery } from '../../src/lib/state/channels';
import { filtersOf } from '../../src/lib/query/filters';
import { searchTerms } from '../../src/lib/text/fold';
import { parseViewState } from '../../src/lib/url/view-url';
import { FIXTURE } from '../fixtures/query/incidents';
import { FAMILIES, SQL_FRAGMENTS, hugeList, megabyteValue } from '../url/hostile-inputs';
import { openFixtureDb, type FixtureDb } from './fixture-db';
import { filtered } from './reference';

const RANGE = { min: '2022-12-26', max: '2025-01-03' };
/** Largest number of bound values one query can carry: 5 lists x 50, the 4 lists the month rollup holds x 50 again
 *  (the incident page's date bound counts the rollup under the same filters), up to 12 dates (the KPI's two periods,
 *  each read as whole months plus two partial ones), the casualty floor, up to 100 search words (200 characters),
 *  4 period texts, page and limit. */
const MAX_PARAMS = 5 * 50 + 4 * 50 + 12 + 1 + 100 + 4 + 2;

/** The injection payloads that are not also ordinary SQL (`NULL` occurs in `NULLS LAST`, `?, ?` in IN lists). */
const PAYLOADS = SQL_FRAGMENTS.filter((p) => p.length >= 4 && !/^[A-Z]+$/.test(p) && p !== '?, ?');

let tried = 0;
let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb(FIXTURE);
});
afterAll(() => {
	db?.close();
	console.log(`hostile URL -> SQL inputs tried: ${tried}`);
});

/** Every query the page builds for a view state, plus the text-taking ones fed the hostile text directly. */
function allQueries(v: ViewState, text: string): BoundQuery[] {
	return [
		...CHANNELS.map((c) => channelQuery(c, v, RANGE)),
		exportQuery(filtersOf(v)),
		perpetratorOptionsQuery(text, filtersOf(v), 30),
		incidentDetailQuery(text),
		metaQuery(),
		sourcesQuery()
	];
}

/** The same state with every user value replaced by a harmless one, keeping the shape (list lengths, nullness,
 *  number of search words) and the allow-listed choices. */
function skeleton(v: ViewState): ViewState {
	const n = searchTerms(v.q).length;
	return {
		...v,
		provinces: SYRIA_PCODES.slice(0, v.provinces.length),
		targets: TARGET_TYPES.slice(0, v.targets.length),
		attacks: ATTACK_TYPES.slice(0, v.attacks.length),
		sources: SOURCE_DATASETS.slice(0, v.sources.length),
		perpetrators: v.perpetrators.map((_, i) => `p${i}`),
		minCasualties: v.minCasualties === null ? null : 7,
		q: Array.from({ length: n }, (_, i) => `w${i}`).join(' ')
	};
}

/** The skeleton of a search text for the two builders that take text directly: as many words, all harmless. */
const textSkeleton = (text: string) => searchTerms(text).map((_, i) => `w${i}`).join(' ');

function assertSqlIndependentOfUserText(search: string, text: string): ViewState {
	tried++;
	const { state } = parseViewState(search);
	const queries = allQueries(state, text);
	const shapes = allQueries(skeleton(state), textSkeleton(text));
	queries.forEach((q, i) => {
		expect(q.sql, `query ${i} of ${JSON.stringify(search.slice(0, 200))}`).toBe(shapes[i].sql);
		expect((q.sql.match(/\?/g) ?? []).length).toBe(q.params.length);
		expect(q.params.length).toBeLessThanOrEqual(MAX_PARAMS);
		for (const payload of PAYLOADS) expect(q.sql.includes(payload), payload).toBe(false);
		for (const d of [state.from, state.to]) if (d !== null) expect(q.sql.includes(d), d).toBe(false);
	});
	// Bounded: what reaches the engine.
	for (const list of [state.provinces, state.targets, state.attacks, state.perpetrators, state.sources]) expect(list.length).toBeLessThanOrEqual(50);
	expect(state.q.length).toBeLessThanOrEqual(200);
	return state;
}

describe('hostile URLs never put user text into SQL', () => {
	for (const [name, family] of Object.entries(FAMILIES)) {
		it(`${name}: 500 parsed states build SQL that depends only on their shape`, () => {
			fc.assert(
				fc.property(family, fc.oneof(fc.constantFrom(...SQL_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 40 })), (input, text) => {
					assertSqlIndependentOfUserText(input.search, text);
				}),
				{ numRuns: 500 }
			);
		});
	}

	it('10,000-value lists and megabyte values: at most 50 values per list reach the engine', () => {
		fc.assert(
			fc.property(fc.oneof(hugeList(10_000), megabyteValue(1 << 20)), (input) => {
				const state = assertSqlIndependentOfUserText(input.search, '');
				const count = channelQuery('count', state, RANGE);
				expect(count.params.length).toBeLessThanOrEqual(5 * 50 + 2 + 1 + 100);
			}),
			{ numRuns: 100 }
		);
	});

	it('the marker check fails for a builder that pastes text (so the property can fail)', () => {
		// A deliberately broken builder: the check above must reject it.
		const pasted = (q: string): BoundQuery => ({ sql: `SELECT * FROM rasd.incidents AS i WHERE i.summary LIKE '%${q}%'`, params: [] });
		expect(pasted("'; DROP TABLE rasd.incidents; --").sql).not.toBe(pasted(textSkeleton("'; DROP TABLE rasd.incidents; --")).sql);
	});
});

describe('hostile states run on DuckDB as data', () => {
	it('300 parsed hostile states count exactly what the reference counts', async () => {
		const anyFamily = fc.oneof(...Object.values(FAMILIES));
		let nonZero = 0;
		await fc.assert(
			fc.asyncProperty(anyFamily, async (input) => {
				tried++;
				const { state } = parseViewState(input.search);
				const result = await db.engine.run(incidentCountQuery(filtersOf(state)));
				const expected = filtered(FIXTURE, filtersOf(state)).length;
				if (expected > 0) nonZero++;
				expect(result.columns.n[0]).toBe(expected);
				// The text-taking queries run too (nothing in them can break the statement).
				await db.engine.run(perpetratorOptionsQuery(state.q, filtersOf(state), 5));
				for (const p of state.perpetrators) expect((await db.engine.run(incidentDetailQuery(p))).rowCount).toBe(0);
			}),
			{ numRuns: 300 }
		);
		// Hostile states still select rows now and then (a generator that always selects nothing proves little).
		expect(nonZero).toBeGreaterThan(10);
	});
});
