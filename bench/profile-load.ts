// Where the main thread spends a cold load until the first chart: V8's sampling profiler from just before the
// navigation, summed per 100 ms and per script file, next to the network waterfall and the milestones.
//   RASD_BUILD_DIR=build-x npx tsx bench/profile-load.ts <artifact.duckdb> [--runs 1]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/lib/chromium';
import { loadTimes } from './lib/load-times';
import { BUILD_DIR } from './lib/paths';
import { PROBE_SOURCE } from './lib/probe';
import { prepareSite, serve } from './lib/serve';
import { frameLabel, sampleTimes, stacks, type CpuProfile } from './lib/cpu-profile';

async function main() {
	const artifact = process.argv[2];
	const runs = Number(process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : 1);
	const site = await prepareSite(BUILD_DIR, artifact);
	const server = await serve(site.root);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addInitScript({ content: PROBE_SOURCE });
		for (let run = 0; run < runs; run++) {
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
			await cdp.send('Profiler.start');
			await page.goto(server.url);
			const times = await loadTimes(page, 120_000, undefined);
			const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
			console.log(`\n== load ${run + 1} (${run ? 'warm' : 'cold'}): first chart ${times.firstChartMs.toFixed(0)} ms, interactive ${times.interactiveMs.toFixed(0)} ms`);
			console.log(JSON.stringify(times.milestones));
			for (const r of times.resources) console.log(`  ${String(r.startMs).padStart(5)}-${String(r.endMs).padEnd(5)} ${String(r.kB).padStart(6)} kB ${r.name}`);
			// The file of the innermost frame with a URL: which script the time is spent in (or GC, idle, program).
			const stackOf = stacks(profile);
			const at = sampleTimes(profile);
			const fileOf = (id: number): string => {
				const stack = stackOf(id);
				const withUrl = stack.find((n) => n.callFrame.url);
				return withUrl ? withUrl.callFrame.url.replace(/^.*\//, '') : stack[0].callFrame.functionName || '?';
			};
			const buckets = new Map<number, Map<string, number>>();
			for (let i = 0; i < profile.samples.length; i++) {
				const t = at[i];
				if (t > times.interactiveMs + 100) break;
				const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
				const b = Math.floor(t / 100) * 100;
				const m = buckets.get(b) ?? new Map<string, number>();
				const key = fileOf(profile.samples[i]);
				m.set(key, (m.get(key) ?? 0) + dt);
				buckets.set(b, m);
			}
			// --window a-b: the functions (inclusive time) that ran between a and b ms.
			const win = process.argv.includes('--window') ? process.argv[process.argv.indexOf('--window') + 1].split('-').map(Number) : null;
			if (win) {
				const total = new Map<string, number>();
				for (let i = 0; i < profile.samples.length; i++) {
					if (at[i] < win[0] || at[i] > win[1]) continue;
					const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
					for (const k of new Set(stackOf(profile.samples[i]).map(frameLabel))) total.set(k, (total.get(k) ?? 0) + dt);
				}
				for (const [k, v] of [...total].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(`   win ${v.toFixed(0).padStart(5)} ms ${k}`);
			}
			for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
				const busy = [...m].filter(([k]) => k !== '(idle)').sort((x, y) => y[1] - x[1]);
				console.log(`  ${String(b).padStart(5)} ms: ${busy.slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
			}
			await page.close();
		}
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
