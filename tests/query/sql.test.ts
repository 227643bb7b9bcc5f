// Every builder run on DuckDB (node-api) over the invented fixture, compiled by the real artifact build
// (fixture-db.ts), against hand-computed figures.
import { actorGroupOf } from '../../src/lib/data/actor-groups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { DEFAULT_VIEW, EMPTY_FILTERS, type Filters, type ViewState } from '../../src/lib/query/filters';
import {
	EXPORT_COLUMNS,
	LIST_COLUMNS,
	PAGE_SIZE,
	categoryQuery,
	exportQuery,
	incidentCountQuery,
	incidentDetailQuery,
	incidentPageQuery,
	kpiQuery,
	metaQuery,
	perpetratorOptionsQuery,
	provinceQuery,
	sourcesQuery,
	timelineQuery,
	whereClause
} from '../../src/lib/query/sql';
import { COMMA_PERPETRATOR, FIXTURE } from '../fixtures/query/incidents';
import { openFixtureDb, resultRows, type FixtureDb } from './fixture-db';
import { addDaysIso, daysBetween } from './reference';

let db: FixtureDb;
beforeAll(async () => {
	db = await openFixtureDb(FIXTURE);
});
afterAll(() => db?.close());

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const v = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const run = async (q: { sql: string; params: (string | number | boolean | null)[] }) => resultRows(await db.engine.run(q));
const count = async (filters: Filters) => (await run(incidentCountQuery(filters)))[0].n;

describe('the artifact the build makes from the fixture', () => {
	it('has ENUM category columns, day_key and month_key', async () => {
		const cols = await db.rows(
			"SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'rasd' AND table_name = 'incidents'"
		);
		const type = new Map(cols.map((c) => [c.column_name, String(c.data_type)]));
		expect(type.get('target_type')).toMatch(/^ENUM/);
		expect(type.get('perpetrator')).toMatch(/^ENUM/);
		expect(type.get('admin1_pcode')).toMatch(/^ENUM/);
		expect(type.get('day_key')).toBe('INTEGER');
		expect(type.get('month_key')).toBe('INTEGER');
	});
});

describe('metaQuery / sourcesQuery', () => {
	it('reads the meta row with plain values', async () => {
		const [meta] = await run(metaQuery());
		expect(meta).toEqual({ row_count: 36, date_min: '2022-12-26', date_max: '2025-01-03', synthetic_rows: 2, source_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
	});
	it('lists the sources', async () => {
		const rows = await run(sourcesQuery());
		expect(rows.map((r) => [r.source_dataset, r.rows])).toEqual([
			['acled', 14],
			['csv', 3],
			['gtd', 11],
			['manual', 2],
			['synthetic', 2],
			['ucdp', 4]
		]);
	});
});

describe('whereClause', () => {
	it('is empty without filters', () => {
		expect(whereClause(EMPTY_FILTERS)).toEqual({ sql: '', params: [] });
	});
	it('binds every value, one placeholder per list value', () => {
		const w = whereClause(f({ from: '2023-01-01', to: '2023-12-31', provinces: ['SY01', 'SY02'], minCasualties: 3 }));
		expect(w.sql.startsWith('WHERE ')).toBe(true);
		expect(w.params).toEqual(['2023-01-01', '2023-12-31', 'SY01', 'SY02', 3]);
		expect(w.sql.match(/\?/g)).toHaveLength(5);
	});
});

describe('incidentCountQuery: filter semantics on hand-counted rows', () => {
	it.each([
		['no filter', f({}), 36],
		['one province (Aleppo)', f({ provinces: ['SY02'] }), 6],
		['date range, both ends inclusive', f({ from: '2023-01-01', to: '2023-01-31' }), 6],
		['open start', f({ to: '2022-12-31' }), 2],
		['open end', f({ from: '2024-12-30' }), 2],
		['target type Police', f({ targets: ['Police'] }), 7],
		['attack types', f({ attacks: ['Assassination', 'Hijacking'] }), 2],
		['perpetrator with a comma', f({ perpetrators: [COMMA_PERPETRATOR] }), 2],
		['source datasets', f({ sources: ['ucdp', 'manual'] }), 6],
		['min casualties: unknown counts as 0', f({ minCasualties: 10 }), 3],
		['min casualties 1 (9 rows sum to 0 or are unknown)', f({ minCasualties: 1 }), 27],
		['a value absent from the ENUM matches nothing (no error)', f({ perpetrators: ['Nobody at all'] }), 0],
		['a codebook label absent from the data', f({ targets: ['Abortion Related'] }), 0],
		['filters combine with AND', f({ provinces: ['SY02'], attacks: ['Armed Assault'], minCasualties: 2 }), 3]
	])('%s', async (_name, filters, expected) => {
		expect(await count(filters)).toBe(expected);
	});
});

describe('text search: case, accents, Arabic spelling, wildcards', () => {
	const ids = async (q: string) => (await run(exportQuery(f({ q })))).map((r) => r.summary);
	it.each([
		['cafe', ['Café bombing near the old souq']],
		['ÉCOLE', ['ÉCOLE attaquée par des inconnus']],
		['ecole attaquee', ['ÉCOLE attaquée par des inconnus']],
		// hamza-below alef and kasra in the text; the other three are in Idleb province (إدلب, its Arabic name)
		['ادلب', ['هجومٌ على مدرسةٍ في إِدلب', 'Airstrike on a market', 'Shelling of a village', 'انفجار سيارة مفخخة في السوق']],
		['مدرسه', ['هجومٌ على مدرسةٍ في إِدلب']], // ta marbuta written as ha
		['مدرسة', ['هجومٌ على مدرسةٍ في إِدلب']],
		['مستشفي', ['قصف على مستشفى قرب حمص']], // alef maqsura written as ya
		// tatweel in the text; the others are in Ar-Raqqa province (الرقة)
		['الرقة', ['Clashes near الرقـــة city', 'Drone strike', 'Monday of ISO 2025-W01', 'Sunday before ISO 2025-W01', null]],
		['ar-raqqa', ['Clashes near الرقـــة city', 'Drone strike', 'Monday of ISO 2025-W01', 'Sunday before ISO 2025-W01', null]],
		['هُجُوم', ['هجومٌ على مدرسةٍ في إِدلب']], // harakat in the query
		['50%', ['Discount of 50% on fuel sparked a riot']], // % is literal, so "500 rounds" does not match
		['a_b', ['Power line a_b cut']], // _ is literal, so "axb" does not match
		['bab touma', ['Café bombing near the old souq']], // location field
		['reporter', ['قصف على مستشفى قرب حمص']], // target_actor field
		['طلاب', ['هجومٌ على مدرسةٍ في إِدلب']],
		['NORTH, eastern', ['قصف على مستشفى قرب حمص', 'Aid worker abducted; "ransom" demanded, negotiations, ongoing']],
		["it's", []],
		['\\', []],
		['"ransom"', ['Aid worker abducted; "ransom" demanded, negotiations, ongoing']]
	])('%j', async (q, expected) => {
		expect((await ids(q)).sort()).toEqual([...expected].sort());
	});
	it('every word must match, in any field', async () => {
		expect(await count(f({ q: 'group gamma' }))).toBe(7);
		expect(await count(f({ q: 'gamma drone' }))).toBe(1);
		expect(await count(f({ q: 'gamma mosul' }))).toBe(0);
	});
});

describe('kpiQuery', () => {
	it('compares with the period of equal length just before', async () => {
		const [row] = await run(kpiQuery(f({ from: '2023-01-01', to: '2023-01-31' }), { min: '2022-12-26', max: '2025-01-03' }));
		expect(row).toEqual({
			incidents: 6,
			killed: 24,
			injured: 2,
			killed_known: 5,
			injured_known: 2,
			prev_incidents: 2,
			prev_killed: 5,
			prev_injured: 5,
			prev_killed_known: 2,
			prev_injured_known: 1,
			// UCDP's 2023-01-15 incident gives 12 (9 to 20); the others count their best estimate at both ends.
			killed_low: 21,
			killed_high: 32,
			killed_ranged: 1,
			period_from: '2023-01-01',
			period_to: '2023-01-31',
			prev_from: '2022-12-01',
			prev_to: '2022-12-31'
		});
	});
	it('resolves open ends with the data range and applies the other filters to both periods', async () => {
		const [row] = await run(kpiQuery(f({ from: '2023-02-01', provinces: ['SY11'] }), { min: '2022-12-26', max: '2025-01-03' }));
		// Ar-Raqqa from 2023-02-01 to 2025-01-03: 2024-06-15 (8), 2024-12-29 (2), 2024-12-30 (3).
		// 703 days, so the previous period is 2021-02-28..2023-01-31: Ar-Raqqa 2023-01-15 (12) and 2023-01-31 (7).
		expect(daysBetween('2023-02-01', '2025-01-03') + 1).toBe(703);
		expect(addDaysIso('2023-02-01', -703)).toBe('2021-02-28');
		expect(row).toMatchObject({
			incidents: 3,
			killed: 13,
			injured: 0,
			injured_known: 0,
			prev_incidents: 2,
			prev_killed: 19,
			period_from: '2023-02-01',
			period_to: '2025-01-03',
			prev_from: '2021-02-28',
			prev_to: '2023-01-31'
		});
	});
	it('sums are 0 (not null) when no figure is known, and the known-count says so', async () => {
		const [row] = await run(kpiQuery(f({ from: '2023-01-01', to: '2023-01-01' }), { min: '2022-12-26', max: '2025-01-03' }));
		expect(row).toMatchObject({ incidents: 1, killed: 0, killed_known: 0, injured: 0, injured_known: 0 });
	});
});

describe('timelineQuery', () => {
	it('buckets by ISO week across year ends', async () => {
		const rows = await run(timelineQuery(v({ grain: 'week', stack: 'target', to: '2023-01-08' })));
		expect(rows).toEqual([
			{ bucket: '2022-12-26', series: 'Military', value: 1 },
			{ bucket: '2022-12-26', series: 'Police', value: 1 },
			{ bucket: '2022-12-26', series: 'Private Citizens & Property', value: 1 }, // Sunday 2023-01-01
			{ bucket: '2023-01-02', series: 'Educational Institution', value: 1 },
			{ bucket: '2023-01-02', series: 'Private Citizens & Property', value: 1 }
		]);
		const late = await run(timelineQuery(v({ grain: 'week', from: '2024-12-29', to: '2024-12-30', measure: 'killed' })));
		expect(late).toEqual([
			{ bucket: '2024-12-23', series: 'SY11', value: 2, low: 2, high: 2 },
			{ bucket: '2024-12-30', series: 'SY11', value: 3, low: 3, high: 3 }
		]);
	});
	it('buckets by quarter and stacks by province with admin1 / (unknown) fallbacks', async () => {
		const rows = await run(timelineQuery(v({ grain: 'quarter', from: '2023-09-30', to: '2023-11-30', measure: 'killed' })));
		expect(rows).toEqual([
			{ bucket: '2023-07-01', series: '(unknown)', value: 1, low: 1, high: 1 },
			{ bucket: '2023-10-01', series: '(unknown)', value: 0, low: 0, high: 0 },
			{ bucket: '2023-10-01', series: 'Baghdad', value: 0, low: 0, high: 0 },
			{ bucket: '2023-10-01', series: 'Nineveh', value: 7, low: 7, high: 7 }
		]);
		// UCDP's range: January 2023 holds 12 (9 to 20) beside figures without a range.
		const ranged = await run(timelineQuery(v({ grain: 'month', from: '2023-01-01', to: '2023-01-31', measure: 'killed', stack: 'source' })));
		expect(ranged.find((r) => r.series === 'ucdp')).toEqual({ bucket: '2023-01-01', series: 'ucdp', value: 19, low: 16, high: 27 });
	});
	it('rejects a grain outside the allow-list', () => {
		expect(() => timelineQuery(v({ grain: 'decade' as never }))).toThrow(/grain/);
		expect(() => timelineQuery(v({ measure: 'constructor' as never }))).toThrow(/measure/);
	});
});

describe('provinceQuery', () => {
	it('returns p-codes for Syria and admin1/country elsewhere, largest first', async () => {
		const rows = await run(provinceQuery(v({ measure: 'killed', from: '2023-09-01', to: '2023-12-31' })));
		expect(rows).toEqual([
			{ pcode: null, admin1: 'Nineveh', country: 'Iraq', value: 7 },
			{ pcode: 'SY02', admin1: 'Aleppo', country: 'Syria', value: 3 },
			{ pcode: null, admin1: null, country: 'Syria', value: 1 },
			{ pcode: null, admin1: 'Baghdad', country: 'Iraq', value: 0 }
		]);
	});
	it('can leave its own filter out', async () => {
		const filtered = await run(provinceQuery(v({ provinces: ['SY02'] })));
		const all = await run(provinceQuery(v({ provinces: ['SY02'] }), { ignoreOwnFilter: true }));
		expect(filtered).toEqual([{ pcode: 'SY02', admin1: 'Aleppo', country: 'Syria', value: 6 }]);
		expect(all.length).toBe(10);
	});
});

describe('categoryQuery', () => {
	it('ranks attack types with null as "not recorded"', async () => {
		const rows = await run(categoryQuery(v({ from: '2023-01-01', to: '2023-03-31' }), 'attack'));
		expect(rows).toEqual([
			{ key: null, value: 4 },
			{ key: 'Armed Assault', value: 2 },
			{ key: 'Assassination', value: 1 },
			{ key: 'Bombing/Explosion', value: 1 },
			{ key: 'Hostage Taking (Kidnapping)', value: 1 }
		]);
	});
	it('sums the measure, limits, and ignores its own filter on request', async () => {
		const q = v({ measure: 'injured', perpetrators: ['Group Alpha'] });
		// Group Alpha's injured: 5 + 0 + 3 + 20 + 4 + 2 + 1 (one unknown).
		expect(await run(categoryQuery(q, 'perpetrator'))).toEqual([{ key: 'Group Alpha', value: 35 }]);
		const all = await run(categoryQuery(q, 'perpetrator', { ignoreOwnFilter: true, limit: 2 }));
		expect(all).toEqual([
			{ key: 'Group Alpha', value: 35 },
			{ key: 'Group Delta', value: 5 }
		]);
	});
	it('rejects an unknown dimension', () => {
		expect(() => categoryQuery(DEFAULT_VIEW, 'summary' as never)).toThrow(/category/);
	});
});

describe('incidentPageQuery', () => {
	it('returns LIST_COLUMNS, sorted, paged, nulls last, id as tie-break', async () => {
		const r = await db.engine.run(incidentPageQuery(v({ sort: 'killed', sortDir: 'desc', page: 1 }), 3));
		expect(r.names).toEqual(LIST_COLUMNS);
		expect(resultRows(r).map((x) => [x.incident_id, x.killed])).toEqual([
			['ucdp:1021', 25],
			['ucdp:1007', 12],
			['gtd:1015', 9]
		]);
		// 7 incidents have no known figure; killed ascending puts them last (rows 30-36), in id order, so page 4
		// of 10 (rows 31-36) holds all but the first of them.
		const last = await run(incidentPageQuery(v({ sort: 'killed', sortDir: 'asc', page: 4 }), 10));
		expect(last.map((x) => x.killed)).toEqual([null, null, null, null, null, null]);
		expect(last.map((x) => x.incident_id)).toEqual(['acled:1018', 'csv:1030', 'gtd:1014', 'gtd:1016', 'gtd:1024', 'manual:1010']);
	});
	it('sorts category columns alphabetically, not in ENUM order', async () => {
		const rows = await run(incidentPageQuery(v({ sort: 'province', sortDir: 'asc', provinces: ['SY02', 'SY11', 'SY12'] }), PAGE_SIZE));
		const names = rows.map((x) => x.admin1);
		expect(names).toEqual([...names].sort());
		expect(names[0]).toBe('Aleppo');
	});
	it('validates page and size', () => {
		expect(() => incidentPageQuery(v({ page: 0 }), 50)).toThrow();
		expect(() => incidentPageQuery(v({}), 1.5)).toThrow();
		expect(() => incidentPageQuery(v({ sort: 'summary' as never }), 50)).toThrow(/sort/);
	});
});

describe('incidentDetailQuery / exportQuery', () => {
	it('returns one incident exactly as stored', async () => {
		const expected = FIXTURE.find((r) => r.perpetrator === 'جماعة النور')!;
		const rows = await run(incidentDetailQuery(expected.incident_id));
		// Every schema column as stored, and the actor group the build derived from the perpetrator.
		expect(rows).toEqual([{ ...expected, actor_group: actorGroupOf(expected.perpetrator) }]);
		expect(await run(incidentDetailQuery("x' OR '1'='1"))).toEqual([]);
	});
	it('exports every schema column of the filtered rows by date then id', async () => {
		const r = await db.engine.run(exportQuery(f({ provinces: ['SY04'] })));
		expect(r.names).toEqual([...INCIDENT_COLUMN_NAMES]);
		expect(EXPORT_COLUMNS).toEqual([...INCIDENT_COLUMN_NAMES]);
		const expected = FIXTURE.filter((x) => x.admin1_pcode === 'SY04')
			.slice()
			.sort((a, b) => a.event_date.localeCompare(b.event_date) || a.incident_id.localeCompare(b.incident_id));
		expect(resultRows(r)).toEqual(expected.map((x) => ({ ...x })));
	});
});

describe('perpetratorOptionsQuery', () => {
	it('searches names (folded) under the other filters, ignoring the perpetrator filter', async () => {
		const aleppo = f({ provinces: ['SY02'], perpetrators: ['Unknown'] });
		expect(await run(perpetratorOptionsQuery('', aleppo, 10))).toEqual([
			{ key: 'Group Alpha', n: 5 },
			{ key: 'Unknown', n: 1 }
		]);
		expect(await run(perpetratorOptionsQuery('GROUP', aleppo, 10))).toEqual([{ key: 'Group Alpha', n: 5 }]);
		expect(await run(perpetratorOptionsQuery('النّور', f({}), 10))).toEqual([{ key: 'جماعة النور', n: 1 }]);
		expect(await run(perpetratorOptionsQuery('north,', f({}), 10))).toEqual([{ key: COMMA_PERPETRATOR, n: 2 }]);
		expect(await run(perpetratorOptionsQuery('group', f({}), 2))).toEqual([
			{ key: 'Group Alpha', n: 8 },
			{ key: 'Group Beta', n: 8 }
		]);
	});
});
