// "Your data" and "Code a report" in Chromium (issue 15): the hand-written ACLED, GTD and UCDP fixtures opened in
// the page give the CLI import's rows, rejects and figures; the local dataset survives a reload, is named by its
// fingerprint in the link (absent elsewhere: a notice, no figures) and is deleted by its button; the SY24 report
// gives two drafts that save into the local dataset and export in data/manual's schema; axe passes in both languages.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManualRecord } from '../../scripts/lib/manual-incidents';
import { runImport, type ImportSummary } from '../../scripts/lib/import-run';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { fixture, tempDir } from '../import/helpers';
import { writeAcledExport } from './acled-export';
import { BUILD_DIR, REPO_ROOT, launchBrowser, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';

const FILES = [fixture('acled', 'acled-export.csv'), fixture('gtd', 'gtd-sample.csv'), fixture('ucdp', 'ucdp-ged-sample.csv')];
const SY24 = join(REPO_ROOT, '../shared/seeds/sy24-raqqa-attack-report.ar.txt');
const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SHOTS = tmpdir();

interface Figures {
	incidents: number;
	killed: number;
	injured: number;
}

describe('your data and report coding in the page', () => {
	let server: StaticServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	const errors: string[] = [];
	const foreign: string[] = [];
	let cli: ImportSummary;
	let cliFigures: Figures;
	let cliSearchCount = 0;
	const cleanups: (() => void)[] = [];

	const kpi = async (name: keyof Figures) => Number(await page.getByTestId(`kpi-${name}`).locator('p.value').getAttribute('data-value'));
	const figures = async (): Promise<Figures> => ({ incidents: await kpi('incidents'), killed: await kpi('killed'), injured: await kpi('injured') });
	const openPanel = async () => {
		const details = page.getByTestId('workspace');
		if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	};
	const localRows = async () => Number(await page.getByTestId('local-dataset').getAttribute('data-rows'));

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		// The CLI's import of the same files, and the figures an independent DuckDB query gives on its output.
		const { dir, cleanup } = tempDir();
		cleanups.push(cleanup);
		const out = join(dir, 'cli.parquet');
		cli = await runImport({ inputs: FILES, out });
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const r = (await conn.runAndReadAll('SELECT count(*)::INTEGER, coalesce(sum(killed), 0)::INTEGER, coalesce(sum(injured), 0)::INTEGER FROM read_parquet(?)', [out])).getRowsJS()[0];
		cliFigures = { incidents: Number(r[0]), killed: Number(r[1]), injured: Number(r[2]) };
		// The rows a search for "checkpoint" finds: the searched fields scanned (Arabic place names hold no Latin word).
		const found = await conn.runAndReadAll(
			`SELECT count(*)::INTEGER FROM read_parquet(?)
			 WHERE lower(concat_ws(' ', summary, location, perpetrator, target_actor, admin1, admin2, country)) LIKE '%checkpoint%'`,
			[out]
		);
		cliSearchCount = Number(found.getRowsJS()[0][0]);
		conn.closeSync();
		instance.closeSync();
		server = await serveStatic(BUILD_DIR);
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US' });
		page = await context.newPage();
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('request', (req) => !req.url().startsWith(server.url) && !req.url().startsWith('blob:') && !req.url().startsWith('data:') && foreign.push(req.url()));
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		for (const c of cleanups) c();
	});

	it('1. the ACLED, GTD and UCDP fixtures give the CLI import\'s summaries, rejects and figures', async () => {
		await page.goto(`${server.url}/`);
		await waitReady(page);
		await openPanel();
		for (const [i, file] of FILES.entries()) {
			const started = Date.now();
			await page.getByTestId('workspace-file').setInputFiles(file);
			const summary = page.getByTestId('import-summary');
			await page.waitForFunction((name) => document.querySelector('[data-testid="import-summary"]')?.textContent?.includes(name), file.split('/').pop()!);
			const expected = cli.files[i];
			for (const key of ['read', 'imported', 'rejected', 'duplicates'] as const) expect(Number(await summary.getAttribute(`data-${key}`)), `${file} ${key}`).toBe(expected[key]);
			expect(await summary.getAttribute('data-format')).toBe(expected.format);
			// The reasons listed are the CLI's, each with its count, in the page's words.
			const listed = await summary.locator('li[data-reason]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-reason'), e.textContent]));
			expect(Object.fromEntries(listed.map(([reason]) => [reason, expected.rejectedByReason[reason!]]))).toEqual(expected.rejectedByReason);
			for (const [reason, text] of listed) expect(text).toMatch(new RegExp(`: ${expected.rejectedByReason[reason!]}$`));
			if (expected.rejected || expected.duplicatesInInput) {
				const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
				const got = parse(readFileSync(await download.path(), 'utf8')) as string[][];
				const want = (parse(readFileSync(cli.rejectsFile, 'utf8')) as string[][]).filter((r, k) => k === 0 || r[0] === file);
				expect(got.map(([, ...rest]) => rest)).toEqual(want.map(([, ...rest]) => rest));
			}
			console.log(`opened ${file.split('/').pop()} in ${Date.now() - started} ms`);
		}
		// The first import switched the view to the local data; the link names the dataset's fingerprint.
		await waitReady(page);
		const url = new URL(page.url());
		expect(url.searchParams.get('data')).toBe('local');
		const fp = await page.getByTestId('local-dataset').getAttribute('data-fingerprint');
		expect(url.searchParams.get('local')).toBe(fp);
		expect(await localRows()).toBe(cli.outputRows);
		expect(await figures()).toEqual(cliFigures);
		await expect.poll(() => page.getByTestId('synthetic-banner').count()).toBe(0);
		await page.screenshot({ path: join(SHOTS, 'rasd-ws-local.png'), fullPage: false });
		// In Arabic the reasons are named in Arabic (the rejects file keeps the CLI's English).
		await page.getByTestId('control-lang').selectOption('ar');
		await expect.poll(() => page.getByTestId('import-summary').locator('li[data-reason="invalid date"]').textContent()).toMatch(/^تاريخ غير صالح: /);
		await page.getByTestId('control-lang').selectOption('en');
		await expect.poll(() => page.getByTestId('import-summary').locator('li[data-reason="invalid date"]').textContent()).toMatch(/^invalid date: /);
	}, 120_000);

	it('2. filters and the rollup work on the local data: a source filter gives the CLI\'s rows of that source', async () => {
		const url = new URL(page.url());
		url.searchParams.set('source', 'gtd');
		await page.goto(url.href);
		await waitReady(page);
		expect(await kpi('incidents')).toBe(cli.files[1].imported);
		url.searchParams.delete('source');
		await page.goto(url.href);
		await waitReady(page);
	}, 60_000);

	it('3. the local dataset survives a reload; "both" adds the published rows; a link with a search opens on it', async () => {
		await page.reload();
		await waitReady(page);
		expect(await figures()).toEqual(cliFigures);
		await openPanel();
		expect(await localRows()).toBe(cli.outputRows);
		await expect.poll(() => page.getByTestId('local-dataset').textContent()).toContain('Stored only in this browser');
		const published = await (async () => {
			await page.getByTestId('data-published').check();
			await waitReady(page);
			return kpi('incidents');
		})();
		expect(new URL(page.url()).searchParams.get('data')).toBeNull();
		await page.getByTestId('data-both').check();
		await waitReady(page);
		expect(await kpi('incidents')).toBe(published + cli.outputRows);
		await page.getByTestId('data-local').check();
		await waitReady(page);
		expect(await kpi('incidents')).toBe(cli.outputRows);
		// A link with a search, opened on local data: the search index, otherwise built after the dashboard, is
		// built first, and the search counts what a scan of the CLI's rows counts.
		const local = page.url();
		const searched = new URL(local);
		searched.searchParams.set('q', 'Checkpoint');
		await page.goto(searched.href);
		await waitReady(page);
		expect(cliSearchCount).toBeGreaterThan(0);
		expect(cliSearchCount).toBeLessThan(cli.outputRows);
		expect(await kpi('incidents')).toBe(cliSearchCount);
		await expect.poll(() => page.getByTestId('search-preparing').count()).toBe(0);
		await page.goto(local);
		await waitReady(page);
	}, 120_000);

	it('4. a link on local data opened where that data is absent says so and shows no figures', async () => {
		const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
		const p = await other.newPage();
		await p.goto(page.url());
		await p.getByTestId('local-absent').waitFor();
		expect(await p.getByTestId('app').getAttribute('data-state')).toBe('absent');
		expect(await p.getByTestId('local-absent').textContent()).toContain(new URL(page.url()).searchParams.get('local'));
		await p.waitForTimeout(1500);
		expect(await p.getByTestId('kpi-incidents').locator('p.value').getAttribute('data-value')).toBe('');
		await other.close();
	}, 60_000);

	it('5. the SY24 report gives two drafts that save into the local dataset and export in the data/manual schema', async () => {
		if (!existsSync(SY24)) return console.log(`skipping: ${SY24} is absent`);
		await openPanel();
		await page.getByTestId('report-text').fill(readFileSync(SY24, 'utf8'));
		await page.getByTestId('report-date').fill('2024-02-01');
		await page.getByTestId('report-outlet').fill('SY24');
		await page.getByTestId('report-extract').click();
		const drafts = page.getByTestId('report-draft');
		await expect.poll(() => drafts.count()).toBe(2);
		const field = (i: number, column: string) => drafts.nth(i).locator(`[data-field="${column}"]`);
		expect(await field(0, 'event_date').inputValue()).toBe('2024-01-31');
		expect(await field(0, 'admin1_pcode').inputValue()).toBe('SY11');
		expect(await field(0, 'killed').inputValue()).toBe('2');
		expect(await field(0, 'injured').inputValue()).toBe('1');
		expect(await field(0, 'perpetrator').inputValue()).toBe('ISIS cells (suspected)');
		expect(await field(0, 'target_type').inputValue()).toBe('Military');
		expect(await field(1, 'date_precision').inputValue()).toBe('week');
		expect(await field(1, 'perpetrator').inputValue()).toBe('US-led coalition and SDF');
		// Evidence: the words each value came from, highlighted, with a confidence.
		const date = await drafts.nth(0).locator('[data-field="event_date"] ~ .evidence mark').allTextContents();
		expect(date).toEqual(expect.arrayContaining(['أمس', 'الأربعاء']));
		expect(Number(await drafts.nth(0).locator('[data-field="event_date"] ~ .evidence').getAttribute('data-confidence'))).toBeGreaterThan(0);
		// The analyst corrects a field.
		await field(1, 'injured').fill('0');
		await page.screenshot({ path: join(SHOTS, 'rasd-ws-drafts.png'), fullPage: true });
		const before = await localRows();
		await page.getByTestId('report-save').click();
		await expect.poll(() => localRows()).toBe(before + 2);
		await waitReady(page);
		expect(await kpi('incidents')).toBe(cliFigures.incidents + 2);
		expect(await kpi('killed')).toBe(cliFigures.killed + 3);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
		const rows = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0])).toEqual([...INCIDENT_COLUMN_NAMES]);
		expect(rows.map((r) => validateManualRecord(r))).toEqual([[], []]);
		expect(rows[1].injured).toBe('0');
	}, 60_000);

	it('6. axe finds no violations in English and Arabic with the panel open and the drafts shown', async () => {
		for (const lang of ['en', 'ar']) {
			// axe is injected by the test: a context without the page's CSP.
			const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, locale: 'en-US' });
			const q = await axeContext.newPage();
			await q.goto(`${server.url}/?lang=${lang}`);
			await waitReady(q);
			await q.getByTestId('workspace').locator('summary').click();
			if (existsSync(SY24)) {
				await q.getByTestId('report-text').fill(readFileSync(SY24, 'utf8'));
				await q.getByTestId('report-date').fill('2024-02-01');
				await q.getByTestId('report-extract').click();
				await expect.poll(() => q.getByTestId('report-draft').count()).toBe(2);
			}
			await q.addScriptTag({ path: AXE });
			const violations = await q.evaluate(async () => {
				const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
				return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
			expect(violations, lang).toEqual([]);
			await q.screenshot({ path: join(SHOTS, `rasd-ws-390-${lang}.png`), fullPage: true });
			await axeContext.close();
		}
	}, 120_000);

	it('7. the delete button removes the local dataset, also after a reload', async () => {
		await openPanel();
		await page.getByTestId('local-delete').click();
		await expect.poll(() => localRows()).toBe(0);
		await waitReady(page);
		expect(new URL(page.url()).searchParams.get('data')).toBeNull();
		await page.reload();
		await waitReady(page);
		await openPanel();
		expect(await localRows()).toBe(0);
		expect(await page.getByTestId('data-local').isDisabled()).toBe(true);
		expect(errors).toEqual([]);
		expect(foreign).toEqual([]);
	}, 60_000);

	it('7b. an xlsx and a zip holding one CSV give the CLI import\'s summaries, rejects and figures; a zip with two CSVs and a sheetless xlsx are refused with the CLI\'s message', async () => {
		const { dir, cleanup } = tempDir('rasd-xz-');
		cleanups.push(cleanup);
		const t = await import('../import/table-fixtures');
		const files = [
			[join(dir, 'acled-export.xlsx'), await t.xlsxOf(FILES[0])],
			[join(dir, 'gtd-sample.xlsx'), t.plainXlsxOf(FILES[1])],
			[join(dir, 'ucdp-ged.zip'), t.zipOf(FILES[2])]
		] as const;
		for (const [path, bytes] of files) writeFileSync(path, bytes);
		const inputs = files.map(([path]) => path);
		const out = join(dir, 'cli.parquet');
		const cliX = await runImport({ inputs, out });
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const r = (await conn.runAndReadAll('SELECT count(*)::INTEGER, coalesce(sum(killed), 0)::INTEGER, coalesce(sum(injured), 0)::INTEGER FROM read_parquet(?)', [out])).getRowsJS()[0];
		conn.closeSync();
		instance.closeSync();
		const x = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US' });
		// The worker's scripts (the import worker and exceljs' chunk) get the page's policy as a header, as a deployer
		// sending it on every response would: reading an xlsx must need no eval.
		const html = await (await fetch(`${server.url}/`)).text();
		const policy = /http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
		expect(policy).toContain("script-src 'self'");
		const routed: string[] = [];
		await x.route(/\/_app\/immutable\/workers\//, async (route) => {
			const response = await route.fetch();
			routed.push(route.request().url());
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy! } });
		});
		const p = await x.newPage();
		const errs: string[] = [];
		p.on('console', (m) => m.type() === 'error' && errs.push(m.text()));
		p.on('pageerror', (e) => errs.push(String(e)));
		await p.goto(`${server.url}/`);
		await waitReady(p);
		await p.getByTestId('workspace').locator('summary').click();
		for (const [i, path] of inputs.entries()) {
			const name = path.split('/').pop()!;
			await p.getByTestId('workspace-file').setInputFiles(path);
			await p.waitForFunction((n) => document.querySelector('[data-testid="import-summary"]')?.textContent?.includes(n), name, { timeout: 60_000 });
			const summary = p.getByTestId('import-summary');
			const expected = cliX.files[i];
			for (const key of ['read', 'imported', 'rejected', 'duplicates'] as const) expect(Number(await summary.getAttribute(`data-${key}`)), `${name} ${key}`).toBe(expected[key]);
			expect(await summary.getAttribute('data-format')).toBe(expected.format);
			if (expected.rejected || expected.duplicatesInInput) {
				const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('import-rejects').click()]);
				const got = parse(readFileSync(await download.path(), 'utf8')) as string[][];
				const want = (parse(readFileSync(cliX.rejectsFile, 'utf8')) as string[][]).filter((row, k) => k === 0 || row[0] === path);
				expect(got.map(([, ...rest]) => rest)).toEqual(want.map(([, ...rest]) => rest));
			}
		}
		await waitReady(p, 60_000);
		expect(Number(await p.getByTestId('local-dataset').getAttribute('data-rows'))).toBe(cliX.outputRows);
		const kpiOf = async (k: string) => Number(await p.getByTestId(`kpi-${k}`).locator('p.value').getAttribute('data-value'));
		expect({ incidents: await kpiOf('incidents'), killed: await kpiOf('killed'), injured: await kpiOf('injured') }).toEqual({ incidents: Number(r[0]), killed: Number(r[1]), injured: Number(r[2]) });
		expect(cliX.outputRows).toBeGreaterThan(0);
		// Both the worker and exceljs' chunk ran under the header policy.
		expect(routed.some((u) => /import\.worker/.test(u)) && routed.some((u) => /workers\/chunks\//.test(u)), routed.join(' ')).toBe(true);
		const refused: [string, Buffer][] = [
			[join(dir, 'two.zip'), t.zipOf(FILES[0], [{ name: 'data/other.csv', data: 'a,b\n1,2\n' }])],
			[join(dir, 'sheetless.xlsx'), t.sheetlessXlsx()],
			[join(dir, 'locked.zip'), t.encryptedZipOf(FILES[2])]
		];
		for (const [path, bytes] of refused) {
			writeFileSync(path, bytes);
			const name = path.split('/').pop()!;
			const cliMessage = await runImport({ inputs: [path], out: join(dir, 'refused.parquet') }).then(
				() => 'imported',
				(e: Error) => e.message.replace(path, name)
			);
			await p.getByTestId('workspace-file').setInputFiles(path);
			await expect.poll(() => p.getByTestId('import-error').textContent(), { timeout: 30_000 }).toContain(cliMessage);
		}
		expect(Number(await p.getByTestId('local-dataset').getAttribute('data-rows'))).toBe(cliX.outputRows);
		expect(errs.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
		await x.close();
	}, 180_000);

	it('8. a 200,000-row ACLED export opens with a progress bar while the page stays responsive (goal 10 s: the figure is printed)', async () => {
		const { dir, cleanup } = tempDir('rasd-200k-');
		cleanups.push(cleanup);
		const file = join(dir, 'acled-200k.csv');
		await writeAcledExport(file, 200_000);
		const big = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
		const p = await big.newPage();
		await p.goto(`${server.url}/`);
		await waitReady(p);
		await p.getByTestId('workspace').locator('summary').click();
		// The main thread's long tasks while the file loads: what a click would wait for.
		await p.evaluate(() => {
			const w = window as unknown as { longest: number; observer: PerformanceObserver };
			w.longest = 0;
			w.observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration))));
			w.observer.observe({ type: 'longtask' });
		});
		const started = Date.now();
		await p.getByTestId('workspace-file').setInputFiles(file);
		await p.getByTestId('import-progress').waitFor();
		await p.waitForSelector('[data-testid="import-summary"][data-imported="200000"]', { timeout: 60_000 });
		const imported = Date.now() - started;
		await p.waitForFunction(() => new URL(location.href).searchParams.get('data') === 'local');
		await waitReady(p, 60_000);
		const shown = Date.now() - started;
		const maxGap = await p.evaluate(() => (window as unknown as { longest: number }).longest);
		expect(Number(await p.getByTestId('kpi-incidents').locator('p.value').getAttribute('data-value'))).toBe(200_000);
		// A search asked as soon as the dashboard shows: the local build's search index comes after the dashboard
		// (src/lib/engine/search-gate.ts), so this waits for it. Its count is an independent scan of the export.
		// Meanwhile the search box says the search is being prepared (the index takes about 2 s at this size).
		expect(await p.getByTestId('search-preparing').isVisible()).toBe(true);
		const asked = Date.now();
		await p.getByTestId('filter-q').fill('Jisr');
		await p.getByTestId('filter-q').press('Enter');
		await p.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Jisr');
		await waitReady(p, 60_000);
		const searched = Date.now() - asked;
		await expect.poll(() => p.getByTestId('search-preparing').count()).toBe(0);
		const found = Number(await p.getByTestId('kpi-incidents').locator('p.value').getAttribute('data-value'));
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const scan = await conn.runAndReadAll(
			`SELECT count(*)::INTEGER FROM read_csv(?, all_varchar = true)
			 WHERE lower(concat_ws(' ', notes, location, actor1, actor2, admin1, admin2, country)) LIKE '%jisr%'`,
			[file]
		);
		conn.closeSync();
		instance.closeSync();
		// The build's statements (performance measures `rasd:<sql start>`, local-data.ts), slowest first: where the
		// time after the worker goes.
		const steps = await p.evaluate(() =>
			performance
				.getEntriesByType('measure')
				.filter((m) => m.name.startsWith('rasd:') || m.name.startsWith('rasd-worker:'))
				.map((m) => [m.name, Math.round(m.duration)] as const)
		);
		const build = steps.filter(([n]) => n.startsWith('rasd:')).reduce((s, [, ms]) => s + ms, 0);
		console.log(`200,000 ACLED rows (81 MB): imported in ${imported} ms, dashboard on them in ${shown} ms (SQL steps ${build} ms, search index included); a search asked then answered ${searched} ms later; longest main-thread task ${Math.round(maxGap)} ms`);
		console.log([...steps].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([n, ms]) => `  ${ms} ms ${n}`).join('\n'));
		expect(found).toBe(Number(scan.getRowsJS()[0][0]));
		expect(found).toBeGreaterThan(0);
		// The goal is 10 s. On this shared 2-core machine the same build measured 8.1-8.5 s when quiet and
		// 10.0-11.2 s half an hour later (the same Node code ran 38 % slower then), so the bound below only catches
		// a regression far past it. No main-thread task may freeze the page.
		expect(shown).toBeLessThan(40_000);
		expect(maxGap).toBeLessThan(1_000);
		await big.close();
	}, 180_000);
});
