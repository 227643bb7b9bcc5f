// Inspects an .xlsx before exceljs streams it, so a zip bomb or a corrupt archive is refused with a clear message
// instead of exhausting memory or disk. An xlsx is a zip archive; exceljs (through unzipper) reads it front to back
// by its local headers and keeps every shared string in memory. So, reading with small buffers only:
//  1. the central directory: entry count, encryption, methods, duplicate names, declared sizes (total and ratio);
//  2. the local headers: the entries must tile the file exactly as the directory says, so no entry is hidden from
//     the directory (the streaming reader would read it) and the declared sizes are the ones the reader meets;
//  3. every entry is inflated once, without keeping the output: it must inflate to exactly its declared size and
//     CRC (a lying header stops at the declared size), and the XML parts are scanned for over-long text or tags and,
//     in xl/sharedStrings.xml, for the number and total size of the shared strings.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

export interface XlsxLimits {
	/** Sum of the entries' uncompressed sizes. */
	maxUncompressedBytes: number;
	/** Uncompressed/compressed ratio allowed for an entry larger than ratioFloorBytes. */
	maxCompressionRatio: number;
	ratioFloorBytes: number;
	maxEntries: number;
	/** Shared strings in xl/sharedStrings.xml (exceljs caches them all), by count and by bytes of text. */
	maxSharedStrings: number;
	maxSharedStringBytes: number;
	/** Longest run of XML text, or a tag, in any XML part: bounds what the XML parser buffers at once. */
	maxXmlTokenBytes: number;
	/** Characters in one cell (Excel's own limit is 32,767); checked on the values the reader returns. */
	maxCellChars: number;
}

const MiB = 1 << 20;
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
	maxUncompressedBytes: 512 * MiB,
	maxCompressionRatio: 200,
	ratioFloorBytes: 10 * MiB,
	maxEntries: 10_000,
	maxSharedStrings: 5_000_000,
	maxSharedStringBytes: 256 * MiB,
	maxXmlTokenBytes: 1 * MiB,
	maxCellChars: 32_767
};

/** The archive is not a readable xlsx (corrupt, not a zip, not a workbook). */
export class XlsxUnreadable extends Error {}
/** The archive is readable but over a limit: refused as a possible zip bomb. */
export class XlsxRefused extends Error {}

export interface ZipEntry {
	name: string;
	flags: number;
	method: number;
	crc: number;
	compressedSize: number;
	uncompressedSize: number;
	localOffset: number;
	/** Where the entry's data starts (after its local header); set by the local-header check. */
	dataStart: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const size = (n: number) =>
	n >= MiB ? `${(n / MiB).toFixed(n >= 10 * MiB ? 0 : 1)} MB` : n >= 10 * 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
	const buf = Buffer.alloc(length);
	const { bytesRead } = await fh.read(buf, 0, length, position);
	return buf.subarray(0, bytesRead);
}

/** Checks the archive against the limits; resolves when exceljs may read it, throws XlsxUnreadable or XlsxRefused. */
export async function checkXlsx(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> {
	const fileSize = (await stat(file)).size;
	const fh = await open(file, 'r');
	let entries: ZipEntry[];
	try {
		const directory = await readDirectory(fh, fileSize, limits);
		entries = directory.entries;
		checkDeclared(entries, limits);
		await checkLocalHeaders(fh, entries, directory.offset);
	} finally {
		await fh.close();
	}
	for (const entry of entries) await inflateAndScan(file, entry, limits);
	return entries;
}

/**
 * The entries of any zip archive, checked as an xlsx's are (central directory, local headers tiling the file), for
 * a CSV shipped in a zip (UCDP's GED). The caller inflates the one it reads, checking size and CRC.
 */
export async function listZipEntries(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> {
	const fileSize = (await stat(file)).size;
	const fh = await open(file, 'r');
	try {
		const directory = await readDirectory(fh, fileSize, limits);
		await checkLocalHeaders(fh, directory.entries, directory.offset);
		return directory.entries;
	} finally {
		await fh.close();
	}
}

async function readDirectory(fh: FileHandle, fileSize: number, limits: XlsxLimits): Promise<{ entries: ZipEntry[]; offset: number }> {
	// The end-of-central-directory record is in the last 22 bytes plus an archive comment of up to 64 KB.
	const tailStart = Math.max(0, fileSize - EOCD_SIZE - MAX_COMMENT);
	const tail = await readAt(fh, tailStart, fileSize - tailStart);
	let eocd = -1;
	for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
		if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new XlsxUnreadable('no zip central directory: the file is truncated or not a zip archive');
	const disk = tail.readUInt16LE(eocd + 4);
	const cdDisk = tail.readUInt16LE(eocd + 6);
	const count = tail.readUInt16LE(eocd + 10);
	const cdSize = tail.readUInt32LE(eocd + 12);
	const cdOffset = tail.readUInt32LE(eocd + 16);
	if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
		throw new XlsxRefused('it is a ZIP64 archive (over 4 GB or 65,535 entries), larger than any workbook this importer reads');
	}
	if (disk !== 0 || cdDisk !== 0 || tail.readUInt16LE(eocd + 8) !== count) throw new XlsxUnreadable('a multi-part zip archive');
	if (count > limits.maxEntries) throw new XlsxRefused(`it has ${count} zip entries (limit ${limits.maxEntries})`);
	if (cdOffset + cdSize !== tailStart + eocd) throw new XlsxUnreadable('the zip central directory is not where the archive says');

	const cd = await readAt(fh, cdOffset, cdSize);
	const entries: ZipEntry[] = [];
	let p = 0;
	for (let n = 0; n < count; n++) {
		if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new XlsxUnreadable('a damaged zip central directory');
		const nameLength = cd.readUInt16LE(p + 28);
		const extraLength = cd.readUInt16LE(p + 30);
		const commentLength = cd.readUInt16LE(p + 32);
		if (p + 46 + nameLength > cd.length) throw new XlsxUnreadable('a damaged zip central directory');
		entries.push({
			name: cd.toString('utf8', p + 46, p + 46 + nameLength),
			flags: cd.readUInt16LE(p + 8),
			method: cd.readUInt16LE(p + 10),
			crc: cd.readUInt32LE(p + 16),
			compressedSize: cd.readUInt32LE(p + 20),
			uncompressedSize: cd.readUInt32LE(p + 24),
			localOffset: cd.readUInt32LE(p + 42),
			dataStart: -1
		});
		p += 46 + nameLength + extraLength + commentLength;
	}
	if (p !== cd.length) throw new XlsxUnreadable('a damaged zip central directory');
	return { entries, offset: cdOffset };
}

function checkDeclared(entries: ZipEntry[], limits: XlsxLimits): void {
	const names = new Set<string>();
	let total = 0;
	for (const e of entries) {
		if (e.compressedSize === 0xffffffff || e.uncompressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
			throw new XlsxRefused(`${e.name} uses ZIP64 sizes (over 4 GB)`);
		}
		if (e.flags & 0x1) throw new XlsxUnreadable(`${e.name} is encrypted (a password-protected workbook): save it without a password`);
		if (e.method !== 0 && e.method !== 8) throw new XlsxUnreadable(`${e.name} uses zip compression method ${e.method}, not deflate`);
		// Two entries with one name: the streaming reader and the directory could disagree on which one counts.
		if (names.has(e.name)) throw new XlsxUnreadable(`the zip archive holds ${e.name} twice`);
		names.add(e.name);
		total += e.uncompressedSize;
		if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxCompressionRatio * Math.max(1, e.compressedSize)) {
			const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
			throw new XlsxRefused(
				`${e.name} expands ${ratio}:1 (${size(e.compressedSize)} to ${size(e.uncompressedSize)}; limit ${limits.maxCompressionRatio}:1 above ${size(limits.ratioFloorBytes)})`
			);
		}
	}
	if (total > limits.maxUncompressedBytes) {
		throw new XlsxRefused(`it expands to ${size(total)} (limit ${size(limits.maxUncompressedBytes)}; raise it with --max-xlsx-bytes if the workbook is genuine)`);
	}
	if (!names.has('xl/workbook.xml')) throw new XlsxUnreadable('a zip archive without xl/workbook.xml: not an xlsx workbook');
}

/**
 * The entries, in file order, must follow one another with nothing between them and end where the central
 * directory starts; each local header must name the same entry with the same sizes (or defer them to a data
 * descriptor that gives the same sizes).
 */
async function checkLocalHeaders(fh: FileHandle, entries: ZipEntry[], directoryOffset: number): Promise<void> {
	const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
	let expected = 0;
	for (const e of byOffset) {
		if (e.localOffset !== expected) throw new XlsxUnreadable(`zip entries overlap or hide data before ${e.name} (at byte ${expected})`);
		const header = await readAt(fh, e.localOffset, 30);
		if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw new XlsxUnreadable(`no local zip header for ${e.name}`);
		const nameLength = header.readUInt16LE(26);
		const extraLength = header.readUInt16LE(28);
		const name = (await readAt(fh, e.localOffset + 30, nameLength)).toString('utf8');
		const flags = header.readUInt16LE(6);
		if (name !== e.name || header.readUInt16LE(8) !== e.method || (flags & 0x8) !== (e.flags & 0x8)) {
			throw new XlsxUnreadable(`the local zip header of ${e.name} does not match the central directory`);
		}
		const localSizes = [header.readUInt32LE(14), header.readUInt32LE(18), header.readUInt32LE(22)];
		e.dataStart = e.localOffset + 30 + nameLength + extraLength;
		expected = e.dataStart + e.compressedSize;
		if (flags & 0x8) {
			// Sizes follow the data in a descriptor (signature optional): crc, compressed, uncompressed.
			const d = await readAt(fh, expected, 16);
			const off = d.length >= 4 && d.readUInt32LE(0) === SIG_DESCRIPTOR ? 4 : 0;
			if (d.length < off + 12 || d.readUInt32LE(off) !== e.crc || d.readUInt32LE(off + 4) !== e.compressedSize || d.readUInt32LE(off + 8) !== e.uncompressedSize) {
				throw new XlsxUnreadable(`the data descriptor of ${e.name} does not match the central directory`);
			}
			if (localSizes.some((v, i) => v !== 0 && v !== [e.crc, e.compressedSize, e.uncompressedSize][i])) {
				throw new XlsxUnreadable(`the local zip header of ${e.name} does not match the central directory`);
			}
			expected += off + 12;
		} else if (localSizes[0] !== e.crc || localSizes[1] !== e.compressedSize || localSizes[2] !== e.uncompressedSize) {
			throw new XlsxUnreadable(`the local zip header of ${e.name} does not match the central directory`);
		}
	}
	if (expected !== directoryOffset) throw new XlsxUnreadable(`zip entries overlap or hide data before the central directory (at byte ${expected})`);
}

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

async function inflateAndScan(file: string, e: ZipEntry, limits: XlsxLimits): Promise<void> {
	const scanner = isXml(e.name) ? new XmlScanner(e.name, limits, e.name === 'xl/sharedStrings.xml') : null;
	let produced = 0;
	let crc = 0;
	// Kept aside: pipeline() reports an error thrown in the sink as an abort.
	let refusal: Error | null = null;
	const inflate = e.method === 8 ? createInflateRaw() : null;
	const sink = async (source: AsyncIterable<Buffer>) => {
		for await (const chunk of source) {
			produced += chunk.length;
			// A header that understates the size is caught here, after at most one chunk past it.
			if (produced > e.uncompressedSize) {
				throw (refusal = new XlsxRefused(`${e.name} inflates to more than the ${size(e.uncompressedSize)} its header declares (a zip bomb or a corrupt file)`));
			}
			crc = crc32(chunk, crc);
			try {
				scanner?.push(chunk);
			} catch (err) {
				throw (refusal = err as Error);
			}
		}
	};
	const input = () => createReadStream(file, { start: e.dataStart, end: e.dataStart + e.compressedSize - 1 });
	try {
		if (e.compressedSize === 0) {
			if (e.method === 8) throw new XlsxUnreadable(`${e.name} has no compressed data`);
		} else if (inflate) await pipeline(input(), inflate, sink);
		else await pipeline(input(), sink);
	} catch (err) {
		if (refusal) throw refusal;
		if (err instanceof XlsxRefused || err instanceof XlsxUnreadable) throw err;
		throw new XlsxUnreadable(`${e.name} cannot be inflated (${(err as Error).message})`);
	}
	if (inflate && inflate.bytesWritten !== e.compressedSize) throw new XlsxUnreadable(`${e.name} has data after its compressed stream`);
	if (produced !== e.uncompressedSize) throw new XlsxUnreadable(`${e.name} inflates to ${produced} bytes, not the ${e.uncompressedSize} its header declares`);
	if ((crc >>> 0) !== e.crc) throw new XlsxUnreadable(`${e.name} is corrupt (CRC mismatch)`);
	scanner?.end();
}

/**
 * Streams over an XML part byte by byte (through indexOf): the longest text run and tag, and, for the shared
 * strings, how many <si> elements and how many bytes of text. Knows nothing of XML beyond '<' and '>', which is
 * enough for the bounds (CDATA or comments with '>' inside only split a run in two).
 */
export class XmlScanner {
	private inTag = false;
	private run = 0;
	private name = '';
	private nameDone = false;
	strings = 0;
	textBytes = 0;

	constructor(
		private readonly part: string,
		private readonly limits: XlsxLimits,
		private readonly sharedStrings: boolean
	) {}

	push(buf: Buffer): void {
		let pos = 0;
		while (pos < buf.length) {
			const next = buf.indexOf(this.inTag ? 0x3e : 0x3c, pos);
			const stop = next < 0 ? buf.length : next;
			this.run += stop - pos;
			if (this.inTag) {
				if (!this.nameDone) this.readName(buf, pos, stop);
			} else if (this.sharedStrings) {
				this.textBytes += stop - pos;
				if (this.textBytes > this.limits.maxSharedStringBytes) {
					throw new XlsxRefused(`its shared strings hold more than ${size(this.limits.maxSharedStringBytes)} of text`);
				}
			}
			if (this.run > this.limits.maxXmlTokenBytes) {
				throw new XlsxRefused(`${this.part} holds a ${this.inTag ? 'tag' : 'text'} longer than ${size(this.limits.maxXmlTokenBytes)}`);
			}
			if (next < 0) return;
			if (this.inTag) this.closeTag();
			else {
				this.name = '';
				this.nameDone = false;
			}
			this.inTag = !this.inTag;
			this.run = 0;
			pos = next + 1;
		}
	}

	end(): void {
		if (this.inTag) throw new XlsxUnreadable(`${this.part} ends inside a tag`);
	}

	private readName(buf: Buffer, from: number, to: number): void {
		for (let i = from; i < to; i++) {
			const c = buf[i];
			// Whitespace or '/' ends the name; names longer than 64 bytes are not ones we look for.
			if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || this.name.length > 64) {
				this.nameDone = true;
				return;
			}
			this.name += String.fromCharCode(c);
		}
	}

	private closeTag(): void {
		// <si> or a prefixed <x:si>; a closing tag's name starts with '/' and is not counted.
		if (this.sharedStrings && (this.name === 'si' || this.name.endsWith(':si'))) {
			if (++this.strings > this.limits.maxSharedStrings) {
				throw new XlsxRefused(`it has more than ${this.limits.maxSharedStrings.toLocaleString('en')} shared strings`);
			}
		}
	}
}
