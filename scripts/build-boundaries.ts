// `npm run data:boundaries`: derives the boundary files the app ships (static/boundaries/, committed) from the
// shared originals, which users never need:
//   ../shared/data/real/boundaries/syria-ocha-cod-ab/      OCHA COD-AB Syria -> syria-admin1.json, syria-admin2.json
//   ../shared/data/real/boundaries/natural-earth-admin1/   Natural Earth admin-1 -> admin1/<ISO3>.json + index.json
// Simplification is mapshaper's: it builds a topology first, so a border two units share is simplified once and
// stays one line (no slivers, no gaps). Output is GeoJSON, which ECharts' registerMap takes as it is.
// Without the shared folder it says so and changes nothing. See docs/boundaries.md and static/boundaries/README.md.
//
// Usage: tsx scripts/build-boundaries.ts [--shared ../shared/data/real/boundaries] [--out static/boundaries]
/// <reference path="./lib/mapshaper.d.ts" />
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import mapshaper from 'mapshaper';
import type { WorldAdmin1Index, WorldAdmin1IndexEntry } from '../src/lib/data/boundary-files';
import {
	countryExtentKm,
	countryInterval,
	geometryBbox,
	neUnitProperties,
	ochaAdmin1Properties,
	ochaAdmin2Properties
} from './lib/boundary-layers';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real', 'boundaries');
export const DEFAULT_OUT = join(REPO_ROOT, 'static', 'boundaries');

/** Syria at 250 m: districts stay recognisable when the panel is zoomed to one governorate. */
export const SYRIA_INTERVAL_M = 250;
/** 0.001 degree is about 100 m, finer than any interval used, and Natural Earth's copy is rounded to it already. */
const PRECISION = 0.001;

interface Feature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: unknown };
}
interface FeatureCollection {
	type: 'FeatureCollection';
	features: Feature[];
}

export interface BoundaryBuildOptions {
	shared?: string;
	out?: string;
	log?: (line: string) => void;
}

export interface BoundaryBuildReport {
	/** Output file (relative to out) -> bytes. */
	files: Record<string, number>;
	skipped?: string;
}

const readJson = (path: string): FeatureCollection =>
	JSON.parse((path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8'));

/** Simplifies one layer with mapshaper and returns the GeoJSON text. */
async function simplify(layer: FeatureCollection, intervalMetres: number): Promise<string> {
	const out = await mapshaper.applyCommands(
		`-i in.json -simplify interval=${intervalMetres} keep-shapes -o out.json format=geojson precision=${PRECISION}`,
		{ 'in.json': layer }
	);
	const text = out['out.json'];
	return typeof text === 'string' ? text : new TextDecoder().decode(text);
}

/** Per-country file budget: a country of many small units (England's 232 districts) is coarsened until its file
 *  fits, so no single country costs the page more than about this much to fetch. */
export const COUNTRY_FILE_BUDGET = 120_000;

async function simplifyWithin(layer: FeatureCollection, intervalMetres: number): Promise<string> {
	let interval = intervalMetres;
	let text = await simplify(layer, interval);
	for (let tries = 0; Buffer.byteLength(text) > COUNTRY_FILE_BUDGET && tries < 4; tries++) {
		interval = Math.round(interval * 1.5);
		text = await simplify(layer, interval);
	}
	return text;
}

function withProperties(fc: FeatureCollection, map: (p: Record<string, unknown>) => object | null): FeatureCollection {
	const features: Feature[] = [];
	for (const f of fc.features) {
		const properties = map(f.properties ?? {});
		if (properties) features.push({ type: 'Feature', properties: properties as Record<string, unknown>, geometry: f.geometry });
	}
	return { type: 'FeatureCollection', features };
}

async function buildSyria(dir: string, out: string, files: Record<string, number>, log: (l: string) => void) {
	const layers = [
		{ src: 'syr_admbnda_adm1_uncs_unocha.json', dst: 'syria-admin1.json', props: ochaAdmin1Properties, units: 14 },
		{ src: 'syr_admbnda_adm2_uncs_unocha.json.gz', dst: 'syria-admin2.json', props: ochaAdmin2Properties, units: 62 }
	];
	for (const layer of layers) {
		const fc = withProperties(readJson(join(dir, layer.src)), layer.props);
		if (fc.features.length !== layer.units) {
			throw new Error(`${layer.src}: ${fc.features.length} features, expected ${layer.units}`);
		}
		const text = await simplify(fc, SYRIA_INTERVAL_M);
		writeFileSync(join(out, layer.dst), text);
		files[layer.dst] = Buffer.byteLength(text);
		log(`${layer.dst}: ${layer.units} units, ${files[layer.dst].toLocaleString('en')} bytes`);
	}
}

async function buildWorld(dir: string, out: string, files: Record<string, number>, log: (l: string) => void) {
	const all = withProperties(readJson(join(dir, 'ne_10m_admin_1_world_slim.geojson.gz')), neUnitProperties);
	const byCountry = new Map<string, Feature[]>();
	for (const f of all.features) {
		const iso3 = f.properties.iso3 as string;
		byCountry.set(iso3, [...(byCountry.get(iso3) ?? []), f]);
	}
	const countryDir = join(out, 'admin1');
	rmSync(countryDir, { recursive: true, force: true }); // a country dropped from the source leaves no stale file
	mkdirSync(countryDir, { recursive: true });
	const entries: WorldAdmin1IndexEntry[] = [];
	for (const iso3 of [...byCountry.keys()].sort()) {
		const features = byCountry.get(iso3)!;
		const geometries = features.map((f) => f.geometry);
		const bbox = geometryBbox(geometries);
		const text = await simplifyWithin({ type: 'FeatureCollection', features }, countryInterval(countryExtentKm(geometries)));
		writeFileSync(join(countryDir, `${iso3}.json`), text);
		const bytes = Buffer.byteLength(text);
		files[`admin1/${iso3}.json`] = bytes;
		entries.push({ iso3, units: features.length, bbox: bbox.map((v) => Math.round(v * 1000) / 1000) as WorldAdmin1IndexEntry['bbox'], bytes });
	}
	const index: WorldAdmin1Index = { source: 'Natural Earth 1:10m admin-1 states and provinces (public domain)', countries: entries };
	const text = JSON.stringify(index, null, 0).replace(/\},\{/g, '},\n{');
	writeFileSync(join(countryDir, 'index.json'), text + '\n');
	files['admin1/index.json'] = Buffer.byteLength(text) + 1;
	const total = entries.reduce((s, e) => s + e.bytes, 0);
	log(`admin1/: ${entries.length} countries, ${all.features.length} units, ${total.toLocaleString('en')} bytes in all`);
}

export async function buildBoundaries(options: BoundaryBuildOptions = {}): Promise<BoundaryBuildReport> {
	const shared = options.shared ?? DEFAULT_SHARED;
	const out = options.out ?? DEFAULT_OUT;
	const log = options.log ?? console.log;
	const ocha = join(shared, 'syria-ocha-cod-ab');
	const ne = join(shared, 'natural-earth-admin1');
	if (!existsSync(ocha) || !existsSync(ne)) {
		const skipped = `${shared} is absent: the committed files in ${out} are kept as they are (nothing to rebuild from)`;
		log(`data:boundaries skipped: ${skipped}`);
		return { files: {}, skipped };
	}
	mkdirSync(out, { recursive: true });
	const files: Record<string, number> = {};
	await buildSyria(ocha, out, files, log);
	await buildWorld(ne, out, files, log);
	return { files };
}

function parseArgs(argv: string[]): BoundaryBuildOptions {
	const options: BoundaryBuildOptions = {};
	for (let i = 0; i < argv.length; i += 2) {
		const value = argv[i + 1];
		if (value === undefined) throw new Error(`${argv[i]} needs a value`);
		if (argv[i] === '--shared') options.shared = resolve(value);
		else if (argv[i] === '--out') options.out = resolve(value);
		else throw new Error(`unknown option ${argv[i]} (use --shared DIR, --out DIR)`);
	}
	return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	buildBoundaries(parseArgs(process.argv.slice(2))).catch((err: unknown) => {
		console.error(`data:boundaries failed: ${err instanceof Error ? err.message : String(err)}`);
		process.exit(1);
	});
}
