// The timeline's baseline band and rolling average (issue 12, section 2), as pure functions over the total per
// period. The totals are those of precisely dated incidents only (the imprecise series is left out, see
// timeline-precision.ts), and partial periods at the range's ends neither make a baseline nor get one averaged in.

/** Periods a band is computed from, and the band's width in standard deviations. */
export const BAND_PERIODS = 12;
export const BAND_SDS = 2;
/** Smallest half-width of the band: with a flat history (sd 0) one more incident than usual is not an alarm. */
export const BAND_MIN_HALF_WIDTH = 1;

export interface BandPoint {
	/** Mean of the BAND_PERIODS complete periods before this one; null when fewer than that came before. */
	mean: number | null;
	lower: number | null;
	upper: number | null;
	/** The period's total is above the band. */
	above: boolean;
}

/**
 * For each period: the mean of the 12 complete periods before it (the nearest 12, partial ones skipped), plus and
 * minus max(2 x their standard deviation, 1); `above` when the period's total exceeds the upper edge. The standard
 * deviation is the sample one (n - 1): 12 periods estimate the spread of the process, they are not all of it.
 * The lower edge is not clipped at 0 here (the chart clips what it draws).
 */
export function baselineBand(totals: readonly number[], partial: readonly boolean[] = []): BandPoint[] {
	const out: BandPoint[] = [];
	const history: number[] = [];
	for (let t = 0; t < totals.length; t++) {
		if (history.length < BAND_PERIODS) out.push({ mean: null, lower: null, upper: null, above: false });
		else {
			const window = history.slice(-BAND_PERIODS);
			const mean = window.reduce((a, b) => a + b, 0) / BAND_PERIODS;
			const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / (BAND_PERIODS - 1);
			const half = Math.max(BAND_SDS * Math.sqrt(variance), BAND_MIN_HALF_WIDTH);
			out.push({ mean, lower: mean - half, upper: mean + half, above: totals[t] > mean + half });
		}
		if (!partial[t]) history.push(totals[t]);
	}
	return out;
}

/** Periods of the rolling average by grain: 4 weeks or 3 months (none for the other grains). */
export const ROLLING_PERIODS: Readonly<Partial<Record<string, number>>> = { week: 4, month: 3 };

/**
 * Trailing mean over `k` periods ending on each one; null until k periods have passed or when one of them is
 * partial (a half-covered period would drag the line down where nothing dropped).
 */
export function rollingMean(values: readonly number[], k: number, partial: readonly boolean[] = []): (number | null)[] {
	if (!Number.isInteger(k) || k < 1) throw new Error('the rolling window must be a whole number of periods');
	return values.map((_, t) => {
		if (t + 1 < k) return null;
		let sum = 0;
		for (let j = t - k + 1; j <= t; j++) {
			if (partial[j]) return null;
			sum += values[j];
		}
		return sum / k;
	});
}

/** The band's rule in one line, for the tooltip and the panel's explanations. */
export const BAND_RULE = {
	en: 'Band: mean of the 12 complete periods before, ± 2 standard deviations (at least ± 1); above it is marked.',
	ar: 'النطاق: متوسط الفترات الاثنتي عشرة الكاملة السابقة ± انحرافين معياريين (±1 على الأقل)؛ ما يتجاوزه مُعلَّم.'
} as const;
