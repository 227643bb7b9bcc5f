// Inspects an .xlsx before exceljs streams it, so a zip bomb or a corrupt archive is refused with a clear message
// instead of exhausting memory or disk. An xlsx is a zip archive; exceljs (through unzipper) reads it front to back
// by its local headers and keeps every shared string in memory. So, reading with small buffers only:
//  1. the central directory and 2. the local headers (src/lib/import/zip-archive.ts, shared with the page);
//  3. every entry is inflated once here with node:zlib, and checked and scanned by src/lib/import/xlsx-scan.ts.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { DEFAULT_XLSX_LIMITS, listZipEntries as listEntries, XlsxUnreadable, xlsxEntries, type ByteSource, type XlsxLimits, type ZipEntry } from '../../src/lib/import/zip-archive';
import { scanEntry } from '../../src/lib/import/xlsx-scan';

export { DEFAULT_XLSX_LIMITS, XlsxRefused, XlsxUnreadable, type XlsxLimits, type ZipEntry } from '../../src/lib/import/zip-archive';
export { XmlScanner } from '../../src/lib/import/xlsx-scan';

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
	const buf = Buffer.alloc(length);
	const { bytesRead } = await fh.read(buf, 0, length, position);
	return buf.subarray(0, bytesRead);
}

/** Runs `use` with the file as a ByteSource, closing it afterwards. */
export async function withFileSource<T>(file: string, use: (src: ByteSource) => Promise<T>): Promise<T> {
	const size = (await stat(file)).size;
	const fh = await open(file, 'r');
	try {
		return await use({ size, read: (position, length) => readAt(fh, position, length) });
	} finally {
		await fh.close();
	}
}

/** Checks the archive against the limits; resolves when exceljs may read it, throws XlsxUnreadable or XlsxRefused. */
export async function checkXlsx(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> {
	const entries = await withFileSource(file, (src) => xlsxEntries(src, limits));
	for (const entry of entries) await inflateAndScan(file, entry, limits);
	return entries;
}

/**
 * The entries of any zip archive, checked as an xlsx's are (central directory, local headers tiling the file), for
 * a CSV shipped in a zip (UCDP's GED). The caller inflates the one it reads, checking size and CRC.
 */
export const listZipEntries = (file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> => withFileSource(file, (src) => listEntries(src, limits));

async function inflateAndScan(file: string, e: ZipEntry, limits: XlsxLimits): Promise<void> {
	const stored = (): Readable => (e.compressedSize === 0 ? Readable.from([]) : createReadStream(file, { start: e.dataStart, end: e.dataStart + e.compressedSize - 1 }));
	if (e.method !== 8) return scanEntry(e, stored(), limits);
	const inflate = createInflateRaw();
	const input = stored();
	input.on('error', (err) => inflate.destroy(err));
	input.pipe(inflate);
	try {
		await scanEntry(e, inflate, limits, () => {
			if (inflate.bytesWritten !== e.compressedSize) throw new XlsxUnreadable(`${e.name} has data after its compressed stream`);
		});
	} finally {
		input.destroy();
		inflate.destroy();
	}
}
