// One browser session over one served set: a cold first load, the interaction script, the CSV export, the replay
// of every dashboard query the script ran (for the wasm/native comparison) and a few warm reloads. Timings are
// taken inside the page by page-probe.js (performance.now(), from navigation start); Node only orchestrates.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runExport, type ExportResult } from './csv-export';
import type { ScriptContext, Step } from './interactions';
import { loadTimes, type LoadTimes } from './load-times';
import { MemorySampler, type MemoryReport } from './memory';
import type { NativeTiming } from './native';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium';
import { PROBE_SOURCE, replayItems, snapshot, tally, type ProbeApi } from './probe';
import type { QueryKind } from './query-kinds';
import { runStep, type StepResult } from './steps';

export type { ExportResult, LoadTimes, StepResult };
export type { QueryTiming } from './probe';

type Log = (line: string) => void;

export interface ReplayedQuery {
	kind: QueryKind;
	sql: string;
	params: unknown[];
	wasmMs: number[];
	bytes: number | null;
	error: string | null;
}

export interface SessionResult {
	cold: LoadTimes;
	warm: LoadTimes[];
	steps: StepResult[];
	export: ExportResult | null;
	replay: ReplayedQuery[];
	/** Native timing of each replayed query, in the same order. */
	native: NativeTiming[];
	memory: MemoryReport;
	pageErrors: string[];
	foreignRequests: string[];
	errors: string[];
}

export interface SessionOptions {
	url: string;
	steps: readonly Step[];
	ctx: ScriptContext;
	/** Rows the export must contain (counted in the downloaded file). */
	expectedExportRows: number;
	warmLoads: number;
	replayReps: number;
	workDir: string;
	log: Log;
	loadTimeoutMs?: number;
	stepTimeoutMs?: number;
	/** Bytes of the artifact the server has sent so far (to attribute reads to load and steps). */
	artifactBytes?: () => number;
	/** Times one query natively; called right after the same query's wasm replay, so both see the same machine load. */
	native: (sql: string, params: readonly unknown[], reps: number) => Promise<NativeTiming>;
}

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set RASD_CHROMIUM)`);
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function openPage(context: BrowserContext, errors: string[], foreign: string[], origin: string): Promise<Page> {
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('request', (r) => {
		if (new URL(r.url()).origin !== origin && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	return page;
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
	const { log } = options;
	const loadTimeout = options.loadTimeoutMs ?? 300_000;
	const stepTimeout = options.stepTimeoutMs ?? 120_000;
	const origin = new URL(options.url).origin;
	const sampler = new MemorySampler();
	const pageErrors: string[] = [];
	const foreignRequests: string[] = [];
	const errors: string[] = [];
	const browser = await launchBrowser();
	sampler.start();
	try {
		const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
		await context.addInitScript({ content: PROBE_SOURCE });
		const page = await openPage(context, pageErrors, foreignRequests, origin);

		sampler.mark('load');
		await page.goto(options.url);
		const cold = await loadTimes(page, loadTimeout, options.artifactBytes);
		log(`  cold load: first chart ${cold.firstChartMs.toFixed(0)} ms, interactive ${cold.interactiveMs.toFixed(0)} ms`);

		sampler.mark('interactions');
		const steps: StepResult[] = [];
		for (const [i, step] of options.steps.entries()) {
			const r = await runStep(page, step, i + 1, options.ctx, stepTimeout, options.artifactBytes);
			steps.push(r);
			if (r.status === 'no-change') {
				errors.push(`step ${i + 1} (${step.name}): ${r.reason}`);
				log(`  step ${i + 1} ${step.name}: the view did not change`);
			}
			if (r.status === 'timeout') {
				errors.push(`step ${i + 1} (${step.name}): ${r.reason}`);
				log(`  step ${i + 1} ${step.name}: TIMEOUT`);
				// Give the page one more chance to settle before going on; stop the script if it cannot.
				const ok = await page
					.waitForSelector('[data-testid="app"][data-state="ready"]', { timeout: stepTimeout })
					.then(() => true, () => false);
				if (!ok) break;
			}
		}
		const done = steps.filter((s) => s.status === 'ok');
		log(`  ${done.length} interactions timed, ${steps.filter((s) => s.status === 'skipped').length} skipped`);

		sampler.mark('export');
		let exported: ExportResult | null = null;
		try {
			exported = await runExport(page, options.workDir, options.expectedExportRows, stepTimeout * 2);
			log(`  CSV export: ${exported.rows.toLocaleString('en')} rows in ${exported.ms.toFixed(0)} ms`);
		} catch (e) {
			errors.push(`export: ${(e as Error).message}`);
		}

		sampler.mark('replay');
		// Each query in the page's own engine, then natively: interleaved, so a burst of load from other jobs on
		// the shared machine falls on both sides of a ratio rather than on one.
		const items = replayItems((await snapshot(page)).messages);
		const replay: ReplayedQuery[] = [];
		const native: NativeTiming[] = [];
		for (const it of items) {
			const item = { conn: it.conn, stmt: it.stmt, params: it.params };
			const [timed] = await page.evaluate(
				({ one, reps }) => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.replay([one], reps),
				{ one: item, reps: options.replayReps }
			);
			replay.push({ kind: it.kind, sql: it.sql, params: it.params, wasmMs: timed.times, bytes: timed.bytes, error: timed.error });
			native.push(await options.native(it.sql, it.params, options.replayReps));
		}
		log(`  ${replay.length} distinct queries timed in the page's engine and natively (${options.replayReps} runs each, after one warm-up)`);
		await page.close();

		sampler.mark('warm');
		const warm: LoadTimes[] = [];
		for (let i = 0; i < options.warmLoads; i++) {
			const p = await openPage(context, pageErrors, foreignRequests, origin);
			await p.goto(options.url);
			warm.push(await loadTimes(p, loadTimeout, options.artifactBytes));
			await p.close();
		}
		await context.close();
		return { cold, warm, steps, export: exported, replay, native, memory: sampler.stop(), pageErrors: tally(pageErrors), foreignRequests: [...new Set(foreignRequests)], errors };
	} finally {
		sampler.stop();
		await browser.close();
	}
}
