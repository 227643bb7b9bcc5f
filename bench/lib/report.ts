// Turns one session's raw measurements into the record of a size (the JSON the issue asks for, plus the detail
// that explains it), prints the table, and writes the results file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Artifact } from './artifacts';
import type { LoadTimes, ReplayedQuery, SessionResult, StepResult } from './browser';
import type { Dataset } from './datasets';
import { checkGoals, goalFor, type GoalCheck } from './goals';
import type { Machine } from './machine';
import type { NativeTiming } from './native';
import { geometricMean, max, median, percentile, round, sum } from './stats';

export interface QueryComparison {
	kind: string;
	params: unknown[];
	/** Medians of the timed runs. */
	wasmMs: number;
	nativeMs: number;
	ratio: number;
	/** Fastest runs: a high median with a low minimum points at a stall (GC, load), not at the engine. */
	wasmMinMs: number;
	nativeMinMs: number;
	resultBytes: number | null;
}

export interface KindComparison {
	queries: number;
	wasmMs: number;
	nativeMs: number;
	/** Sum of wasm medians over sum of native medians. */
	ratio: number;
	/** Worst single query of this kind. */
	maxRatio: number;
}

export interface BenchRecord {
	label: string;
	kind: 'demo' | 'real';
	rows: number;
	seed: number | null;
	measuredAt: string;
	firstChartMs: number;
	interactiveMs: number;
	filterP50Ms: number;
	filterP95Ms: number;
	filterMaxMs: number;
	csvExportMs: number | null;
	csvRows: number | null;
	/** Peak summed RSS of the Chromium processes during load, interactions and export (shared pages counted once
	 *  per process; the replay and warm reloads that follow are the benchmark's own and are left out). */
	peakMemoryMB: number;
	/** Peak summed PSS (shared pages split between processes). */
	peakPssMB: number;
	artifactMB: number;
	/** buildArtifact() seconds. */
	buildS: number;
	/** Sum of wasm over sum of native (one thread) over every distinct query of the script. */
	wasmNativeRatio: number;
	/** Geometric mean of the per-query ratios (small queries weigh as much as large ones). */
	wasmNativeGeoMean: number;
	detail: {
		interactions: number;
		skipped: { step: number; name: string; reason: string }[];
		filterFrameP95Ms: number;
		warmFirstChartMs: number | null;
		warmInteractiveMs: number | null;
		buildCached: boolean;
		datasetSeconds: number | null;
		viewAssetsS: number;
		/** MB of the artifact the page read over HTTP in the whole session (range requests). */
		artifactReadMB: number;
		startup: Record<string, number | null>;
		startupResources: LoadTimes['resources'];
		startupQueries: LoadTimes['queries'];
		/** MB of the artifact read until interactive on the cold load. */
		startupReadMB: number | null;
		/** MB of the artifact read over HTTP by the second visit (the first warm load), until interactive: what the
		 *  caches kept from the first visit (and its interactions) is not read again; the goal is 0. */
		warmReadMB: number | null;
		/** The same for every warm load, in order. */
		warmReadsMB: (number | null)[];
		/** Milestones of each warm load (same browser, HTTP cache filled). */
		warmStartup: Record<string, number | null>[];
		/** Where a filter change's time goes (medians over the timed steps). */
		filterPhasesP50Ms: { beforeQueries: number; queries: number; afterQueries: number };
		/** Median latency per interaction kind. */
		latencyByStepKindP50Ms: Record<string, number>;
		/** Worker time summed per query kind over all timed steps, and its share of all worker time. */
		workerMsByQueryKind: Record<string, { ms: number; share: number }>;
		export: { queryMs: number | null; formatMs: number | null; bytes: number | null } | null;
		wasmNativeByKind: Record<string, KindComparison>;
		queries: QueryComparison[];
		memoryPhases: SessionResult['memory']['phases'];
		memorySamplerCpuMs: number;
		steps: StepResult[];
		/** 1-minute load average when this set's browser session started and when its native timing ended. */
		loadAverage: { start: number; end: number };
		goalRows: number;
		goals: Record<string, GoalCheck>;
		pageErrors: string[];
		foreignRequests: string[];
		errors: string[];
	};
}

const r1 = (n: number | null | undefined) => (n === null || n === undefined ? null : round(n));
const milestones = (l: LoadTimes) => Object.fromEntries(Object.entries(l.milestones).map(([k, v]) => [k, r1(v)]));

/** Phases whose memory is the app's own; the replay and the warm reloads are the benchmark's doing. */
export const APP_PHASES = ['load', 'interactions', 'export'] as const;

export function compareQueries(replay: readonly ReplayedQuery[], native: readonly NativeTiming[]): QueryComparison[] {
	const out: QueryComparison[] = [];
	replay.forEach((q, i) => {
		const n = native[i];
		if (q.error || n.error || q.wasmMs.length === 0 || n.ms.length === 0) return;
		const wasmMs = median(q.wasmMs);
		const nativeMs = median(n.ms);
		out.push({
			kind: q.kind,
			params: q.params,
			wasmMs: round(wasmMs),
			nativeMs: round(nativeMs),
			ratio: Math.round((wasmMs / nativeMs) * 100) / 100,
			wasmMinMs: round(Math.min(...q.wasmMs)),
			nativeMinMs: round(Math.min(...n.ms)),
			resultBytes: q.bytes
		});
	});
	return out;
}

export function byKind(queries: readonly QueryComparison[]): Record<string, KindComparison> {
	const out: Record<string, KindComparison> = {};
	for (const kind of [...new Set(queries.map((q) => q.kind))]) {
		const list = queries.filter((q) => q.kind === kind);
		const w = sum(list.map((q) => q.wasmMs));
		const n = sum(list.map((q) => q.nativeMs));
		out[kind] = { queries: list.length, wasmMs: round(w), nativeMs: round(n), ratio: Math.round((w / n) * 100) / 100, maxRatio: max(list.map((q) => q.ratio)) };
	}
	return out;
}

export interface RecordInput {
	dataset: Dataset;
	artifact: Artifact;
	viewAssetsS: number;
	artifactReadBytes: number;
	session: SessionResult;
	native: readonly NativeTiming[];
	errors: string[];
	loadAverage: { start: number; end: number };
}

export function buildRecord(input: RecordInput): BenchRecord {
	const { dataset, artifact, session } = input;
	const ok = session.steps.filter((s) => s.status === 'ok');
	const lat = ok.map((s) => s.latencyMs!);
	const queries = compareQueries(session.replay, input.native);
	const kinds = byKind(queries);
	const workerByKind: Record<string, number> = {};
	for (const s of ok) for (const q of s.queries ?? []) workerByKind[q.kind] = (workerByKind[q.kind] ?? 0) + q.processMs;
	const workerTotal = sum(Object.values(workerByKind));
	const stepKinds = [...new Set(ok.map((s) => s.kind))];
	const phase = (pick: (s: StepResult) => number | undefined) => round(median(ok.map(pick).filter((v): v is number => v !== undefined)));
	const figures = {
		firstChartMs: round(session.cold.firstChartMs),
		interactiveMs: round(session.cold.interactiveMs),
		filterP50Ms: round(percentile(lat, 50)),
		filterP95Ms: round(percentile(lat, 95)),
		filterMaxMs: round(max(lat)),
		csvExportMs: r1(session.export?.ms),
		peakMemoryMB: max(APP_PHASES.map((p) => session.memory.phases[p]?.rssMB ?? 0)),
		peakPssMB: max(APP_PHASES.map((p) => session.memory.phases[p]?.pssMB ?? 0)),
		wasmNativeRatio: Math.round((sum(queries.map((q) => q.wasmMs)) / sum(queries.map((q) => q.nativeMs))) * 100) / 100
	};
	return {
		label: dataset.label,
		kind: dataset.kind,
		rows: dataset.rows,
		seed: dataset.seed,
		measuredAt: new Date().toISOString(),
		...figures,
		csvRows: session.export?.rows ?? null,
		artifactMB: Math.round((artifact.bytes / 1e6) * 10) / 10,
		buildS: round(artifact.buildSeconds),
		wasmNativeGeoMean: Math.round(geometricMean(queries.map((q) => q.ratio)) * 100) / 100,
		detail: {
			interactions: ok.length,
			skipped: session.steps.filter((s) => s.status === 'skipped').map((s) => ({ step: s.index, name: s.name, reason: s.reason ?? '' })),
			filterFrameP95Ms: round(percentile(ok.map((s) => s.frameMs!), 95)),
			warmFirstChartMs: session.warm.length ? round(median(session.warm.map((w) => w.firstChartMs))) : null,
			warmInteractiveMs: session.warm.length ? round(median(session.warm.map((w) => w.interactiveMs))) : null,
			buildCached: artifact.cached,
			datasetSeconds: r1(dataset.seconds),
			viewAssetsS: round(input.viewAssetsS),
			artifactReadMB: Math.round((input.artifactReadBytes / 1e6) * 10) / 10,
			startup: milestones(session.cold),
			startupResources: session.cold.resources,
			startupQueries: session.cold.queries.map((q) => ({ ...q, processMs: round(q.processMs), roundTripMs: round(q.roundTripMs) })),
			startupReadMB: r1(session.cold.readMB),
			warmReadMB: r1(session.warm[0]?.readMB),
			warmReadsMB: session.warm.map((w) => r1(w.readMB)),
			warmStartup: session.warm.map(milestones),
			filterPhasesP50Ms: {
				beforeQueries: phase((s) => s.beforeQueriesMs),
				queries: phase((s) => s.queriesMs),
				afterQueries: phase((s) => s.afterQueriesMs)
			},
			latencyByStepKindP50Ms: Object.fromEntries(stepKinds.map((k) => [k, round(median(ok.filter((s) => s.kind === k).map((s) => s.latencyMs!)))])),
			workerMsByQueryKind: Object.fromEntries(
				Object.entries(workerByKind)
					.sort((a, b) => b[1] - a[1])
					.map(([k, ms]) => [k, { ms: round(ms), share: Math.round((ms / workerTotal) * 1000) / 1000 }])
			),
			export: session.export ? { queryMs: r1(session.export.queryMs), formatMs: r1(session.export.formatMs), bytes: session.export.bytes } : null,
			wasmNativeByKind: kinds,
			queries,
			memoryPhases: session.memory.phases,
			memorySamplerCpuMs: session.memory.samplerCpuMs,
			steps: session.steps.map((s) => ({
				...s,
				latencyMs: r1(s.latencyMs) ?? undefined,
				frameMs: r1(s.frameMs) ?? undefined,
				beforeQueriesMs: r1(s.beforeQueriesMs) ?? undefined,
				queriesMs: r1(s.queriesMs) ?? undefined,
				afterQueriesMs: r1(s.afterQueriesMs) ?? undefined,
				readMB: r1(s.readMB) ?? undefined,
				queries: s.queries?.map((q) => ({ ...q, processMs: round(q.processMs), roundTripMs: round(q.roundTripMs) }))
			})),
			loadAverage: input.loadAverage,
			goalRows: goalFor(dataset.rows).rows,
			goals: checkGoals(dataset.rows, figures),
			pageErrors: session.pageErrors,
			foreignRequests: session.foreignRequests,
			errors: [...input.errors, ...session.errors]
		}
	};
}

export interface ResultsFile {
	benchmark: 'rasd';
	version: 1;
	startedAt: string;
	finishedAt: string | null;
	command: string;
	machine: Machine;
	options: Record<string, unknown>;
	records: BenchRecord[];
}

export function writeResults(path: string, doc: ResultsFile): void {
	mkdirSync(dirname(path), { recursive: true });
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, `${JSON.stringify(doc, null, 2)}\n`);
	renameSync(tmp, path);
}

const sec = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? '-' : `${(ms / 1000).toFixed(2)} s`);
const msf = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)}` : '-');

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const mbf = (mb: number | null | undefined) => (mb === null || mb === undefined ? '-' : mb.toFixed(1));

/** Cold startup, warm startup and the worst step's reads over HTTP. */
export function readCell(r: BenchRecord): string {
	const steps = r.detail.steps.filter((s) => s.status === 'ok' && s.readMB !== undefined).map((s) => s.readMB!);
	return `${mbf(r.detail.startupReadMB)} / ${mbf(r.detail.warmReadMB)} / ${steps.length ? mbf(max(steps)) : '-'}`;
}

export function formatTable(records: readonly BenchRecord[]): string {
	const main = table(
		['set', 'rows', 'first chart', 'interactive', 'filter p50/p95/max ms', 'CSV export', 'memory RSS / PSS', 'artifact', 'read MB cold / warm / step max', 'build', 'wasm/native', 'load'],
		records.map((r) => [
			r.label,
			r.rows.toLocaleString('en'),
			sec(r.firstChartMs),
			sec(r.interactiveMs),
			`${msf(r.filterP50Ms)} / ${msf(r.filterP95Ms)} / ${msf(r.filterMaxMs)} (${r.detail.interactions})`,
			r.csvExportMs === null ? '-' : `${sec(r.csvExportMs)} (${(r.csvRows ?? 0).toLocaleString('en')})`,
			`${(r.peakMemoryMB / 1024).toFixed(2)} / ${(r.peakPssMB / 1024).toFixed(2)} GiB`,
			`${r.artifactMB} MB`,
			readCell(r),
			`${r.buildS} s${r.detail.buildCached ? '*' : ''}`,
			`${r.wasmNativeRatio.toFixed(2)} (geo ${r.wasmNativeGeoMean.toFixed(2)})`,
			`${r.detail.loadAverage.start} / ${r.detail.loadAverage.end}`
		])
	);
	const goals = records.map((r) => {
		const g = r.detail.goals;
		const mark = (name: string, c: GoalCheck, fmt: (n: number) => string) =>
			`${name} ${c.met ? 'met' : 'MISSED'} (${c.value === null ? '-' : fmt(c.value)} vs ${fmt(c.goal)})`;
		const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
		const m = (n: number) => `${Math.round(n)} ms`;
		const gib = (n: number) => `${(n / 1024).toFixed(2)} GiB`;
		const x = (n: number) => n.toFixed(2);
		return (
			`${r.label} (goals of ${r.detail.goalRows.toLocaleString('en')} rows): ` +
			[
				mark('first chart', g.firstChart, s),
				mark('interactive', g.interactive, s),
				mark('filter p95', g.filterP95, m),
				mark('CSV', g.csvExport, s),
				mark('memory RSS', g.memoryRss, gib),
				mark('memory PSS', g.memoryPss, gib),
				mark('wasm/native', g.wasmNative, x)
			].join('; ')
		);
	});
	const kinds = records.map(
		(r) =>
			`${r.label} wasm/native by query: ` +
			Object.entries(r.detail.wasmNativeByKind)
				.map(([k, c]) => `${k} ${c.ratio.toFixed(2)} (max ${c.maxRatio.toFixed(2)}, ${c.queries}q, ${Math.round(c.wasmMs)}/${Math.round(c.nativeMs)} ms)`)
				.join('; ')
	);
	const notes = [
		'* = artifact reused from the cache; build time from when it was built.',
		'read MB = the artifact read over HTTP: cold load until interactive / the second visit until interactive (detail.warmReadMB; goal 0) / the most any timed step read (export aside; goal 10).',
		'load = 1-minute load average at the start / end of the set (2 cores, shared with other jobs: times scale with it).'
	];
	return [main, ...notes, '', ...goals, '', ...kinds].join('\n');
}
