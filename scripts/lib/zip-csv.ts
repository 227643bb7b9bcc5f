// A CSV shipped inside a zip archive (UCDP distributes GED as a zip holding one CSV). Which entry is the table and
// the checks of its inflated bytes are src/lib/import/zip-archive.ts (shared with the page); here the entry is
// inflated as a Node stream and handed to the CSV reader like any other byte stream.
import { createReadStream } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { EntryCheck as Check, zipCsvEntry as pickEntry, ZipCsvError, type XlsxLimits, type ZipEntry } from '../../src/lib/import/zip-archive';
import { withFileSource } from './xlsx-guard';

export { ZipCsvError };

/** The one table entry of the archive; refuses none, several, or an xlsx's parts. */
export const zipCsvEntry = (file: string, limits: XlsxLimits): Promise<ZipEntry> => withFileSource(file, (src) => pickEntry(src, limits));

/** Counts and checksums the inflated bytes: more than declared, fewer, or a wrong CRC fails the read. */
class EntryCheck extends Transform {
	private readonly check: Check;
	constructor(entry: ZipEntry) {
		super();
		this.check = new Check(entry);
	}
	override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
		try {
			this.check.push(chunk);
		} catch (e) {
			return done(e as Error);
		}
		done(null, chunk);
	}
	override _flush(done: TransformCallback): void {
		try {
			this.check.end();
		} catch (e) {
			return done(e as Error);
		}
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
