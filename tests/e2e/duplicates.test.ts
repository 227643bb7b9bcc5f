// Probable duplicates across sources end to end (issue 13 part 4), on a hand-written multi-source dataset
// (tests/fixtures/query/duplicates.ts) built into a copy of the site: the page reports how many records in view are
// probable duplicates, `dedupe=1` (or the switch) changes the KPI and the count by exactly that number, which equals
// an independent query over the dataset's Parquet (tests/e2e/oracle.ts), and the review dialog lists every group
// with its records side by side, in English and Arabic (screenshots in RASD_SCREENSHOTS when set).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_FIXTURE, DUPLICATE_GROUPS } from '../fixtures/query/duplicates';
import { BUILD_DIR, kpiValue, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { buildHostileSite } from './hostile-dataset';
import { ParquetOracle } from './oracle';

const count = async (page: Page) => Number(await page.getByTestId('incident-count').getAttribute('data-value'));
const reported = async (page: Page) => Number(await page.getByTestId('duplicates').getAttribute('data-count'));

describe.sequential('probable duplicates across sources (a small multi-source dataset)', () => {
	let work: string;
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		let site: string;
		({ work, site } = await buildHostileSite(BUILD_DIR, DUPLICATE_FIXTURE));
		server = await serveStatic(site);
		browser = await launchBrowser();
		oracle = await ParquetOracle.open(join(work, 'incidents.parquet'));
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		oracle?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('the independent query finds the hand-written groups', async () => {
		const { groups } = await oracle.probableDuplicates();
		const norm = (gs: readonly (readonly string[])[]) => gs.map((g) => [g[0], [...g].sort().join(' ')]).sort();
		expect(norm(groups)).toEqual(norm(DUPLICATE_GROUPS));
	});

	it('dedupe=1 changes the KPI and the count by exactly the reported duplicates, which the independent query confirms', async () => {
		const { dropped } = await oracle.probableDuplicates();
		const w = await openPage(browser);
		const { page } = w;
		for (const filter of ['', '&from=2021-02-01&to=2021-08-31', '&source=ucdp', '&district=SY0203,SY0204']) {
			await page.goto(`${server.url}/?lang=en${filter}`);
			await waitReady(page);
			const off = { kpi: await kpiValue(page, 'incidents'), n: await count(page), reported: await reported(page) };
			const params = new URLSearchParams(filter);
			const inView = DUPLICATE_FIXTURE.filter(
				(r) =>
					(!params.get('from') || r.event_date >= params.get('from')!) &&
					(!params.get('to') || r.event_date <= params.get('to')!) &&
					(!params.get('source') || r.source_dataset === params.get('source')) &&
					(!params.get('district') || params.get('district')!.split(',').includes(r.admin2_pcode ?? ''))
			);
			const expected = inView.filter((r) => dropped.has(r.incident_id)).length;
			expect(off.reported, filter).toBe(expected);
			expect(off.n, filter).toBe(inView.length);
			// The switch, as an analyst uses it: the URL gains dedupe=1 and the figures drop by the reported number.
			await page.getByTestId('dedupe-switch').check();
			await page.waitForURL(/dedupe=1/);
			await waitReady(page);
			const on = { kpi: await kpiValue(page, 'incidents'), n: await count(page), reported: await reported(page) };
			expect(on, filter).toEqual({ kpi: off.kpi - expected, n: off.n - expected, reported: expected });
			expect(await page.getByTestId('active-filter').and(page.locator('[data-filter="dedupe"]')).count()).toBe(1);
			// The same link reopens deduplicated.
			await page.goto(page.url());
			await waitReady(page);
			expect(await kpiValue(page, 'incidents')).toBe(on.kpi);
		}
		expect(w.errors).toEqual([]);
	});

	it('lists the groups side by side (English and Arabic), and opens a record from the list', async () => {
		const { groups } = await oracle.probableDuplicates();
		for (const lang of ['en', 'ar'] as const) {
			const w = await openPage(browser);
			const { page } = w;
			await page.goto(`${server.url}/?lang=${lang}&dedupe=1`);
			await waitReady(page);
			if (process.env.RASD_SCREENSHOTS) await page.getByTestId('duplicates').screenshot({ path: join(process.env.RASD_SCREENSHOTS, `duplicates-bar-${lang}.png`) });
			await page.getByTestId('duplicates-review').click();
			const dialog = page.getByTestId('duplicates-dialog');
			await dialog.getByTestId('duplicate-group').first().waitFor();
			expect(await dialog.getByTestId('duplicate-group').count()).toBe(groups.length);
			const kept = await dialog.locator('[data-testid="duplicate-record"][data-keep="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
			expect(kept.sort()).toEqual(groups.map((g) => g[0]).sort());
			expect(await dialog.getByTestId('duplicate-record').count()).toBe(groups.flat().length);
			if (process.env.RASD_SCREENSHOTS) await page.screenshot({ path: join(process.env.RASD_SCREENSHOTS, `duplicates-${lang}.png`) });
			if (lang === 'en') {
				await dialog.locator('[data-id="acled:d12"] button').click();
				await page.getByTestId('incident-detail').locator('[data-field="source"]').waitFor();
				expect(page.url()).toContain('incident=acled%3Ad12');
			}
			expect(w.errors).toEqual([]);
		}
	});
});
