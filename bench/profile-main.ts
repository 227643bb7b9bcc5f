// Where the page's main thread spends a filter change before the first query reaches the worker, and a cold load:
// the benchmark's interaction script run once on one artifact with V8's sampling profiler (CDP Profiler) around
// each step. Marker functions, run in the page at the input event and at the first RUN_PREPARED posted to the
// worker, show up in the samples, so the window "event -> first query sent" is cut out of the profile exactly.
//   RASD_BUILD_DIR=build-x npx tsx bench/profile-main.ts <artifact.duckdb> [--steps 18-26] [--top 25] [--out f.json]
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/lib/chromium';
import { SCRIPT, type ScriptContext } from './lib/interactions';
import { BUILD_DIR } from './lib/paths';
import { PROBE_SOURCE } from './lib/probe';
import { prepareSite, serve } from './lib/serve';
import { runStep } from './lib/steps';
import { frameLabel, sampleTimes, stacks, type CpuProfile } from './lib/cpu-profile';

// Runs after the probe: spins ~0.3 ms inside functions whose names mark the window in the samples.
const MARKERS = `(() => {
	const spin = (ms) => { const t = performance.now(); while (performance.now() - t < ms); };
	let armedForPost = false;
	function __rasdMarkEvent() { spin(0.3); }
	function __rasdMarkPost() { spin(0.3); }
	for (const type of ['click', 'change', 'input', 'submit', 'keydown']) {
		window.addEventListener(type, () => { __rasdMarkEvent(); armedForPost = true; }, { capture: true });
	}
	const Probed = window.Worker;
	window.Worker = class extends Probed {
		constructor(...a) {
			super(...a);
			const post = this.postMessage.bind(this);
			this.postMessage = (msg, transfer) => {
				if (armedForPost && msg && msg.type === 'RUN_PREPARED') { armedForPost = false; __rasdMarkPost(); }
				return transfer === undefined ? post(msg) : post(msg, transfer);
			};
		}
	};
})();`;

/** Self and total milliseconds per function over the samples between the event and the first-post markers. */
function windowed(p: CpuProfile): { ms: number; self: Map<string, number>; total: Map<string, number> } | null {
	const stackOf = stacks(p);
	const has = (id: number, name: string) => stackOf(id).some((n) => n.callFrame.functionName === name);
	const times = sampleTimes(p);
	const start = p.samples.findIndex((s) => has(s, '__rasdMarkEvent'));
	// The last event marker before the first post marker (a click sends several events).
	const post = p.samples.findIndex((s, i) => i > start && has(s, '__rasdMarkPost'));
	if (start < 0 || post < 0) return null;
	let from = start;
	for (let i = start; i < post; i++) if (has(p.samples[i], '__rasdMarkEvent')) from = i;
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	for (let i = from; i < post; i++) {
		const dt = (times[i + 1] ?? times[i]) - times[i];
		const stack = stackOf(p.samples[i]);
		const key = frameLabel(stack[0]);
		self.set(key, (self.get(key) ?? 0) + dt);
		for (const k of new Set(stack.map(frameLabel))) total.set(k, (total.get(k) ?? 0) + dt);
	}
	return { ms: times[post] - times[from], self, total };
}

const top = (m: Map<string, number>, n: number) =>
	[...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`);

async function main() {
	const args = process.argv.slice(2);
	const artifact = args[0];
	if (!artifact) throw new Error('usage: profile-main.ts <artifact.duckdb> [--steps a-b] [--top n] [--out file]');
	const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const [lo, hi] = (opt('--steps') ?? `1-${SCRIPT.length}`).split('-').map(Number);
	const n = Number(opt('--top') ?? 25);
	const site = await prepareSite(BUILD_DIR, artifact);
	const server = await serve(site.root);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const report: unknown[] = [];
	const allSelf = new Map<string, number>();
	const allTotal = new Map<string, number>();
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addInitScript({ content: PROBE_SOURCE });
		await context.addInitScript({ content: MARKERS });
		const page = await context.newPage();
		page.on('pageerror', (e) => console.error('pageerror', String(e)));
		const cdp = await context.newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
		await page.goto(server.url);
		await page.waitForSelector('[data-testid="app"][data-state="ready"]', { timeout: 300_000 });
		const dateMin = await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="filter-from"]')?.min ?? '2000-01-01');
		const ctx: ScriptContext = { exportFrom: null, dateMin };
		for (const [i, step] of SCRIPT.entries()) {
			if (i + 1 > hi) break;
			const profiled = i + 1 >= lo;
			if (profiled) await cdp.send('Profiler.start');
			const r = await runStep(page, step, i + 1, ctx, 120_000);
			if (!profiled) continue;
			const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
			const w = windowed(profile);
			console.log(`\nstep ${i + 1} ${step.name}: beforeQueries ${r.beforeQueriesMs?.toFixed(1)} ms (probe), window ${w?.ms.toFixed(1) ?? '?'} ms (profile)`);
			if (!w) continue;
			for (const line of top(w.self, 8)) console.log('  self ' + line);
			for (const [k, v] of w.self) allSelf.set(k, (allSelf.get(k) ?? 0) + v);
			for (const [k, v] of w.total) allTotal.set(k, (allTotal.get(k) ?? 0) + v);
			report.push({ step: i + 1, name: step.name, beforeQueriesMs: r.beforeQueriesMs, windowMs: w.ms, self: top(w.self, n), total: top(w.total, n) });
		}
		console.log(`\n== all profiled steps, self ==`);
		for (const line of top(allSelf, n)) console.log(line);
		console.log(`\n== all profiled steps, total (inclusive) ==`);
		for (const line of top(allTotal, n)) console.log(line);
		const out = opt('--out');
		if (out) writeFileSync(out, JSON.stringify({ report, self: top(allSelf, 80), total: top(allTotal, 80) }, null, 1));
	} finally {
		await browser.close();
		await server.close();
		site.remove();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
