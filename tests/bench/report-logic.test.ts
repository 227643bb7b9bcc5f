// Pure parts of the benchmark: worker-time attribution, replay selection, goals, wasm/native aggregation.
import { describe, expect, it } from 'vitest';
import { processTimes, replayItems, tally, type ProbeMessage } from '../../bench/lib/probe';
import { checkGoals, goalFor, GOALS } from '../../bench/lib/goals';
import { byKind, compareQueries } from '../../bench/lib/report';

const msg = (id: number, type: string, sentAt: number, repliedAt: number | null, extra: Partial<ProbeMessage> = {}): ProbeMessage => ({
	id,
	type,
	sentAt,
	repliedAt,
	reply: repliedAt === null ? null : 'QUERY_RESULT',
	bytes: null,
	conn: 1,
	stmt: null,
	sql: null,
	params: null,
	...extra
});

describe('bench report logic', () => {
	it('attributes worker time in FIFO order: a queued request starts when the previous reply left', () => {
		// Three requests posted together at t=0; the worker answers at 10, 25 and 26.
		const times = processTimes([msg(2, 'RUN_PREPARED', 0, 10), msg(3, 'RUN_PREPARED', 0, 25), msg(4, 'RUN_PREPARED', 1, 26), msg(5, 'RUN_PREPARED', 30, null)]);
		expect([...times.entries()]).toEqual([
			[2, 10],
			[3, 15],
			[4, 1]
		]);
		// A request sent after the worker went idle is timed from its own send.
		expect(processTimes([msg(1, 'RUN_PREPARED', 0, 5), msg(2, 'RUN_PREPARED', 100, 140)]).get(2)).toBe(40);
	});

	it('replays each distinct statement + parameters once, only answered dashboard queries', () => {
		const sql = '/* rasd:count */ SELECT count(*)::INTEGER AS n FROM rasd.incidents AS i WHERE (i.admin1_pcode IN (?))';
		const items = replayItems([
			msg(1, 'RUN_QUERY', 0, 1, { sql: "ATTACH 'rasd.duckdb' AS rasd (READ_ONLY)" }),
			msg(2, 'RUN_PREPARED', 1, 2, { stmt: 7, sql, params: ['SY02'] }),
			msg(3, 'RUN_PREPARED', 3, 4, { stmt: 7, sql, params: ['SY02'] }),
			msg(4, 'RUN_PREPARED', 5, 6, { stmt: 7, sql, params: ['SY07'] }),
			msg(5, 'RUN_PREPARED', 7, null, { stmt: 7, sql, params: ['SY09'] })
		]);
		expect(items.map((i) => i.params)).toEqual([['SY02'], ['SY07']]);
		expect(items.every((i) => i.kind === 'count' && i.stmt === 7 && i.conn === 1)).toBe(true);
	});

	it('tallies repeated page errors', () => {
		expect(tally(['a', 'b', 'a', 'a'])).toEqual(['a (x3)', 'b']);
	});

	it('judges a set by the smallest goal row that holds it', () => {
		expect(goalFor(53_835).rows).toBe(200_000);
		expect(goalFor(200_000).rows).toBe(200_000);
		expect(goalFor(200_001).rows).toBe(1_000_000);
		expect(goalFor(50_000_000).rows).toBe(GOALS.at(-1)!.rows);
		const g = checkGoals(1_000_000, {
			firstChartMs: 400,
			interactiveMs: 2_500,
			filterP95Ms: 80,
			csvExportMs: null,
			peakMemoryMB: 1_300,
			peakPssMB: 900,
			wasmNativeRatio: 1.5
		});
		expect(g.firstChart).toEqual({ goal: 500, value: 400, met: true });
		expect(g.interactive.met).toBe(false);
		expect(g.filterP95.met).toBe(true); // at the goal is met
		expect(g.csvExport.met).toBe(false); // not measured is not met
		expect(g.memoryRss.met).toBe(false);
		expect(g.memoryPss.met).toBe(true);
		expect(g.wasmNative.met).toBe(true);
	});

	it('compares medians per query and sums per kind; failed queries are left out', () => {
		const replay = [
			{ kind: 'timeline' as const, sql: 'a', params: [], wasmMs: [30, 10, 20], bytes: 100, error: null },
			{ kind: 'timeline' as const, sql: 'b', params: [1], wasmMs: [40, 40, 40], bytes: 100, error: null },
			{ kind: 'rows' as const, sql: 'c', params: [], wasmMs: [], bytes: null, error: 'boom' }
		];
		const native = [
			{ ms: [10, 10, 10], rows: 1, error: null },
			{ ms: [20, 30, 10], rows: 1, error: null },
			{ ms: [5], rows: 1, error: null }
		];
		const q = compareQueries(replay, native);
		expect(q.map((x) => [x.wasmMs, x.nativeMs, x.ratio, x.wasmMinMs, x.nativeMinMs])).toEqual([
			[20, 10, 2, 10, 10],
			[40, 20, 2, 40, 10]
		]);
		expect(byKind(q)).toEqual({ timeline: { queries: 2, wasmMs: 60, nativeMs: 30, ratio: 2, maxRatio: 2 } });
	});
});
