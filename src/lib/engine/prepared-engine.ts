// A QueryEngine over any connection that prepares statements and answers with Arrow tables (DuckDB-WASM's
// AsyncDuckDBConnection fits). Statements are prepared once per SQL text and reused: the builders emit a small,
// fixed set of SQL shapes, and every user value travels as a bound parameter.
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { arrowToResult, type ArrowTableLike } from './arrow-result';

export interface PreparedLike {
	query(...params: unknown[]): Promise<ArrowTableLike>;
	close(): Promise<void>;
}
export interface PreparingConnection {
	prepare(sql: string): Promise<PreparedLike>;
}

/** An engine that can also answer with the Arrow table itself, for callers that read it column-wise (the CSV
 *  export writes 100k rows straight from Arrow's buffers instead of making a JS value per cell). A wrapper whose
 *  inner engine cannot resolves null. */
export interface ArrowRunner {
	runArrow(query: BoundQuery): Promise<ArrowTableLike | null>;
}

export function runsArrow(engine: object): engine is ArrowRunner {
	return typeof (engine as Partial<ArrowRunner>).runArrow === 'function';
}

export class PreparedEngine implements QueryEngine, ArrowRunner {
	private readonly statements = new Map<string, Promise<PreparedLike>>();
	/** The statements of `statements` that have been prepared. */
	private readonly ready = new Map<string, PreparedLike>();

	constructor(private readonly conn: PreparingConnection) {}

	async run(query: BoundQuery): Promise<QueryResult> {
		return arrowToResult(await this.runArrow(query));
	}

	runArrow(query: BoundQuery): Promise<ArrowTableLike> {
		// A statement prepared before is run in this call, not after an await: the request reaches the worker before
		// the caller goes on (the page asks in a Svelte flush and then redraws; an await here sent every query only
		// once the whole flush had run).
		const ready = this.ready.get(query.sql);
		if (ready) return ready.query(...query.params);
		let stmt = this.statements.get(query.sql);
		if (!stmt) {
			const preparing = this.conn.prepare(query.sql);
			stmt = preparing;
			this.statements.set(query.sql, preparing);
			preparing.then(
				(s) => this.statements.get(query.sql) === preparing && this.ready.set(query.sql, s),
				// A statement that failed to prepare is not cached, so a later call reports the real error again.
				() => this.statements.get(query.sql) === preparing && this.statements.delete(query.sql)
			);
		}
		return stmt.then((s) => s.query(...query.params));
	}

	/** Number of cached statements (tests check the cache is keyed by SQL text). */
	get cachedStatements(): number {
		return this.statements.size;
	}

	async close(): Promise<void> {
		const all = [...this.statements.values()];
		this.statements.clear();
		this.ready.clear();
		await Promise.allSettled(all.map(async (s) => (await s).close()));
	}
}
