// The IN-list placeholders are padded so that filters of similar length share one prepared statement.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Params } from '../../src/lib/query/params';
import { DEFAULT_VIEW } from '../../src/lib/query/filters';
import { incidentCountQuery } from '../../src/lib/query/sql';

describe('Params.list', () => {
	it('pads to the next power of two with the last value, so the set is unchanged', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 70 }), (values) => {
				const p = new Params();
				const sql = p.list(values);
				const n = sql.split(',').length;
				expect(n).toBeGreaterThanOrEqual(values.length);
				expect(n & (n - 1)).toBe(0); // a power of two
				expect(n).toBeLessThan(Math.max(2, values.length * 2));
				expect(p.values.slice(0, values.length)).toEqual(values);
				expect(new Set(p.values)).toEqual(new Set(values));
			})
		);
	});

	it('gives provinces lists of 3 and 4 the same statement text, and 5 another', () => {
		const sqlOf = (provinces: string[]) => incidentCountQuery({ ...DEFAULT_VIEW, provinces }).sql;
		const four = sqlOf(['SY01', 'SY02', 'SY03', 'SY04']);
		expect(sqlOf(['SY01', 'SY02', 'SY03'])).toBe(four);
		expect(sqlOf(['SY01', 'SY02', 'SY03', 'SY04', 'SY05'])).not.toBe(four);
	});
});
