// End-to-end harness: serves the built app (build/) on 127.0.0.1 with the project's static server (HTTP range
// support: DuckDB-WASM reads the artifact with range requests) and drives Debian's Chromium via playwright-core.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium';
import { serveStatic as serveStaticFiles, type StaticServer } from '../../scripts/lib/static-server';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** RASD_BUILD_DIR lets parallel work build and test its own copy (svelte.config.js reads the same variable). */
export const BUILD_DIR = resolve(REPO_ROOT, process.env.RASD_BUILD_DIR ?? 'build');
export { CHROMIUM };
export const PARQUET = join(REPO_ROOT, 'data', 'incidents.parquet');

/** Fails with an actionable message when the app has not been built. */
export function requireBuild(dir = BUILD_DIR): string {
	if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'data', 'rasd.duckdb'))) {
		throw new Error(
			`${dir} has no built app (index.html and data/rasd.duckdb): run \`npm run data:build && npm run build\` first`
		);
	}
	return dir;
}

export type { StaticServer };

/** The app's static server (scripts/lib/static-server.ts); RASD_E2E_LOG=1 prints every request the app makes. */
export function serveStatic(root: string): Promise<StaticServer> {
	return serveStaticFiles(root, { log: !!process.env.RASD_E2E_LOG });
}

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that records every request URL and every console error / uncaught exception. */
export interface WatchedPage {
	context: BrowserContext;
	page: Page;
	requests: string[];
	errors: string[];
}

export async function openPage(browser: Browser, options: { acceptDownloads?: boolean; serviceWorkers?: 'allow' | 'block' } = {}): Promise<WatchedPage> {
	const context = await browser.newContext({
		acceptDownloads: options.acceptDownloads ?? true,
		viewport: { width: 1280, height: 900 },
		serviceWorkers: options.serviceWorkers ?? 'allow'
	});
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('console', (m: ConsoleMessage) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return { context, page, requests, errors };
}

/** Waits until the page says every view has answered the current state. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
	await page.waitForSelector('[data-testid="app"][data-state="ready"]', { timeout });
}

/** The integer a KPI element shows (thousands separators removed). */
export async function kpiValue(page: Page, name: 'incidents' | 'killed' | 'injured'): Promise<number> {
	const text = (await page.getByTestId(`kpi-${name}`).locator('[data-value]').innerText()).trim();
	if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(text)) throw new Error(`kpi-${name} shows ${JSON.stringify(text)}`);
	return Number(text.replace(/,/g, ''));
}
