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

// Most cases send every statement at once (Infinity), to hold and release answers in any order; the queue of
// statements sent in turn is tested below.
describe('Dashboard', () => {
	it('answers every channel for the view and is ready only then', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard(Infinity);
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
		const d = new Dashboard(Infinity);
		await d.attach(engine);
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
		const d = new Dashboard(Infinity);
		await d.attach(engine);
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
		const d = new Dashboard(Infinity);
		await d.attach(engine);
		const v1: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		const v2: ViewState = { ...DEFAULT_VIEW, provinces: ['SY09'] };
		d.update(v1);
		d.update(v2);
		// The newer answers come first, the older ones last: the older ones must not win.
		for (const c of shown(v2)) engine.answer(channelQuery(c, v2, range), `v2-${c}`);
		await flush();
		for (const c of shown(v1)) engine.answer(channelQuery(c, v1, range), `v1-${c}`);
		await flush();
		for (const c of shown(v2)) expect(d.answer(c)?.result?.columns.tag, c).toEqual([`v2-${c}`]);
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
		const d = new Dashboard(Infinity);
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
		const d2 = new Dashboard(Infinity);
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
		const d = new Dashboard(Infinity);
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
		const d = new Dashboard(Infinity);
		await d.attach({ run: () => Promise.reject(new Error('no wasm')) });
		expect(d.status).toBe('error');
		expect(d.engineError).toBe('no wasm');
	});
});

describe('Dashboard: channel statements sent in turn', () => {
	/** Releases the held statements one at a time, oldest first, until none is left; returns what was asked. */
	async function drain(engine: HeldEngine): Promise<BoundQuery[]> {
		const asked: BoundQuery[] = [];
		while (engine.pending.length > 0) {
			const p = engine.pending.shift()!;
			asked.push(p.query);
			p.resolve(tagged(JSON.stringify(p.query).length.toString()));
			await flush();
		}
		return asked;
	}
	const same = (a: BoundQuery, b: BoundQuery) => JSON.stringify(a) === JSON.stringify(b);

	it('sends two at a time, and never sends a statement a newer view made stale', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard(2);
		await d.attach(engine);
		await drain(engine);
		const v1: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		const v2: ViewState = { ...DEFAULT_VIEW, provinces: ['SY09'] };
		d.update(v1);
		expect(engine.pending.length).toBe(2);
		// The first two statements of v1 have been sent; v2 arrives before they answer.
		const sentForV1 = engine.pending.map((p) => p.query);
		d.update(v2);
		expect(engine.pending.length).toBe(2);
		const asked = [...sentForV1, ...(await drain(engine)).slice(2)];
		const v1Only = shown(v1)
			.map((c) => channelQuery(c, v1, range))
			.filter((q) => !shown(v2).some((c) => same(channelQuery(c, v2, range), q)));
		// Of v1's own statements, only the two already sent ran.
		expect(v1Only.filter((q) => asked.some((a) => same(a, q))).length).toBe(2);
		// Every channel whose answer differs between the views was asked for v2 (the others keep v1's statement).
		for (const c of shown(v2).filter((c) => channelKey(c, v1, range) !== channelKey(c, v2, range))) {
			expect(asked.some((a) => same(a, channelQuery(c, v2, range))), c).toBe(true);
		}
		expect(d.isReady(v2)).toBe(true);
		expect(d.isReady(v1)).toBe(false);
	});

	it('keeps a statement both views ask, and sends a channel again when the view returns', async () => {
		const engine = new HeldEngine(meta());
		const d = new Dashboard(1);
		await d.attach(engine);
		await drain(engine);
		const v1: ViewState = { ...DEFAULT_VIEW, page: 2 };
		d.update(v1);
		d.update({ ...v1, page: 3 });
		d.update(v1);
		const asked = await drain(engine);
		// Page 2 was sent first (nothing was waiting), page 3 was dropped unsent, page 2 is asked again.
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
		const d = new Dashboard(1);
		await d.attach(engine);
		await drain(engine);
		const v: ViewState = { ...DEFAULT_VIEW, provinces: ['SY11'] };
		engine.cache.set(JSON.stringify(channelQuery('count', v, range)), { names: ['n'], columns: { n: [7] }, rowCount: 1 });
		d.update(v);
		await flush();
		// The first statement is running; the count came from the cache meanwhile and was never sent.
		expect(engine.pending.length).toBe(1);
		expect(d.isCurrent('count', v)).toBe(true);
		expect(d.answer('count')?.result?.columns.n).toEqual([7]);
		const asked = await drain(engine);
		expect(asked.some((a) => same(a, channelQuery('count', v, range)))).toBe(false);
		expect(d.isReady(v)).toBe(true);
	});
});
