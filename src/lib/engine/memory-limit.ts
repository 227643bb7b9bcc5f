// DuckDB-WASM's memory cap. Its default (3.1 GiB in 1.32: most of the wasm heap's 4 GiB) lets the buffer pool keep
// every block a session read, and a wasm heap never shrinks, so the browser's footprint grows with the session.
// A cap makes DuckDB evict blocks instead; an evicted block of the artifact is read again, from the service worker's
// cache rather than over HTTP (service-worker.ts). Not set by default: measured with the bench (docs/reading.md),
// 256 MB saved nothing beyond noise at 200k and 1M and made the 3M export fail "Out of Memory" (no spilling in wasm).

/** MB, or null to keep DuckDB's default. A build-time override (VITE_RASD_MEMORY_LIMIT_MB) is for measuring. */
export const MEMORY_LIMIT_MB: number | null = parseLimit(import.meta.env?.VITE_RASD_MEMORY_LIMIT_MB);

function parseLimit(value: string | undefined): number | null {
	if (value === undefined || value === '') return null;
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : null;
}

/** The statement that sets the cap (a constant number, never user text), or null for none. */
export function memoryLimitSql(mb: number | null = MEMORY_LIMIT_MB): string | null {
	return mb === null ? null : `SET memory_limit = '${Math.floor(mb)}MB'`;
}
