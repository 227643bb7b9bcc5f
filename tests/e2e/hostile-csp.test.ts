// The built pages carry a Content-Security-Policy that allows only their own origin (svelte.config.js, kit.csp):
// checked in the HTML, then in Chromium: the app works under it (engine, worker, wasm, charts, exports) without a
// single violation, and what an injected script would try (fetch, image, script, inline script, eval, data: worker,
// frame, form, <base>, WebSocket to another origin) is blocked and reported. The same page with the policy
// removed is the control: there the same attempts reach the other origin, so this test fails without the CSP.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, launchBrowser, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';
import { copyBuild, openGuardedPage, type GuardedPage } from './hostile-support';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/gi;

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === '_app' ? [] : htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values])
	);
}

/** Another origin that counts every request it gets and answers each kind of probe usefully (so that, without
 *  the CSP, the probes would succeed and be seen). */
async function foreignOrigin(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
	const hits: string[] = [];
	const server: Server = createServer((req, res) => {
		hits.push(`${req.method} ${req.url}`);
		const type = req.url?.endsWith('.js') ? 'text/javascript' : req.url?.endsWith('.png') ? 'image/png' : 'text/plain';
		res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
		res.end(req.url?.endsWith('.js') ? 'window.__foreignScript = 1;' : 'ok');
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hits,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}

/** What an injected script might try. Returns what it observed in the page. */
async function probe(page: Page, foreign: string) {
	return page.evaluate(async (origin) => {
		const w = window as unknown as Record<string, unknown>;
		const out: Record<string, string> = {};
		const settle = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
		out.fetch = await fetch(`${origin}/fetch`).then(
			(r) => `status ${r.status}`,
			(e: unknown) => `blocked ${String(e)}`
		);
		const img = new Image();
		img.src = `${origin}/pixel.png`;
		const script = document.createElement('script');
		script.src = `${origin}/script.js`;
		document.head.append(script);
		const inline = document.createElement('script');
		inline.textContent = 'window.__inlineScript = 1;';
		document.head.append(inline);
		// From a timer, so the page runs it (code evaluated over CDP itself is exempt from the page's policy).
		out.eval = await new Promise<string>((ok) =>
			setTimeout(() => {
				try {
					eval('window.__eval = 1');
					ok('ran');
				} catch (e) {
					ok(`blocked ${String(e)}`);
				}
			})
		);
		try {
			const worker = new Worker('data:text/javascript,postMessage(1)');
			out.worker = await new Promise<string>((ok) => {
				worker.onmessage = () => ok('ran');
				worker.onerror = () => ok('blocked (error event)');
				setTimeout(() => ok('no answer'), 1500);
			});
		} catch (e) {
			out.worker = `blocked ${String(e)}`;
		}
		const frame = document.createElement('iframe');
		frame.src = `${origin}/frame`;
		document.body.append(frame);
		try {
			const socket = new WebSocket(`${origin.replace('http', 'ws')}/socket`);
			socket.onerror = () => undefined;
		} catch (e) {
			out.socket = `blocked ${String(e)}`;
		}
		const base = document.createElement('base');
		base.href = `${origin}/base/`;
		document.head.append(base);
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = 'relative-to-base.css';
		document.head.append(link);
		await settle(1500);
		frame.remove();
		base.remove();
		out.flags = JSON.stringify({ script: w.__foreignScript, inline: w.__inlineScript, eval: w.__eval });
		return out;
	}, foreign);
}

describe('Content-Security-Policy of the built app', () => {
	let server: StaticServer;
	let open: StaticServer;
	let browser: Browser;
	let copy: string;

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		server = await serveStatic(BUILD_DIR);
		// The control: the same build without its policy.
		copy = copyBuild(BUILD_DIR);
		const index = join(copy, 'index.html');
		writeFileSync(index, readFileSync(index, 'utf8').replace(META, ''));
		open = await serveStatic(copy);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		await open?.close();
		if (copy) rmSync(copy, { recursive: true, force: true });
	});

	it('every built page sets one policy: own origin only, scripts by hash, no eval, no plugins', () => {
		const pages = htmlFiles(BUILD_DIR);
		expect(pages.length).toBeGreaterThan(0);
		for (const file of pages) {
			const html = readFileSync(file, 'utf8');
			const metas = [...html.matchAll(META)];
			expect(metas, file).toHaveLength(1);
			const d = directives(metas[0][1].replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
			expect(d.get('default-src')).toEqual(["'self'"]);
			expect(d.get('connect-src')).toEqual(["'self'"]);
			expect(d.get('worker-src')).toEqual(["'self'"]);
			expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
			expect(d.get('object-src')).toEqual(["'none'"]);
			expect(d.get('base-uri')).toEqual(["'self'"]);
			expect(d.get('form-action')).toEqual(["'self'"]);
			expect(d.get('style-src')).toEqual(["'self'"]);
			expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
			const scripts = d.get('script-src') ?? [];
			expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
			const hashes = scripts.slice(2);
			expect(hashes.every((h) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(h))).toBe(true);
			// Each inline script of the page is allowed by its hash, and by nothing broader.
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
			expect(inline.length).toBeGreaterThan(0);
			for (const body of inline) expect(hashes).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
			for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) expect(scripts).not.toContain(bad);
		}
	});

	it('the app works under the policy without a single violation', async () => {
		const w: GuardedPage = await openGuardedPage(browser);
		await w.page.goto(`${server.url}/`);
		await waitReady(w.page);
		// Tooltips (inline styles set by script), a chart PNG and the CSV export (data: and blob: downloads).
		const chart = w.page.getByTestId('timeline-chart');
		const box = (await chart.boundingBox())!;
		await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('timeline-png').click()]);
		await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export-csv').click()]);
		expect(await w.violations()).toEqual([]);
		expect(w.errors).toEqual([]);
		expect(w.foreignRequests(new URL(server.url).origin)).toEqual([]);
		await w.context.close();
	});

	it('what an injected script tries is blocked and reported; without the policy it gets through (control)', async () => {
		const foreign = await foreignOrigin();
		try {
			// With the policy.
			const w = await openGuardedPage(browser);
			await w.page.goto(`${server.url}/`);
			await waitReady(w.page);
			const seen = await probe(w.page, foreign.url);
			expect(seen.fetch).toMatch(/^blocked/);
			expect(seen.eval).toMatch(/^blocked EvalError/);
			expect(seen.worker).toMatch(/^blocked/);
			expect(JSON.parse(seen.flags)).toEqual({});
			const violated = new Set((await w.violations()).map((v) => v.split(' ')[0]));
			for (const directive of ['connect-src', 'img-src', 'script-src-elem', 'script-src', 'worker-src', 'frame-src', 'base-uri']) {
				expect(violated, directive).toContain(directive);
			}
			// Nothing arrived (Playwright lists the blocked attempts as requests; the other origin's own log is the proof).
			expect(foreign.hits).toEqual([]);
			await w.context.close();

			// Control: the same build with the meta tag removed lets the same attempts through.
			const c = await openGuardedPage(browser);
			await c.page.goto(`${open.url}/`);
			await waitReady(c.page);
			const through = await probe(c.page, foreign.url);
			expect(through.fetch).toBe('status 200');
			expect(through.eval).toBe('ran');
			expect(JSON.parse(through.flags)).toEqual({ script: 1, inline: 1, eval: 1 });
			expect(foreign.hits.length).toBeGreaterThanOrEqual(4);
			expect(await c.violations()).toEqual([]);
			await c.context.close();
		} finally {
			await foreign.close();
		}
	});
});
