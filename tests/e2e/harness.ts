// End-to-end harness: serves the built app (build/) on 127.0.0.1 from a small static server with HTTP range
// support (DuckDB-WASM reads the artifact with range requests) and drives Debian's Chromium via playwright-core.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** RASD_BUILD_DIR lets parallel work build and test its own copy (svelte.config.js reads the same variable). */
export const BUILD_DIR = resolve(REPO_ROOT, process.env.RASD_BUILD_DIR ?? 'build');
export const CHROMIUM = process.env.RASD_CHROMIUM ?? '/usr/bin/chromium';
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

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.duckdb': 'application/octet-stream',
	'.txt': 'text/plain; charset=utf-8'
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** A static server for a prerendered SvelteKit build: `/` -> index.html, `/x` -> x.html, Range and HEAD. */
export async function serveStatic(root: string): Promise<StaticServer> {
	const base = resolve(root);
	const server: Server = createServer((req, res) => {
		// RASD_E2E_LOG=1 prints every request the app makes (the worker's range reads included).
		if (process.env.RASD_E2E_LOG) res.on('finish', () => console.log(req.method, req.url, req.headers.range ?? '', res.statusCode));
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(base, path));
		if (file !== base && !file.startsWith(base + sep)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const size = statSync(file).size;
		const headers: Record<string, string | number> = {
			'content-type': MIME[extname(file)] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'cache-control': 'no-cache'
		};
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range && (range[1] || range[2])) {
			let start = range[1] ? Number(range[1]) : size - Number(range[2]);
			let end = range[1] && range[2] ? Number(range[2]) : size - 1;
			start = Math.max(0, start);
			end = Math.min(end, size - 1);
			if (start > end || start >= size) {
				res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
				return;
			}
			res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** A page that records every request URL and every console error / uncaught exception. */
export interface WatchedPage {
	context: BrowserContext;
	page: Page;
	requests: string[];
	errors: string[];
}

export async function openPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
	const context = await browser.newContext({ acceptDownloads: options.acceptDownloads ?? true, viewport: { width: 1280, height: 900 } });
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
