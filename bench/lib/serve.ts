// One served copy of the app per benchmark set: build/ copied into a temporary directory, that set's artifact
// linked in as data/rasd.duckdb (a symlink: the 10M artifact is about 1 GB) and its default-view.json computed by
// the project's view-assets step against that artifact. Served on 127.0.0.1 with Range and HEAD support (the
// wasm engine reads the artifact with range requests); hashed assets are cacheable like on a real static host.
import { cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildViewAssets } from '../../scripts/build-view-assets';
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

export interface Server {
	url: string;
	/** Bytes of the artifact sent so far (range reads included): how much of the database the page touched. */
	artifactBytes(): number;
	close(): Promise<void>;
}

export async function serve(root: string): Promise<Server> {
	const base = resolve(root);
	const artifactFile = join(base, ARTIFACT_PATH);
	let artifactBytes = 0;
	const server = createServer((req, res) => {
		let path: string;
		try {
			path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		} catch {
			res.writeHead(400).end();
			return;
		}
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
			'cache-control': path.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		};
		const count = (n: number) => {
			if (file === artifactFile && req.method !== 'HEAD') artifactBytes += n;
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
			count(end - start + 1);
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		count(size);
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		artifactBytes: () => artifactBytes,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
