// A second, deliberately plain implementation of issue 12's change rules over incident rows, written from the
// issue's text without SQL and without src/lib/query/change-levels.ts: day arithmetic in UTC, one array of weekly
// sums per unit, a 30-day loop per window end. The tests compare its CSV with the builder's, unit by unit.
import type { Incident } from '../../src/lib/data/schema';

export type RefMeasure = 'incidents' | 'killed';
export interface RefOptions {
	/** The unit of a row (p-code, else name, else '(unknown)'). */
	unit: (r: Incident) => string;
	/** The reference day, or null: the newest date of the rows. */
	reference: string | null;
	/** 4 or 52 baseline weeks. */
	weeks: 4 | 52;
	measure: RefMeasure;
	/** 'week': incidents dated only to the month or year are left out (and counted); 'any': all count. */
	precision: 'week' | 'any';
}

export interface RefRow {
	unit: string;
	current: number;
	baselineSum: number;
	level: string;
	surge: boolean;
	threat: boolean;
	highestYears: number;
	imprecise: number;
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const daysBack = (date: string, ref: string) => Math.round((utc(ref) - utc(date)) / DAY);

const LEVEL_ORDER = ['large increase', 'moderate increase', 'limited change', 'large decrease'];

export function refChangeRows(rows: readonly Incident[], o: RefOptions): RefRow[] {
	if (rows.length === 0) return [];
	const ref = o.reference ?? rows.reduce((m, r) => (r.event_date > m ? r.event_date : m), rows[0].event_date);
	const perUnit = new Map<string, { weeks: number[]; killedByDay: number[]; seen: boolean; imprecise: number }>();
	for (const r of rows) {
		const back = daysBack(r.event_date, ref);
		if (back < 0) continue; // after R
		const key = o.unit(r);
		let u = perUnit.get(key);
		if (!u) perUnit.set(key, (u = { weeks: new Array(56).fill(0), killedByDay: new Array(1200).fill(0), seen: false, imprecise: 0 }));
		const week = Math.floor(back / 7);
		if (week < 56) u.seen = true;
		if (o.precision === 'week' && r.date_precision !== 'day' && r.date_precision !== 'week') {
			if (week < 56) u.imprecise++;
			continue;
		}
		if (week < 56) u.weeks[week] += o.measure === 'incidents' ? 1 : (r.killed ?? 0);
		if (back < 1200) u.killedByDay[back] += r.killed ?? 0;
	}
	const out: (RefRow & { excess: number })[] = [];
	for (const [unit, u] of perUnit) {
		if (!u.seen) continue;
		const current = u.weeks[0];
		const sumOf = (from: number, to: number) => u.weeks.slice(from, to + 1).reduce((a, b) => a + b, 0);
		const s = sumOf(1, o.weeks);
		const baseline = s / o.weeks;
		// change = (current - baseline) / baseline = (current * weeks - s) / s: compared as whole numbers.
		const num = current * o.weeks - s;
		let level: string;
		if (s === 0 && current > 5) level = 'large increase';
		else if (baseline <= 2 && current <= 5) level = 'limited change';
		else if (num * 100 > 25 * s) level = 'large increase';
		else if (num * 100 >= 10 * s) level = 'moderate increase';
		else if (num * 100 >= -25 * s) level = 'limited change';
		else level = 'large decrease';
		const s4 = sumOf(1, 4);
		const surge = s4 >= 4 && current * 4 >= 2 * s4;
		const recent = sumOf(0, 3);
		const before = sumOf(4, 55);
		const threat = recent > 0 && recent * 52 >= 2 * before * 4;
		const total30 = (end: number) => {
			let t = 0;
			for (let d = end; d < end + 30; d++) t += u.killedByDay[d];
			return t;
		};
		const now = total30(0);
		const highestIn = (days: number) => {
			for (let end = 1; end < days; end++) if (total30(end) > now) return false;
			return now >= 100;
		};
		const highestYears = highestIn(1096) ? 3 : highestIn(366) ? 1 : 0;
		out.push({ unit, current, baselineSum: s, level, surge, threat, highestYears, imprecise: u.imprecise, excess: num });
	}
	out.sort(
		(a, b) =>
			LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
			b.excess - a.excess ||
			(a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
	);
	return out.map(({ excess: _excess, ...row }) => row);
}

/** The CSV of reference rows: baseline to 2 decimals, change_pct to 1 (empty when the baseline is 0). */
export function refChangeCsv(rows: readonly RefRow[], weeks: number): string {
	const fixed = (x: number, d: number) => {
		const s = Math.abs(x).toFixed(d).replace(/\.?0+$/, '');
		return x < 0 && s !== '0' ? `-${s}` : s;
	};
	const lines = ['unit,current,baseline,change_pct,level,surge,threat,highest_years'];
	for (const r of rows) {
		const baseline = r.baselineSum / weeks;
		// (c - b) / b = (c * weeks - s) / s: one division of exact whole numbers, so an exact tie such as 306.25 %
		// (c 10, s 128 over 52 weeks) rounds as a tie rather than as the 306.2499... of (c - b) / b in floating point.
		const pct = r.baselineSum === 0 ? '' : fixed(((r.current * weeks - r.baselineSum) * 100) / r.baselineSum, 1);
		const unit = /[",\r\n]/.test(r.unit) ? `"${r.unit.replace(/"/g, '""')}"` : r.unit;
		lines.push([unit, r.current, fixed(baseline, 2), pct, r.level, r.surge, r.threat, r.highestYears].join(','));
	}
	return lines.map((l) => `${l}\r\n`).join('');
}
