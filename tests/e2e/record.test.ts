// Issue 13 in Chromium: the incident record at ?incident=<id> (opened from the list, closed by Back or the close
// button, reopened by a reload and from a copied link, in English and Arabic; an unknown or malformed id gives a
// notice), "Cite this view", chart CSV / PNG named after the view with the PNG's citation line, and, on a small
// dataset with UCDP-style ranges, the killed KPI's range, the record's range and the XLSX export read back with
// exceljs. Screenshots go to the temporary folder (rasd-e2e-record-*.png).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { EXPORT_COLUMNS } from '../../src/lib/query/columns';
import { BUILD_DIR, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { ORDINARY, buildHostileSite } from './hostile-dataset';

const shot = (name: string) => join(tmpdir(), `rasd-e2e-record-${name}.png`);

async function settleUrl(page: Page, ok: (u: URL) => boolean): Promise<void> {
	await expect.poll(() => ok(new URL(page.url())), { timeout: 60_000 }).toBe(true);
	await waitReady(page);
}

/** The record dialog is open on this id with its readable title. */
async function recordOpen(page: Page, id: string): Promise<string> {
	const dialog = page.getByTestId('incident-detail');
	await dialog.locator('dd[data-field="incident_id"]').waitFor({ timeout: 60_000 });
	expect(await dialog.getAttribute('data-id')).toBe(id);
	expect(await dialog.locator('dd[data-field="incident_id"]').innerText()).toBe(id);
	return page.getByTestId('detail-title').innerText();
}

/** Width and height of a PNG (its IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('incident record, citations and chart exports (demo data)', () => {
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('1. a row opens its record at ?incident=; Back, the close button and a reload do what a reader expects', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?province=SY11&lang=en`);
		await waitReady(page);
		const row = page.getByTestId('incident-row').first();
		const id = (await row.getAttribute('data-id'))!;
		await row.locator('button.open').click();
		await settleUrl(page, (u) => u.searchParams.get('incident') === id && u.searchParams.get('province') === 'SY11');
		const title = await recordOpen(page, id);
		// What, where (the governorate's name), when; the summary first; precision in words.
		expect(title).toContain('Ar-Raqqa');
		expect(title).toMatch(/\d{4}/);
		expect(await page.getByTestId('detail-summary').innerText()).not.toBe('');
		expect(await page.getByTestId('detail-note-date').innerText()).toMatch(/^date known to the (day|week|month|year)$/);
		expect(await page.getByTestId('incident-detail').locator('dd[data-field="source"]').innerText()).toMatch(/Demo|demo|تجريبي/);
		expect(await page.getByTestId('detail-raw').getAttribute('open')).toBe(null);
		const link = (await page.getByTestId('detail-copy-link').getAttribute('data-href'))!;
		expect(new URL(link).searchParams.get('incident')).toBe(id);
		const citation = (await page.getByTestId('detail-copy-citation').getAttribute('data-citation'))!;
		expect(citation).toContain(`record ${id}`);
		expect(citation).toContain(link);
		await page.screenshot({ path: shot('en-light') });

		// Back closes the record and leaves the view as it was.
		await page.goBack();
		await settleUrl(page, (u) => !u.searchParams.has('incident') && u.searchParams.get('province') === 'SY11');
		expect(await page.getByTestId('incident-detail').isVisible()).toBe(false);
		// Forward reopens it; the close button goes back to the view again.
		await page.goForward();
		await settleUrl(page, (u) => u.searchParams.get('incident') === id);
		await recordOpen(page, id);
		await page.getByTestId('detail-close').click();
		await settleUrl(page, (u) => !u.searchParams.has('incident') && u.searchParams.get('province') === 'SY11');
		expect(await page.getByTestId('incident-detail').isVisible()).toBe(false);

		// The copied link, opened fresh, reopens the record over the same view; closing it keeps the view.
		await page.goto(link);
		await waitReady(page);
		expect(await recordOpen(page, id)).toBe(title);
		await page.reload();
		await waitReady(page);
		expect(await recordOpen(page, id)).toBe(title);
		await page.keyboard.press('Escape');
		await settleUrl(page, (u) => !u.searchParams.has('incident') && u.searchParams.get('province') === 'SY11');
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('2. the permalink opens a readable record in Arabic, with Arabic names and labels, right to left', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?province=SY11&lang=en`);
		await waitReady(page);
		const id = (await page.getByTestId('incident-row').first().getAttribute('data-id'))!;
		for (const theme of ['light', 'dark']) {
			await page.goto(`${server.url}/?province=SY11&lang=ar&theme=${theme}&incident=${encodeURIComponent(id)}`);
			await waitReady(page);
			const title = await recordOpen(page, id);
			expect(title).toContain('الرقة');
			expect(title).not.toContain('Ar-Raqqa');
			const dialog = page.getByTestId('incident-detail');
			expect(await dialog.locator('dt').first().innerText()).toBe('المكان');
			expect(await page.getByTestId('detail-note-date').innerText()).toMatch(/^التاريخ معروف/);
			expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
			await page.screenshot({ path: shot(`ar-${theme}`) });
		}
		// The list in Arabic names governorates and categories in Arabic.
		await page.keyboard.press('Escape');
		await waitReady(page);
		const place = await page.locator('[data-testid="incident-row"] td[data-col="place"]').first().innerText();
		expect(place).toContain('الرقة');
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('3. an unknown or malformed id gives a notice, never an error, and the view stays', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?province=SY11&lang=en&incident=synthetic%3A999999999`);
		await settleUrl(page, (u) => !u.searchParams.has('incident') && u.searchParams.get('province') === 'SY11');
		await expect.poll(() => page.getByTestId('notices').innerText(), { timeout: 30_000 }).toContain('There is no incident "synthetic:999999999"');
		expect(await page.getByTestId('incident-detail').isVisible()).toBe(false);
		await page.goto(`${server.url}/?lang=en&incident=%3Cscript%3E`);
		await waitReady(page);
		expect(await page.getByTestId('notices').innerText()).toContain('is not an incident id');
		expect(await page.getByTestId('incident-detail').isVisible()).toBe(false);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('4. chart CSV and PNG are named after the view; the PNG carries a citation line; Cite this view lists the sources', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?from=2023-01-01&to=2023-12-31&province=SY11,SY09&lang=en`);
		await waitReady(page);
		const stem = 'rasd-timeline_2023-01-01_2023-12-31_province-sy11+sy09';
		const csv = page.waitForEvent('download');
		await page.getByTestId('timeline-csv').click();
		const csvFile = await csv;
		expect(csvFile.suggestedFilename()).toBe(`${stem}.csv`);
		const text = readFileSync((await csvFile.path())!, 'utf8').replace(/^\uFEFF/, '');
		expect(text.split('\r\n')[0]).toBe('bucket,series,value'); // plain data: one header row

		const box = (await page.getByTestId('timeline-chart').boundingBox())!;
		const png = page.waitForEvent('download');
		await page.getByTestId('timeline-png').click();
		const pngFile = await png;
		expect(pngFile.suggestedFilename()).toBe(`${stem}.png`);
		const bytes = readFileSync((await pngFile.path())!);
		const size = pngSize(bytes);
		// The chart at pixel ratio 2, plus the footer's two lines (2 x 18 + 6 CSS pixels).
		expect(Math.abs(size.height - (Math.round(box.height) * 2 + 84))).toBeLessThanOrEqual(4);
		// Text was drawn in the footer band: more than the background's colour there.
		const colours = await page.evaluate(async (b64) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.width;
			c.height = img.height;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const { data } = ctx.getImageData(0, img.height - 80, Math.min(img.width, 800), 76);
			const seen = new Set<number>();
			for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			return seen.size;
		}, bytes.toString('base64'));
		expect(colours).toBeGreaterThan(5);
		await w.context.close();
		const view = await openPage(browser);
		await view.page.goto(`${server.url}/?from=2023-01-01&to=2023-12-31&province=SY11,SY09&lang=en`);
		await waitReady(view.page);
		await view.page.getByTestId('cite-view').click();
		const block = view.page.getByTestId('cite-text');
		await block.waitFor();
		const cite = (await block.getAttribute('data-text'))!;
		expect(cite).toContain('Link: ');
		expect(cite).toContain('province=SY11,SY09');
		expect(cite).toContain('Provinces: Ar-Raqqa, Deir-ez-Zor');
		expect(cite).toMatch(/Rows: [\d,]+ incidents/);
		expect(cite).toContain('SYNTHETIC demo data');
		expect(cite).toMatch(/Rasd \d+\.\d+\.\d+/);
		expect(cite).toMatch(/sha256: [0-9a-f]{64}/);
		await view.page.screenshot({ path: shot('cite') });
		expect(view.errors).toEqual([]);
		await view.context.close();
	});
});

/** UCDP-style rows with low and high estimates beside rows without a range. */
const UCDP: Incident[] = [
	{ ...ORDINARY[0], incident_id: 'ucdp:4924', source_dataset: 'ucdp', source_record_id: '4924', event_date: '2023-05-10', admin1_pcode: 'SY11', admin1: 'Ar-Raqqa', killed: 12, killed_low: 10, killed_high: 15, summary: 'Clashes near Raqqa', source_name: 'Invented Agency', event_type: 'State-based conflict', attack_type: null },
	{ ...ORDINARY[1], incident_id: 'ucdp:4925', source_dataset: 'ucdp', source_record_id: '4925', event_date: '2023-05-11', admin1_pcode: 'SY11', admin1: 'Ar-Raqqa', killed: 30, killed_low: 25, killed_high: 41, summary: 'هجوم على مقر عسكري', source_name: 'وكالة مخترعة', event_type: 'One-sided violence', attack_type: null }
];

describe.sequential('ranges and the XLSX export (a small dataset with UCDP ranges)', () => {
	let work: string;
	let server: StaticServer;
	let browser: Browser;
	const rows = [...UCDP, ...ORDINARY];
	const best = rows.reduce((s, r) => s + (r.killed ?? 0), 0);
	const low = rows.reduce((s, r) => s + (r.killed_low ?? r.killed ?? 0), 0);
	const high = rows.reduce((s, r) => s + (r.killed_high ?? r.killed ?? 0), 0);

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		let site: string;
		({ work, site } = await buildHostileSite(BUILD_DIR, rows));
		server = await serveStatic(site);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('5. the killed KPI shows the best sum and the range of low and high sums; the record shows the range', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?lang=en`);
		await waitReady(page);
		expect(Number(await page.getByTestId('kpi-killed').getAttribute('data-value'))).toBe(best);
		const range = page.getByTestId('kpi-killed-range');
		expect([Number(await range.getAttribute('data-low')), Number(await range.getAttribute('data-high'))]).toEqual([low, high]);
		expect(await range.innerText()).toBe(`range ${low.toLocaleString('en-US')} to ${high.toLocaleString('en-US')} where sources give one`);
		// A view without ranged incidents shows no range.
		await page.goto(`${server.url}/?lang=en&source=csv`);
		await waitReady(page);
		expect(await page.getByTestId('kpi-killed-range').count()).toBe(0);
		await page.goto(`${server.url}/?lang=en&incident=ucdp%3A4924`);
		await waitReady(page);
		await recordOpen(page, 'ucdp:4924');
		expect(await page.getByTestId('incident-detail').locator('dd[data-field="killed"] bdi').innerText()).toBe('12 (range 10 to 15)');
		expect(w.errors).toEqual([]);
		await w.context.close();
	});

	it('6. the XLSX export opens with exceljs: both sheets, typed cells, Arabic intact, the about row count = rows', async () => {
		const w = await openPage(browser);
		const { page } = w;
		await page.goto(`${server.url}/?lang=ar&province=SY11`);
		await waitReady(page);
		const shown = Number(await page.getByTestId('kpi-incidents').getAttribute('data-value'));
		const download = page.waitForEvent('download', { timeout: 120_000 });
		await page.getByTestId('export-xlsx').click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^rasd-incidents_.*_province-sy11\.xlsx$/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(readFileSync((await file.path())!) as unknown as Parameters<typeof wb.xlsx.load>[0]);
		expect(wb.worksheets.map((s) => s.name)).toEqual(['incidents', 'about']);
		const sheet = wb.getWorksheet('incidents')!;
		expect(sheet.rowCount - 1).toBe(shown);
		expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
		const col = (name: string) => EXPORT_COLUMNS.indexOf(name) + 1;
		const ranged = sheet.getRows(2, shown)!.find((r) => r.getCell(col('incident_id')).value === 'ucdp:4925')!;
		expect(ranged.getCell(col('event_date')).value).toEqual(new Date(Date.UTC(2023, 4, 11)));
		expect([ranged.getCell(col('killed')).value, ranged.getCell(col('killed_low')).value, ranged.getCell(col('killed_high')).value]).toEqual([30, 25, 41]);
		expect(ranged.getCell(col('summary')).value).toBe('هجوم على مقر عسكري');
		const about = wb.getWorksheet('about')!;
		const values = about.getRows(1, about.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value]);
		// The citation block in the page's language (Arabic here), then the check figures.
		expect(String(values[0][0])).toMatch(/رصد/);
		expect(values.some(([, v]) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))).toBe(true);
		const rowsLine = values.find(([k]) => k === 'الصفوف المصدَّرة')!;
		expect(rowsLine[1]).toBe(shown);
		expect(JSON.stringify(values)).toContain('Uppsala Conflict Data Program');
		expect(w.errors).toEqual([]);
		await w.context.close();
	});
});
