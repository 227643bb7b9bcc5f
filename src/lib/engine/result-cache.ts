// Answers kept by statement: the SQL text and its bound values name an answer exactly while the data the engine
// reads stays the same, so Back, Forward and toggling a filter back are answered without asking the worker. The
// cache is bounded by the cells it holds (rows x columns; the answers are small aggregates and one list page),
// least recently used out first, and is emptied whenever the data changes (PageEngine.setData). Errors are never
// kept. The Arrow path (exports) is not cached: its tables are large and asked once.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { runsArrow, type ArrowRunner } from './prepared-engine';
import type { ArrowTableLike } from './arrow-result';

/** The cache key of a statement: its text and its values (JSON keeps 1 and '1' apart). */
export const cacheKey = (q: BoundQuery): string => `${JSON.stringify(q.params)}\u0000${q.sql}`;

const cellsOf = (r: QueryResult) => Math.max(1, r.rowCount * Math.max(1, r.names.length));

export interface CacheLimits {
	/** Cells held at most, over every answer. */
	maxCells: number;
	/** Larger answers are not kept (they would push out many small ones). */
	maxEntryCells: number;
}

/** About 400k cells: a few MB of JS values, room for hundreds of views' charts. */
export const DEFAULT_LIMITS: CacheLimits = { maxCells: 400_000, maxEntryCells: 100_000 };

/** An LRU map of answers, bounded by cells. */
export class ResultCache {
	private readonly entries = new Map<string, QueryResult>();
	private held = 0;
	/** Bumped by clear(): an answer asked before a clear is not stored after it. */
	private gen = 0;

	constructor(private readonly limits: CacheLimits = DEFAULT_LIMITS) {}

	get generation(): number {
		return this.gen;
	}

	get(key: string): QueryResult | undefined {
		const r = this.entries.get(key);
		if (r) {
			// Map order is insertion order: re-inserting makes it the most recently used.
			this.entries.delete(key);
			this.entries.set(key, r);
		}
		return r;
	}

	/** Stores an answer asked in `generation` (dropped when the data changed since). */
	set(key: string, result: QueryResult, generation = this.gen): void {
		if (generation !== this.gen) return;
		const cells = cellsOf(result);
		if (cells > this.limits.maxEntryCells) return;
		const old = this.entries.get(key);
		if (old) {
			this.entries.delete(key);
			this.held -= cellsOf(old);
		}
		this.entries.set(key, result);
		this.held += cells;
		for (const [k, r] of this.entries) {
			if (this.held <= this.limits.maxCells) break;
			this.entries.delete(k);
			this.held -= cellsOf(r);
		}
	}

	clear(): void {
		this.entries.clear();
		this.held = 0;
		this.gen++;
	}

	get size(): number {
		return this.entries.size;
	}

	get cells(): number {
		return this.held;
	}
}

/** An engine that can say synchronously whether it holds a statement's answer (the dashboard then skips its queue). */
export interface CachedLookup {
	cached(query: BoundQuery): QueryResult | undefined;
}

export function looksUpCache(engine: object): engine is CachedLookup {
	return typeof (engine as Partial<CachedLookup>).cached === 'function';
}

/** A QueryEngine that answers repeated statements from a ResultCache; the same statement asked while one is
 *  running shares its answer. */
export class CachingEngine implements QueryEngine, ArrowRunner, CachedLookup {
	readonly cache: ResultCache;
	private readonly running = new Map<string, Promise<QueryResult>>();

	constructor(
		private readonly inner: QueryEngine,
		limits: CacheLimits = DEFAULT_LIMITS
	) {
		this.cache = new ResultCache(limits);
	}

	cached(query: BoundQuery): QueryResult | undefined {
		return this.cache.get(cacheKey(query));
	}

	run(query: BoundQuery): Promise<QueryResult> {
		const key = cacheKey(query);
		const hit = this.cache.get(key);
		if (hit) return Promise.resolve(hit);
		const shared = this.running.get(key);
		if (shared) return shared;
		const generation = this.cache.generation;
		const run = this.inner.run(query).then(
			(result) => {
				if (this.running.get(key) === run) this.running.delete(key);
				this.cache.set(key, result, generation);
				return result;
			},
			(e: unknown) => {
				if (this.running.get(key) === run) this.running.delete(key);
				throw e;
			}
		);
		this.running.set(key, run);
		return run;
	}

	runArrow(query: BoundQuery): Promise<ArrowTableLike | null> {
		const inner = this.inner;
		return runsArrow(inner) ? inner.runArrow(query) : Promise.resolve(null);
	}

	/** Forgets every answer, and lets no statement running now store its answer: the data is changing. */
	clear(): void {
		this.cache.clear();
		this.running.clear();
	}
}
