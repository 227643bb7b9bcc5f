// The dimensions of issue 9 end to end: a link with event, country, district, precision and actor group shows figures
// equal to an independent count over data/incidents.parquet, reopens identically, and exports exactly those rows.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorGroupOf } from '../../src/lib/data/actor-groups';
import { BUILD_DIR, PARQUET, kpiValue, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { ParquetOracle, type OracleFilter } from './oracle';

const LINK = '/?event=Battles&country=SYR&district=SY1101&precision=day&actor=islamic-state';

describe.skipIf(!existsSync(PARQUET))('new dimensions end to end', () => {
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;
	let filter: OracleFilter;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
		oracle = await ParquetOracle.open(PARQUET);
		// The actor group is a mapping of exact names (src/lib/data/actor-groups.ts): the oracle filters by the names.
		const names = (await oracle.perpetrators()).filter((n) => actorGroupOf(n) === 'islamic-state');
		filter = { events: ['Battles'], countries: ['SYR'], districts: ['SY1101'], precisions: ['day'], perpetratorNames: names };
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		oracle?.close();
	});

	it('shows the independent count, reopens identically from the copied link, and exports exactly those rows', async () => {
		const expected = await oracle.totals(filter);
		expect(expected.incidents).toBeGreaterThan(0); // the demo data holds such incidents, so the check can fail
		const w = await openPage(browser);
		await w.page.goto(`${server.url}${LINK}`);
		await waitReady(w.page);
		const shown = { incidents: await kpiValue(w.page, 'incidents'), killed: await kpiValue(w.page, 'killed') };
		expect(shown).toEqual({ incidents: expected.incidents, killed: expected.killed });
		expect(await w.page.getByTestId('active-filter').count()).toBe(5);
		// A district may share its governorate's name: its chip names the dimension too.
		expect(await w.page.locator('[data-filter="districts:SY1101"]').innerText()).toMatch(/^Districts: Ar-Raqqa/);
		expect(Number(await w.page.getByTestId('incident-count').getAttribute('data-value'))).toBe(expected.incidents);

		const copied = await w.page.getByTestId('copy-link').getAttribute('data-href');
		expect(copied).toBe(`${server.url}${LINK}`);
		const again = await openPage(browser);
		await again.page.goto(copied!);
		await waitReady(again.page);
		expect(await kpiValue(again.page, 'incidents')).toBe(expected.incidents);
		expect(again.page.url()).toBe(copied);

		const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export-csv').click()]);
		const file = join(mkdtempSync(join(tmpdir(), 'rasd-dims-')), 'export.csv');
		await download.saveAs(file);
		const rows = parse(readFileSync(file, 'utf8').slice(1)) as string[][];
		const ids = rows.slice(1).map((r) => r[0]);
		const want = (await oracle.exportCells(filter)).map((r) => r[0]);
		expect(ids).toEqual(want);
		expect(w.errors).toEqual([]);
		expect(again.errors).toEqual([]);
	});
});
