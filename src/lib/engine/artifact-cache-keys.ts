// What the artifact's caches (service-worker.ts for range reads, artifact-source.ts for whole reads) are keyed by:
// the server's validator of the file's content, so a rebuilt artifact is never answered from an older copy.
// Pure: shared by the page and the service worker, tested in artifact-cache-keys.test.ts.

/** Prefix of every Cache API cache that holds artifact bytes; one cache per artifact version. */
export const ARTIFACT_CACHE_PREFIX = 'rasd-artifact:';

/**
 * The version of the artifact a response describes: its ETag (or, without one, its Last-Modified date) and its total
 * size, or null when the server gives no validator (then nothing is cached: an unversioned copy could be stale).
 * A weak ETag counts: hosts derive it from the content or from size and modification time, which a rebuild changes.
 */
export function artifactVersion(headers: { get(name: string): string | null }): string | null {
	const validator = headers.get('etag') ?? headers.get('last-modified');
	if (!validator) return null;
	const total = totalSize(headers);
	return total === null ? null : `${total}:${validator}`;
}

/** Size of the whole file: from Content-Range on a 206 ("bytes 0-99/1234"), else Content-Length. */
export function totalSize(headers: { get(name: string): string | null }): number | null {
	const range = headers.get('content-range');
	if (range) {
		const m = /^bytes (?:\d+-\d+|\*)\/(\d+)$/.exec(range.trim());
		return m ? Number(m[1]) : null;
	}
	const length = headers.get('content-length');
	return length !== null && /^\d+$/.test(length.trim()) ? Number(length) : null;
}

export interface ByteRange {
	start: number;
	end: number;
}

/** A single closed range "bytes=a-b" (the only form DuckDB-WASM sends); anything else is not cached. */
export function parseRange(header: string | null): ByteRange | null {
	const m = header === null ? null : /^bytes=(\d+)-(\d+)$/.exec(header.trim());
	if (!m) return null;
	const start = Number(m[1]);
	const end = Number(m[2]);
	return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start <= end ? { start, end } : null;
}

export function cacheName(version: string): string {
	return `${ARTIFACT_CACHE_PREFIX}${version}`;
}

/** The Cache API key of one range (or of the whole file) of one version: a URL that is never fetched. */
export function cacheKey(artifactUrl: string, range: ByteRange | 'whole'): string {
	const url = new URL(artifactUrl);
	url.search = range === 'whole' ? '?rasd-cache=whole' : `?rasd-cache=${range.start}-${range.end}`;
	return url.href;
}

/** Caches of other versions than `keep`: stale, to delete. */
export function staleCaches(names: readonly string[], keep: string): string[] {
	return names.filter((n) => n.startsWith(ARTIFACT_CACHE_PREFIX) && n !== cacheName(keep));
}
