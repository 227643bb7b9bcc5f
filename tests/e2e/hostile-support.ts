// Shared by the hostile-* and failure-* end-to-end tests: temporary copies of the built app with one file changed,
// and a page wrapper that records what a hostile input might make the page do (dialogs, uncaught exceptions, CSP
// violations, requests to other origins).
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness';

/** Copies a build tree; big files (wasm, the artifact) are symlinked, since they are only read. */
export function copyBuild(from: string, to: string = mkdtempSync(join(tmpdir(), 'rasd-e2e-copy-'))): string {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		const src = join(from, name);
		const dst = join(to, name);
		if (lstatSync(src).isDirectory()) copyBuild(src, dst);
		else if (statSync(src).size > 1_000_000) symlinkSync(src, dst);
		else copyFileSync(src, dst);
	}
	return to;
}

export interface GuardedPage extends WatchedPage {
	/** Dialogs (alert, confirm, prompt) the page opened: a hostile payload that ran would typically open one. */
	dialogs: string[];
	/** Uncaught exceptions only (console errors are in `errors`). */
	uncaught: string[];
	/** Content-Security-Policy violations the page reported. */
	violations(): Promise<string[]>;
	/** Requests to any origin but the app's own. */
	foreignRequests(origin: string): string[];
}

/** A page that records dialogs, uncaught exceptions and CSP violations as well as requests and console errors. */
export async function openGuardedPage(browser: Browser, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<GuardedPage> {
	const watched = await openPage(browser, options);
	const dialogs: string[] = [];
	const uncaught: string[] = [];
	watched.page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss().catch(() => undefined);
	});
	watched.page.on('pageerror', (e) => uncaught.push(String(e)));
	await watched.page.addInitScript(() => {
		const list: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = list;
		document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective} ${e.blockedURI}`));
	});
	return {
		...watched,
		dialogs,
		uncaught,
		violations: () => watched.page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
		foreignRequests: (origin) => watched.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)
	};
}

/** Waits until the page has settled: data-state is ready or error (anything but loading). */
export async function waitSettled(page: Page, timeout = 60_000): Promise<string> {
	await page.waitForSelector('[data-testid="app"]:not([data-state="loading"])', { timeout });
	return (await page.getByTestId('app').getAttribute('data-state')) ?? '';
}

/** Control and bidi-control characters: none may reach a notice's visible text. */
// eslint-disable-next-line no-control-regex
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
