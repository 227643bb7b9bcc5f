// Page load timings: navigation start to the first chart drawn and to interactive, with the milestones, resources
// and startup queries that show what each waits on.
import type { Page } from 'playwright-core';
import { processTimes, replyOf, snapshot, type QueryTiming } from './probe';
import { queryKind } from './query-kinds';

export interface LoadTimes {
	/** Navigation start to the first chart drawn (data-painted="true"). */
	firstChartMs: number;
	firstChartId: string | null;
	/** Navigation start to data-state="ready": every view answered by the engine, filters live. */
	interactiveMs: number;
	/** Milestones (ms from navigation start) to see what the first chart and interactivity wait on. */
	milestones: Record<string, number | null>;
	/** Scripts, wasm and data the page fetched before it became interactive: when each started and ended. */
	resources: { name: string; startMs: number; endMs: number; kB: number }[];
	/** The queries the page ran before it was interactive, with the worker time of each. */
	queries: QueryTiming[];
	/** MB of the artifact read over HTTP until interactive (null when the server does not count). */
	readMB: number | null;
}

export async function loadTimes(page: Page, timeoutMs: number, artifactBytes: (() => number) | undefined): Promise<LoadTimes> {
	const before = artifactBytes?.() ?? 0;
	await page.waitForFunction(
		() => (window as unknown as { __rasdBench?: { marks: { firstReadyAt: number | null } } }).__rasdBench?.marks.firstReadyAt != null,
		undefined,
		{ timeout: timeoutMs, polling: 50 }
	);
	const bytesRead = artifactBytes ? artifactBytes() - before : null;
	const snap = await snapshot(page);
	const proc = processTimes(snap.messages);
	const nav = await page.evaluate(() => {
		const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		const view = performance.getEntriesByType('resource').find((r) => r.name.includes('/data/default-view.json')) as PerformanceResourceTiming | undefined;
		const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.filter((r) => /\.(js|wasm|json|css)(\?|$)/.test(r.name))
			.map((r) => ({
				name: r.name.replace(/^.*\//, '').replace(/\?.*$/, ''),
				startMs: Math.round(r.startTime),
				endMs: Math.round(r.responseEnd),
				kB: Math.round(r.decodedBodySize / 1024)
			}));
		return {
			htmlResponseEnd: n ? n.responseEnd : null,
			domContentLoaded: n ? n.domContentLoadedEventEnd : null,
			defaultViewRequested: view ? view.startTime : null,
			defaultViewLoaded: view ? view.responseEnd : null,
			resources
		};
	});
	const runs = snap.messages.filter((m) => m.type === 'RUN_PREPARED');
	const { firstPaintedAt, firstReadyAt } = snap.marks;
	if (firstPaintedAt === null || firstReadyAt === null) throw new Error('the page never drew a chart or never became ready');
	return {
		firstChartMs: firstPaintedAt,
		firstChartId: snap.marks.firstPaintedId,
		interactiveMs: firstReadyAt,
		milestones: {
			htmlLoaded: nav.htmlResponseEnd,
			domContentLoaded: nav.domContentLoaded,
			defaultViewRequested: nav.defaultViewRequested,
			defaultViewLoaded: nav.defaultViewLoaded,
			firstChart: firstPaintedAt,
			workerCreated: snap.marks.workerAt,
			wasmInstantiated: replyOf(snap.messages, 'INSTANTIATE'),
			dbOpened: replyOf(snap.messages, 'OPEN'),
			artifactAttached: replyOf(snap.messages, 'RUN_QUERY'),
			firstQuerySent: runs[0]?.sentAt ?? null,
			lastStartupReply: runs.filter((m) => m.repliedAt !== null && m.repliedAt <= firstReadyAt).at(-1)?.repliedAt ?? null,
			interactive: firstReadyAt
		},
		resources: nav.resources.filter((r) => r.startMs <= firstReadyAt),
		queries: runs
			.filter((m) => m.repliedAt !== null && m.repliedAt <= firstReadyAt)
			.map((m) => ({ kind: queryKind(m.sql), processMs: proc.get(m.id) ?? 0, roundTripMs: m.repliedAt! - m.sentAt, bytes: m.bytes })),
		readMB: bytesRead === null ? null : bytesRead / 1e6
	};
}
