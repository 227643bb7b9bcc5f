// A dataset whose rows carry hostile text, end to end: invented incidents with script tags, event-handler markup,
// javascript:, data: and vbscript: source URLs, markdown, bidi overrides, a 100 kB summary, formula-like cells and
// Arabic go through the project's own Parquet writer and artifact build into a temporary copy of the built app
// (default-view.json regenerated for it). In Chromium: nothing executes (no dialog, no flag, no element made from a
// payload, no CSP violation), non-http(s) links are not rendered as links and http(s) ones open with
// rel="noopener noreferrer", the table and the record show the text as text, the CSV export round-trips
// through csv-parse to the same values (the formula guard's apostrophe the only change), no request leaves the
// origin. No real data is involved.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { BUILD_DIR, launchBrowser, requireBuild, serveStatic, type StaticServer } from './harness';
import { ALL, HOSTILE, buildHostileSite } from './hostile-dataset';
import { openGuardedPage, waitSettled, type GuardedPage } from './hostile-support';

const byId = new Map(ALL.map((r) => [r.incident_id, r]));
const TEXT_COLUMNS = INCIDENT_COLUMNS.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
/** Columns the record writes as words or names (codes, categories, a place known by p-code) or only as a link. */
const NOT_VERBATIM = new Set(['summary', 'source_url', 'source_dataset', 'date_precision', 'geo_precision', 'country_iso3', 'admin1_pcode', 'admin2_pcode', 'country', 'admin1', 'admin2', 'event_type', 'sub_event_type', 'attack_type', 'target_type']);
/** The formula guard, written independently of src/lib/export/csv.ts. */
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('a dataset with hostile text', () => {
	let dir: string;
	let work: string;
	let server: StaticServer;
	let browser: Browser;
	let w: GuardedPage;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		({ work, site: dir } = await buildHostileSite(BUILD_DIR));
		server = await serveStatic(dir);
		browser = await launchBrowser();
		w = await openGuardedPage(browser);
		await w.page.goto(`${server.url}/`);
		expect(await waitSettled(w.page)).toBe('ready');
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	/** The URL as the browser writes it (Chromium percent-encodes a little more than Node, e.g. `|`). */
	const browserHref = (url: string) => w.page.evaluate((u) => new URL(u.trim()).href, url);

	/** Nothing a payload could have done has happened. */
	async function assertInert(): Promise<void> {
		const { page } = w;
		expect(w.dialogs).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
		expect(await page.locator('[data-pwn], [onerror], [onload], [onmouseover], iframe, object, embed').count()).toBe(0);
		expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i], a[href^="//"]').count()).toBe(0);
		expect(await w.violations()).toEqual([]);
		expect(w.uncaught).toEqual([]);
		expect(w.foreignRequests(new URL(server.url).origin)).toEqual([]);
	}

	it('shows every row, the text verbatim in the table, and links only to http(s) URLs, opened safely', async () => {
		const { page } = w;
		const rows = await page.getByTestId('incident-row').evaluateAll((trs) =>
			trs.map((tr) => {
				const a = tr.querySelector('a');
				return {
					id: tr.getAttribute('data-id') ?? '',
					summary: tr.querySelector('[data-testid="incident-summary"]')?.textContent ?? '',
					href: a?.getAttribute('href') ?? null,
					target: a?.getAttribute('target') ?? null,
					rel: a?.getAttribute('rel') ?? null
				};
			})
		);
		expect(rows.map((r) => r.id).sort()).toEqual(ALL.map((r) => r.incident_id).sort());
		for (const h of HOSTILE) {
			const r = rows.find((x) => x.id === h.row.incident_id)!;
			expect(r.summary, h.row.incident_id).toBe(h.row.summary);
			expect(r.href, h.row.incident_id).toBe(h.linked ? await browserHref(h.row.source_url!) : null);
			if (h.linked) expect([r.target, r.rel]).toEqual(['_blank', 'noopener noreferrer']);
		}
		// Every link in the page: same origin, or http(s) with noopener noreferrer.
		const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, rel: a.getAttribute('rel') })));
		for (const l of links) {
			const u = new URL(l.href);
			expect(['http:', 'https:']).toContain(u.protocol);
			if (u.origin !== new URL(server.url).origin) expect(l.rel).toBe('noopener noreferrer');
		}
		await assertInert();
	});

	it('the detail dialog shows every field verbatim, the 100 kB summary and the bidi text included', async () => {
		const { page } = w;
		for (const id of ['csv:h1', 'csv:h2', 'csv:h3', 'csv:h4', 'csv:h5', 'csv:h8-0']) {
			const incident = byId.get(id)!;
			await page.locator(`[data-testid="incident-row"][data-id="${id}"] button.open`).click();
			const dialog = page.getByTestId('incident-detail');
			// Closed even when a check fails, so that the later tests do not fail for the open modal.
			onTestFinished(() => page.keyboard.press('Escape').catch(() => undefined));
			await dialog.locator('dd[data-field="incident_id"]').waitFor();
			expect((await dialog.locator('dd[data-field="incident_id"] bdi').textContent())).toBe(id);
			// The summary as text, paragraph by paragraph; every free-text field somewhere in the record as text
			// (codes and categories are written as words, the link only as a link).
			const spaces = (t: string) => t.replace(/\s+/g, ' ').trim();
			expect(spaces((await page.getByTestId('detail-summary').textContent()) ?? ''), id).toBe(spaces(incident.summary ?? 'The source gives no summary.'));
			const shown = (await dialog.textContent()) ?? '';
			for (const name of TEXT_COLUMNS.filter((c) => !NOT_VERBATIM.has(c))) {
				const value = incident[name] as string | null;
				if (value === null || value.trim() === '') continue;
				expect(shown.includes(value.trim()), `${id} ${name}`).toBe(true);
			}
			const h = HOSTILE.find((x) => x.row.incident_id === id)!;
			const link = h.linked ? await browserHref(h.row.source_url!) : null;
			const anchor = dialog.locator('[data-testid="detail-source-link"]');
			expect(await anchor.count()).toBe(link ? 1 : 0);
			if (link) expect([await anchor.getAttribute('href'), await anchor.getAttribute('rel')]).toEqual([link, 'noopener noreferrer']);
			await page.getByTestId('detail-close').click();
			await assertInert();
		}
	});

	it('hostile place and actor names in chart tooltips and the perpetrator search stay text', async () => {
		const { page } = w;
		const chart = page.getByTestId('timeline-chart');
		await chart.scrollIntoViewIfNeeded();
		const box = (await chart.boundingBox())!;
		let shown = '';
		for (let i = 1; i < 40; i++) {
			await page.mouse.move(box.x + (box.width * i) / 40, box.y + box.height / 2);
			await page.waitForTimeout(50);
			// ECharts' tooltip: the element it styles with z-index 9999999.
			shown += await page.evaluate(() =>
				[...document.querySelectorAll('div')].filter((d) => d.style.zIndex === '9999999').map((d) => d.textContent ?? '').join('|')
			);
		}
		// The hostile province name was shown (as text) in a tooltip.
		expect(shown).toContain('Elsewhere</b>');
		await page.getByTestId('filter-perpetrator-search').fill('<');
		const options = page.getByTestId('filter-perpetrator-options');
		await expect.poll(async () => (await options.textContent()) ?? '').toContain('<svg data-pwn onload=');
		await assertInert();
	});

	it('the CSV export round-trips through csv-parse to the same values, the formula guard the only change', async () => {
		const { page } = w;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		const file = join(work, 'export.csv');
		await download.saveAs(file);
		const text = readFileSync(file, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = parse(text.slice(1), { relax_column_count: false }) as string[][];
		expect(header).toEqual([...INCIDENT_COLUMN_NAMES]);
		const expected = [...ALL].sort((a, b) => (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : a.incident_id < b.incident_id ? -1 : 1));
		expect(rows.length).toBe(expected.length);
		let guardedCells = 0;
		rows.forEach((got, r) => {
			const want = expected[r];
			INCIDENT_COLUMN_NAMES.forEach((name, c) => {
				const v = want[name];
				if (v === null) expect(got[c], `${want.incident_id} ${name}`).toBe('');
				else if (typeof v === 'number') expect(Number(got[c]), `${want.incident_id} ${name}`).toBe(v);
				else {
					expect(got[c], `${want.incident_id} ${name}`).toBe(guarded(v));
					if (guarded(v) !== v) guardedCells++;
				}
			});
		});
		// =HYPERLINK, +1, -1, @SUM, tab, CR and =1+2: each neutralised.
		expect(guardedCells).toBe(7);
		await assertInert();
	});

	it('the page made no request to another origin and logged no error', async () => {
		expect(w.requests.length).toBeGreaterThan(5);
		await assertInert();
		expect(w.errors).toEqual([]);
	});
});
