// The browser path (DuckDB-WASM -> Arrow -> PreparedEngine/arrowToResult) must answer every builder exactly as
// native DuckDB does. DuckDB-WASM's Node build runs the same wasm the browser runs, offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundQuery } from '../../src/lib/query/engine';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/query/filters';
import * as sql from '../../src/lib/query/sql';
import { arrowCell } from '../../src/lib/engine/arrow-result';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { PreparedEngine, type PreparingConnection } from '../../src/lib/engine/prepared-engine';
import { connectToArtifact } from '../helpers/node-wasm';
import { writeTinyArtifact } from '../helpers/tiny-artifact';

async function wasmEngine(artifact: string): Promise<PreparedEngine> {
	const conn = await connectToArtifact(artifact);
	// The blocking connection is synchronous; the engine expects the async connection's shape.
	const asyncConn: PreparingConnection = {
		prepare: async (text) => {
			const stmt = conn.prepare(text);
			return { query: async (...params) => stmt.query(...params), close: async () => stmt.close() };
		}
	};
	return new PreparedEngine(asyncConn);
}

const views: ViewState[] = [
	DEFAULT_VIEW,
	{ ...DEFAULT_VIEW, provinces: ['SY11', 'SY09'], targets: ['Military'], from: '2023-01-01', to: '2023-12-31', grain: 'week' },
	{ ...DEFAULT_VIEW, stack: 'target', measure: 'killed', grain: 'quarter', minCasualties: 1, sort: 'killed', sortDir: 'asc' },
	{ ...DEFAULT_VIEW, q: 'مختلقة', measure: 'injured', grain: 'day', sources: ['synthetic'] }
];

function queriesFor(v: ViewState): [string, BoundQuery][] {
	return [
		['meta', sql.metaQuery()],
		['kpi', sql.kpiQuery(v, { min: '2022-12-20', max: '2023-03-31' })],
		['timeline', sql.timelineQuery(v)],
		['province', sql.provinceQuery(v)],
		['target', sql.categoryQuery(v, 'target')],
		['attack', sql.categoryQuery(v, 'attack', { ignoreOwnFilter: true })],
		['count', sql.incidentCountQuery(v)],
		['page', sql.incidentPageQuery(v, 2)],
		['detail', sql.incidentDetailQuery('synthetic:3')],
		['export', sql.exportQuery(v)],
		['perp', sql.perpetratorOptionsQuery('group', v, 10)]
	];
}

describe('DuckDB-WASM and native DuckDB agree on every builder', () => {
	let native: NodeEngine;
	let wasm: PreparedEngine;
	beforeAll(async () => {
		const artifact = await writeTinyArtifact();
		native = await NodeEngine.open({ artifact });
		wasm = await wasmEngine(artifact);
	});
	afterAll(() => native.close());

	views.forEach((v, i) => {
		it(`view ${i}`, async () => {
			for (const [name, q] of queriesFor(v)) {
				const [a, b] = await Promise.all([native.run(q), wasm.run(q)]);
				expect(b, name).toEqual(a);
				for (const col of Object.values(b.columns)) for (const x of col) expect(typeof x === 'bigint', name).toBe(false);
			}
		});
	});

	it('found rows (the comparison is not between two empty answers)', async () => {
		const v = views[1];
		const kpi = await wasm.run(sql.kpiQuery(v, { min: '2022-12-20', max: '2023-03-31' }));
		expect(kpi.columns.incidents).toEqual([2]);
		expect(kpi.columns.killed).toEqual([10]);
		const page = await wasm.run(sql.incidentPageQuery(views[0], 50));
		expect(page.rowCount).toBe(5);
		expect(page.columns.event_date[0]).toBe('2023-03-31');
	});

	it('prepares each SQL text once', async () => {
		const before = wasm.cachedStatements;
		await wasm.run(sql.incidentDetailQuery('synthetic:1'));
		await wasm.run(sql.incidentDetailQuery('manual:4'));
		expect(wasm.cachedStatements).toBe(before);
	});
});

describe('arrowCell', () => {
	const field = (typeId: number, scale?: number) => ({ name: 'x', type: { typeId, scale } });
	it('converts Arrow values to contract cells', () => {
		expect(arrowCell(5n, field(2))).toBe(5);
		expect(arrowCell(Date.UTC(2023, 1, 3), field(8))).toBe('2023-02-03');
		expect(arrowCell(Date.UTC(2023, 1, 3, 4, 5, 6), field(10))).toBe('2023-02-03 04:05:06');
		expect(arrowCell(15, field(7, 1))).toBe(1.5);
		expect(arrowCell(null, field(5))).toBe(null);
		expect(arrowCell('SY11', field(-1))).toBe('SY11');
	});
});
