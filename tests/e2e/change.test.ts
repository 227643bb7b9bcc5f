// Issue 12 end to end: the "What is changing" panel's downloaded CSV equals an independent computation of the rules
// (tests/query/change-reference.ts, plain TypeScript, fed with rows read by native DuckDB from data/incidents.parquet)
// for governorates and other units, short and long term, with and without a date filter (whose start the panel
// ignores); a click on a unit filters by it; the bucket-limit link draws a coarser chart with a notice; axe passes
// on the panel and the timeline in English and Arabic, light and dark.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { refChangeCsv, refChangeRows } from '../query/change-reference';
import { BUILD_DIR, PARQUET, REPO_ROOT, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { ParquetOracle, type OracleFilter } from './oracle';

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
type Row = Record<string, string | number | null>;
const UNITS: Record<string, (r: Row) => string> = {
	governorate: (r) => String(r.admin1_pcode ?? r.admin1 ?? '(unknown)'),
	district: (r) => String(r.admin2_pcode ?? r.admin2 ?? '(unknown)'),
	target: (r) => String(r.target_type ?? '(unknown)')
};

interface Case {
	name: string;
	link: string;
	unit: keyof typeof UNITS;
	weeks: 4 | 52;
	measure: 'incidents' | 'killed';
	/** The filters the panel applies: every one of the link's but the start date. */
	filter: OracleFilter;
	reference: string | null;
}

const CASES: Case[] = [
	{ name: 'governorates, short term (the default view)', link: '/', unit: 'governorate', weeks: 4, measure: 'incidents', filter: {}, reference: null },
	{ name: 'governorates, long term', link: '/?cterm=long', unit: 'governorate', weeks: 52, measure: 'incidents', filter: {}, reference: null },
	{ name: 'target types, long term, killed', link: '/?cunit=target&cterm=long&cmeasure=killed', unit: 'target', weeks: 52, measure: 'killed', filter: {}, reference: null },
	{
		name: 'districts of two governorates, short term, R = the date filter end (its start ignored)',
		link: '/?from=2024-06-01&to=2024-06-30&province=SY02,SY07&cunit=district',
		unit: 'district', weeks: 4, measure: 'incidents', filter: { provinces: ['SY02', 'SY07'] }, reference: '2024-06-30'
	}
];

async function downloadCsv(page: Page): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('change-csv').click()]);
	const file = join(mkdtempSync(join(tmpdir(), 'rasd-change-')), 'change.csv');
	await download.saveAs(file);
	return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

describe.skipIf(!existsSync(PARQUET))('change panel end to end', () => {
	let server: StaticServer;
	let browser: Browser;
	let oracle: ParquetOracle;

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

	for (const c of CASES) {
		it(`CSV equals the independent computation: ${c.name}`, async () => {
			const rows = await oracle.changeInputs(c.filter);
			const ref = refChangeRows(rows as unknown as Incident[], {
				unit: UNITS[c.unit] as unknown as (r: Incident) => string,
				reference: c.reference,
				weeks: c.weeks,
				measure: c.measure,
				precision: 'week'
			});
			expect(ref.length).toBeGreaterThan(1);
			const w = await openPage(browser);
			await w.page.goto(`${server.url}${c.link}`);
			await waitReady(w.page);
			const csv = await downloadCsv(w.page);
			expect(csv.split('\r\n')[0]).toBe('unit,current,baseline,change_pct,level,surge,threat,highest_years');
			expect(csv).toBe(refChangeCsv(ref, c.weeks));
			// The panel lists the same units in the same order (the first ten).
			const listed = await w.page.getByTestId('change-list').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
			expect(listed).toEqual(ref.slice(0, 10).map((r) => r.unit));
			expect(w.errors).toEqual([]);
			await w.context.close();
		}, 90_000);
	}

	it('the controls write the URL, and a click on a unit filters by it', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/`);
		await waitReady(w.page);
		await w.page.getByTestId('change-unit').selectOption('target');
		await expect.poll(() => new URL(w.page.url()).searchParams.get('cunit')).toBe('target');
		await waitReady(w.page);
		const first = w.page.getByTestId('change-list').locator('li').first();
		const unit = await first.getAttribute('data-unit');
		await first.locator('button').click();
		await expect.poll(() => new URL(w.page.url()).searchParams.get('target')).toBe(unit);
		await waitReady(w.page);
		expect(await w.page.getByTestId('active-filter').count()).toBe(1);
		expect(w.errors).toEqual([]);
		await w.context.close();
	}, 90_000);

	it('a range beyond the bucket limit draws a coarser grain with a notice instead of loading forever', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/?grain=day&from=1970-01-01&to=2025-12-31`);
		await waitReady(w.page);
		const notice = await w.page.getByTestId('grain-notice').innerText();
		expect(notice).toMatch(/Day.*Week|day.*week/i);
		await w.page.waitForSelector('[data-testid="timeline-chart"][data-painted="true"]');
		expect(await w.page.getByTestId('timeline-summary').innerText()).not.toBe('');
		expect(w.errors).toEqual([]);
		await w.context.close();
	}, 90_000);

	it('colours the map by change level with a worded legend, and draws the timeline as small multiples', async () => {
		const w = await openPage(browser);
		await w.page.goto(`${server.url}/?colour=change&multiples=1&stack=target`);
		await waitReady(w.page);
		await w.page.getByTestId('map-levels').waitFor();
		expect(await w.page.getByTestId('map-levels').locator('li').count()).toBe(4);
		const multiples = await w.page.getByTestId('timeline-multiple').count();
		expect(multiples).toBeGreaterThan(7);
		expect(multiples).toBeLessThanOrEqual(14);
		// The compact tile map (the province ranking's view) colours by level too.
		await w.page.getByTestId('map-mode').selectOption('tiles');
		await expect.poll(() => new URL(w.page.url()).searchParams.get('map')).toBe('tiles');
		await waitReady(w.page);
		expect(await w.page.getByTestId('map-levels').locator('li').count()).toBe(4);
		await w.page.getByTestId('map-colour').selectOption('count');
		await expect.poll(() => new URL(w.page.url()).searchParams.has('colour')).toBe(false);
		await expect.poll(() => w.page.getByTestId('map-levels').count()).toBe(0);
		expect(w.errors).toEqual([]);
		await w.context.close();
	}, 90_000);

	it('axe finds no violations on the change panel and the timeline in English and Arabic, light and dark', async () => {
		for (const [lang, theme] of [['en', 'light'], ['ar', 'dark'], ['en', 'dark'], ['ar', 'light']]) {
			const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/?lang=${lang}&theme=${theme}&rolling=1`);
			await waitReady(page);
			await page.getByTestId('change-table-toggle').click();
			await page.getByTestId('timeline-table-toggle').click();
			await page.getByTestId('change-rules').locator('summary').click();
			await page.addScriptTag({ path: AXE });
			const violations = await page.evaluate(async () => {
				const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
				const out: string[] = [];
				for (const id of ['change-panel', 'panel-timeline']) {
					const r = await axe.run(document.querySelector(`[data-testid="${id}"]`)!);
					out.push(...r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
				}
				return out;
			});
			expect(violations, `${lang}/${theme}`).toEqual([]);
			await context.close();
		}
	}, 120_000);
});
