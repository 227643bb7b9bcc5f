// The artifact's reads kept across visits (src/lib/engine/artifact-source.ts, src/service-worker.ts): the second
// visit reads nothing over HTTP that the first read, a rebuilt artifact with other data is never answered from the
// old copy (the figures change at once), and without a service worker the page still works from the network.
// Run with either read mode: the demo artifact is small, so a default build reads it whole; a build with
// VITE_RASD_WHOLE_READ_MAX_MB=0 reads it by ranges (through the service worker's cache).
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { BUILD_DIR, kpiValue, launchBrowser, requireBuild, waitReady } from './harness';
import { ORDINARY, buildHostileSite } from './hostile-dataset';

// A filter the precomputed default view cannot answer: the KPI comes from the engine, that is from the artifact.
const VIEW = '/?from=2023-01-01&to=2023-12-31';
const FIRST = ORDINARY; // 30 incidents in 2023
const SECOND = ORDINARY.slice(0, 17); // another build: other data, other file

describe('the artifact kept across visits', () => {
	let browser: Browser;
	let server: StaticServer;
	let bytes = 0;
	const dirs: string[] = [];
	let site: string;
	let second: string;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		const a = await buildHostileSite(BUILD_DIR, FIRST);
		const b = await buildHostileSite(BUILD_DIR, SECOND);
		dirs.push(a.work, b.work);
		site = a.site;
		second = b.site;
		server = await serveStatic(site, { onSend: (file, n) => (bytes += file.endsWith('rasd.duckdb') ? n : 0) });
		browser = await launchBrowser();
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		for (const d of dirs) rmSync(d, { recursive: true, force: true });
	});

	/** One visit in `context`: the incidents it shows and the artifact bytes it read over HTTP. */
	async function visit(context: BrowserContext): Promise<{ incidents: number; read: number }> {
		const before = bytes;
		const page = await context.newPage();
		await page.goto(`${server.url}${VIEW}`);
		await waitReady(page);
		const incidents = await kpiValue(page, 'incidents');
		await page.close();
		return { incidents, read: bytes - before };
	}

	it('the second visit reads nothing; a rebuilt artifact is read afresh and its figures shown', async () => {
		const context = await browser.newContext();
		const first = await visit(context);
		expect(first.incidents).toBe(FIRST.length);
		expect(first.read).toBeGreaterThan(0);
		const again = await visit(context);
		expect(again).toEqual({ incidents: FIRST.length, read: 0 });

		// A new build deployed over the old one: other data (another size, another modification time).
		for (const f of ['rasd.duckdb', 'default-view.json']) copyFileSync(join(second, 'data', f), join(site, 'data', f));
		const rebuilt = await visit(context);
		expect(rebuilt.incidents).toBe(SECOND.length);
		expect(rebuilt.read).toBeGreaterThan(0);
		const rebuiltAgain = await visit(context);
		expect(rebuiltAgain).toEqual({ incidents: SECOND.length, read: 0 });
		// The old version's copies are gone, not just unused.
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		const names = await page.evaluate(() => caches.keys());
		expect(names.filter((n) => n.startsWith('rasd-artifact:'))).toHaveLength(1);
		await context.close();
	}, 180_000);

	it('without a service worker (blocked, as some browsers and private modes do) every visit reads from the network', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const first = await visit(context);
		expect(first.incidents).toBeGreaterThan(0);
		expect(first.read).toBeGreaterThan(0);
		await context.close();
	}, 120_000);
});
