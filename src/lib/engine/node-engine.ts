// QueryEngine over native DuckDB (@duckdb/node-api): the build script uses it to precompute the default view and
// tests use it to run the same builders' SQL the browser runs. Node only; never imported by browser code.
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { ARTIFACT_ALIAS } from '../data/artifact';

export type Cell = string | number | null;

/** node-api's JS values as contract cells: BIGINT/HUGEINT arrive as bigint, DATE/TIMESTAMP as Date (UTC). */
export function nodeCell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
	}
	return String(value);
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface NodeEngineOptions {
	/** A DuckDB database file (the browser artifact) attached read-only under the alias `rasd`. */
	artifact?: string;
	/** Statements run once after opening (tests use them to create tables from fixtures). */
	setup?: string[];
	threads?: number;
}

export class NodeEngine implements QueryEngine {
	private readonly statements = new Map<string, Promise<DuckDBPreparedStatement>>();
	/** bind + run on a prepared statement is stateful: runs are chained so two callers never interleave. */
	private queue: Promise<unknown> = Promise.resolve();

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}

	static async open(options: NodeEngineOptions = {}): Promise<NodeEngine> {
		const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 1) });
		const conn = await instance.connect();
		// The path comes from the deployer or a test, not from a page visitor; it is quoted as a SQL string.
		if (options.artifact) await conn.run(`ATTACH ${sqlString(options.artifact)} AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
		for (const sql of options.setup ?? []) await conn.run(sql);
		return new NodeEngine(instance, conn);
	}

	run(query: BoundQuery): Promise<QueryResult> {
		const next = this.queue.then(() => this.runNow(query));
		this.queue = next.catch(() => undefined);
		return next;
	}

	private async runNow(query: BoundQuery): Promise<QueryResult> {
		let stmt = this.statements.get(query.sql);
		if (!stmt) {
			stmt = this.conn.prepare(query.sql);
			this.statements.set(query.sql, stmt);
			stmt.catch(() => this.statements.delete(query.sql));
		}
		const prepared = await stmt;
		prepared.clearBindings();
		if (query.params.length > 0) prepared.bind(query.params);
		const reader = await prepared.runAndReadAll();
		const names = reader.columnNames();
		const raw = reader.getColumnsObjectJS();
		const columns: Record<string, Cell[]> = {};
		for (const name of names) columns[name] = (raw[name] ?? []).map(nodeCell);
		return { names, columns, rowCount: reader.currentRowCount };
	}

	close(): void {
		this.statements.clear();
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
