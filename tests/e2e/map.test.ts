// The map panel (issue 11) in headless Chromium over the built app: a real map of Syria from the shipped OCHA files,
// its figures against independent DuckDB counts over data/incidents.parquet (tests/e2e/oracle.ts), points only for
// precisely placed incidents, districts by p-code, the bbox filter, the attribution, axe in both languages, and an
// ACLED export of Yemen (a hand-written fixture of invented rows) drawn with Yemen's own provinces.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { runImport } from '../../scripts/lib/import-run';
import { buildViewAssets } from '../../scripts/build-view-assets';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { BUILD_DIR, PARQUET, REPO_ROOT, kpiValue, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { copyBuild } from './hostile-support';
import { ParquetOracle } from './oracle';

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The map's table (its text alternative): unit key -> value. */
async function mapTable(page: Page): Promise<Map<string, number>> {
	const toggle = page.getByTestId('provinces-table-toggle');
	if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
	const table = page.getByTestId('provinces-table');
	await table.waitFor();
	const rows = await table.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [tr.getAttribute('data-key') ?? '', Number(tr.querySelector('td')!.getAttribute('data-value'))] as const)
	);
	return new Map(rows);
}

async function mapAttrs(page: Page): Promise<Record<string, string>> {
	await page.waitForSelector('[data-testid="incident-map"][data-units]:not([data-units="0"])', { timeout: 30_000 });
	return page.getByTestId('incident-map').evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
}

describe.skipIf(!existsSync(PARQUET))('map panel end to end', () => {
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;

	beforeAll(async () => {
		requireBuild();
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
		oracle = await ParquetOracle.open(PARQUET);
	});
	afterAll(async () => {
		oracle?.close();
		await browser?.close();
		await server?.close();
	});

	it('draws Syria from the shipped governorates, with counts equal to independent counts and to the KPI', async () => {
		const w = await openPage(browser);
		const t0 = Date.now();
		await w.page.goto(`${server.url}/`);
		await waitReady(w.page);
		const attrs = await mapAttrs(w.page);
		console.log(`map drawn ${Date.now() - t0} ms after navigation`);
		expect(attrs['data-level']).toBe('governorate');
		expect(attrs['data-units']).toBe('14');
		const boundaryRequests = w.requests.filter((u) => u.includes('/boundaries/'));
		expect(boundaryRequests.map((u) => new URL(u).pathname)).toEqual(['/boundaries/syria-admin1.json']);

		const table = await mapTable(w.page);
		const expected = await oracle.countBy('admin1_pcode');
		expect([...table.keys()].sort()).toEqual([...SYRIA_PCODES].sort());
		for (const pcode of SYRIA_PCODES) expect(table.get(pcode), pcode).toBe(expected.get(pcode) ?? 0);
		const total = (await oracle.totals()).incidents;
		expect(Number(attrs['data-total'])).toBe(total);
		expect(await kpiValue(w.page, 'incidents')).toBe(total);

		// Points: exactly the precisely placed incidents; the rest are said to be left out.
		const precise = (await oracle.totals({ precise: true })).incidents;
		expect(Number(attrs['data-points'])).toBe(precise);
		expect(Number(attrs['data-cell-incidents'])).toBe(precise);
		expect(Number(attrs['data-left-out'])).toBe(total - precise);
		expect(total - precise).toBeGreaterThan(0);
		expect(await w.page.getByTestId('provinces-summary').innerText()).toContain((total - precise).toLocaleString('en-US'));

		const credit = w.page.getByTestId('map-attribution');
		expect(await credit.isVisible()).toBe(true);
		expect(await credit.innerText()).toContain('OCHA / UN Cartographic Section');
		expect(await credit.innerText()).toContain('United Nations');
		expect(w.requests.filter((u) => new URL(u).origin !== new URL(server.url).origin)).toEqual([]);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('filters by district SY1101 from the link and from the district map, and everything agrees', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/?district=SY1101`);
		await waitReady(w.page);
		const expected = (await oracle.totals({ districts: ['SY1101'] })).incidents;
		expect(expected).toBeGreaterThan(0);
		expect(await kpiValue(w.page, 'incidents')).toBe(expected);
		expect((await mapTable(w.page)).get('SY11')).toBe(expected);

		// The district map: 62 units, ignoring its own selection; a click on SY1101 (its table button) toggles it.
		await w.page.goto(`${server.url}/?map=district`);
		await waitReady(w.page);
		const attrs = await mapAttrs(w.page);
		expect(attrs['data-level']).toBe('district');
		expect(attrs['data-units']).toBe('62');
		const table = await mapTable(w.page);
		const byDistrict = await oracle.countBy('admin2_pcode');
		for (const [pcode, n] of byDistrict) if (pcode) expect(table.get(pcode), pcode).toBe(n);
		await w.page.locator('[data-testid="provinces-table"] tr[data-key="SY1101"] button').click();
		await expect.poll(() => new URL(w.page.url()).searchParams.get('district')).toBe('SY1101');
		await waitReady(w.page);
		expect(await kpiValue(w.page, 'incidents')).toBe(expected);
		expect(w.requests.some((u) => u.endsWith('/boundaries/syria-admin2.json'))).toBe(true);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('the bbox filter keeps the precisely placed incidents in the area', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/?bbox=36,35,38,37`);
		await waitReady(w.page);
		const expected = (await oracle.totals({ bbox: [36, 35, 38, 37] })).incidents;
		expect(expected).toBeGreaterThan(0);
		expect(await kpiValue(w.page, 'incidents')).toBe(expected);
		const attrs = await mapAttrs(w.page);
		expect(Number(attrs['data-points'])).toBe(expected);
		expect(Number(attrs['data-left-out'])).toBe(0);
		expect(await w.page.locator('[data-testid="active-filter"][data-filter="bbox"]').count()).toBe(1);
		await w.context.close();
	});

	it('zooms with the keyboard and asks for finer cells; a lone incident cell carries its id', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/`);
		await waitReady(w.page);
		await mapAttrs(w.page);
		const map = w.page.getByTestId('incident-map');
		await map.focus();
		for (let i = 0; i < 5; i++) await w.page.keyboard.press('+');
		await expect.poll(async () => Number(await map.getAttribute('data-zoom')), { timeout: 10_000 }).toBeGreaterThan(5);
		// The zoomed view's own cells arrive (smaller cells: more of them than the whole map's, or fewer in view).
		await expect.poll(async () => Number(await map.getAttribute('data-cell-incidents')), { timeout: 20_000 }).toBeLessThan(
			(await oracle.totals({ precise: true })).incidents
		);
		await w.page.keyboard.press('0');
		await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBe(1);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('axe finds no violations on the map in English and Arabic, light and dark', async () => {
		for (const [lang, theme] of [['en', 'light'], ['ar', 'dark'], ['en', 'dark'], ['ar', 'light']]) {
			const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/?lang=${lang}&theme=${theme}`);
			await waitReady(page);
			await mapAttrs(page);
			await page.getByTestId('provinces-table-toggle').click();
			await page.addScriptTag({ path: AXE });
			const violations = await page.evaluate(async () => {
				const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
				const r = await axe.run(document.querySelector('[data-testid="panel-provinces"]')!);
				return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
			expect(violations, `${lang}/${theme}`).toEqual([]);
			await context.close();
		}
	}, 120_000);
});

/** Invented ACLED export-tool rows over Yemen (not real events); Socotra is newer than Natural Earth's units. */
const YEMEN_CSV = [
	'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp',
	...[
		['YEM900001', 'Amanat al Asimah', 'Sanaa', 15.35, 44.2, 1, 2],
		['YEM900002', 'Aden', 'Aden', 12.8, 45.03, 1, 0],
		['YEM900003', 'Aden', 'Aden', 12.79, 45.02, 2, 1],
		['YEM900004', 'Taizz', 'Taizz', 13.58, 44.02, 1, 3],
		['YEM900005', 'Al Hudaydah', 'Al Hudaydah', 14.8, 42.95, 1, 0],
		['YEM900006', 'Marib', 'Marib', 15.46, 45.32, 3, 5],
		['YEM900007', 'Socotra', 'Hadibu', 12.65, 54.02, 1, 0]
	].map(
		([id, admin1, location, lat, lon, precision, fatalities], i) =>
			`${id},0${i + 1} June 2023,2023,1,Political violence,Battles,Armed clash,Invented Actor A,,1,Invented Actor B,,2,12,,887,Middle East,Yemen,${admin1},,,${location},${lat},${lon},${precision},Invented Source,National,Invented note.,${fatalities},,1700000000`
	)
].join('\n');

describe('an ACLED export of Yemen gets a map of Yemen', () => {
	let work: string;
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		requireBuild();
		work = mkdtempSync(join(tmpdir(), 'rasd-map-yemen-'));
		const site = copyBuild(BUILD_DIR, join(work, 'site'));
		const csv = join(work, 'acled-yemen.csv');
		writeFileSync(csv, `${YEMEN_CSV}\n`);
		const parquet = join(work, 'incidents.parquet');
		await runImport({ inputs: [csv], out: parquet });
		const artifact = join(site, 'data', 'rasd.duckdb');
		rmSync(artifact, { force: true }); // the copy's link to the shared artifact
		await buildArtifact({ input: parquet, output: artifact });
		await buildViewAssets({ artifact, outDir: join(site, 'data'), log: () => undefined });
		server = await serveStatic(site);
		browser = await launchBrowser();
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it("draws Yemen's provinces, lists the name no unit matches, and fetches no Syrian boundary", async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/`);
		await waitReady(w.page);
		await w.page.waitForSelector('[data-testid="incident-map"][data-units]:not([data-units="0"]):not([data-units="14"])', { timeout: 30_000 });
		const attrs = await mapAttrs(w.page);
		expect(Number(attrs['data-units'])).toBeGreaterThan(15);
		const paths = w.requests.filter((u) => u.includes('/boundaries/')).map((u) => new URL(u).pathname);
		expect(paths).toContain('/boundaries/admin1/index.json');
		expect(paths).toContain('/boundaries/admin1/YEM.json');
		expect(paths).not.toContain('/boundaries/syria-admin1.json');
		const table = await mapTable(w.page);
		const drawn = [...table.values()].reduce((a, b) => a + b, 0);
		// Six of the seven rows match a unit; Socotra is listed as not on the map.
		expect(drawn).toBe(6);
		expect(await w.page.getByTestId('map-unmatched').innerText()).toContain('Socotra');
		expect(await w.page.getByTestId('map-attribution').innerText()).toContain('Natural Earth');
		expect(Number(attrs['data-points'])).toBe(6); // precision 1 and 2 rows; Marib (3) is known only to its area
		await w.page.getByTestId('panel-provinces').screenshot({ path: join(tmpdir(), 'rasd-e2e-map-yemen.png') });
		expect(w.errors).toEqual([]);
		await w.context.close();
	});
});
