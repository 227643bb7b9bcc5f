// The deployer's boundary setting end to end: build the view assets with RASD_ADMIN1_GEOJSON pointing at OCHA's
// admin-1 file into a temporary copy of build/ (the shared build/ is left alone), serve it, and see the
// choropleth draw Syria's 14 governorates. The boundary file is read in place and never copied into the repo.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, copyFileSync, readFileSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewAssets } from '../../scripts/build-view-assets';
import { BUILD_DIR, REPO_ROOT, launchBrowser, openPage, requireBuild, serveStatic, waitReady, type StaticServer } from './harness';

const ADMIN1 = resolve(REPO_ROOT, '..', 'shared', 'data', 'real', 'boundaries', 'syria-ocha-cod-ab', 'syr_admbnda_adm1_uncs_unocha.json');
const present = existsSync(ADMIN1);
if (!present) console.warn(`choropleth e2e skipped: ${ADMIN1} is absent (real boundary data is not shipped)`);

/** Copies a build tree; big files (wasm, the artifact) are symlinked, since they are only read. */
function copyBuild(from: string, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		const src = join(from, name);
		const dst = join(to, name);
		if (lstatSync(src).isDirectory()) copyBuild(src, dst);
		else if (statSync(src).size > 1_000_000) symlinkSync(src, dst);
		else copyFileSync(src, dst);
	}
}

describe.skipIf(!present)('choropleth from a deployer-supplied admin-1 GeoJSON', () => {
	let dir: string;
	let server: StaticServer;
	let browser: Browser;
	const log: string[] = [];

	beforeAll(async () => {
		requireBuild(BUILD_DIR);
		dir = mkdtempSync(join(tmpdir(), 'rasd-choropleth-'));
		copyBuild(BUILD_DIR, dir);
		await buildViewAssets({
			artifact: join(dir, 'data', 'rasd.duckdb'),
			outDir: join(dir, 'data'),
			admin1GeoJson: ADMIN1,
			pcodeProperty: 'ADM1_PCODE',
			log: (line) => log.push(line)
		});
		server = await serveStatic(dir);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('writes the setting into default-view.json and copies the boundaries next to it', () => {
		const asset = JSON.parse(readFileSync(join(dir, 'data', 'default-view.json'), 'utf8'));
		expect(asset.boundaries).toBe('admin1.geojson');
		expect(asset.boundariesPcodeProperty).toBe('ADM1_PCODE');
		const geo = JSON.parse(readFileSync(join(dir, 'data', 'admin1.geojson'), 'utf8'));
		expect(geo.features).toHaveLength(14);
		expect(log.join('\n')).toMatch(/14 features keyed by ADM1_PCODE/);
		// The shared build is untouched.
		expect(existsSync(join(BUILD_DIR, 'data', 'admin1.geojson'))).toBe(false);
	});

	it('draws the 14 governorates as a choropleth', async () => {
		const w = await openPage(browser);
		// The deployer's file still drives the tile view of the map panel (the real map uses the shipped files).
		await w.page.goto(`${server.url}/?map=tiles`);
		await waitReady(w.page);
		const map = w.page.getByTestId('province-map');
		await w.page.waitForSelector('[data-testid="province-map"][data-map-kind="choropleth"]');
		expect(await map.getAttribute('data-regions')).toBe('14');
		// The canvas holds many colours (14 shaded regions, borders, labels), not a blank box.
		const colours = await map.evaluate((el) => {
			const canvas = el.querySelector('canvas');
			const ctx = canvas?.getContext('2d');
			if (!canvas || !ctx) return 0;
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			const seen = new Set<number>();
			for (let i = 0; i < data.length; i += 16) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			return seen.size;
		});
		expect(colours).toBeGreaterThan(14);
		await map.screenshot({ path: join(tmpdir(), 'rasd-e2e-choropleth.png') });
		expect(w.requests.some((u) => u.endsWith('/data/admin1.geojson'))).toBe(true);
		expect(w.requests.filter((u) => new URL(u).origin !== new URL(server.url).origin)).toEqual([]);
		expect(w.errors).toEqual([]);
		await w.context.close();
	});
});
