// The size a DuckDB database file declares in its header, to tell a file cut short from a damaged one when the
// artifact is read whole (range reads past the end fail on their own; a buffer read past its end gives zeros that
// DuckDB reports as a checksum error). Layout of DuckDB 1.4's storage: a 4 KiB main header, then two 4 KiB database
// headers (the one with the higher iteration is current), each: checksum, iteration, meta block, free list, block
// count, block allocation size (little-endian u64); the blocks follow the three headers.

const HEADER_BYTES = 4096;

/** Bytes the file must have by its current header, or null when the header is not one this reads. */
export function declaredSize(file: Uint8Array): number | null {
	if (file.length < 3 * HEADER_BYTES) return null;
	if (String.fromCharCode(...file.subarray(8, 12)) !== 'DUCK') return null;
	const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
	const u64 = (at: number) => {
		const n = view.getBigUint64(at, true);
		return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
	};
	const headers = [HEADER_BYTES, 2 * HEADER_BYTES].map((at) => ({ iteration: u64(at + 8), blocks: u64(at + 32), blockBytes: u64(at + 40) }));
	const current = (headers[0].iteration ?? -1) >= (headers[1].iteration ?? -1) ? headers[0] : headers[1];
	if (current.blocks === null || current.blockBytes === null || current.blockBytes === 0) return null;
	const size = 3 * HEADER_BYTES + current.blocks * current.blockBytes;
	return Number.isSafeInteger(size) ? size : null;
}
