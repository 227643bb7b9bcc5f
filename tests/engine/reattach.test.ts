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
			if (query.sql.startsWith('corrupt') && !log.includes('reattach')) throw new Error('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2');
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

	it('runs a query that met the block a failed read left behind again after the repair, once', async () => {
		const { engine, log, gates } = fake();
		const slow = engine.run(q('slow 1'));
		const failed = engine.run(q('http'));
		const corrupt = engine.run(q('corrupt a'));
		await expect(failed).rejects.toThrow(/500/);
		gates.get('slow 1')!();
		await expect(corrupt).resolves.toEqual(ok);
		await slow;
		expect(log.filter((l) => l === 'run corrupt a')).toHaveLength(2);
		expect(log.indexOf('reattach')).toBeLessThan(log.lastIndexOf('run corrupt a'));
	});

	it('reports a corrupt file as it is when no read has failed (nothing to repair)', async () => {
		const { engine, log } = fake();
		await expect(engine.run(q('corrupt b'))).rejects.toThrow(/Corrupt/);
		expect(log).toEqual(['run corrupt b']);
	});
});
