// Build step after the artifact: precomputes the default view's figures (static/data/default-view.json) so the
// first chart paints before DuckDB-WASM has started, and applies the deployer's boundary setting:
//   RASD_ADMIN1_GEOJSON=/path/admin1.geojson   an admin-1 FeatureCollection keyed by p-code -> real choropleth
//   RASD_ADMIN1_PCODE_PROPERTY=ADM1_PCODE      the feature property holding the p-code (default ADM1_PCODE)
// Without the setting the page draws its own tile map. See docs/boundaries.md.
//
// Usage: tsx scripts/build-view-assets.ts [--artifact static/data/rasd.duckdb] [--out-dir static/data]
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ARTIFACT_PATH, DEFAULT_VIEW_PATH } from '../src/lib/data/artifact';
import { SYRIA_PCODES } from '../src/lib/data/gazetteer';
import { NodeEngine } from '../src/lib/engine/node-engine';
import type { QueryEngine } from '../src/lib/query/engine';
import { DEFAULT_VIEW } from '../src/lib/query/filters';
import { dimensionOptionsQuery, metaQuery, sourcesQuery } from '../src/lib/query/sql';
import { viewQuery } from '../src/lib/query/views';
import { metaFromResult } from '../src/lib/query/meta';
import {
	DEFAULT_VIEW_ASSET_VERSION,
	PRECOMPUTED_CHANNELS,
	type DefaultViewAsset,
	type PrecomputedChannel
} from '../src/lib/query/default-view-asset';
import type { QueryResult } from '../src/lib/query/engine';

export const BOUNDARIES_FILE = 'admin1.geojson';
export const DEFAULT_PCODE_PROPERTY = 'ADM1_PCODE';

export interface Admin1Check {
	pcodes: string[];
	/** Syrian p-codes the file has no feature for (their governorates will not be drawn). */
	missing: string[];
	/** P-codes in the file that are not Syrian governorates (drawn, but no incident will ever match them). */
	unknown: string[];
}

/** Validates a parsed admin-1 GeoJSON; throws with a message a deployer can act on. */
export function checkAdmin1GeoJson(json: unknown, pcodeProperty: string): Admin1Check {
	const fc = json as { type?: unknown; features?: unknown };
	if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new Error('not a GeoJSON FeatureCollection');
	}
	if (fc.features.length === 0) throw new Error('the FeatureCollection has no features');
	const pcodes: string[] = [];
	fc.features.forEach((f: unknown, i: number) => {
		const feature = f as { type?: unknown; geometry?: { type?: unknown }; properties?: Record<string, unknown> };
		if (feature?.type !== 'Feature') throw new Error(`feature ${i} is not a Feature`);
		const geometry = feature.geometry?.type;
		if (geometry !== 'Polygon' && geometry !== 'MultiPolygon') {
			throw new Error(`feature ${i} has geometry ${String(geometry)}, expected Polygon or MultiPolygon`);
		}
		const code = feature.properties?.[pcodeProperty];
		if (typeof code !== 'string' || code.trim() === '') {
			throw new Error(`feature ${i} has no "${pcodeProperty}" property (set RASD_ADMIN1_PCODE_PROPERTY)`);
		}
		pcodes.push(code);
	});
	const duplicates = pcodes.filter((p, i) => pcodes.indexOf(p) !== i);
	if (duplicates.length) throw new Error(`p-codes appear more than once: ${[...new Set(duplicates)].join(', ')}`);
	return {
		pcodes,
		missing: SYRIA_PCODES.filter((p) => !pcodes.includes(p)),
		unknown: pcodes.filter((p) => !SYRIA_PCODES.includes(p))
	};
}

/** The default view's answers from the same channel queries the page runs. */
export async function computeDefaultView(
	engine: QueryEngine
): Promise<Pick<DefaultViewAsset, 'meta' | 'results' | 'sources' | 'options'>> {
	const meta = await engine.run(metaQuery());
	const m = metaFromResult(meta);
	if (!m?.dateMin || !m.dateMax) throw new Error('the artifact has no incidents (meta has no date range)');
	const range = { min: m.dateMin, max: m.dateMax };
	const results = {} as Record<PrecomputedChannel, QueryResult>;
	for (const c of PRECOMPUTED_CHANNELS) results[c] = await engine.run(viewQuery(c, DEFAULT_VIEW, range));
	return { meta, results, sources: await engine.run(sourcesQuery()), options: await engine.run(dimensionOptionsQuery()) };
}

function writeAtomically(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, text);
	renameSync(tmp, path);
}

export interface BuildOptions {
	artifact: string;
	outDir: string;
	admin1GeoJson?: string | null;
	pcodeProperty?: string | null;
	log?: (line: string) => void;
}

export async function buildViewAssets(options: BuildOptions): Promise<DefaultViewAsset> {
	const log = options.log ?? ((line: string) => console.log(line));
	if (!existsSync(options.artifact)) throw new Error(`artifact not found: ${options.artifact} (run npm run data:build)`);
	const boundariesOut = join(options.outDir, BOUNDARIES_FILE);
	let boundaries: string | null = null;
	let pcodeProperty: string | null = null;
	if (options.admin1GeoJson) {
		pcodeProperty = options.pcodeProperty || DEFAULT_PCODE_PROPERTY;
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(options.admin1GeoJson, 'utf8'));
		} catch (e) {
			throw new Error(`RASD_ADMIN1_GEOJSON=${options.admin1GeoJson}: cannot read JSON (${(e as Error).message})`);
		}
		let check: Admin1Check;
		try {
			check = checkAdmin1GeoJson(json, pcodeProperty);
		} catch (e) {
			throw new Error(`RASD_ADMIN1_GEOJSON=${options.admin1GeoJson}: ${(e as Error).message}`);
		}
		if (check.missing.length) log(`warning: no boundary for ${check.missing.join(', ')}`);
		if (check.unknown.length) log(`warning: p-codes outside the gazetteer: ${check.unknown.join(', ')}`);
		// Re-serialised compactly; the content is the deployer's file as given.
		writeAtomically(boundariesOut, JSON.stringify(json));
		boundaries = BOUNDARIES_FILE;
		log(`boundaries: ${basename(options.admin1GeoJson)} -> ${boundariesOut} (${check.pcodes.length} features keyed by ${pcodeProperty})`);
	} else {
		// The setting was removed: do not leave an old copy behind.
		rmSync(boundariesOut, { force: true });
		log('boundaries: none (the page draws its tile map; set RASD_ADMIN1_GEOJSON for a choropleth)');
	}
	const engine = await NodeEngine.open({ artifact: options.artifact });
	try {
		const { meta, results, sources, options: dimensionOptions } = await computeDefaultView(engine);
		const asset: DefaultViewAsset = {
			version: DEFAULT_VIEW_ASSET_VERSION,
			meta,
			results,
			sources,
			options: dimensionOptions,
			boundaries,
			boundariesPcodeProperty: pcodeProperty
		};
		const out = join(options.outDir, basename(DEFAULT_VIEW_PATH));
		writeAtomically(out, JSON.stringify(asset));
		log(`default view: ${out} (${PRECOMPUTED_CHANNELS.map((c) => `${c} ${results[c].rowCount} rows`).join(', ')})`);
		return asset;
	} finally {
		engine.close();
	}
}

function argValue(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const outDir = resolve(argValue('--out-dir') ?? join(root, 'static', dirname(DEFAULT_VIEW_PATH)));
	const artifact = resolve(argValue('--artifact') ?? join(root, 'static', ARTIFACT_PATH));
	buildViewAssets({
		artifact,
		outDir,
		admin1GeoJson: process.env.RASD_ADMIN1_GEOJSON || null,
		pcodeProperty: process.env.RASD_ADMIN1_PCODE_PROPERTY || null
	}).catch((e: unknown) => {
		console.error(`build-view-assets: ${(e as Error).message}`);
		process.exit(1);
	});
}
