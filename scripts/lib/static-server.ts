// A static server for a prerendered SvelteKit build on 127.0.0.1, shared by the end-to-end tests and the benchmark:
// `/` -> index.html, `/x` -> x.html, HEAD, and Range requests (DuckDB-WASM reads the artifact with range requests).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

export interface StaticServerOptions {
	/** Hashed assets (`/_app/immutable/`) cacheable for a year, like on a real static host; otherwise no-cache. */
	cacheImmutable?: boolean;
	/** Told of every body sent: the file and its bytes (a range's length for range reads; HEAD sends none). */
	onSend?: (file: string, bytes: number) => void;
	/** Print every request (method, URL, range, status). */
	log?: boolean;
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
	const base = resolve(root);
	const server = createServer((req, res) => {
		if (options.log) res.on('finish', () => console.log(req.method, req.url, req.headers.range ?? '', res.statusCode));
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
		const { size, mtime, mtimeMs } = statSync(file);
		const immutable = options.cacheImmutable && path.startsWith('/_app/immutable/');
		const headers: Record<string, string | number> = {
			'content-type': MIME[extname(file)] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			// Validators like a real static host's (nginx's ETag is size and modification time): the page keeps the
			// artifact's reads across visits only under the version they name (src/lib/engine/artifact-cache-keys.ts).
			etag: `"${Math.floor(mtimeMs).toString(16)}-${size.toString(16)}"`,
			'last-modified': mtime.toUTCString()
		};
		/** The body, whole or one range [start, end]. */
		const send = (range?: { start: number; end: number }) => {
			if (req.method === 'HEAD') return void res.end();
			options.onSend?.(file, range ? range.end - range.start + 1 : size);
			createReadStream(file, range).pipe(res);
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
			send({ start, end });
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		send();
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
