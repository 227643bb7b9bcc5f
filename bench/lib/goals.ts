// The goals for this machine kind (2 cores, headless Chromium), per size. A set is judged against the
// row of the smallest goal size that holds it (the real union set, tens of thousands of rows, against 200k).
export interface Goal {
	rows: number;
	firstChartMs: number;
	interactiveMs: number;
	filterP95Ms: number;
	csvExportMs: number;
	memoryMB: number;
}

export const GOALS: readonly Goal[] = [
	{ rows: 200_000, firstChartMs: 500, interactiveMs: 1_500, filterP95Ms: 50, csvExportMs: 1_000, memoryMB: 1_024 },
	{ rows: 1_000_000, firstChartMs: 500, interactiveMs: 2_000, filterP95Ms: 80, csvExportMs: 1_000, memoryMB: 1.2 * 1_024 },
	{ rows: 3_000_000, firstChartMs: 600, interactiveMs: 2_500, filterP95Ms: 150, csvExportMs: 1_500, memoryMB: 1.5 * 1_024 },
	{ rows: 10_000_000, firstChartMs: 800, interactiveMs: 5_000, filterP95Ms: 400, csvExportMs: 3_000, memoryMB: 2.5 * 1_024 }
];

/** Every dashboard query at or below this wasm/native time ratio. */
export const WASM_NATIVE_GOAL = 1.5;

/** The goal row a set of `rows` is judged by (the largest row beyond 10M, flagged by the caller). */
export function goalFor(rows: number): Goal {
	return GOALS.find((g) => rows <= g.rows) ?? GOALS[GOALS.length - 1];
}

export interface GoalCheck {
	goal: number;
	value: number | null;
	met: boolean;
}

export interface GoalFigures {
	firstChartMs: number;
	interactiveMs: number;
	filterP95Ms: number;
	csvExportMs: number | null;
	peakMemoryMB: number;
	peakPssMB: number;
	wasmNativeRatio: number;
}

export function checkGoals(rows: number, f: GoalFigures): Record<string, GoalCheck> {
	const g = goalFor(rows);
	const check = (value: number | null, goal: number): GoalCheck => ({ goal, value, met: value !== null && Number.isFinite(value) && value <= goal });
	return {
		firstChart: check(f.firstChartMs, g.firstChartMs),
		interactive: check(f.interactiveMs, g.interactiveMs),
		filterP95: check(f.filterP95Ms, g.filterP95Ms),
		csvExport: check(f.csvExportMs, g.csvExportMs),
		memoryRss: check(f.peakMemoryMB, g.memoryMB),
		memoryPss: check(f.peakPssMB, g.memoryMB),
		wasmNative: check(f.wasmNativeRatio, WASM_NATIVE_GOAL)
	};
}
