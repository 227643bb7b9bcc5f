// The Node side of page-probe.js: its source (injected into every page), the shape of what it records, and pure
// helpers over those records (worker time per request, the distinct queries to replay).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { queryKind, type QueryKind } from './query-kinds';

export const PROBE_SOURCE = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');

/** A worker request as page-probe.js records it. */
export interface ProbeMessage {
	id: number;
	type: string;
	sentAt: number;
	repliedAt: number | null;
	reply: string | null;
	bytes: number | null;
	conn: number | null;
	stmt: number | null;
	sql: string | null;
	params: unknown[] | null;
}

export interface ProbeSnapshot {
	marks: { firstPaintedAt: number | null; firstPaintedId: string | null; firstReadyAt: number | null; workerAt: number | null };
	states: [string, number][];
	messages: ProbeMessage[];
	objectUrls: { at: number; size: number | null; type: string | null }[];
}

export interface Armed {
	armedAt: number;
	eventAt: number | null;
	eventType: string | null;
	loadingAt: number | null;
	readyAt: number | null;
	frameAt: number | null;
	messageFrom: number;
	clickAt: number | null;
	outcome?: 'ok' | 'timeout' | 'no-change';
	state?: string | null;
	blob?: { at: number; size: number | null; type: string | null } | null;
}

export interface QueryTiming {
	kind: QueryKind;
	/** Worker time estimate: reply minus the later of its send and the previous reply (the worker is FIFO). */
	processMs: number;
	/** Send to reply, queueing behind the other views' queries included. */
	roundTripMs: number;
	bytes: number | null;
}

export type ProbeApi = {
	arm(): boolean;
	settled(ms: number, noChangeMs: number): Promise<Armed>;
	exported(ms: number): Promise<Armed>;
	messagesFrom(i: number): ProbeMessage[];
	replay(items: { conn: number; stmt: number; params: unknown[] }[], reps: number): Promise<{ times: number[]; bytes: number | null; error: string | null }[]>;
};

export const snapshot = (page: Page) =>
	page.evaluate(() => (window as unknown as { __rasdBench: { snapshot(): ProbeSnapshot } }).__rasdBench.snapshot());

/** Per-request worker time: the worker answers in order, so a request starts when it arrived or when the previous reply left. */
export function processTimes(all: readonly ProbeMessage[]): Map<number, number> {
	const out = new Map<number, number>();
	const sorted = [...all].sort((a, b) => a.id - b.id);
	let previousReply = -Infinity;
	for (const m of sorted) {
		if (m.repliedAt === null) continue;
		out.set(m.id, m.repliedAt - Math.max(m.sentAt, previousReply));
		previousReply = Math.max(previousReply, m.repliedAt);
	}
	return out;
}

export function replyOf(messages: readonly ProbeMessage[], type: string): number | null {
	return messages.find((m) => m.type === type && m.repliedAt !== null)?.repliedAt ?? null;
}

/** Distinct (statement, parameters) pairs the page ran, dashboard queries only (not the ATTACH). */
export function replayItems(messages: readonly ProbeMessage[]): { conn: number; stmt: number; params: unknown[]; sql: string; kind: QueryKind }[] {
	const seen = new Set<string>();
	const out = [];
	for (const m of messages) {
		if (m.type !== 'RUN_PREPARED' || m.reply !== 'QUERY_RESULT' || m.sql === null || m.conn === null || m.stmt === null) continue;
		const key = `${m.conn}:${m.stmt}:${JSON.stringify(m.params)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ conn: m.conn, stmt: m.stmt, params: m.params ?? [], sql: m.sql, kind: queryKind(m.sql) });
	}
	return out;
}

/** Distinct messages with how often each came ("message (x12)"), so a repeated console error stays one line. */
export function tally(messages: readonly string[]): string[] {
	const counts = new Map<string, number>();
	for (const m of messages) counts.set(m, (counts.get(m) ?? 0) + 1);
	return [...counts].map(([m, n]) => (n > 1 ? `${m} (x${n})` : m));
}
