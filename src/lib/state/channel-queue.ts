// When the dashboard's channel statements reach the worker. DuckDB-WASM runs one statement at a time and queues the
// rest in the worker, where nothing can take them back. The statements of one view state are sent together (so the
// worker keeps computing while the page draws the first answers: measured, the page's own work between answers is
// most of a filter change), but a later view's statements wait here while an earlier view's are still running;
// one that a newer view made stale meanwhile is dropped before it costs any worker time. A statement the engine
// holds the answer of (result-cache.ts) skips the wait.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { looksUpCache } from '../engine/result-cache';

interface Job {
	engine: QueryEngine;
	query: BoundQuery;
	wanted: () => boolean;
	resolve: (r: QueryResult | null) => void;
	reject: (e: unknown) => void;
}

export class ChannelQueue {
	private readonly waiting: Job[] = [];
	private running = 0;
	/** Statements submitted in the same task as the ones that opened it are sent along with them. */
	private open = false;
	/** Statements dropped unsent (tests read it). */
	skipped = 0;

	/**
	 * Runs the statement when its turn comes, if `wanted()` still says so then; resolves null when it was dropped.
	 */
	submit(engine: QueryEngine, query: BoundQuery, wanted: () => boolean): Promise<QueryResult | null> {
		const hit = looksUpCache(engine) ? engine.cached(query) : undefined;
		if (hit) return Promise.resolve(hit);
		return new Promise((resolve, reject) => {
			this.waiting.push({ engine, query, wanted, resolve, reject });
			this.pump();
		});
	}

	/** Statements waiting to be sent. */
	get queued(): number {
		return this.waiting.length;
	}

	private pump(): void {
		if (this.waiting.length === 0 || (this.running > 0 && !this.open)) return;
		if (!this.open) {
			this.open = true;
			queueMicrotask(() => (this.open = false));
		}
		for (const job of this.waiting.splice(0)) {
			if (!job.wanted()) {
				this.skipped++;
				job.resolve(null);
				continue;
			}
			this.running++;
			let run: Promise<QueryResult>;
			try {
				run = job.engine.run(job.query);
			} catch (e) {
				run = Promise.reject(e);
			}
			run.then(job.resolve, job.reject).finally(() => {
				if (--this.running === 0) this.pump();
			});
		}
	}
}
