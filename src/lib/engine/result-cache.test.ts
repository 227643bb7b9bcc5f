// The result cache: bounded and least-recently-used out, never keeps errors or answers asked before the data
// changed, and the page's engine empties it when it switches data (published, local, both, a rebuild).
import { describe, expect, it } from 'vitest';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { CachingEngine, ResultCache, cacheKey } from './result-cache';
import { NodeEngine } from './node-engine';
import { PageEngine } from './wasm-engine';
import type { DataSwitcher } from './local-data';
import { SearchIndexGate } from './search-gate';

const rows = (n: number, tag = 'x'): QueryResult => ({ names: ['v'], columns: { v: Array(n).fill(tag) }, rowCount: n });

/** Counts the statements it runs; answers are released by hand when `hold` is set. */
class CountingEngine implements QueryEngine {
	calls = 0;
	held: { resolve: (r: QueryResult) => void; reject: (e: unknown) => void }[] = [];
	hold = false;
	constructor(private readonly answer: (q: BoundQuery) => QueryResult = () => rows(1)) {}
	run(q: BoundQuery): Promise<QueryResult> {
		this.calls++;
		if (!this.hold) return Promise.resolve(this.answer(q));
		return new Promise((resolve, reject) => this.held.push({ resolve, reject }));
	}
}

const q = (sql: string, ...params: (string | number)[]): BoundQuery => ({ sql, params });

describe('ResultCache', () => {
	it('evicts the least recently used answers past its cell bound and skips oversized ones', () => {
		const c = new ResultCache({ maxCells: 10, maxEntryCells: 6 });
		c.set('a', rows(4));
		c.set('b', rows(4));
		expect(c.get('a')).toBeDefined(); // a is now more recent than b
		c.set('c', rows(4));
		expect(c.get('b')).toBeUndefined();
		expect(c.get('a')).toBeDefined();
		expect(c.get('c')).toBeDefined();
		expect(c.cells).toBe(8);
		c.set('big', rows(7));
		expect(c.get('big')).toBeUndefined();
		expect(c.cells).toBe(8);
	});

	it('keys by text and values: 1 and "1" are different statements', () => {
		expect(cacheKey(q('SELECT ?', 1))).not.toBe(cacheKey(q('SELECT ?', '1')));
		expect(cacheKey(q('SELECT ?', 1))).toBe(cacheKey(q('SELECT ?', 1)));
	});
});

describe('CachingEngine', () => {
	it('runs a statement once, shares a running one, and never keeps an error', async () => {
		const inner = new CountingEngine();
		const e = new CachingEngine(inner);
		const [a, b] = await Promise.all([e.run(q('A', 1)), e.run(q('A', 1))]);
		expect(a).toBe(b);
		expect(await e.run(q('A', 1))).toBe(a);
		expect(e.cached(q('A', 1))).toBe(a);
		await e.run(q('A', 2));
		expect(inner.calls).toBe(2);

		const failing = new CachingEngine({ run: () => Promise.reject(new Error('boom')) });
		await expect(failing.run(q('B'))).rejects.toThrow('boom');
		expect(failing.cached(q('B'))).toBeUndefined();
	});

	it('does not keep an answer asked before clear()', async () => {
		const inner = new CountingEngine();
		inner.hold = true;
		const e = new CachingEngine(inner);
		const old = e.run(q('A'));
		e.clear();
		// Asked again after the clear: a new statement, not the running one.
		const fresh = e.run(q('A'));
		expect(inner.calls).toBe(2);
		inner.held[0].resolve(rows(1, 'old'));
		inner.held[1].resolve(rows(1, 'new'));
		expect((await old).columns.v).toEqual(['old']);
		expect((await fresh).columns.v).toEqual(['new']);
		expect(e.cached(q('A'))?.columns.v).toEqual(['new']);
	});
});

describe('PageEngine', () => {
	it('answers again from the new data after setData, and keeps no answer asked while it switches', async () => {
		// Real DuckDB: the "switch" replaces the table the statement reads, as DataSwitcher replaces `rasd`.
		const db = await NodeEngine.open({ setup: ['CREATE TABLE t AS SELECT 1 AS n'] });
		let inner = 0;
		const counting: QueryEngine = { run: (x) => (inner++, db.run(x)) };
		let during: Promise<QueryResult> | null = null;
		const switcher = {
			searchIndex: new SearchIndexGate(),
			set: async (choice: string) => {
				during = page.run(count); // asked while the data changes: answered, never kept
				await db.run({ sql: `CREATE OR REPLACE TABLE t AS SELECT * FROM range(${choice === 'local' ? 5 : 3}) AS r(n)`, params: [] });
			}
		} as unknown as DataSwitcher;
		const page: PageEngine = new PageEngine(counting, switcher);
		const count = q('SELECT count(*) AS c FROM t');
		try {
			expect((await page.run(count)).columns.c).toEqual([1]);
			expect((await page.run(count)).columns.c).toEqual([1]);
			expect(inner).toBe(1);
			expect(page.cached(count)?.columns.c).toEqual([1]);

			await page.setData('local', null);
			await during;
			expect(page.cached(count)).toBeUndefined();
			expect((await page.run(count)).columns.c).toEqual([5]);
			await page.setData('published', null);
			expect((await page.run(count)).columns.c).toEqual([3]);
			expect((await page.run(count)).columns.c).toEqual([3]);
			// Five statements: the first, one asked during each switch (not kept: the next ask ran again), one after each.
			expect(inner).toBe(5);
			// A stopped engine answers nothing, not even from its cache.
			page.stop(new Error('worker gone'));
			expect(page.cached(count)).toBeUndefined();
		} finally {
			db.close();
		}
	});

	it('runs a search only once the deferred search index is built; other statements meanwhile', async () => {
		const db = await NodeEngine.open({ setup: ['CREATE TABLE t AS SELECT 1 AS n', 'CREATE TABLE search_postings AS SELECT 2 AS n'] });
		const switcher = { searchIndex: new SearchIndexGate() } as unknown as DataSwitcher;
		const page = new PageEngine(db, switcher);
		const order: string[] = [];
		switcher.searchIndex.defer(async () => void order.push('index built'));
		try {
			const search = page.run(q('SELECT n FROM search_postings')).then((r) => (order.push('search'), r.columns.n));
			const plain = await page.run(q('SELECT n FROM t'));
			order.push('plain');
			expect(plain.columns.n).toEqual([1]);
			await page.completeSearchIndex();
			expect(await search).toEqual([2]);
			expect(order).toEqual(['plain', 'index built', 'search']);
		} finally {
			db.close();
		}
	});
});
