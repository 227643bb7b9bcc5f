import { describe, expect, it } from 'vitest';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { DEFAULT_VIEW, type ViewState } from '../query/filters';
import { metaQuery, sourcesQuery } from '../query/sql';
import { CHANNELS, channelActive, channelKey, channelQuery, type ChannelName } from './channels';

/** The channels a view shows (the tiles or the map, not both). */
const shown = (v: ViewState): ChannelName[] => CHANNELS.filter((c) => channelActive(c, v));
import { Dashboard } from './dashboard.svelte';
import { DEFAULT_VIEW_ASSET_VERSION, type DefaultViewAsset } from '../query/default-view-asset';

const tagged = (tag: string): QueryResult => ({ names: ['tag'], columns: { tag: [tag] }, rowCount: 1 });
const sourcesResult: QueryResult = { names: ['source_dataset'], columns: { source_dataset: ['synthetic'] }, rowCount: 1 };
const optionsResult: QueryResult = {
	names: ['dim', 'key', 'n'],
	columns: { dim: ['event', 'event', 'target'], key: ['Battles', 'Riots', 'Military'], n: [5, 2, 7] },
	rowCount: 3
};
const meta = (max = '2023-12-31'): QueryResult => ({
	names: ['row_count', 'date_min', 'date_max', 'synthetic_rows'],
	columns: { row_count: [100], date_min: ['2023-01-01'], date_max: [max], synthetic_rows: [100] },
	rowCount: 1
});

/** An engine whose answers the test releases one by one, in any order. */
class HeldEngine implements QueryEngine {
	pending: { query: BoundQuery; resolve: (r: QueryResult) => void }[] = [];
	constructor(private readonly metaResult: QueryResult) {}
	run(query: BoundQuery): Promise<QueryResult> {
		if (query.sql === metaQuery().sql) return Promise.resolve(this.metaResult);
		return new Promise((resolve) => this.pending.push({ query, resolve }));
	}
	/** Answers every held request for `q` with a result tagged `tag`. */
	answer(q: BoundQuery, tag: string): number {
		const hits = this.pending.filter((p) => JSON.stringify(p.query) === JSON.stringify(q));
		this.pending = this.pending.filter((p) => !hits.includes(p));
		hits.forEach((h) => h.resolve(tagged(tag)));
		return hits.length;
	}
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));
const range = { min: '2023-01-01', max: '2023-12-31' };

/** Releases the held statements one at a time, oldest first, until none is left (a later view's statements are
 *  sent once the earlier view's have answered); returns what was asked. */
async function drain(engine: HeldEngine): Promise<BoundQuery[]> {
	const asked: BoundQuery[] = [];
	await flush();
	while (engine.pending.length > 0) {
		const p = engine.pending.shift()!;
		asked.push(p.query);
		p.resolve(tagged('x'));
		await flush();
	}
	return asked;
}
const same = (a: BoundQuery, b: BoundQuery) => JSON.stringify(a) === JSON.stringify(b);
const askedFor = (asked: BoundQuery[], v: ViewState, c: ChannelName) => asked.some((a) => same(a, channelQuery(c, v, range)));
const changed = (c: ChannelName, a: ViewState, b: ViewState) => channelKey(c, a, range) !== channelKey(c, b, range);

describe('Dashboard', () => {
	it('answers every channel for the view and is ready only then', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		d.update(DEFAULT_VIEW);
		await d.attach(engine);
		expect(d.status).toBe('ready');
		expect(d.isReady(DEFAULT_VIEW)).toBe(false);
		// (The filter-option lists may ask the same query as a ranked chart of the default view, hence >= 1.)
		for (const c of shown(DEFAULT_VIEW)) expect(engine.answer(channelQuery(c, DEFAULT_VIEW, range), `v1-${c}`)).toBeGreaterThanOrEqual(1);
		// The governorate tiles are not drawn beside the map, so their query is not asked.
		expect(engine.pending.some((p) => p.query.sql === channelQuery('province', DEFAULT_VIEW, range).sql)).toBe(false);
		await flush();
		expect(d.isReady(DEFAULT_VIEW)).toBe(true);
		expect(d.answer('kpis')?.result?.columns.tag).toEqual(['v1-kpis']);
	});

	it('asks the tiles in the tile view and the map otherwise', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine); // the default view's statements
		const tiles: ViewState = { ...DEFAULT_VIEW, map: 'tiles', targets: ['Police'] };
		const before = engine.pending.length;
		d.update(tiles);
		const asked = (v: ViewState, c: ChannelName) =>
			engine.pending.slice(before).some((p) => JSON.stringify(p.query) === JSON.stringify(channelQuery(c, v, range)));
		expect(asked(tiles, 'province')).toBe(true);
		expect(asked(tiles, 'map') || asked(tiles, 'cells')).toBe(false);
		expect(shown(tiles)).not.toContain('map');
	});

	it('asks for a page with the total once the count of the same filters is known', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine); // the default view's statements
		const v: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		d.update(v);
		// Before the count is known, the page is asked for without it.
		expect(engine.pending.map((p) => p.query)).toContainEqual(channelQuery('rows', v, range));
		for (const p of engine.pending.splice(0)) {
			p.resolve(p.query.sql === channelQuery('count', v, range).sql ? { names: ['n'], columns: { n: [1234] }, rowCount: 1 } : tagged('x'));
		}
		await flush();
		const last = { ...v, page: 25 };
		d.update(last);
		expect(engine.pending.map((p) => p.query)).toEqual([channelQuery('rows', last, range, { total: 1234 })]);
		// Other filters: their count is not known yet, so no total.
		const other = { ...last, provinces: ['SY09'] };
		d.update(other);
		expect(engine.pending.map((p) => p.query)).toContainEqual(channelQuery('rows', other, range));
	});

	it('drops an answer that arrives after a newer request, and re-runs only channels whose key changed', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine); // the default view's statements
		const v1: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		const v2: ViewState = { ...DEFAULT_VIEW, provinces: ['SY09'] };
		d.update(v1);
		d.update(v2);
		// The newer answers come first, the older ones last: the older ones must not win.
		for (const c of shown(v2)) engine.answer(channelQuery(c, v2, range), `v2-${c}`);
		await flush();
		for (const c of shown(v1)) engine.answer(channelQuery(c, v1, range), `v1-${c}`);
		await flush();
		for (const c of shown(v2).filter((c) => changed(c, DEFAULT_VIEW, v2))) expect(d.answer(c)?.result?.columns.tag, c).toEqual([`v2-${c}`]);
		expect(d.isReady(v2)).toBe(true);
		expect(d.isReady(v1)).toBe(false);
		// Paging only asks for the rows again.
		const before = engine.pending.length;
		d.update({ ...v2, page: 2 });
		const asked = engine.pending.slice(before).map((p) => p.query);
		expect(asked).toEqual([channelQuery('rows', { ...v2, page: 2 }, range)]);
	});

	it('paints precomputed figures for the default view and drops them when the engine has other data', async () => {
		const asset: DefaultViewAsset = {
			version: DEFAULT_VIEW_ASSET_VERSION,
			meta: meta(),
			results: Object.fromEntries(CHANNELS.map((c) => [c, tagged('pre')])) as DefaultViewAsset['results'],
			sources: sourcesResult,
			options: optionsResult,
			boundaries: null,
			boundariesPcodeProperty: null
		};
		const d = new Dashboard();
		d.usePrecomputed(asset, DEFAULT_VIEW);
		expect(d.answer('timeline')?.result?.columns.tag).toEqual(['pre']);
		expect(d.meta?.syntheticRows).toBe(100);
		expect(d.isCurrent('kpis', DEFAULT_VIEW)).toBe(true);

		expect(d.options?.sources).toEqual(['synthetic']);
		expect(d.options?.event).toEqual(['Battles', 'Riots']);

		// Same data: the engine has nothing to compute for the default view (channels, options and sources are
		// all in the file), is ready at once, and answers the next view as usual.
		const same = new HeldEngine(meta());
		await d.attach(same);
		expect(same.pending).toEqual([]);
		expect(d.isReady(DEFAULT_VIEW)).toBe(true);
		d.update({ ...DEFAULT_VIEW, page: 2 });
		expect(same.pending.map((p) => p.query)).toEqual([channelQuery('rows', { ...DEFAULT_VIEW, page: 2 }, range)]);

		// Other data (a different date range): the precomputed answers are dropped and recomputed.
		const d2 = new Dashboard();
		d2.usePrecomputed(asset, DEFAULT_VIEW);
		const other = new HeldEngine(meta('2024-06-30'));
		d2.update(DEFAULT_VIEW);
		await d2.attach(other);
		expect(d2.answer('timeline')).toBeUndefined();
		const otherRange = { min: '2023-01-01', max: '2024-06-30' };
		expect(other.answer(channelQuery('timeline', DEFAULT_VIEW, otherRange), 'fresh')).toBe(1);
		await flush();
		expect(d2.answer('timeline')?.result?.columns.tag).toEqual(['fresh']);
		// ... and the options are listed again by this engine.
		expect(other.pending.some((p) => p.query.sql === sourcesQuery().sql)).toBe(true);
	});

	it('ignores the precomputed figures when the page opened on another view', () => {
		const d = new Dashboard();
		const asset = {
			version: DEFAULT_VIEW_ASSET_VERSION,
			meta: meta(),
			results: Object.fromEntries(CHANNELS.map((c) => [c, tagged('pre')])) as DefaultViewAsset['results'],
			sources: sourcesResult,
			options: optionsResult,
			boundaries: null,
			boundariesPcodeProperty: null
		};
		d.usePrecomputed(asset, { ...DEFAULT_VIEW, grain: 'week' });
		expect(d.answer('kpis')).toBeUndefined();
	});

	it('reports an engine that cannot start', async () => {
		const d = new Dashboard();
		await d.attach({ run: () => Promise.reject(new Error('no wasm')) });
		expect(d.status).toBe('error');
		expect(d.engineError).toBe('no wasm');
	});
});


describe('Dashboard: statements of a newer view wait while an older view runs', () => {

	it('sends one view at once, holds the next, and never sends what a third view made stale', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine);
		await flush();
		const v1: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		const v2: ViewState = { ...DEFAULT_VIEW, provinces: ['SY09'] };
		const v3: ViewState = { ...DEFAULT_VIEW, provinces: ['SY05'] };
		d.update(v1);
		// Every statement of v1 is with the engine at once.
		const sent = engine.pending.map((p) => p.query);
		for (const c of shown(v1).filter((c) => changed(c, DEFAULT_VIEW, v1))) expect(askedFor(sent, v1, c), c).toBe(true);
		await flush();
		d.update(v2);
		expect(engine.pending.length).toBe(sent.length); // v2 waits for v1
		await flush();
		d.update(v3);
		const asked = await drain(engine);
		// No statement of v2 that v3 replaced was sent; every channel v3 changed was asked for v3.
		for (const c of shown(v2).filter((c) => changed(c, v2, v3))) expect(askedFor(asked, v2, c), c).toBe(false);
		for (const c of shown(v3).filter((c) => changed(c, v1, v3))) expect(askedFor(asked, v3, c), c).toBe(true);
		expect(d.isReady(v3)).toBe(true);
	});

	it('sends a channel again when the view returns to a state whose statement was dropped', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine);
		await flush();
		const v1: ViewState = { ...DEFAULT_VIEW, page: 2 };
		d.update(v1);
		await flush();
		d.update({ ...v1, page: 3 });
		await flush();
		d.update({ ...v1, page: 4 });
		await flush();
		d.update(v1);
		const asked = await drain(engine);
		// Page 2 ran first; 3 and 4 were dropped unsent; page 2 is asked again (its first answer was superseded).
		expect(asked).toEqual([channelQuery('rows', v1, range), channelQuery('rows', v1, range)]);
		expect(d.isReady(v1)).toBe(true);
	});

	it('answers from the engine cache without waiting behind running statements', async () => {
		class CachedHeld extends HeldEngine {
			cache = new Map<string, QueryResult>();
			cached(q: BoundQuery) {
				return this.cache.get(JSON.stringify(q));
			}
		}
		const engine = new CachedHeld(meta());
		const d = new Dashboard();
		await d.attach(engine);
		await drain(engine);
		await flush();
		d.update({ ...DEFAULT_VIEW, page: 2 });
		await flush();
		const v: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		engine.cache.set(JSON.stringify(channelQuery('count', v, range)), { names: ['n'], columns: { n: [7] }, rowCount: 1 });
		d.update(v);
		await flush();
		// Page 2 is running, v waits behind it, but its count came from the cache and is never sent.
		expect(engine.pending.length).toBe(1);
		expect(d.isCurrent('count', v)).toBe(true);
		expect(d.answer('count')?.result?.columns.n).toEqual([7]);
		const asked = await drain(engine);
		expect(askedFor(asked, v, 'count')).toBe(false);
		expect(d.isReady(v)).toBe(true);
	});
});
