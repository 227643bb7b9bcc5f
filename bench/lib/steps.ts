// One scripted interaction, timed in the page: from the event that changed the view to data-state="ready", with
// where the time went (before the first query, in the worker per query, after the last reply) and the artifact read.
import type { Page } from 'playwright-core';
import type { ScriptContext, Step, StepKind } from './interactions';
import { processTimes, snapshot, type Armed, type ProbeApi, type ProbeMessage, type QueryTiming } from './probe';
import { queryKind } from './query-kinds';

/** A view change shows as data-state="loading" in the Svelte flush right after the event, whatever the data size;
 *  if nothing has changed this long after the event, the event changed nothing. */
export const NO_CHANGE_MS = 10_000;

export interface StepResult {
	index: number;
	name: string;
	kind: StepKind;
	/** skipped: not possible on this data (e.g. one page only); no-change: the event did not change the view. */
	status: 'ok' | 'skipped' | 'timeout' | 'no-change';
	reason?: string;
	eventType?: string | null;
	/** Input event to data-state="ready" (every view updated; ECharts draws synchronously in that flush). */
	latencyMs?: number;
	/** Input event to the next animation frame after ready. */
	frameMs?: number;
	/** MB of the artifact the worker read over HTTP during the step (its range requests). */
	readMB?: number;
	/** Input event to the first query posted to the worker (state, URL and Svelte work before querying). */
	beforeQueriesMs?: number;
	/** First query posted to the last reply. */
	queriesMs?: number;
	/** Last reply to ready (Arrow to JS, chart options, Svelte, ECharts). */
	afterQueriesMs?: number;
	queries?: QueryTiming[];
}

function stepBreakdown(armed: Armed, all: readonly ProbeMessage[], since: readonly ProbeMessage[]): Partial<StepResult> {
	const proc = processTimes(all);
	const runs = since.filter((m) => m.type === 'RUN_PREPARED' && m.repliedAt !== null && armed.readyAt !== null && m.repliedAt <= armed.readyAt);
	const queries: QueryTiming[] = runs.map((m) => ({
		kind: queryKind(m.sql),
		processMs: proc.get(m.id) ?? 0,
		roundTripMs: m.repliedAt! - m.sentAt,
		bytes: m.bytes
	}));
	const first = runs.length ? Math.min(...runs.map((m) => m.sentAt)) : null;
	const last = runs.length ? Math.max(...runs.map((m) => m.repliedAt!)) : null;
	return {
		beforeQueriesMs: first !== null && armed.eventAt !== null ? first - armed.eventAt : undefined,
		queriesMs: first !== null && last !== null ? last - first : undefined,
		afterQueriesMs: last !== null && armed.readyAt !== null ? armed.readyAt - last : undefined,
		queries
	};
}

export async function runStep(page: Page, step: Step, index: number, ctx: ScriptContext, timeoutMs: number, artifactBytes?: () => number): Promise<StepResult> {
	const base = { index, name: step.name, kind: step.kind };
	const reason = step.prepare ? await step.prepare(page, ctx) : null;
	if (reason) return { ...base, status: 'skipped', reason };
	const bytesBefore = artifactBytes?.() ?? 0;
	await page.evaluate(() => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.arm());
	await step.act(page, ctx);
	const armed = await page.evaluate(
		([ms, quiet]) => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.settled(ms, quiet),
		[timeoutMs, NO_CHANGE_MS] as const
	);
	if (armed.outcome === 'no-change') {
		return { ...base, status: 'no-change', reason: `the view did not change within ${NO_CHANGE_MS} ms of the ${armed.eventType ?? 'no'} event` };
	}
	if (armed.outcome !== 'ok' || armed.eventAt === null || armed.readyAt === null || armed.frameAt === null) {
		return { ...base, status: 'timeout', reason: `no loading -> ready within ${timeoutMs} ms (state ${armed.state}, event ${armed.eventType})` };
	}
	const all = (await snapshot(page)).messages;
	return {
		...base,
		status: 'ok',
		eventType: armed.eventType,
		latencyMs: armed.readyAt - armed.eventAt,
		frameMs: armed.frameAt - armed.eventAt,
		readMB: artifactBytes ? (artifactBytes() - bytesBefore) / 1e6 : undefined,
		...stepBreakdown(armed, all, all.slice(armed.messageFrom))
	};
}
