// One served copy of the app per benchmark set: build/ copied into a temporary directory, that set's artifact
// linked in as data/rasd.duckdb (a symlink: the 10M artifact is about 1 GB) and its default-view.json computed by
// the project's view-assets step against that artifact. Served on 127.0.0.1 with Range and HEAD support (the
// wasm engine reads the artifact with range requests); hashed assets are cacheable like on a real static host.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { buildViewAssets } from '../../scripts/build-view-assets';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { ARTIFACT_PATH } from '../../src/lib/data/artifact';

export interface Site {
	root: string;
	/** Seconds the view-assets step took (default-view.json from the artifact). */
	viewAssetsSeconds: number;
	remove(): void;
}

export function requireBuild(buildDir: string): void {
	if (!existsSync(join(buildDir, 'index.html'))) {
		throw new Error(`${buildDir} has no built app (index.html): run \`npm run build\` first`);
	}
}

export async function prepareSite(buildDir: string, artifact: string): Promise<Site> {
	requireBuild(buildDir);
	const root = mkdtempSync(join(tmpdir(), 'rasd-bench-site-'));
	const remove = () => rmSync(root, { recursive: true, force: true });
	try {
		// Everything but the build's own data files (the repo's demo artifact and its default view).
		cpSync(buildDir, root, { recursive: true, filter: (src) => !resolve(src).startsWith(join(resolve(buildDir), 'data') + sep) });
		const dataDir = join(root, 'data');
		symlinkSync(resolve(artifact), join(root, ARTIFACT_PATH));
		const started = performance.now();
		// No boundary setting: the page draws its tile map, as in the default deployment.
		await buildViewAssets({ artifact: join(root, ARTIFACT_PATH), outDir: dataDir, admin1GeoJson: null, log: () => undefined });
		return { root, viewAssetsSeconds: (performance.now() - started) / 1000, remove };
	} catch (e) {
		remove();
		throw e;
	}
}

export interface Server extends StaticServer {
	/** Bytes of the artifact sent so far (range reads included): how much of the database the page touched. */
	artifactBytes(): number;
}

/** The project's static server (scripts/lib/static-server.ts), with hashed assets cacheable like on a real host. */
export async function serve(root: string): Promise<Server> {
	const artifactFile = join(resolve(root), ARTIFACT_PATH);
	let artifactBytes = 0;
	const server = await serveStatic(root, {
		cacheImmutable: true,
		onSend: (file, bytes) => {
			if (file === artifactFile) artifactBytes += bytes;
		}
	});
	return { ...server, artifactBytes: () => artifactBytes };
}
