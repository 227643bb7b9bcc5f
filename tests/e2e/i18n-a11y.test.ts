// Arabic and English, right to left, keyboard only, and axe-core, in a real headless Chromium over the built app,
// checked against independent SQL over data/incidents.parquet (tests/e2e/oracle.ts, and below a hand-written
// Arabic folding that shares nothing with src/lib/text/fold.ts).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYRIA_GOVERNORATES } from '../../src/lib/data/gazetteer';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { BUILD_DIR, PARQUET, REPO_ROOT, launchBrowser, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { ParquetOracle, SEARCHED_TEXT, type OracleFilter } from './oracle';

/** The same filter as the English test (tests/e2e/dashboard.test.ts), applied here by keyboard in Arabic. */
const FILTER: Required<Pick<OracleFilter, 'from' | 'to' | 'provinces' | 'targets'>> = {
	from: '2023-01-01',
	to: '2023-12-31',
	provinces: ['SY11', 'SY09'],
	targets: ['Military']
};

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SHOTS = tmpdir();

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
/** The integer a text shows in Latin or Arabic-Indic digits, grouping separators removed. */
function readInteger(text: string): number {
	const latin = text.trim().replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)));
	if (!/^\d{1,3}([,٬]\d{3})*$|^\d+$/.test(latin)) throw new Error(`not an integer: ${JSON.stringify(text)}`);
	return Number(latin.replace(/[,٬]/g, ''));
}

/**
 * Counts with an Arabic folding written independently of the app: harakat, superscript alef and tatweel removed;
 * alef with hamza / madda / wasla -> bare alef; ta marbuta -> ha; alef maqsura -> ya; hamza on waw / ya -> waw / ya
 * (what Unicode decomposition does to them). The needle is given already folded, written by hand.
 */
class ArabicCounter {
	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}
	static async open(): Promise<ArabicCounter> {
		const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
		return new ArabicCounter(instance, await instance.connect());
	}
	private static readonly HAY = `lower(${SEARCHED_TEXT})`;
	private static readonly FOLDED = [
		['[\u064B-\u065F\u0670\u0640]', ''],
		['[\u0622\u0623\u0625\u0671]', '\u0627'],
		['\u0629', '\u0647'],
		['\u0649', '\u064A'],
		['\u0624', '\u0648'],
		['\u0626', '\u064A']
	].reduce((e, [from, to]) => `regexp_replace(${e}, '${from}', '${to}', 'g')`, ArabicCounter.HAY);

	/** Rows whose folded text contains `folded`, and rows whose raw text contains `raw`. */
	async count(folded: string, raw: string): Promise<{ folded: number; raw: number }> {
		const r = await this.conn.runAndReadAll(
			`SELECT count(*) FILTER (WHERE ${ArabicCounter.FOLDED} LIKE '%' || ? || '%')::INTEGER AS folded, ` +
				`count(*) FILTER (WHERE ${ArabicCounter.HAY} LIKE '%' || ? || '%')::INTEGER AS raw FROM read_parquet(?)`,
			[folded, raw, PARQUET]
		);
		return (r.getRowObjectsJS() as { folded: number; raw: number }[])[0];
	}
	/** incident_id -> summary of the rows whose folded text contains `folded`. */
	async summaries(folded: string): Promise<Map<string, string>> {
		const r = await this.conn.runAndReadAll(
			`SELECT incident_id, summary FROM read_parquet(?) WHERE ${ArabicCounter.FOLDED} LIKE '%' || ? || '%'`,
			[PARQUET, folded]
		);
		return new Map((r.getRowsJS() as [string, string | null][]).map(([id, s]) => [id, s ?? '']));
	}
	close(): void {
		this.conn.closeSync();
		this.instance.closeSync();
	}
}

interface Opened {
	page: Page;
	errors: string[];
	requests: string[];
	close(): Promise<void>;
}

async function settleUrl(page: Page, ok: (u: URL) => boolean): Promise<void> {
	await expect.poll(() => ok(new URL(page.url())), { timeout: 60_000 }).toBe(true);
	await waitReady(page);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (and, for a checkbox, its label). */
async function tabTo(page: Page, selector: string, label: string | null = null, max = 400): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const hit = await page.evaluate(
			([sel, text]) => {
				const el = document.activeElement;
				if (!el || !el.matches(sel)) return false;
				return text === null || el.closest('label')?.textContent?.trim() === text;
			},
			[selector, label] as const
		);
		if (hit) return;
	}
	throw new Error(`Tab never reached ${selector}${label ? ` (${label})` : ''}`);
}

/** The focused element's outline: a visible focus ring of at least 2px, and its contrast with the page behind. */
async function focusRing(page: Page): Promise<{ style: string; width: number; contrast: number }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const s = getComputedStyle(el);
		const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
		const lum = (c: number[]) => {
			const [r, g, b] = c.map((v) => {
				const x = v / 255;
				return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		// The background the ring is drawn on: the nearest ancestor with an opaque background.
		let bg = 'rgb(255, 255, 255)';
		for (let n: HTMLElement | null = el.parentElement; n; n = n.parentElement) {
			const c = getComputedStyle(n).backgroundColor;
			if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') {
				bg = c;
				break;
			}
		}
		const [a, b] = [lum(rgb(s.outlineColor)), lum(rgb(bg))];
		return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
	});
}

describe.skipIf(!existsSync(PARQUET))('Arabic, right to left, keyboard and axe end to end', () => {
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;
	let arabic: ArabicCounter;

	async function open(path: string, options: BrowserContextOptions = {}): Promise<Opened> {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US', ...options });
		const page = await context.newPage();
		const errors: string[] = [];
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(`${server.url}${path}`);
		await waitReady(page);
		return { page, errors, requests, close: () => context.close() };
	}

	const kpi = async (page: Page, name: string) => Number(await page.getByTestId(`kpi-${name}`).locator('p.value').getAttribute('data-value'));

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
		oracle = await ParquetOracle.open(PARQUET);
		arabic = await ArabicCounter.open();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		oracle?.close();
		arabic?.close();
	});

	it('1. lang=ar: an Arabic, right-to-left page with Arabic names and the same figures', async () => {
		const w = await open('/?lang=ar');
		const { page } = w;
		expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		// Controls are labelled in Arabic.
		for (const label of ['اللغة', 'الأرقام', 'المظهر', 'الوحدة الزمنية', 'التقسيم حسب', 'المقياس', 'بحث نصي']) {
			expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
		}
		expect(await page.getByRole('heading', { name: 'عوامل التصفية', exact: true }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'تصدير الحوادث (CSV)', exact: true }).count()).toBe(1);
		// The filter panel lays out from the right: it sits right of the figures.
		const side = (await page.locator('aside.page-side').boundingBox())!;
		const main = (await page.locator('main.page-content').boundingBox())!;
		expect(side.x).toBeGreaterThan(main.x);
		// Governorates by their Arabic names, in the province filter and in the map's table (its text alternative).
		const provinces = page.getByTestId('filter-province');
		await provinces.locator('summary').click();
		for (const g of SYRIA_GOVERNORATES) expect(await provinces.getByLabel(g.ar, { exact: true }).count(), g.ar).toBe(1);
		await page.getByTestId('provinces-table-toggle').click();
		const table = page.getByTestId('provinces-table');
		await table.waitFor();
		const rows = await table.locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({ key: tr.getAttribute('data-key'), name: tr.querySelector('th')!.textContent!.trim(), value: Number(tr.querySelector('td')!.getAttribute('data-value')) }))
		);
		expect(rows).toHaveLength(14);
		for (const r of rows) {
			const g = SYRIA_GOVERNORATES.find((x) => x.pcode === r.key)!;
			expect(r.name).toBe(g.ar);
			expect(r.value, g.en).toBe((await oracle.totals({ provinces: [g.pcode] })).incidents);
		}
		// The chart's summary names the largest governorate in Arabic, with its exact figure.
		const top = rows[0];
		expect(await page.getByTestId('provinces-summary').innerText()).toContain(`${top.name} (${top.value.toLocaleString('en-US')})`);
		// Target types are translated in the ranked chart's table; the values behind them stay the codebook's.
		await page.getByTestId('targets-table-toggle').click();
		const military = page.getByTestId('targets-table').locator('tr[data-key="Military"] th');
		expect((await military.innerText()).trim()).toBe('عسكري');

		// The figures are the independent counts; Latin digits by default.
		const all = await oracle.totals();
		expect([await kpi(page, 'incidents'), await kpi(page, 'killed'), await kpi(page, 'injured')]).toEqual([all.incidents, all.killed, all.injured]);
		expect(await page.getByTestId('kpi-incidents').locator('p.value').innerText()).toBe(all.incidents.toLocaleString('en-US'));
		expect(w.requests.filter((u) => new URL(u).origin !== new URL(server.url).origin)).toEqual([]);
		expect(w.errors).toEqual([]);
		await w.close();
	});

	it('2. Arabic-Indic digits are an option; the language follows the browser until one is chosen', async () => {
		const w = await open('/?lang=ar&digits=arab');
		const all = await oracle.totals();
		const shown = await w.page.getByTestId('kpi-incidents').locator('p.value').innerText();
		expect(shown).toMatch(/^[٠-٩٬]+$/);
		expect(readInteger(shown)).toBe(all.incidents);
		expect(await kpi(w.page, 'incidents')).toBe(all.incidents);
		expect(readInteger(await w.page.getByTestId('kpi-killed').locator('p.value').innerText())).toBe(all.killed);
		await w.close();

		// An Arabic browser gets Arabic without anything in the URL; an English one English.
		const ar = await open('/', { locale: 'ar-SY' });
		expect(await ar.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		expect(new URL(ar.page.url()).search).toBe('');
		// Choosing English (by keyboard on the language control) writes it into the URL.
		await ar.page.getByTestId('control-lang').focus();
		await ar.page.keyboard.press('ArrowUp');
		await settleUrl(ar.page, (u) => u.searchParams.get('lang') === 'en');
		expect(await ar.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
		await ar.close();
		const en = await open('/', { locale: 'en-GB' });
		expect(await en.page.evaluate(() => document.documentElement.lang)).toBe('en');
		await en.close();
	});

	it('3. keyboard only, in Arabic: provinces, Military, 2023, week; figures equal the independent count', async () => {
		const w = await open('/?lang=ar');
		const { page } = w;
		await page.locator('body').focus();

		await tabTo(page, '[data-testid="filter-province"] > summary');
		expect((await focusRing(page)).style).toBe('solid');
		await page.keyboard.press('Enter');
		await tabTo(page, 'input[type="checkbox"]', 'الرقة');
		const ring = await focusRing(page);
		expect(ring.width).toBeGreaterThanOrEqual(2);
		expect(ring.contrast).toBeGreaterThanOrEqual(3);
		await page.keyboard.press('Space');
		await settleUrl(page, (u) => u.searchParams.get('province') === 'SY11');
		await tabTo(page, 'input[type="checkbox"]', 'دير الزور');
		await page.keyboard.press('Space');
		await settleUrl(page, (u) => u.searchParams.get('province') === 'SY11,SY09');

		await tabTo(page, '[data-testid="filter-target"] > summary');
		await page.keyboard.press('Enter');
		await tabTo(page, 'input[type="checkbox"]', 'عسكري');
		await page.keyboard.press('Space');
		await settleUrl(page, (u) => u.searchParams.get('target') === 'Military');

		// The dates come before the checklists: Tab on round the page to them (typed as the browser's date field reads).
		await tabTo(page, '[data-testid="filter-from"]');
		await page.keyboard.type('01012023');
		await settleUrl(page, (u) => u.searchParams.get('from') === FILTER.from);
		await tabTo(page, '[data-testid="filter-to"]');
		await page.keyboard.type('12312023');
		await settleUrl(page, (u) => u.searchParams.get('to') === FILTER.to);

		await tabTo(page, '[data-testid="control-grain"]');
		await page.keyboard.press('ArrowUp'); // month -> week
		await settleUrl(page, (u) => u.searchParams.get('grain') === 'week');

		const expected = await oracle.totals(FILTER);
		expect(expected.incidents).toBeGreaterThan(0);
		expect([await kpi(page, 'incidents'), await kpi(page, 'killed'), await kpi(page, 'injured')]).toEqual([expected.incidents, expected.killed, expected.injured]);
		const url = new URL(page.url());
		expect(url.searchParams.get('province')?.split(',').sort()).toEqual([...FILTER.provinces].sort());
		expect(url.searchParams.get('lang')).toBe('ar');
		// The live region says how many incidents match, in Arabic.
		const live = await page.getByTestId('live-count').innerText();
		expect(live).toContain(expected.incidents.toLocaleString('en-US'));
		expect(live).toMatch(/حادث/);
		expect(await page.getByTestId('live-count').getAttribute('role')).toBe('status');

		// The incident dialog by keyboard: Enter opens it, focus stays inside, Escape closes it and focus returns.
		await tabTo(page, '[data-testid="incident-row"] button.open');
		const rowId = await page.evaluate(() => document.activeElement!.closest('tr')!.getAttribute('data-id'));
		await page.keyboard.press('Enter');
		const dialog = page.getByTestId('incident-detail');
		await dialog.locator('dd[data-field="incident_id"]').waitFor();
		expect(await dialog.locator('dd[data-field="incident_id"]').innerText()).toBe(rowId);
		expect(await dialog.locator('dt').first().innerText()).toBe('المكان');
		expect(await dialog.locator('dt').allInnerTexts()).toContain('معرّف الحادثة');
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
		}
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'))).toBe(rowId);
		expect(await page.evaluate(() => document.activeElement?.matches('button.open'))).toBe(true);

		// Sorting and paging by keyboard.
		await tabTo(page, '[data-testid="sort-killed"]');
		await page.keyboard.press('Enter');
		await settleUrl(page, (u) => u.searchParams.get('sort') === 'killed');
		await tabTo(page, '[data-testid="page-next"]');
		await page.keyboard.press('Enter');
		await settleUrl(page, (u) => u.searchParams.get('page') === '2');
		expect(w.errors).toEqual([]);
		await w.close();
	});

	it('4. the map\'s table doubles as a keyboard control: a governorate button toggles its filter', async () => {
		const w = await open('/?lang=ar');
		const { page } = w;
		await page.locator('body').focus();
		await tabTo(page, '[data-testid="provinces-table-toggle"]');
		await page.keyboard.press('Enter');
		expect(await page.getByTestId('provinces-table-toggle').getAttribute('aria-pressed')).toBe('true');
		await tabTo(page, '[data-testid="provinces-table"] tr[data-key="SY02"] button');
		await page.keyboard.press('Enter');
		await settleUrl(page, (u) => u.searchParams.get('province') === 'SY02');
		expect(await kpi(page, 'incidents')).toBe((await oracle.totals({ provinces: ['SY02'] })).incidents);
		expect(await page.locator('[data-testid="provinces-table"] tr[data-key="SY02"] button').getAttribute('aria-pressed')).toBe('true');
		await w.close();
	});

	it('5. Arabic search finds the same incidents with or without harakat, alef and ta-marbuta variants', async () => {
		const w = await open('/?lang=ar');
		const { page } = w;
		// [typed, another spelling, the folded form both reduce to (written by hand)]
		const cases: [string, string, string][] = [
			['نُسب', 'نسب', 'نسب'],
			['اطلاق', 'إطلاق', 'اطلاق'],
			['حماه', 'حماة', 'حماه'],
			['مُسلَّح', 'مسلح', 'مسلح']
		];
		let foldingMattered = false;
		for (const [a, b, folded] of cases) {
			const expected = await arabic.count(folded, a);
			expect(expected.folded, a).toBeGreaterThan(0);
			if (expected.raw !== expected.folded) foldingMattered = true;
			for (const typed of [a, b]) {
				const input = page.getByTestId('filter-q');
				await input.focus();
				await input.fill('');
				await page.keyboard.type(typed);
				await page.keyboard.press('Enter');
				await settleUrl(page, (u) => u.searchParams.get('q') === typed);
				expect(await kpi(page, 'incidents'), typed).toBe(expected.folded);
				expect(Number(await page.getByTestId('incident-count').getAttribute('data-value'))).toBe(expected.folded);
			}
		}
		// Without folding, at least one spelling would have found a different number.
		expect(foldingMattered).toBe(true);
		// The summaries shown are the data's own Arabic text, each in its own direction.
		const summary = page.getByTestId('incident-summary').first();
		expect(await summary.getAttribute('dir')).toBe('auto');
		expect(await summary.innerText()).toMatch(/[\u0600-\u06FF]/);
		expect(w.errors).toEqual([]);
		await w.close();
	});

	it('6. exports in Arabic mode: the CSV holds the Arabic summaries byte for byte, with a BOM', async () => {
		const q = 'الإنقاذ';
		const w = await open(`/?lang=ar&q=${encodeURIComponent(q)}`);
		const { page } = w;
		const expected = await arabic.summaries('الانقاذ');
		expect(expected.size).toBeGreaterThan(0);
		expect(await kpi(page, 'incidents')).toBe(expected.size);
		await page.getByTestId('export-csv').focus();
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		const file = join(mkdtempSync(join(tmpdir(), 'rasd-e2e-ar-')), 'export.csv');
		await download.saveAs(file);
		const bytes = readFileSync(file);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
		expect(rows[0]).toEqual([...INCIDENT_COLUMN_NAMES]);
		const id = INCIDENT_COLUMN_NAMES.indexOf('incident_id');
		const summary = INCIDENT_COLUMN_NAMES.indexOf('summary');
		expect(rows.length - 1).toBe(expected.size);
		let arabicRows = 0;
		for (const row of rows.slice(1)) {
			const want = expected.get(row[id])!;
			expect(Buffer.from(row[summary], 'utf8').equals(Buffer.from(/^[=+\-@\t\r]/.test(want) ? `'${want}` : want, 'utf8')), row[id]).toBe(true);
			if (/[\u0600-\u06FF]/.test(row[summary])) arabicRows++;
		}
		expect(arabicRows).toBeGreaterThan(0);
		expect(w.errors).toEqual([]);
		await w.close();
	});

	it('7. a chart exported as PNG in Arabic is a real image with its labels drawn', async () => {
		const sizes: Record<string, number> = {};
		for (const lang of ['ar', 'en']) {
			const w = await open(`/?lang=${lang}`);
			for (const chart of ['provinces', 'timeline']) {
				const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId(`${chart}-png`).click()]);
				// The provinces panel is the map panel now; its files are named after the map.
				expect(download.suggestedFilename()).toMatch(new RegExp(`^rasd-${chart === 'provinces' ? 'map' : chart}_.*\\.png$`));
				const file = join(SHOTS, `rasd-e2e-${lang}-${chart}.png`);
				await download.saveAs(file);
				const png = readFileSync(file);
				expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
				const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
				// pixelRatio 2: twice the drawn size.
				const box = (await w.page.getByTestId(chart === 'timeline' ? 'timeline-chart' : 'incident-map').locator('canvas').first().boundingBox())!;
				expect(Math.abs(width - box.width * 2)).toBeLessThanOrEqual(2);
				expect(height).toBeGreaterThan(400);
				expect(png.length).toBeGreaterThan(20_000);
				sizes[`${lang}-${chart}`] = png.length;
			}
			await w.close();
		}
		// Same data, other labels: the Arabic pictures are not the English ones.
		expect(sizes['ar-provinces']).not.toBe(sizes['en-provinces']);
	});

	it('8. axe-core finds no violations in English and Arabic, light and dark (tables and dialog open too)', async () => {
		const combos: [string, string][] = [
			['en', 'light'],
			['en', 'dark'],
			['ar', 'light'],
			['ar', 'dark']
		];
		for (const [lang, theme] of combos) {
			// The page's CSP (rightly) refuses injected scripts; axe is injected by the test, so this context bypasses it.
			const w = await open(`/?lang=${lang}&theme=${theme}`, { bypassCSP: true });
			const { page } = w;
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
			await page.addScriptTag({ path: AXE });
			const run = () =>
				page.evaluate(async () => {
					const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
					const r = await axe.run(document);
					return { passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) };
				});
			const plain = await run();
			expect(plain.passes).toBeGreaterThan(20);
			expect(plain.violations, `${lang}/${theme}`).toEqual([]);
			if (lang === 'ar') await page.screenshot({ path: join(SHOTS, `rasd-e2e-ar-${theme}.png`) });
			for (const chart of ['timeline', 'provinces', 'targets', 'attacks']) await page.getByTestId(`${chart}-table-toggle`).click();
			await page.getByTestId('filter-province').locator('summary').click();
			expect((await run()).violations, `${lang}/${theme} with tables`).toEqual([]);
			await page.getByTestId('incident-row').first().locator('button.open').click();
			await page.getByTestId('incident-detail').locator('dd[data-field="incident_id"]').waitFor();
			expect((await run()).violations, `${lang}/${theme} with the dialog`).toEqual([]);
			if (lang === 'ar' && theme === 'dark') await page.screenshot({ path: join(SHOTS, 'rasd-e2e-ar-dark-dialog.png') });
			expect(w.errors).toEqual([]);
			await w.close();
		}
	}, 240_000);

	it('9. the theme follows the system until one is chosen, and the choice is kept in the URL', async () => {
		const w = await open('/', { colorScheme: 'dark' });
		const { page } = w;
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background()).toBe('rgb(21, 24, 28)');
		expect(await page.getByTestId('timeline-chart').getAttribute('data-theme')).toBe('dark');
		await page.getByTestId('control-theme').selectOption('light');
		await settleUrl(page, (u) => u.searchParams.get('theme') === 'light');
		expect(await background()).toBe('rgb(246, 247, 249)');
		await expect.poll(() => page.getByTestId('timeline-chart').getAttribute('data-theme')).toBe('light');
		await page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		await page.goBack();
		await settleUrl(page, (u) => !u.searchParams.has('theme'));
		expect(await background()).toBe('rgb(21, 24, 28)');
		expect(w.errors).toEqual([]);
		await w.close();
	});
});

if (!existsSync(PARQUET)) console.warn(`i18n/a11y e2e skipped: ${PARQUET} is missing (run npm run data:demo / data:dataset)`);
