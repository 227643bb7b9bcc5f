// The same SQL on the same artifact in native DuckDB (@duckdb/node-api, DuckDB 1.4.4; the wasm runs 1.4.3), one
// thread, to compare with the wasm engine query by query. Each statement is prepared once (untimed, as the page's
// statements were already prepared), run once untimed to warm the buffer pool, then timed `reps` times: bind +
// execute + materialise the result (runAndReadAll), which is what the worker does before it serialises to Arrow.
import { DuckDBInstance, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import { ARTIFACT_ALIAS } from '../../src/lib/data/artifact';

export interface NativeTiming {
	ms: number[];
	rows: number;
	error: string | null;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class NativeRunner {
	private readonly statements = new Map<string, DuckDBPreparedStatement>();

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: Awaited<ReturnType<DuckDBInstance['connect']>>
	) {}

	static async open(artifact: string): Promise<NativeRunner> {
		const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
		const conn = await instance.connect();
		await conn.run('SET threads = 1');
		// The path is the benchmark's own cache file, quoted as a SQL string literal.
		await conn.run(`ATTACH ${sqlString(artifact)} AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
		return new NativeRunner(instance, conn);
	}

	/** One value of a query (bench-internal SQL with bound parameters). */
	async scalar(sql: string, params: DuckDBValue[] = []): Promise<unknown> {
		const reader = await this.conn.runAndReadAll(sql, params);
		return reader.getRowsJS()[0]?.[0] ?? null;
	}

	async time(sql: string, params: readonly unknown[], reps: number): Promise<NativeTiming> {
		try {
			let stmt = this.statements.get(sql);
			if (!stmt) {
				stmt = await this.conn.prepare(sql);
				this.statements.set(sql, stmt);
			}
			const ms: number[] = [];
			let rows = 0;
			for (let i = 0; i <= reps; i++) {
				const t0 = performance.now();
				stmt.clearBindings();
				if (params.length) stmt.bind(params as DuckDBValue[]);
				const reader = await stmt.runAndReadAll();
				const t1 = performance.now();
				rows = reader.currentRowCount;
				if (i > 0) ms.push(t1 - t0);
			}
			return { ms, rows, error: null };
		} catch (e) {
			return { ms: [], rows: 0, error: (e as Error).message };
		}
	}

	close(): void {
		this.statements.clear();
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
