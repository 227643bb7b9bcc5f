// Escalation episodes: a few days or weeks in which one governorate's incident rate jumps, so that the change panel
// (issue 12) has something to find in the demo data. The month-long escalations of timeline.ts spread evenly over
// their months; an episode raises only its own days. For each (governorate, month) cell an episode touches, the
// cell's weight grows by the episode's extra incident-days and the day of the month is drawn from weights that are
// `factor` on the episode's days and 1 elsewhere. Other cells draw their day exactly as before (one uniform draw,
// 1 + floor(u * days)), so rows outside the episodes keep their days.
import { WeightedTable } from './distributions';
import type { Rng } from './prng';
import { DEMO_FIRST_YEAR, DEMO_MONTHS } from './timeline';

export interface Episode {
	name: string;
	pcode: string;
	/** Inclusive days 'YYYY-MM-DD' inside the demo range. */
	from: string;
	to: string;
	/** Multiplier of the governorate's daily incident rate on those days. */
	factor: number;
}

/**
 * Ending on the demo's last day (2025-12-31, the reference day R of the panel with no date filter), each aimed at
 * one of the rules: a one-week surge, a four-week rise (threat without a weekly jump), a month-long rise in a
 * governorate whose killed total has no higher 30 days in three years, and a small governorate's sudden week.
 */
export const EPISODES: readonly Episode[] = [
	{ name: 'Deir-ez-Zor raids (surge)', pcode: 'SY09', from: '2025-12-25', to: '2025-12-31', factor: 4 },
	{ name: "Dar'a unrest (threat)", pcode: 'SY12', from: '2025-12-04', to: '2025-12-31', factor: 3 },
	// Starting on a Monday a week after the 30-day window's first day (a week-precision incident sits on its week's
	// Monday) and rising to the end, so that no window ending a few days before R, which overlaps it, beats it.
	{ name: 'Al-Hasakeh fighting (highest in 3 years)', pcode: 'SY08', from: '2025-12-08', to: '2025-12-24', factor: 10 },
	{ name: 'Al-Hasakeh fighting, last week', pcode: 'SY08', from: '2025-12-25', to: '2025-12-31', factor: 14 },
	{ name: 'Tartous attacks (from a low baseline)', pcode: 'SY10', from: '2025-12-25', to: '2025-12-31', factor: 10 }
];

const DAY = 86_400_000;
const parts = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))] as const;

/** Day weights of the cells the episodes touch, keyed by cell (governorate index * DEMO_MONTHS + month index). */
export class EpisodeDays {
	private readonly tables = new Map<number, WeightedTable<number>>();
	private readonly scale = new Map<number, number>();

	constructor(pcodes: readonly string[], episodes: readonly Episode[] = EPISODES) {
		const weights = new Map<number, number[]>();
		for (const e of episodes) {
			const g = pcodes.indexOf(e.pcode);
			if (g < 0) throw new Error(`episode ${e.name}: ${e.pcode} is not a demo governorate`);
			const [y0, m0, d0] = parts(e.from);
			const [y1, m1, d1] = parts(e.to);
			for (let t = Date.UTC(y0, m0 - 1, d0); t <= Date.UTC(y1, m1 - 1, d1); t += DAY) {
				const day = new Date(t);
				const m = (day.getUTCFullYear() - DEMO_FIRST_YEAR) * 12 + day.getUTCMonth();
				if (m < 0 || m >= DEMO_MONTHS) throw new Error(`episode ${e.name} leaves the demo range`);
				const cell = g * DEMO_MONTHS + m;
				let w = weights.get(cell);
				if (!w) weights.set(cell, (w = new Array(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate()).fill(1)));
				w[day.getUTCDate() - 1] *= e.factor;
			}
		}
		for (const [cell, w] of weights) {
			this.tables.set(cell, new WeightedTable(w.map((x, k) => [k + 1, x] as const)));
			this.scale.set(cell, w.reduce((a, b) => a + b, 0) / w.length);
		}
	}

	/** Multiplier of a cell's monthly weight: its mean day weight (1 for cells without an episode). */
	cellFactor(cell: number): number {
		return this.scale.get(cell) ?? 1;
	}

	/** Day of the month (1-based) for a row in `cell`; one draw from r either way. */
	day(r: Rng, cell: number, daysInMonth: number): number {
		const table = this.tables.get(cell);
		return table ? table.pick(r) : 1 + r.int(daysInMonth);
	}
}
