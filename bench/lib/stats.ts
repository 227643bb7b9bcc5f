// Small, pure summary statistics for timings. Percentiles use the nearest-rank method on the sorted sample, so a
// reported p95 is always a value that was actually measured (no interpolation between two runs).

/** Nearest-rank percentile (p in 0..100) of a non-empty sample; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be in 0..100, got ${p}`);
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function max(values: readonly number[]): number {
	return values.length === 0 ? Number.NaN : Math.max(...values);
}

export function sum(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

/** Geometric mean of positive values (NaN when empty or when one is not positive). */
export function geometricMean(values: readonly number[]): number {
	if (values.length === 0 || values.some((v) => !(v > 0))) return Number.NaN;
	return Math.exp(sum(values.map(Math.log)) / values.length);
}

/** Rounds for reports: 1 decimal below 100, whole numbers above. */
export function round(n: number): number {
	if (!Number.isFinite(n)) return n;
	return Math.abs(n) < 100 ? Math.round(n * 10) / 10 : Math.round(n);
}
