// scripts/build-view-assets.ts without a browser: the boundary-file checks, and default-view.json computed from a
// tiny invented artifact equals what the engine answers for the default view.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildViewAssets, checkAdmin1GeoJson } from '../../scripts/build-view-assets';
import { DEFAULT_VIEW } from '../../src/lib/query/filters';
import { PAGE_SIZE, categoryQuery, incidentPageQuery, kpiQuery, sourcesQuery } from '../../src/lib/query/sql';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { writeTinyArtifact } from '../helpers/tiny-artifact';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const feature = (props: Record<string, unknown>, geometry: object | null = square(0)) => ({ type: 'Feature', properties: props, geometry });

describe('checkAdmin1GeoJson', () => {
	it('accepts a FeatureCollection keyed by p-code and reports missing / unknown codes', () => {
		const fc = { type: 'FeatureCollection', features: [feature({ ADM1_PCODE: 'SY01' }), feature({ ADM1_PCODE: 'SY11' }), feature({ ADM1_PCODE: 'IQ01' })] };
		const check = checkAdmin1GeoJson(fc, 'ADM1_PCODE');
		expect(check.pcodes).toEqual(['SY01', 'SY11', 'IQ01']);
		expect(check.missing).toHaveLength(12);
		expect(check.unknown).toEqual(['IQ01']);
	});
	it('rejects what would draw nothing or the wrong thing', () => {
		expect(() => checkAdmin1GeoJson({ type: 'Feature' }, 'ADM1_PCODE')).toThrow(/FeatureCollection/);
		expect(() => checkAdmin1GeoJson({ type: 'FeatureCollection', features: [] }, 'ADM1_PCODE')).toThrow(/no features/);
		expect(() => checkAdmin1GeoJson({ type: 'FeatureCollection', features: [feature({ NAME: 'x' })] }, 'ADM1_PCODE')).toThrow(/ADM1_PCODE/);
		expect(() => checkAdmin1GeoJson({ type: 'FeatureCollection', features: [feature({ P: 'SY01' }, { type: 'Point', coordinates: [0, 0] })] }, 'P')).toThrow(/Point/);
		expect(() => checkAdmin1GeoJson({ type: 'FeatureCollection', features: [feature({ P: 'SY01' }), feature({ P: 'SY01' })] }, 'P')).toThrow(/more than once/);
	});
});

describe('buildViewAssets', () => {
	it('precomputes the default view exactly as the engine answers it, with no boundaries by default', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rasd-view-assets-'));
		const artifact = await writeTinyArtifact(undefined, dir);
		writeFileSync(join(dir, 'admin1.geojson'), '{}'); // a stale copy from an earlier setting
		const lines: string[] = [];
		const asset = await buildViewAssets({ artifact, outDir: dir, log: (l) => lines.push(l) });
		expect(existsSync(join(dir, 'admin1.geojson'))).toBe(false);
		expect(asset.boundaries).toBe(null);
		const written = JSON.parse(readFileSync(join(dir, 'default-view.json'), 'utf8'));
		expect(written).toEqual(JSON.parse(JSON.stringify(asset)));

		const engine = await NodeEngine.open({ artifact });
		try {
			const kpis = await engine.run(kpiQuery(DEFAULT_VIEW, { min: '2022-12-20', max: '2023-03-31' }));
			expect(written.results.kpis).toEqual(kpis);
			expect(written.results.kpis.columns.incidents).toEqual([5]);
			expect(written.results.target).toEqual(await engine.run(categoryQuery(DEFAULT_VIEW, 'target', { ignoreOwnFilter: true, limit: null })));
			expect(written.meta.columns.synthetic_rows).toEqual([4]);
			// The table's first page and the count, so the engine has nothing left to do for the default view.
			expect(written.results.count.columns.n).toEqual([5]);
			expect(written.results.rows).toEqual(await engine.run(incidentPageQuery(DEFAULT_VIEW, PAGE_SIZE)));
			expect(written.results.rows.rowCount).toBe(5);
			expect(written.sources).toEqual(await engine.run(sourcesQuery()));
		} finally {
			engine.close();
		}
	});

	it('copies a valid boundary file and records the setting; refuses an invalid one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rasd-view-assets-'));
		const artifact = await writeTinyArtifact(undefined, dir);
		const geo = join(dir, 'in.geojson');
		writeFileSync(geo, JSON.stringify({ type: 'FeatureCollection', features: [feature({ CODE: 'SY11' }), feature({ CODE: 'SY09' }, square(2))] }));
		const asset = await buildViewAssets({ artifact, outDir: join(dir, 'out'), admin1GeoJson: geo, pcodeProperty: 'CODE', log: () => {} });
		expect(asset.boundaries).toBe('admin1.geojson');
		expect(asset.boundariesPcodeProperty).toBe('CODE');
		expect(JSON.parse(readFileSync(join(dir, 'out', 'admin1.geojson'), 'utf8')).features).toHaveLength(2);

		const bad = join(dir, 'bad.geojson');
		writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [feature({ NAME: 'x' })] }));
		await expect(buildViewAssets({ artifact, outDir: join(dir, 'out2'), admin1GeoJson: bad, log: () => {} })).rejects.toThrow(
			/RASD_ADMIN1_GEOJSON=.*no "ADM1_PCODE" property/
		);
	});

	const ocha = resolve(REPO_ROOT, '..', 'shared', 'data', 'real', 'boundaries', 'syria-ocha-cod-ab', 'syr_admbnda_adm1_uncs_unocha.json');
	if (!existsSync(ocha)) console.warn(`OCHA boundary check skipped: ${ocha} is absent`);
	it.skipIf(!existsSync(ocha))('accepts OCHA COD-AB admin-1 as it is: the 14 governorates, none missing', () => {
		const check = checkAdmin1GeoJson(JSON.parse(readFileSync(ocha, 'utf8')), 'ADM1_PCODE');
		expect(check.pcodes).toHaveLength(14);
		expect(check.missing).toEqual([]);
		expect(check.unknown).toEqual([]);
	});
});
