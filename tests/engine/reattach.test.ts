// The engine re-attaches the data file once after a failed read, before the next query, never under a running one.
import { describe, expect, it } from 'vitest';
import type { BoundQuery, QueryResult } from '../../src/lib/query/engine';
import { ReattachingEngine } from '../../src/lib/engine/reattach';

const ok: QueryResult = { names: ['n'], columns: { n: [1] }, rowCount: 1 };
const q = (sql: string): BoundQuery => ({ sql, params: [] });

function fake() {
	const log: string[] = [];
	const gates = new Map<string, () => void>();
	const inner = {
		async run(query: BoundQuery): Promise<QueryResult> {
			log.push(`run ${query.sql}`);
			if (query.sql.startsWith('slow')) await new Promise<void>((go) => gates.set(query.sql, go));
			if (query.sql === 'http') throw new Error('Range request for x failed with error: non-success status: 500');
			if (query.sql === 'bad sql') throw new Error('Parser Error: syntax error');
			log.push(`done ${query.sql}`);
			return ok;
		},
		async runArrow() {
			return null;
		}
	};
	const engine = new ReattachingEngine(inner, async () => {
		log.push('reattach');
	});
	return { engine, log, gates };
}

describe('ReattachingEngine', () => {
	it('re-attaches once after a failed read, before the next query', async () => {
		const { engine, log } = fake();
		await expect(engine.run(q('http'))).rejects.toThrow(/500/);
		await Promise.all([engine.run(q('a')), engine.run(q('b'))]);
		await engine.run(q('c'));
		expect(log).toEqual(['run http', 'reattach', 'run a', 'done a', 'run b', 'done b', 'run c', 'done c']);
	});

	it('does not re-attach after an error in the query itself', async () => {
		const { engine, log } = fake();
		await expect(engine.run(q('bad sql'))).rejects.toThrow(/Parser/);
		await engine.run(q('a'));
		expect(log).not.toContain('reattach');
	});

	it('waits for queries still running before it detaches', async () => {
		const { engine, log, gates } = fake();
		const slow = engine.run(q('slow 1'));
		await expect(engine.run(q('http'))).rejects.toThrow();
		const next = engine.run(q('a'));
		await new Promise((r) => setTimeout(r, 5));
		expect(log).not.toContain('reattach');
		gates.get('slow 1')!();
		await Promise.all([slow, next]);
		expect(log.indexOf('done slow 1')).toBeLessThan(log.indexOf('reattach'));
		expect(log.indexOf('reattach')).toBeLessThan(log.indexOf('run a'));
	});
});
