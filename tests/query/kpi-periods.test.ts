// KPI comparison periods and the change panel's explanations (issue 12, section 2).
import { describe, expect, it } from 'vitest';
import { CHANGE_EXPLANATIONS, explainChange } from '../../src/lib/query/change-explain';
import { kpiComparison, periodDays } from '../../src/lib/query/kpi-periods';

const data = { min: '2017-01-01', max: '2025-12-31' };

describe('kpiComparison', () => {
	it('without a date filter: the last 12 months against the 12 before', () => {
		expect(kpiComparison({ from: null, to: null }, data)).toEqual({
			current: { from: '2025-01-01', to: '2025-12-31' },
			against: [{ kind: 'previous-12-months', period: { from: '2024-01-01', to: '2024-12-31' } }]
		});
		const mid = kpiComparison({ from: null, to: null }, { min: '2017-01-01', max: '2024-03-10' });
		expect(mid.current).toEqual({ from: '2023-03-11', to: '2024-03-10' });
		expect(mid.against[0].period).toEqual({ from: '2022-03-11', to: '2023-03-10' });
	});
	it('with one: the previous period of equal length, then the same period a year earlier', () => {
		const c = kpiComparison({ from: '2024-02-01', to: '2024-02-29' }, data);
		expect(c.current).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(c.against).toEqual([
			{ kind: 'previous-period', period: { from: '2024-01-03', to: '2024-01-31' } },
			{ kind: 'year-earlier', period: { from: '2023-02-01', to: '2023-02-28' } }
		]);
		expect(periodDays(c.current)).toBe(29);
		expect(periodDays(c.against[0].period)).toBe(29);
		// An open end is the data's.
		expect(kpiComparison({ from: '2025-07-01', to: null }, data).current).toEqual({ from: '2025-07-01', to: '2025-12-31' });
		expect(() => kpiComparison({ from: '2025-13-01', to: null }, data)).toThrow();
	});
});

describe('change explanations', () => {
	it('exist in English and Arabic for every figure, and fill in the weeks', () => {
		for (const [figure, text] of Object.entries(CHANGE_EXPLANATIONS)) {
			expect(text.en.length, figure).toBeGreaterThan(20);
			expect(text.ar, figure).toMatch(/[\u0600-\u06FF]/);
			expect(text.en.includes('\n') || text.ar.includes('\n'), figure).toBe(false);
		}
		expect(explainChange('baseline', 'en', 52)).toBe('Mean weekly figure of the 52 weeks before the current week.');
		expect(explainChange('baseline', 'ar', 4)).toContain('الـ4');
	});
});
