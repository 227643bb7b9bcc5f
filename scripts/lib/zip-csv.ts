// A CSV shipped inside a zip archive (UCDP distributes GED as a zip holding one CSV). The archive's directory and
// local headers are checked as for an xlsx (xlsx-guard.ts); the one CSV entry is then inflated as a stream, its
// size and CRC checked as it goes, and handed to the CSV reader like any other byte stream.
import { createReadStream } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { listZipEntries, XlsxRefused, XlsxUnreadable, type XlsxLimits, type ZipEntry } from './xlsx-guard';

/** The zip cannot be read as a CSV container; the message says why and what to do. */
export class ZipCsvError extends Error {}

const isTable = (name: string) => /\.(csv|tsv|txt)$/i.test(name);
const isClutter = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.[^/]*$/.test(name);

/** The one table entry of the archive; refuses none, several, or an xlsx's parts. */
export async function zipCsvEntry(file: string, limits: XlsxLimits): Promise<ZipEntry> {
	let entries: ZipEntry[];
	try {
		entries = await listZipEntries(file, limits);
	} catch (e) {
		if (e instanceof XlsxUnreadable || e instanceof XlsxRefused) throw new ZipCsvError(`is not a readable zip archive (${e.message})`);
		throw e;
	}
	const names = entries.map((e) => e.name).filter((n) => !isClutter(n));
	const tables = entries.filter((e) => !isClutter(e.name) && isTable(e.name));
	if (tables.length === 1) {
		const [entry] = tables;
		if (entry.flags & 0x1) throw new ZipCsvError(`${entry.name} is encrypted in the zip: extract it with its password and import the CSV`);
		if (entry.method !== 0 && entry.method !== 8) throw new ZipCsvError(`${entry.name} uses zip compression method ${entry.method}: extract it and import the CSV`);
		return entry;
	}
	const listing = names.slice(0, 8).join(', ') + (names.length > 8 ? ', ...' : '');
	if (tables.length === 0) throw new ZipCsvError(`is a zip archive without a .csv file (it holds ${listing || 'nothing'}): extract the table and import it`);
	throw new ZipCsvError(`is a zip archive with ${tables.length} tables (${tables.map((t) => t.name).join(', ')}): extract the one to import`);
}

/** Counts and checksums the inflated bytes: more than declared, fewer, or a wrong CRC fails the read. */
class EntryCheck extends Transform {
	private produced = 0;
	private crc = 0;
	constructor(private readonly entry: ZipEntry) {
		super();
	}
	override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
		this.produced += chunk.length;
		if (this.produced > this.entry.uncompressedSize) {
			return done(new ZipCsvError(`${this.entry.name} inflates to more than the ${this.entry.uncompressedSize} bytes its zip header declares (a zip bomb or a corrupt file)`));
		}
		this.crc = crc32(chunk, this.crc);
		done(null, chunk);
	}
	override _flush(done: TransformCallback): void {
		if (this.produced !== this.entry.uncompressedSize) return done(new ZipCsvError(`${this.entry.name} is truncated in the zip (${this.produced} of ${this.entry.uncompressedSize} bytes)`));
		if ((this.crc >>> 0) !== this.entry.crc) return done(new ZipCsvError(`${this.entry.name} is corrupt in the zip (CRC mismatch)`));
		done();
	}
}

/** The entry's bytes as stages for a pipeline: the stored bytes, inflate (when deflated), the size and CRC check. */
export function zipEntryStages(file: string, entry: ZipEntry, chunkSize?: number): Readable[] {
	const stored = createReadStream(file, {
		start: entry.dataStart,
		end: entry.dataStart + entry.compressedSize - 1,
		...(chunkSize ? { highWaterMark: chunkSize } : {})
	});
	return entry.method === 8 ? [stored, createInflateRaw(), new EntryCheck(entry)] : [stored, new EntryCheck(entry)];
}
