// The dashboard in a real headless Chromium over the built app (build/), checked against independent SQL over
// data/incidents.parquet. One browser and one server for the file; pages are reused where a test allows.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import {
	BUILD_DIR,
	PARQUET,
	kpiValue,
	launchBrowser,
	openPage,
	requireBuild,
	serveStatic,
	waitReady,
	type StaticServer,
	type WatchedPage
} from './harness';
import { ParquetOracle, type OracleFilter } from './oracle';

/** The filters test 2 applies through the controls (and tests 3 and 4 reuse). */
const FILTER: Required<Pick<OracleFilter, 'from' | 'to' | 'provinces' | 'targets'>> = {
	from: '2023-01-01',
	to: '2023-12-31',
	provinces: ['SY11', 'SY09'],
	targets: ['Military']
};

async function kpis(page: Page) {
	return {
		incidents: await kpiValue(page, 'incidents'),
		killed: await kpiValue(page, 'killed'),
		injured: await kpiValue(page, 'injured')
	};
}

/** Waits for the page to settle on a new state: the URL has changed to satisfy `urlOk`, then every view answered. */
async function settle(page: Page, urlOk: (url: URL) => boolean): Promise<void> {
	// Polled from Node, not with `new Function` in the page: the page's CSP forbids eval.
	await expect.poll(() => urlOk(new URL(page.url())), { timeout: 60_000 }).toBe(true);
	await waitReady(page);
}

/** Distinct colours drawn on a chart's canvas (a blank or single-colour canvas has 1-2). */
async function canvasColours(page: Page, testid: string): Promise<number> {
	return page.getByTestId(testid).evaluate((el) => {
		const canvas = el.querySelector('canvas');
		if (!canvas) return 0;
		const ctx = canvas.getContext('2d');
		if (!ctx) return 0;
		const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
		const seen = new Set<number>();
		for (let i = 0; i < data.length; i += 16) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
		return seen.size;
	});
}

async function applyFilterThroughControls(page: Page): Promise<void> {
	const provinces = page.getByTestId('filter-province');
	await provinces.locator('summary').click();
	await provinces.getByLabel('Ar-Raqqa', { exact: true }).check();
	await provinces.getByLabel('Deir-ez-Zor', { exact: true }).check();
	const targets = page.getByTestId('filter-target');
	await targets.locator('summary').click();
	await targets.getByLabel('Military', { exact: true }).check();
	await page.getByTestId('filter-from').fill(FILTER.from);
	await page.getByTestId('filter-to').fill(FILTER.to);
	await page.getByTestId('control-grain').selectOption('week');
	await settle(page, (u) => u.searchParams.get('grain') === 'week');
}

const formulaGuard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe.skipIf(!existsSync(PARQUET))('dashboard end to end', () => {
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;
	let main: WatchedPage;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
		oracle = await ParquetOracle.open(PARQUET);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		oracle?.close();
	});

	it('1. loads, answers every view, shows the synthetic banner, the tile map, no errors, no foreign requests', async () => {
		main = await openPage(browser);
		const { page } = main;
		await page.goto(`${server.url}/`);
		await waitReady(page);
		const all = await oracle.totals();
		expect(all.incidents).toBeGreaterThan(0);
		expect(await kpis(page)).toEqual({ incidents: all.incidents, killed: all.killed, injured: all.injured });

		const banner = page.getByTestId('synthetic-banner');
		await expect.poll(() => banner.isVisible()).toBe(true);
		expect(Number(await banner.getAttribute('data-synthetic-rows'))).toBe(all.synthetic);
		expect(await banner.innerText()).toContain(all.synthetic.toLocaleString('en-US'));

		// The map panel draws the shipped governorates (tests/e2e/map.test.ts checks its figures).
		await page.waitForSelector('[data-testid="incident-map"][data-units="14"]');
		expect(await canvasColours(page, 'incident-map')).toBeGreaterThan(8);
		expect(await canvasColours(page, 'timeline-chart')).toBeGreaterThan(8);

		expect(await page.getByTestId('incident-row').count()).toBe(50);
		// Each row's source link is the incident's own URL, only when it is http(s), opened safely.
		const rows = await page.getByTestId('incident-row').evaluateAll((trs) =>
			trs.map((tr) => {
				const a = tr.querySelector('a');
				return { id: tr.getAttribute('data-id') ?? '', href: a?.getAttribute('href') ?? null, target: a?.target, rel: a?.rel };
			})
		);
		const urls = await oracle.sourceUrls(rows.map((r) => r.id));
		expect(urls.size).toBe(50);
		for (const r of rows) {
			const url = urls.get(r.id) ?? null;
			const safe = url !== null && /^https?:\/\//i.test(url) ? new URL(url).href : null;
			expect(r.href, r.id).toBe(safe);
			if (r.href) expect([r.target, r.rel]).toEqual(['_blank', 'noopener noreferrer']);
		}
		expect(await page.getByTestId('incident-table').getAttribute('data-count')).toBe(String(all.incidents));
		await page.screenshot({ path: join(tmpdir(), 'rasd-e2e-1.png'), fullPage: true });

		const origin = new URL(server.url).origin;
		expect(main.requests.length).toBeGreaterThan(5);
		expect(main.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
		// The artifact is read by range requests from the worker (recorded too), never fetched whole up front.
		expect(main.requests.some((u) => u.endsWith('/data/rasd.duckdb'))).toBe(true);
		expect(main.errors).toEqual([]);
	});

	it('2. filters through the controls: KPIs equal an independent count; the URL carries the filters', async () => {
		const { page } = main;
		await applyFilterThroughControls(page);
		const expected = await oracle.totals(FILTER);
		expect(expected.incidents).toBeGreaterThan(0);
		expect(await kpis(page)).toEqual({ incidents: expected.incidents, killed: expected.killed, injured: expected.injured });
		// Previous period of equal length: 2022 (365 days before 2023-01-01).
		const prev = await oracle.totals({ ...FILTER, from: '2022-01-01', to: '2022-12-31' });
		expect(await page.getByTestId('kpi-incidents-change').getAttribute('data-prev')).toBe(String(prev.incidents));

		const url = new URL(page.url());
		expect(url.searchParams.get('from')).toBe(FILTER.from);
		expect(url.searchParams.get('to')).toBe(FILTER.to);
		expect(url.searchParams.get('province')?.split(',').sort()).toEqual([...FILTER.provinces].sort());
		expect(url.searchParams.get('target')).toBe('Military');
		expect(url.searchParams.get('grain')).toBe('week');
		expect(await page.getByTestId('active-filter').count()).toBe(5);
		expect(main.errors).toEqual([]);
	});

	it('3. a copied link reopens the same view; back and forward step through filter changes', async () => {
		const { page, context } = main;
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
		await page.getByTestId('copy-link').click();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(page.url());
		expect(await page.getByTestId('copy-link').getAttribute('data-href')).toBe(copied);
		const before = await kpis(page);

		const fresh = await openPage(browser);
		await fresh.page.goto(copied);
		await waitReady(fresh.page);
		expect(await kpis(fresh.page)).toEqual(before);
		const provinces = fresh.page.getByTestId('filter-province');
		await provinces.locator('summary').click();
		expect(await provinces.getByLabel('Ar-Raqqa', { exact: true }).isChecked()).toBe(true);
		expect(await provinces.getByLabel('Deir-ez-Zor', { exact: true }).isChecked()).toBe(true);
		expect(await provinces.getByLabel('Aleppo', { exact: true }).isChecked()).toBe(false);
		const targets = fresh.page.getByTestId('filter-target');
		await targets.locator('summary').click();
		expect(await targets.getByLabel('Military', { exact: true }).isChecked()).toBe(true);
		expect(await fresh.page.getByTestId('filter-from').inputValue()).toBe(FILTER.from);
		expect(await fresh.page.getByTestId('filter-to').inputValue()).toBe(FILTER.to);
		expect(await fresh.page.getByTestId('control-grain').inputValue()).toBe('week');
		expect(fresh.errors).toEqual([]);
		await fresh.context.close();

		// Back: the grain change is undone, then the end date; the figures follow.
		await page.goBack();
		await settle(page, (u) => !u.searchParams.has('grain') && u.searchParams.has('to'));
		expect(await page.getByTestId('control-grain').inputValue()).toBe('month');
		expect(await kpis(page)).toEqual(before);
		await page.goBack();
		await settle(page, (u) => !u.searchParams.has('to'));
		expect(await page.getByTestId('filter-to').inputValue()).toBe('');
		const openEnded = await oracle.totals({ ...FILTER, to: undefined });
		expect(await kpiValue(page, 'incidents')).toBe(openEnded.incidents);
		expect(openEnded.incidents).not.toBe(before.incidents);
		// Forward twice: the full state again.
		await page.goForward();
		await settle(page, (u) => u.searchParams.has('to') && !u.searchParams.has('grain'));
		await page.goForward();
		await settle(page, (u) => u.searchParams.get('grain') === 'week');
		expect(await kpis(page)).toEqual(before);
		expect(page.url()).toBe(copied);
		expect(main.errors).toEqual([]);
	});

	it('4. exports exactly the filtered incidents as CSV (all rows, BOM, file name)', async () => {
		const { page } = main;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		// Named after the view: its dates and filters.
		expect(download.suggestedFilename()).toBe(`rasd-incidents_${FILTER.from}_${FILTER.to}_province-sy11+sy09_target-military.csv`);
		const file = join(mkdtempSync(join(tmpdir(), 'rasd-e2e-')), 'export.csv');
		await download.saveAs(file);
		const text = readFileSync(file, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
		expect(rows[0]).toEqual([...INCIDENT_COLUMN_NAMES]);
		const expected = await oracle.exportCells(FILTER);
		expect(expected.length).toBeGreaterThan(50); // more than one page of the table
		expect(rows.length - 1).toBe(expected.length);
		const numeric = new Set(['latitude', 'longitude']);
		for (let r = 0; r < expected.length; r++) {
			const got = rows[r + 1];
			const want = expected[r].map((cell, c) =>
				numeric.has(INCIDENT_COLUMN_NAMES[c]) || cell === '' ? cell : formulaGuard(cell)
			);
			INCIDENT_COLUMN_NAMES.forEach((name, c) => {
				if (numeric.has(name) && want[c] !== '') expect(Number(got[c]), `${name} row ${r}`).toBe(Number(want[c]));
				else expect(got[c], `${name} row ${r}`).toBe(want[c]);
			});
		}
		expect(main.errors).toEqual([]);
	});

	it('5. invalid parameters are ignored with a visible notice and the default view', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/?province=SY99&grain=fortnight&bogus=1`);
		await waitReady(w.page);
		const notices = w.page.getByTestId('notices');
		const text = await notices.innerText();
		expect(await w.page.getByTestId('notice').count()).toBeGreaterThanOrEqual(3);
		expect(text).toMatch(/SY99/);
		expect(text).toMatch(/fortnight/);
		expect(text).toMatch(/bogus/);
		const all = await oracle.totals();
		expect(await kpis(w.page)).toEqual({ incidents: all.incidents, killed: all.killed, injured: all.injured });
		expect(await w.page.getByTestId('control-grain').inputValue()).toBe('month');
		expect(await w.page.getByTestId('active-filter').count()).toBe(0);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('7. the first chart paints from the precomputed default view before the engine is ready', async () => {
		const w = await openPage(browser);
		let release!: () => void;
		const gate = new Promise<void>((ok) => (release = ok));
		// Hold the DuckDB worker script back: the engine cannot start until the test lets it.
		await w.page.route(/duckdb-browser-(eh|mvp)\.worker.*\.js$/, async (route) => {
			await gate;
			await route.continue();
		});
		await w.page.goto(`${server.url}/`);
		await w.page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		expect(await w.page.getByTestId('engine-status').getAttribute('data-status')).toBe('loading');
		expect(await w.page.getByTestId('app').getAttribute('data-state')).toBe('loading');
		expect(await w.page.getByTestId('app').getAttribute('data-precomputed')).toBe('true');
		expect(await canvasColours(w.page, 'timeline-chart')).toBeGreaterThan(8);
		const all = await oracle.totals();
		expect(await kpiValue(w.page, 'incidents')).toBe(all.incidents);
		release();
		await waitReady(w.page);
		expect(await w.page.getByTestId('engine-status').getAttribute('data-status')).toBe('ready');
		expect(await kpiValue(w.page, 'incidents')).toBe(all.incidents);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('8. tiles, chips, the perpetrator search, the timeline zoom, the detail dialog, sorting and paging work', async () => {
		const w = await openPage(browser);
		const { page } = w;
		// The compact tile view of the map panel.
		await page.goto(`${server.url}/?map=tiles`);
		await waitReady(page);

		// A tile click filters by that governorate (Aleppo sits at column 2, row 0 of the 5 x 5 tile grid).
		const tiles = page.getByTestId('province-map').locator('.chart');
		await tiles.scrollIntoViewIfNeeded();
		const box = (await tiles.boundingBox())!;
		const gridW = box.width - 8;
		const gridH = box.height - 48;
		await page.mouse.click(box.x + 4 + 2.5 * (gridW / 5), box.y + 4 + 0.5 * (gridH / 5));
		await settle(page, (u) => u.searchParams.get('province') === 'SY02');
		expect(await kpiValue(page, 'incidents')).toBe((await oracle.totals({ provinces: ['SY02'] })).incidents);

		// Its chip clears it again.
		await page.locator('[data-testid="active-filter"][data-filter="provinces:SY02"]').click();
		await settle(page, (u) => !u.searchParams.has('province'));
		// Back to the real map through the panel's switch: the default view again.
		await page.getByTestId('map-mode').selectOption('governorate');
		await settle(page, (u) => u.search === '');

		// Perpetrators: search, pick the first match.
		await page.getByTestId('filter-perpetrator-search').fill('a');
		const option = page.getByTestId('filter-perpetrator-options').locator('button').first();
		await option.waitFor();
		const name = (await option.locator('span').first().innerText()).trim();
		await option.click();
		await settle(page, (u) => u.searchParams.has('perp'));
		expect(new URL(page.url()).searchParams.get('perp')).toBe(name);
		const perp = await oracle.totals({ perpetrators: [name] });
		expect(await kpiValue(page, 'incidents')).toBe(perp.incidents);
		await page.getByTestId('clear-all').click();
		await settle(page, (u) => u.search === '');

		// Minimum casualties (a number input, committed on change).
		await page.getByTestId('filter-min').fill('5');
		await page.getByTestId('filter-min').press('Enter');
		await settle(page, (u) => u.searchParams.get('min') === '5');
		expect(await kpiValue(page, 'incidents')).toBe((await oracle.totals({ minCasualties: 5 })).incidents);
		await page.getByTestId('clear-all').click();
		await settle(page, (u) => u.search === '');

		// Text search in summaries (committed with Enter).
		await page.getByTestId('filter-q').fill('Checkpoint');
		await page.getByTestId('filter-q').press('Enter');
		await settle(page, (u) => u.searchParams.get('q') === 'Checkpoint');
		const found = await oracle.totals({ word: 'checkpoint' });
		expect(found.incidents).toBeGreaterThan(0);
		expect(await kpiValue(page, 'incidents')).toBe(found.incidents);
		await page.getByTestId('clear-all').click();
		await settle(page, (u) => u.search === '');

		// Zooming the timeline (mouse wheel over the plot) narrows the date filter to the buckets in view.
		await page.getByTestId('timeline-chart').scrollIntoViewIfNeeded();
		const chart = (await page.getByTestId('timeline-chart').boundingBox())!;
		await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
		for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
		await settle(page, (u) => u.searchParams.has('from') && u.searchParams.has('to'));
		const zoomed = new URL(page.url()).searchParams;
		const from = zoomed.get('from')!;
		const to = zoomed.get('to')!;
		expect(from < to).toBe(true);
		expect(await kpiValue(page, 'incidents')).toBe((await oracle.totals({ from, to })).incidents);

		// Sorting by killed (largest first) and paging.
		await page.getByTestId('sort-killed').click();
		await settle(page, (u) => u.searchParams.get('sort') === 'killed');
		const killed = await page.getByTestId('incident-row').evaluateAll((trs) =>
			trs.map((tr) => Number((tr.querySelector('td[data-col="killed"]') as HTMLElement).innerText.replace(/,/g, '')))
		);
		expect(killed.length).toBe(50);
		expect([...killed].sort((a, b) => b - a)).toEqual(killed);
		const firstPage = await page.getByTestId('incident-row').first().getAttribute('data-id');
		await page.getByTestId('page-next').click();
		await settle(page, (u) => u.searchParams.get('page') === '2');
		expect(await page.getByTestId('incident-row').first().getAttribute('data-id')).not.toBe(firstPage);

		// A row opens its full record with every field.
		const row = page.getByTestId('incident-row').first();
		const id = (await row.getAttribute('data-id'))!;
		await row.locator('button.open').click();
		const dialog = page.getByTestId('incident-detail');
		await dialog.locator('dd[data-field="incident_id"]').waitFor();
		expect(await dialog.locator('dd[data-field="incident_id"]').innerText()).toBe(id);
		// A readable record: a title, the summary, then the fields with their precision in words.
		expect(await page.getByTestId('detail-title').innerText()).toMatch(/\d{4}$/);
		expect(await dialog.locator('dd[data-field="place"]').innerText()).not.toBe('');
		await page.screenshot({ path: join(tmpdir(), 'rasd-e2e-detail.png') });
		await page.getByTestId('detail-close').click();
		expect(await dialog.isVisible()).toBe(false);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('10. the last page of the list (read from its end) holds the rows an independent query puts there', async () => {
		const w = await openPage(browser);
		const { page } = w;
		const rowIds = () => page.getByTestId('incident-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
		const cases: [string, OracleFilter, 'event_date' | 'killed'][] = [
			['', {}, 'event_date'],
			['?province=SY02&sort=killed', { provinces: ['SY02'] }, 'killed']
		];
		for (const [query, filter, sort] of cases) {
			await page.goto(`${server.url}/${query}`);
			await waitReady(page);
			const total = (await oracle.totals(filter)).incidents;
			const last = Math.ceil(total / 50);
			await page.getByTestId('page-last').click();
			await settle(page, (u) => u.searchParams.get('page') === String(last));
			expect(await rowIds()).toEqual(await oracle.pageIds(filter, sort, last, 50));
			// One before it, from the end as well.
			await page.getByTestId('page-prev').click();
			await settle(page, (u) => u.searchParams.get('page') === String(last - 1));
			expect(await rowIds()).toEqual(await oracle.pageIds(filter, sort, last - 1, 50));
		}
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('9. an engine that cannot start is reported, and the precomputed view still renders', async () => {
		const w = await openPage(browser);
		await w.page.route(/\.wasm$/, (route) => route.abort());
		await w.page.goto(`${server.url}/`);
		await w.page.waitForSelector('[data-testid="app"][data-state="error"]');
		expect(await w.page.getByTestId('engine-status').getAttribute('data-status')).toBe('error');
		expect(await w.page.getByTestId('notices').innerText()).toMatch(/query engine could not start/i);
		await w.page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		expect(await kpiValue(w.page, 'incidents')).toBe((await oracle.totals()).incidents);
		await w.context.close();
	});
});

if (!existsSync(PARQUET)) console.warn(`e2e skipped: ${PARQUET} is missing (run npm run data:demo / data:dataset)`);
