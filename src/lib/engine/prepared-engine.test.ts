import { describe, expect, it } from 'vitest';
import type { ArrowTableLike } from './arrow-result';
import { PreparedEngine, type PreparedLike } from './prepared-engine';

/** A connection that logs what reaches the "worker": prepares, and runs with their parameters. */
function fakeConnection(failSql?: string) {
	const log: string[] = [];
	const table = { numRows: 0, schema: { fields: [] }, getChild: () => null } as unknown as ArrowTableLike;
	return {
		log,
		prepare(sql: string): Promise<PreparedLike> {
			log.push(`prepare ${sql}`);
			if (sql === failSql) return Promise.reject(new Error(`bad sql ${sql}`));
			return Promise.resolve({
				query: (...params: unknown[]) => {
					log.push(`run ${sql} ${JSON.stringify(params)}`);
					return Promise.resolve(table);
				},
				close: () => Promise.resolve()
			});
		}
	};
}

describe('PreparedEngine', () => {
	it('runs a statement prepared before within the call, before the caller goes on', async () => {
		const conn = fakeConnection();
		const engine = new PreparedEngine(conn);
		await engine.runArrow({ sql: 'A', params: [1] });
		expect(conn.log).toEqual(['prepare A', 'run A [1]']);
		// No await between the call and the request: the run is logged before the next line runs.
		const pending = engine.runArrow({ sql: 'A', params: [2] });
		expect(conn.log.at(-1)).toBe('run A [2]');
		await pending;
		// A new shape is prepared once, then run.
		const b = engine.runArrow({ sql: 'B', params: [] });
		expect(conn.log.at(-1)).toBe('prepare B');
		await b;
		expect(conn.log.at(-1)).toBe('run B []');
		expect(engine.cachedStatements).toBe(2);
	});

	it('shares one prepare between concurrent first calls and forgets a statement that failed to prepare', async () => {
		const conn = fakeConnection('BAD');
		const engine = new PreparedEngine(conn);
		await Promise.all([engine.runArrow({ sql: 'A', params: [1] }), engine.runArrow({ sql: 'A', params: [2] })]);
		expect(conn.log.filter((l) => l.startsWith('prepare'))).toEqual(['prepare A']);
		await expect(engine.runArrow({ sql: 'BAD', params: [] })).rejects.toThrow('bad sql BAD');
		await expect(engine.runArrow({ sql: 'BAD', params: [] })).rejects.toThrow('bad sql BAD');
		expect(conn.log.filter((l) => l === 'prepare BAD')).toHaveLength(2);
		expect(engine.cachedStatements).toBe(1);
		await engine.close();
		expect(engine.cachedStatements).toBe(0);
		await engine.runArrow({ sql: 'A', params: [3] });
		expect(conn.log.filter((l) => l === 'prepare A')).toHaveLength(2);
	});
});
