import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine, nodeCell } from '../../src/lib/engine/node-engine';
import { writeTinyArtifact } from '../helpers/tiny-artifact';

describe('NodeEngine over an artifact', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open({ artifact: await writeTinyArtifact() });
	});
	afterAll(() => engine.close());

	it('hands back plain values: BIGINT as number, DATE as ISO text, ENUM as text, NULL as null', async () => {
		const r = await engine.run({
			sql: 'SELECT row_count, date_min, date_max FROM rasd.meta',
			params: []
		});
		expect(r).toEqual({
			names: ['row_count', 'date_min', 'date_max'],
			columns: { row_count: [5], date_min: ['2022-12-20'], date_max: ['2023-03-31'] },
			rowCount: 1
		});
		const e = await engine.run({
			sql: 'SELECT admin1_pcode, killed FROM rasd.incidents WHERE incident_id = ?',
			params: ['synthetic:2']
		});
		expect(e.columns).toEqual({ admin1_pcode: ['SY11'], killed: [null] });
	});

	it('binds every parameter kind and reuses one prepared statement per SQL text', async () => {
		const sql =
			'SELECT count(*) AS n FROM rasd.incidents WHERE event_date >= CAST(? AS DATE) AND coalesce(killed, 0) >= CAST(? AS INTEGER) AND (? IS NULL OR perpetrator = ?)';
		const a = await engine.run({ sql, params: ['2023-01-01', 3, null, null] });
		const b = await engine.run({ sql, params: ['2023-01-01', 0, 'Group A', 'Group A'] });
		expect(a.columns.n).toEqual([2]);
		expect(b.columns.n).toEqual([2]);
	});

	it('keeps concurrent runs of the same statement apart', async () => {
		const sql = 'SELECT incident_id FROM rasd.incidents WHERE incident_id = ?';
		const ids = ['synthetic:1', 'synthetic:2', 'synthetic:3', 'manual:4', 'synthetic:5'];
		const results = await Promise.all(ids.map((id) => engine.run({ sql, params: [id] })));
		expect(results.map((r) => r.columns.incident_id[0])).toEqual(ids);
	});

	it('reports SQL errors and keeps working afterwards', async () => {
		await expect(engine.run({ sql: 'SELECT nope FROM rasd.incidents', params: [] })).rejects.toThrow(/nope/);
		const r = await engine.run({ sql: 'SELECT 1 AS one', params: [] });
		expect(r.columns.one).toEqual([1]);
	});
});

describe('nodeCell', () => {
	it('converts what node-api returns', () => {
		expect(nodeCell(12n)).toBe(12);
		expect(nodeCell(new Date(Date.UTC(2023, 0, 2)))).toBe('2023-01-02');
		expect(nodeCell(new Date(Date.UTC(2023, 0, 2, 3, 4, 5)))).toBe('2023-01-02 03:04:05');
		expect(nodeCell(undefined)).toBe(null);
		expect(nodeCell(true)).toBe(1);
	});
});
