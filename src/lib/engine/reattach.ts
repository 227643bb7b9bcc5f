// Recovery after the data file could not be read. When a range request fails (HTTP 500, a dropped connection),
// DuckDB-WASM can keep the block it was loading in its buffer pool, and a later query that needs that block fails
// with "Corrupt database file ... checksum" although the server answers again (measured with duckdb-wasm 1.32 in
// Chromium). Detaching and attaching the artifact again drops every cached block of it, so the next query reads
// from the server afresh. This wrapper does that once after any failed read, before the next query runs, and only
// when no query is in flight (they would be cut off by the detach). A query already sent when the read failed can
// meet the bad block itself and fail as "corrupt": it is run again once after the repair, so it reports the real
// cause (the server still failing) or its answer, never a damaged file that is not damaged.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import type { ArrowTableLike } from './arrow-result';
import { runsArrow, type ArrowRunner } from './prepared-engine';

/** Failures of reading the file over HTTP (not errors in a query). */
const READ_FAILURE = /non-success status|Range request|NetworkError|Failed to fetch|network error|HTTP \d{3}/i;
/** What a block left behind by a failed read looks like to a later query. */
const LEFT_BEHIND = /Corrupt database file|checksum/i;

export class ReattachingEngine implements QueryEngine, ArrowRunner {
	private broken = false;
	/** The failed read that broke the file (what a query that met its left-behind block reports). */
	private readFailure: unknown = null;
	private inFlight = 0;
	private idle: (() => void)[] = [];
	private repairing: Promise<void> | null = null;

	constructor(
		private readonly inner: QueryEngine & ArrowRunner,
		/** Detaches and attaches the artifact again (and forgets statements prepared against the old one). */
		private readonly reattach: () => Promise<void>
	) {}

	run(query: BoundQuery): Promise<QueryResult> {
		return this.call(() => this.inner.run(query));
	}

	runArrow(query: BoundQuery): Promise<ArrowTableLike | null> {
		const inner = this.inner;
		return this.call(() => (runsArrow(inner) ? inner.runArrow(query) : Promise.resolve(null)));
	}

	private async call<T>(run: () => Promise<T>, retried = false): Promise<T> {
		if (this.broken) await this.repair();
		this.inFlight++;
		let failure: unknown;
		try {
			return await run();
		} catch (e) {
			failure = e;
		} finally {
			if (--this.inFlight === 0) for (const wake of this.idle.splice(0)) wake();
		}
		const text = failure instanceof Error ? failure.message : String(failure);
		if (READ_FAILURE.test(text)) {
			this.broken = true;
			this.readFailure = failure;
		} else if (this.broken && !retried && LEFT_BEHIND.test(text)) {
			const cause = this.readFailure ?? failure;
			// When the file cannot be attached again (the server still failing), the cause is the failed read.
			await this.repair().catch(() => {
				throw cause;
			});
			return this.call(run, true);
		}
		throw failure;
	}

	private repair(): Promise<void> {
		this.repairing ??= (async () => {
			while (this.inFlight > 0) await new Promise<void>((wake) => this.idle.push(wake));
			try {
				await this.reattach();
				this.broken = false;
			} finally {
				this.repairing = null;
			}
		})();
		return this.repairing;
	}
}
