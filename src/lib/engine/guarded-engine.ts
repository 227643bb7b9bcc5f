// A QueryEngine wrapper that gives every call a bounded outcome. DuckDB-WASM's AsyncDuckDB forgets its pending
// requests when its worker reports an error (they then never settle: measured in duckdb-wasm 1.32, onError clears
// the map without rejecting), so a crashed worker would leave the page "loading" forever. The wasm engine calls
// stop() from the worker's error event; stop() rejects every pending call and every later one, and `stopped`
// tells the page to offer a restart. Errors are explained (engine-errors.ts) on the way out.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import type { ArrowTableLike } from './arrow-result';
import { EngineError, explainEngineError } from './engine-errors';
import { runsArrow, type ArrowRunner } from './prepared-engine';

/** An engine that can stop for good; `stopped` settles with the reason when it does. */
export interface StoppableEngine extends QueryEngine {
	readonly stopped: Promise<EngineError>;
}

export function isStoppable(engine: QueryEngine): engine is StoppableEngine {
	return typeof (engine as Partial<StoppableEngine>).stopped?.then === 'function';
}

export class GuardedEngine implements StoppableEngine, ArrowRunner {
	readonly stopped: Promise<EngineError>;
	private failure: EngineError | null = null;
	private readonly pending = new Set<(e: EngineError) => void>();
	private resolveStopped!: (e: EngineError) => void;

	constructor(
		private readonly inner: QueryEngine,
		private readonly artifact = 'data/rasd.duckdb'
	) {
		this.stopped = new Promise((resolve) => (this.resolveStopped = resolve));
	}

	run(query: BoundQuery): Promise<QueryResult> {
		return this.guard(() => this.inner.run(query));
	}

	/** The Arrow table, under the same guard; null when the inner engine answers QueryResults only. */
	runArrow(query: BoundQuery): Promise<ArrowTableLike | null> {
		const inner = this.inner;
		return this.guard(async () => (runsArrow(inner) ? inner.runArrow(query) : null));
	}

	private guard<T>(call: () => Promise<T>): Promise<T> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise<T>((resolve, reject) => {
			this.pending.add(reject);
			let inner: Promise<T>;
			try {
				inner = call();
			} catch (e) {
				inner = Promise.reject(e);
			}
			inner.then(
				(result) => {
					this.pending.delete(reject);
					resolve(result);
				},
				(e: unknown) => {
					this.pending.delete(reject);
					reject(explainEngineError(e, this.artifact));
				}
			);
		});
	}

	/** Stops the engine: every pending and later call rejects with the reason. Idempotent. */
	stop(reason: unknown): void {
		if (this.failure) return;
		const cause = explainEngineError(reason, this.artifact);
		this.failure = new EngineError('stopped', cause.message);
		for (const reject of this.pending) reject(this.failure);
		this.pending.clear();
		this.resolveStopped(this.failure);
	}

	get isStopped(): boolean {
		return this.failure !== null;
	}

	/** Calls waiting for an answer (tests check that stop() leaves none behind). */
	get pendingCount(): number {
		return this.pending.size;
	}
}
