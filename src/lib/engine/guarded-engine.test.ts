// The guard that gives every engine call a bounded outcome: a stopped engine (its worker failed) rejects the calls
// it was answering and every later one, instead of leaving them pending forever as AsyncDuckDB does.
import { describe, expect, it } from 'vitest';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';
import { EngineError } from './engine-errors';
import { GuardedEngine, isStoppable } from './guarded-engine';

const Q: BoundQuery = { sql: 'SELECT 1', params: [] };
const ONE: QueryResult = { names: ['n'], columns: { n: [1] }, rowCount: 1 };

/** An engine whose answers the test releases by hand (or never, like a dead worker). */
class HandEngine implements QueryEngine {
	waiting: { resolve: (r: QueryResult) => void; reject: (e: unknown) => void }[] = [];
	run(): Promise<QueryResult> {
		return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
	}
}

const settled = <T>(p: Promise<T>) => p.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));

describe('GuardedEngine', () => {
	it('passes answers through', async () => {
		const inner = new HandEngine();
		const engine = new GuardedEngine(inner);
		const p = engine.run(Q);
		inner.waiting[0].resolve(ONE);
		expect(await p).toEqual(ONE);
		expect(engine.pendingCount).toBe(0);
	});

	it('explains a failed query', async () => {
		const inner = new HandEngine();
		const engine = new GuardedEngine(inner);
		const p = settled(engine.run(Q));
		inner.waiting[0].reject(new Error('Invalid Error: tried to read past the end'));
		const r = await p;
		expect(r.ok).toBe(false);
		expect((r as { e: EngineError }).e.kind).toBe('artifact-truncated');
	});

	it('stop() rejects every pending call and every later one; `stopped` says why', async () => {
		const inner = new HandEngine();
		const engine = new GuardedEngine(inner);
		expect(isStoppable(engine)).toBe(true);
		const pending = [settled(engine.run(Q)), settled(engine.run(Q)), settled(engine.run(Q))];
		expect(engine.pendingCount).toBe(3);
		engine.stop(new Error('the DuckDB worker failed: Uncaught RuntimeError: unreachable'));
		for (const r of await Promise.all(pending)) {
			expect(r.ok).toBe(false);
			expect((r as { e: EngineError }).e.kind).toBe('stopped');
			expect(String((r as { e: EngineError }).e.message)).toMatch(/^the DuckDB worker could not run \(the DuckDB worker failed: Uncaught RuntimeError: unreachable\)$/);
		}
		expect(engine.pendingCount).toBe(0);
		await expect(engine.run(Q)).rejects.toMatchObject({ kind: 'stopped' });
		expect((await engine.stopped).kind).toBe('stopped');
		// The inner engine's late answer changes nothing.
		inner.waiting[0].resolve(ONE);
		expect(engine.isStopped).toBe(true);
	});

	it('stop() is idempotent and an engine that throws synchronously still rejects', async () => {
		const engine = new GuardedEngine({
			run: () => {
				throw new Error('boom');
			}
		});
		await expect(engine.run(Q)).rejects.toMatchObject({ kind: 'query', message: 'boom' });
		engine.stop('first');
		engine.stop('second');
		expect((await engine.stopped).message).toMatch(/first/);
	});

	it('a plain engine is not stoppable', () => {
		expect(isStoppable({ run: async () => ONE })).toBe(false);
	});
});
