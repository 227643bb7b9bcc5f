// The order in which the dashboard's channel statements reach the worker. DuckDB-WASM runs one statement at a time
// and queues the rest in the worker, where nothing can take them back; so the page sends only a few at a time
// (`depth`) and keeps the others here, where a statement whose answer is no longer wanted (a newer view state asked
// its channel again) is dropped before it costs any worker time. Two in flight keep the worker busy while the page
// reads an answer or draws a chart. A statement the engine holds the answer of (result-cache.ts) skips the queue.
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
	/** Statements dropped unsent (tests and the benchmark read it). */
	skipped = 0;

	constructor(private readonly depth = 2) {}

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
		while (this.running < this.depth && this.waiting.length > 0) {
			const job = this.waiting.shift()!;
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
				this.running--;
				this.pump();
			});
		}
	}
}
