// The page's data: engine status, metadata and the latest answer of every channel for the view state.
// Queries run in the worker; this class only decides what to ask, drops answers that arrive after a newer request
// (Latest), and exposes answers as $state.raw values that the thin components read.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { DEFAULT_VIEW, type Filters, type ViewState } from '../query/filters';
import {
	categoryQuery,
	dimensionOptionsQuery,
	exportQuery,
	incidentDetailQuery,
	metaQuery,
	perpetratorOptionsQuery,
	sourcesQuery,
	type OptionDim
} from '../query/sql';
import type { ArrowTableLike } from '../engine/arrow-result';
import { isStoppable } from '../engine/guarded-engine';
import { runsArrow } from '../engine/prepared-engine';
import { CHANNELS, channelActive, channelKey, channelQuery, type ChannelName, type DataRange } from './channels';
import { PRECOMPUTED_CHANNELS, type DefaultViewAsset } from '../query/default-view-asset';
import { Latest } from './latest';
import { ChannelQueue } from './channel-queue';
import { metaFromResult, type Meta } from '../query/meta';

export type { Meta };

export type EngineStatus = 'loading' | 'ready' | 'error';

export interface Answer {
	key: string;
	/** The view the answer was asked for: panels draw it with this view's grain, measure and dates, so a chart is
	 *  drawn again when its answer changes, not at every change of the view (its old answer is shown dimmed). */
	view?: ViewState;
	result: QueryResult | null;
	error: string | null;
}

/** The values present in the data per filterable dimension (dimensionOptionsQuery), and the source datasets. */
export type FilterOptions = Partial<Record<OptionDim, string[]>> & { sources: string[] };

/** Filter options from dimensionOptionsQuery's rows (dim, key) and the sources table. */
export function filterOptions(options: QueryResult, sources: QueryResult): FilterOptions {
	const out: Partial<Record<OptionDim, string[]>> = {};
	const dims = options.columns.dim ?? [];
	const keys = options.columns.key ?? [];
	dims.forEach((d, i) => {
		const key = keys[i];
		if (typeof d === 'string' && typeof key === 'string') (out[d as OptionDim] ??= []).push(key);
	});
	const sourceNames = (sources.columns.source_dataset ?? []).filter((s): s is string => typeof s === 'string');
	return { ...out, sources: sourceNames };
}

const sameMeta = (a: QueryResult, b: QueryResult) => JSON.stringify(a.columns) === JSON.stringify(b.columns);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Dashboard {
	status: EngineStatus = $state('loading');
	engineError: string | null = $state(null);
	/** The engine had started and then stopped (its worker failed), as opposed to never starting. */
	engineStopped = $state(false);
	meta: Meta | null = $state.raw(null);
	answers: Partial<Record<ChannelName, Answer>> = $state.raw({});
	options: FilterOptions | null = $state.raw(null);
	/** Channel answers came from default-view.json rather than the engine. */
	precomputed = $state(false);

	private engine: QueryEngine | null = null;
	private precomputedMeta: QueryResult | null = null;
	/** The options came from the default view's file, computed on the same data (meta checked in attach). */
	private optionsPrecomputed = false;
	private view: ViewState = DEFAULT_VIEW;
	/** Key last requested per channel (plain, not reactive: update() must not depend on answers). */
	private issued = new Map<ChannelName, string>();
	private readonly latest = new Map<ChannelName, Latest>(CHANNELS.map((c) => [c, new Latest()]));
	private readonly perpLatest = new Latest();
	private readonly queue = new ChannelQueue();

	get range(): DataRange | null {
		const m = this.meta;
		return m?.dateMin && m.dateMax ? { min: m.dateMin, max: m.dateMax } : null;
	}

	/** The answer for a channel if it matches the view, else the last one (shown dimmed while loading). */
	answer(name: ChannelName): Answer | undefined {
		return this.answers[name];
	}

	isCurrent(name: ChannelName, v: ViewState): boolean {
		return this.answers[name]?.key === channelKey(name, v, this.range);
	}

	/** Every channel answered for this exact view state. */
	isReady(v: ViewState): boolean {
		return this.status === 'ready' && CHANNELS.every((c) => !channelActive(c, v) || this.isCurrent(c, v));
	}

	/**
	 * Resolves once the current view has its answers (or failed), once it asks for a text search, or after
	 * `limitMs`: when work that can wait (the local search index) may take the engine.
	 */
	async settledOrSearching(limitMs = 10_000): Promise<void> {
		const until = performance.now() + limitMs;
		while (performance.now() < until && this.status !== 'error' && this.view.q.trim() === '' && !this.isReady(this.view)) {
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	/** Some channel's answer for this exact view state is an error (the page is settled, but not well). */
	hasErrors(v: ViewState): boolean {
		return CHANNELS.some((c) => channelActive(c, v) && this.isCurrent(c, v) && this.answers[c]?.error);
	}

	/** How the page stands for this view: every shown channel answered (well or with an error), or still loading. */
	settledState(v: ViewState): 'loading' | 'ready' | 'error' {
		if (this.isReady(v)) return this.hasErrors(v) ? 'error' : 'ready';
		return this.status === 'error' ? 'error' : 'loading';
	}

	/** Paints the default view from build-time figures; only when the page opened on the default view. */
	usePrecomputed(asset: DefaultViewAsset, v: ViewState): void {
		if (this.engine) return;
		const meta = asset.meta && metaFromResult(asset.meta);
		if (!meta) return;
		this.precomputedMeta = asset.meta;
		// The options describe the data, not the view, so any view may use them (the map picks its boundaries from
		// the countries in them); attach() drops them if the engine's data differs.
		this.options = filterOptions(asset.options, asset.sources);
		this.optionsPrecomputed = true;
		if (JSON.stringify(v) !== JSON.stringify(DEFAULT_VIEW)) return;
		this.meta = meta;
		const answers = { ...this.answers };
		for (const c of PRECOMPUTED_CHANNELS) {
			const key = channelKey(c, DEFAULT_VIEW, this.range);
			answers[c] = { key, view: v, result: asset.results[c], error: null };
			this.issued.set(c, key);
		}
		this.answers = answers;
		this.precomputed = true;
	}

	/** Called once the engine has started: loads metadata and options, then answers the current view. */
	async attach(engine: QueryEngine): Promise<void> {
		// A channel that failed (e.g. on an engine that has since stopped) is asked again by this engine.
		for (const c of CHANNELS) if (this.answers[c]?.error) this.issued.delete(c);
		try {
			const meta = await engine.run(metaQuery());
			if (this.precomputedMeta && !sameMeta(this.precomputedMeta, meta)) {
				// The precomputed file belongs to another build of the data: forget its figures.
				for (const c of PRECOMPUTED_CHANNELS) this.issued.delete(c);
				const answers = { ...this.answers };
				for (const c of PRECOMPUTED_CHANNELS) delete answers[c];
				this.answers = answers;
				this.precomputed = false;
				this.optionsPrecomputed = false;
			}
			this.meta = metaFromResult(meta);
		} catch (e) {
			this.fail(e);
			return;
		}
		this.engine = engine;
		this.status = 'ready';
		this.engineError = null;
		this.engineStopped = false;
		if (isStoppable(engine)) {
			// An engine that stops for good (its worker failed) fails the page's engine state, so the retry button
			// appears; its pending queries have already been rejected and show as errors.
			void engine.stopped.then((e) => {
				if (this.engine !== engine) return;
				this.engine = null;
				this.fail(e);
				this.engineStopped = true;
			});
		}
		// The default view's file already holds the options of this data; otherwise the engine lists them.
		if (!this.optionsPrecomputed) void this.loadOptions(engine);
		this.update(this.view);
	}

	/** Forgets the engine and every answer: the data is about to change (the local dataset, or back). */
	reset(): void {
		this.engine = null;
		this.status = 'loading';
		this.engineError = null;
		this.engineStopped = false;
		this.meta = null;
		this.answers = {};
		this.options = null;
		this.precomputed = false;
		this.precomputedMeta = null;
		this.optionsPrecomputed = false;
		this.issued.clear();
		for (const l of this.latest.values()) l.invalidate();
		this.perpLatest.invalidate();
	}

	fail(error: unknown): void {
		this.status = 'error';
		this.engineError = message(error);
		this.engineStopped = false;
	}

	/** Asks every channel whose key changed; requests made stale by a newer one are not sent, and answers to older
	 *  requests are dropped when they arrive. */
	update(v: ViewState): void {
		this.view = v;
		const engine = this.engine;
		const range = this.range;
		if (!engine || !range) return;
		for (const c of CHANNELS) {
			if (!channelActive(c, v)) continue;
			const key = channelKey(c, v, range);
			if (this.issued.get(c) === key) continue;
			this.issued.set(c, key);
			const isLatest = this.latest.get(c)!.next();
			let query: BoundQuery;
			try {
				query = channelQuery(c, v, range, { total: this.knownTotal(v) });
			} catch (e) {
				this.settle(c, { key, view: v, result: null, error: message(e) });
				continue;
			}
			// A view's statements wait while an older view's run; one a newer view made stale meanwhile is never sent.
			this.queue.submit(engine, query, isLatest).then(
				(result) => result && isLatest() && this.settle(c, { key, view: v, result, error: null }),
				(e) => isLatest() && this.settle(c, { key, view: v, result: null, error: message(e) })
			);
		}
	}

	/** The number of incidents of this view's filters, if the count's current answer holds it. */
	private knownTotal(v: ViewState): number | null {
		const n = this.isCurrent('count', v) ? this.answers.count?.result?.columns.n?.[0] : null;
		return typeof n === 'number' ? n : null;
	}

	private settle(c: ChannelName, answer: Answer): void {
		this.answers = { ...this.answers, [c]: answer };
		if (PRECOMPUTED_CHANNELS.includes(c)) this.precomputed = false;
	}

	private async loadOptions(engine: QueryEngine): Promise<void> {
		try {
			const [options, sources] = await Promise.all([engine.run(dimensionOptionsQuery()), engine.run(sourcesQuery())]);
			this.options = filterOptions(options, sources);
		} catch {
			// Options only fill the filter lists; the codebook lists stand in when they fail.
		}
	}

	/** Perpetrator names for the searchable picker; null when a newer search has started meanwhile. */
	async searchPerpetrators(search: string, f: Filters, limit = 30): Promise<QueryResult | null> {
		const isLatest = this.perpLatest.next();
		if (!this.engine) return null;
		const result = await this.engine.run(perpetratorOptionsQuery(search, f, limit));
		return isLatest() ? result : null;
	}

	/** A statement outside the channels (the map's zoomed point layer); null while no engine is attached. */
	async run(query: BoundQuery): Promise<QueryResult | null> {
		return this.engine ? this.engine.run(query) : null;
	}

	/** The source datasets with incidents under these filters, with their counts (largest first): what a citation
	 *  of the view names. Read like the source ranking (from the month rollup when the view allows). */
	async sourcesInView(f: Filters): Promise<{ source: string; n: number }[]> {
		if (!this.engine) throw new Error('engine not ready');
		const r = await this.engine.run(categoryQuery({ ...DEFAULT_VIEW, ...f, measure: 'incidents' }, 'source', { limit: null }));
		const keys = r.columns.key ?? [];
		return keys.map((k, i) => ({ source: String(k), n: Number(r.columns.value?.[i] ?? 0) })).filter((s) => s.n > 0);
	}

	async detail(id: string): Promise<QueryResult> {
		if (!this.engine) throw new Error('engine not ready');
		return this.engine.run(incidentDetailQuery(id));
	}

	/** Every filtered incident (not one page) in the export columns. */
	async exportRows(f: Filters): Promise<QueryResult> {
		if (!this.engine) throw new Error('engine not ready');
		return this.engine.run(exportQuery(f));
	}

	/** The same rows as an Arrow table, which the CSV export writes from directly; null if the engine has none. */
	async exportArrow(f: Filters): Promise<ArrowTableLike | null> {
		if (!this.engine) throw new Error('engine not ready');
		return runsArrow(this.engine) ? this.engine.runArrow(exportQuery(f)) : null;
	}
}
