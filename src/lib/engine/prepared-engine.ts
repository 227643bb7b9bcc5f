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

	constructor(private readonly conn: PreparingConnection) {}

	async run(query: BoundQuery): Promise<QueryResult> {
		return arrowToResult(await this.runArrow(query));
	}

	async runArrow(query: BoundQuery): Promise<ArrowTableLike> {
		let stmt = this.statements.get(query.sql);
		if (!stmt) {
			stmt = this.conn.prepare(query.sql);
			this.statements.set(query.sql, stmt);
			// A statement that failed to prepare is not cached, so a later call reports the real error again.
			stmt.catch(() => this.statements.delete(query.sql));
		}
		return (await stmt).query(...query.params);
	}

	/** Number of cached statements (tests check the cache is keyed by SQL text). */
	get cachedStatements(): number {
		return this.statements.size;
	}

	async close(): Promise<void> {
		const all = [...this.statements.values()];
		this.statements.clear();
		await Promise.allSettled(all.map(async (s) => (await s).close()));
	}
}
