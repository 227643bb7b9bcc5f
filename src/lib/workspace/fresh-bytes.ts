// The bytes of a local dataset the import worker has just written, handed to the engine's build once: reading them
// back from the Blob cost about 0.3 s of a 200,000-row export's opening (108 MB), before the build could start.
// Kept beside the Blob rather than in the stored record, which IndexedDB would then hold twice.
const fresh = new WeakMap<Blob, Uint8Array<ArrayBuffer>>();

export function keepFreshBytes(blob: Blob, bytes: Uint8Array<ArrayBuffer>): void {
	fresh.set(blob, bytes);
}

/** The blob's bytes: the fresh copy the first time (it is then given away), else read from the Blob. */
export async function takeBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
	const bytes = fresh.get(blob);
	fresh.delete(blob);
	return bytes && bytes.byteLength === blob.size ? bytes : new Uint8Array(await blob.arrayBuffer());
}
