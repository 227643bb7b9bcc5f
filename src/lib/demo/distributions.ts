// Sampling helpers for the demo generator: weighted choice over a fixed table and heavy-tailed counts.
import type { Rng } from './prng';

/** Weighted choice in O(log n): cumulative weights built once, one uniform draw per pick. */
export class WeightedTable<T> {
	readonly items: readonly T[];
	private readonly cumulative: Float64Array;
	readonly total: number;

	constructor(entries: readonly (readonly [T, number])[]) {
		const kept = entries.filter(([, w]) => w > 0);
		if (kept.length === 0) throw new Error('WeightedTable needs at least one positive weight');
		this.items = kept.map(([item]) => item);
		this.cumulative = new Float64Array(kept.length);
		let sum = 0;
		kept.forEach(([, w], k) => {
			sum += w;
			this.cumulative[k] = sum;
		});
		this.total = sum;
	}

	/** Item for a uniform u in [0, 1). */
	at(u: number): T {
		const target = u * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.cumulative[mid] > target) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo];
	}

	pick(rng: Rng): T {
		return this.at(rng.next());
	}
}

/** Builds a table from a record of weights (keys in insertion order, so the table is deterministic). */
export function tableFromRecord<K extends string>(weights: Partial<Record<K, number>>): WeightedTable<K> {
	return new WeightedTable(Object.entries(weights) as [K, number][]);
}

/**
 * Discrete Pareto count >= 1: P(X >= k) ~ k^-alpha. alpha near 1 gives the long tail of mass-casualty events,
 * larger alpha keeps most events at 1-3. Capped so that one draw cannot produce an absurd figure.
 */
export function paretoCount(rng: Rng, alpha: number, cap: number): number {
	const u = 1 - rng.next();
	const k = Math.floor(Math.pow(u, -1 / alpha));
	return k > cap ? cap : k;
}

export interface CasualtyModel {
	/** Probability the figure is unknown (null: never coded as 0). */
	unknown: number;
	/** Probability of exactly 0 among known figures. */
	zero: number;
	/** Tail exponent of the non-zero figures. */
	alpha: number;
	cap: number;
}

/** null (unknown), 0, or a heavy-tailed positive count. */
export function casualtyCount(rng: Rng, model: CasualtyModel): number | null {
	if (rng.chance(model.unknown)) return null;
	if (rng.chance(model.zero)) return 0;
	return paretoCount(rng, model.alpha, model.cap);
}
