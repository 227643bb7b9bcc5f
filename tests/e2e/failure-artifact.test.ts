// The data artifact missing, truncated or corrupt, served from temporary copies of the built app (the wasm and the
// pages are the real ones). Each time: a clear message in the page (role="alert") naming the cause, data-state
// settles on "error" (never stuck at "loading"), the precomputed default view still shows, the filters still
// operate, the retry button is offered, and nothing throws uncaught. A fixed file and "Try again" recover.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, kpiValue, launchBrowser, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { copyBuild, openGuardedPage, waitSettled, type GuardedPage } from './hostile-support';

type Variant = 'missing' | 'truncated' | 'corrupt';

const CAUSES: Record<Variant, RegExp> = {
	missing: /the data file data\/rasd\.duckdb was not found on the server \(HTTP 404\)/,
	truncated: /the data file data\/rasd\.duckdb is incomplete/,
	corrupt: /the data file data\/rasd\.duckdb is damaged or is not the file the build wrote/
};

/** Deterministic noise the size of the real file (not a DuckDB header anywhere). */
const noise = (n: number) => {
	const b = Buffer.alloc(n);
	for (let i = 0; i < n; i++) b[i] = (i * 2654435761) >>> 24;
	return b;
};

describe('a missing, truncated or corrupt data artifact', () => {
	const sites = new Map<Variant, { dir: string; server: StaticServer }>();
	let browser: Browser;
	let precomputedIncidents: number;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		const real = readFileSync(join(BUILD_DIR, 'data', 'rasd.duckdb'));
		const asset = JSON.parse(readFileSync(join(BUILD_DIR, 'data', 'default-view.json'), 'utf8'));
		precomputedIncidents = asset.results.kpis.columns.incidents[0];
		for (const variant of ['missing', 'truncated', 'corrupt'] as const) {
			const dir = copyBuild(BUILD_DIR);
			const file = join(dir, 'data', 'rasd.duckdb');
			rmSync(file);
			if (variant === 'truncated') writeFileSync(file, real.subarray(0, Math.floor(real.length / 2)));
			if (variant === 'corrupt') writeFileSync(file, noise(real.length));
			sites.set(variant, { dir, server: await serveStatic(dir) });
		}
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		for (const { dir, server } of sites.values()) {
			await server.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	async function assertReportedAndUsable(w: GuardedPage, cause: RegExp): Promise<void> {
		const { page } = w;
		expect(await waitSettled(page)).toBe('error');
		// A clear message, announced as an alert.
		const alerts = await page.locator('[data-testid="notice"][role="alert"]').allInnerTexts();
		expect(alerts.some((a) => cause.test(a)), JSON.stringify(alerts)).toBe(true);
		expect(await page.getByTestId('engine-status').getAttribute('data-status')).toBe('error');
		expect(await page.getByTestId('engine-status').locator('button').count()).toBe(1);
		// The precomputed default view still shows.
		await page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		expect(await kpiValue(page, 'incidents')).toBe(precomputedIncidents);
		// The filters still operate: a province chosen in the panel reaches the URL and the active filters.
		const provinces = page.getByTestId('filter-province');
		await provinces.locator('summary').click();
		await provinces.getByLabel('Aleppo', { exact: true }).check();
		await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('SY02');
		expect(await page.getByTestId('active-filter').count()).toBe(1);
		expect(await waitSettled(page)).toBe('error');
		await page.getByTestId('clear-all').click();
		await expect.poll(() => new URL(page.url()).search).toBe('');
		expect(w.uncaught).toEqual([]);
		expect(w.dialogs).toEqual([]);
		expect(await w.violations()).toEqual([]);
	}

	for (const variant of ['truncated', 'corrupt'] as const) {
		it(`${variant}: reported with its cause, page still usable`, async () => {
			const w = await openGuardedPage(browser);
			await w.page.goto(`${sites.get(variant)!.server.url}/`);
			await assertReportedAndUsable(w, CAUSES[variant]);
			expect(w.errors).toEqual([]);
			await w.context.close();
		});
	}

	it('missing: reported with its cause; once the file is there, "Try again" recovers', async () => {
		const site = sites.get('missing')!;
		const w = await openGuardedPage(browser);
		await w.page.goto(`${site.server.url}/`);
		await assertReportedAndUsable(w, CAUSES.missing);
		// The only console errors are the browser's own 404 lines for the missing file.
		expect(w.errors.every((e) => /Failed to load resource: .*404/.test(e)), JSON.stringify(w.errors)).toBe(true);

		symlinkSync(join(BUILD_DIR, 'data', 'rasd.duckdb'), join(site.dir, 'data', 'rasd.duckdb'));
		await w.page.getByTestId('engine-status').locator('button').click();
		await waitReady(w.page);
		expect(await w.page.getByTestId('engine-status').getAttribute('data-status')).toBe('ready');
		expect(await kpiValue(w.page, 'incidents')).toBe(precomputedIncidents);
		expect(await w.page.locator('[data-testid="notice"][role="alert"]').count()).toBe(0);
		await w.context.close();
	});
});
