// The query engine failing: the wasm file missing or not wasm at all (a server answering with an HTML page), the
// worker script missing, a query failing mid-session (the data file starts answering HTTP 500), and the worker
// crashing mid-session. Each time: a clear alert in the page, data-state settles (never stuck at "loading"), the rest
// of the page stays usable, nothing throws uncaught, and the page recovers once the cause is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, kpiValue, launchBrowser, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { openGuardedPage, waitSettled, type GuardedPage } from './hostile-support';

const alerts = (page: Page) => page.locator('[data-testid="notice"][role="alert"]').allInnerTexts();

describe('the query engine failing', () => {
	let server: StaticServer;
	let browser: Browser;
	let precomputedIncidents: number;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		const asset = JSON.parse(readFileSync(join(BUILD_DIR, 'data', 'default-view.json'), 'utf8'));
		precomputedIncidents = asset.results.kpis.columns.incidents[0];
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** The engine could not start: reported, the precomputed view shows, retry is offered; after unrouting, retry works. */
	async function startFailure(w: GuardedPage, cause: RegExp, unroute: () => Promise<void>): Promise<void> {
		const { page } = w;
		await page.goto(`${server.url}/`);
		expect(await waitSettled(page)).toBe('error');
		const texts = await alerts(page);
		expect(texts.some((t) => cause.test(t)), JSON.stringify(texts)).toBe(true);
		await page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		expect(await kpiValue(page, 'incidents')).toBe(precomputedIncidents);
		// Still usable: the grain control changes the URL.
		await page.getByTestId('control-grain').selectOption('week');
		await expect.poll(() => new URL(page.url()).searchParams.get('grain')).toBe('week');
		expect(w.uncaught).toEqual([]);
		expect(w.dialogs).toEqual([]);
		await unroute();
		await page.getByTestId('engine-status').locator('button').click();
		await waitReady(page);
		expect(await alerts(page)).toEqual([]);
	}

	it('the wasm file is missing (HTTP 404)', async () => {
		const w = await openGuardedPage(browser);
		const wasm = /\.wasm(\?.*)?$/;
		await w.page.route(wasm, (route) => route.fulfill({ status: 404, body: 'not found' }));
		await startFailure(w, /the DuckDB WebAssembly engine could not be loaded \(the DuckDB wasm file answered HTTP 404\)/, () => w.page.unroute(wasm));
		await w.context.close();
	});

	it('the wasm URL answers with an HTML page (a fallback route): no hang, a clear failure', async () => {
		const w = await openGuardedPage(browser);
		const wasm = /\.wasm(\?.*)?$/;
		await w.page.route(wasm, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not here</title>' }));
		await startFailure(w, /the DuckDB WebAssembly engine could not be loaded \(the DuckDB worker failed: .*WebAssembly/, () => w.page.unroute(wasm));
		await w.context.close();
	});

	it('the worker script is missing', async () => {
		const w = await openGuardedPage(browser);
		const worker = /duckdb-browser-(eh|mvp)\.worker.*\.js(\?.*)?$/;
		await w.page.route(worker, (route) => route.fulfill({ status: 404, body: 'not found' }));
		await startFailure(w, /the DuckDB worker could not run/, () => w.page.unroute(worker));
		await w.context.close();
	});

	it('a query fails mid-session (the data file answers HTTP 500): reported once, the page recovers', async () => {
		// Range reads are what can fail mid-session: a small artifact is otherwise read whole at the start
		// (src/lib/engine/artifact-source.ts), so the page's size probe is answered without a size, which means range
		// reads; and no service worker, whose copies would answer the reads and whose own requests page.route misses.
		const w = await openGuardedPage(browser, { serviceWorkers: 'block' });
		const { page } = w;
		const artifact = /\/data\/rasd\.duckdb$/;
		await page.route(artifact, async (route) => {
			const request = route.request();
			if (request.method() !== 'HEAD' || request.resourceType() !== 'fetch') return route.fallback();
			const headers = { ...(await route.fetch()).headers() };
			delete headers['content-length'];
			return route.fulfill({ status: 200, headers });
		});
		await page.goto(`${server.url}/`);
		await waitReady(page);
		await page.route(artifact, (route) => route.fulfill({ status: 500, body: 'boom' }));
		// A text search reads a column the first views did not need, so it must go to the server.
		await page.getByTestId('filter-q').fill('checkpoint');
		await page.getByTestId('filter-q').press('Enter');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('checkpoint');
		expect(await waitSettled(page)).toBe('error');
		const texts = await alerts(page);
		const cause = /could not be read from the server \(HTTP 500\)/;
		// The figures and the table fail for one cause: one notice says so (the charts say it in their panels).
		expect(texts.filter((t) => cause.test(t) && t.startsWith('Incidents'))).toHaveLength(1);
		for (const panel of ['panel-timeline', 'panel-targets', 'panel-attacks']) {
			expect(await page.getByTestId(panel).getAttribute('data-status')).toBe('error');
			expect(await page.getByTestId(panel).locator('[role="alert"]').innerText()).toMatch(cause);
		}
		// The engine itself is fine: the server recovers, another search answers.
		expect(await page.getByTestId('engine-status').getAttribute('data-status')).toBe('ready');
		await page.unroute(artifact);
		await page.getByTestId('clear-all').click();
		await expect.poll(() => new URL(page.url()).search).toBe('');
		await waitReady(page);
		expect(await kpiValue(page, 'incidents')).toBe(precomputedIncidents);
		expect(await alerts(page)).toEqual([]);
		expect(w.uncaught).toEqual([]);
		expect(w.dialogs).toEqual([]);
		await w.context.close();
	});

	it('the worker crashes mid-session: pending and later queries fail at once, "Try again" starts a new engine', async () => {
		const w = await openGuardedPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/`);
		await waitReady(page);
		const worker = page.workers().find((x) => x.url().includes('duckdb-worker-guard'));
		expect(worker, page.workers().map((x) => x.url()).join(', ')).toBeDefined();
		// An error nobody catches inside the worker, as an abort in the wasm would raise.
		await worker!.evaluate(() => {
			setTimeout(() => {
				throw new Error('injected crash');
			});
		});
		await expect.poll(() => page.getByTestId('engine-status').getAttribute('data-status')).toBe('error');
		expect((await alerts(page)).some((t) => /^The query engine stopped: the DuckDB worker could not run .*injected crash/.test(t))).toBe(true);
		// A new view after the crash settles at once (no query can hang on the dead worker).
		await page.getByTestId('control-grain').selectOption('year');
		await expect.poll(() => new URL(page.url()).searchParams.get('grain')).toBe('year');
		expect(await waitSettled(page)).toBe('error');
		await page.getByTestId('engine-status').locator('button').click();
		await waitReady(page);
		expect(await kpiValue(page, 'incidents')).toBe(precomputedIncidents);
		expect(page.workers().filter((x) => x.url().includes('duckdb-worker-guard'))).toHaveLength(1);
		expect(w.uncaught).toEqual([]);
		await w.context.close();
	});
});
