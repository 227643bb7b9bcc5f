// Reading a zip archive's structure with small reads only, shared by the CLI (scripts/lib/xlsx-guard.ts over a
// file handle) and the page's import worker (over a Blob): the central directory (entry count, encryption,
// methods, duplicate names, declared sizes) and the local headers, which must tile the file exactly as the
// directory says, so no entry is hidden from the directory and the declared sizes are the ones a reader meets.
// Which entry of a zip holding a CSV is the table (pickCsvEntry) is decided here too. Inflating is the caller's
// (node:zlib in the CLI, DecompressionStream in the browser); both check the result with crc32() below.

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
/** The zip cannot be read as a CSV container; the message says why and what to do. */
export class ZipCsvError extends Error {}

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

/** Random access to the archive's bytes: `read` returns up to `length` bytes at `position` (fewer at the end). */
export interface ByteSource {
	size: number;
	read(position: number, length: number): Promise<Uint8Array>;
}

/** A Blob (a File the analyst opened) as a ByteSource. */
export const blobSource = (blob: Blob): ByteSource => ({
	size: blob.size,
	read: async (position, length) => new Uint8Array(await blob.slice(position, position + length).arrayBuffer())
});

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const byteSize = (n: number) =>
	n >= MiB ? `${(n / MiB).toFixed(n >= 10 * MiB ? 0 : 1)} MB` : n >= 10 * 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const utf8 = new TextDecoder();

/** The central directory's entries and where it starts. */
export async function readDirectory(src: ByteSource, limits: XlsxLimits): Promise<{ entries: ZipEntry[]; offset: number }> {
	// The end-of-central-directory record is in the last 22 bytes plus an archive comment of up to 64 KB.
	const tailStart = Math.max(0, src.size - EOCD_SIZE - MAX_COMMENT);
	const tail = await src.read(tailStart, src.size - tailStart);
	let eocd = -1;
	for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
		if (u32(tail, i) === SIG_EOCD && i + EOCD_SIZE + u16(tail, i + 20) === tail.length) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new XlsxUnreadable('no zip central directory: the file is truncated or not a zip archive');
	const disk = u16(tail, eocd + 4);
	const cdDisk = u16(tail, eocd + 6);
	const count = u16(tail, eocd + 10);
	const cdSize = u32(tail, eocd + 12);
	const cdOffset = u32(tail, eocd + 16);
	if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
		throw new XlsxRefused('it is a ZIP64 archive (over 4 GB or 65,535 entries), larger than any workbook this importer reads');
	}
	if (disk !== 0 || cdDisk !== 0 || u16(tail, eocd + 8) !== count) throw new XlsxUnreadable('a multi-part zip archive');
	if (count > limits.maxEntries) throw new XlsxRefused(`it has ${count} zip entries (limit ${limits.maxEntries})`);
	if (cdOffset + cdSize !== tailStart + eocd) throw new XlsxUnreadable('the zip central directory is not where the archive says');

	const cd = await src.read(cdOffset, cdSize);
	const entries: ZipEntry[] = [];
	let p = 0;
	for (let n = 0; n < count; n++) {
		if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) throw new XlsxUnreadable('a damaged zip central directory');
		const nameLength = u16(cd, p + 28);
		const extraLength = u16(cd, p + 30);
		const commentLength = u16(cd, p + 32);
		if (p + 46 + nameLength > cd.length) throw new XlsxUnreadable('a damaged zip central directory');
		entries.push({
			name: utf8.decode(cd.subarray(p + 46, p + 46 + nameLength)),
			flags: u16(cd, p + 8),
			method: u16(cd, p + 10),
			crc: u32(cd, p + 16),
			compressedSize: u32(cd, p + 20),
			uncompressedSize: u32(cd, p + 24),
			localOffset: u32(cd, p + 42),
			dataStart: -1
		});
		p += 46 + nameLength + extraLength + commentLength;
	}
	if (p !== cd.length) throw new XlsxUnreadable('a damaged zip central directory');
	return { entries, offset: cdOffset };
}

/** An xlsx's declared entries: no ZIP64, encryption or unknown method, no name twice, sizes within the limits. */
export function checkDeclared(entries: ZipEntry[], limits: XlsxLimits): void {
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
				`${e.name} expands ${ratio}:1 (${byteSize(e.compressedSize)} to ${byteSize(e.uncompressedSize)}; limit ${limits.maxCompressionRatio}:1 above ${byteSize(limits.ratioFloorBytes)})`
			);
		}
	}
	if (total > limits.maxUncompressedBytes) {
		throw new XlsxRefused(`it expands to ${byteSize(total)} (limit ${byteSize(limits.maxUncompressedBytes)}; raise it with --max-xlsx-bytes if the workbook is genuine)`);
	}
	if (!names.has('xl/workbook.xml')) throw new XlsxUnreadable('a zip archive without xl/workbook.xml: not an xlsx workbook');
}

/**
 * The entries, in file order, must follow one another with nothing between them and end where the central
 * directory starts; each local header must name the same entry with the same sizes (or defer them to a data
 * descriptor that gives the same sizes). Sets each entry's dataStart.
 */
export async function checkLocalHeaders(src: ByteSource, entries: ZipEntry[], directoryOffset: number): Promise<void> {
	const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
	let expected = 0;
	for (const e of byOffset) {
		if (e.localOffset !== expected) throw new XlsxUnreadable(`zip entries overlap or hide data before ${e.name} (at byte ${expected})`);
		const header = await src.read(e.localOffset, 30);
		if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) throw new XlsxUnreadable(`no local zip header for ${e.name}`);
		const nameLength = u16(header, 26);
		const extraLength = u16(header, 28);
		const name = utf8.decode(await src.read(e.localOffset + 30, nameLength));
		const flags = u16(header, 6);
		if (name !== e.name || u16(header, 8) !== e.method || (flags & 0x8) !== (e.flags & 0x8)) {
			throw new XlsxUnreadable(`the local zip header of ${e.name} does not match the central directory`);
		}
		const localSizes = [u32(header, 14), u32(header, 18), u32(header, 22)];
		e.dataStart = e.localOffset + 30 + nameLength + extraLength;
		expected = e.dataStart + e.compressedSize;
		if (flags & 0x8) {
			// Sizes follow the data in a descriptor (signature optional): crc, compressed, uncompressed.
			const d = await src.read(expected, 16);
			const off = d.length >= 4 && u32(d, 0) === SIG_DESCRIPTOR ? 4 : 0;
			if (d.length < off + 12 || u32(d, off) !== e.crc || u32(d, off + 4) !== e.compressedSize || u32(d, off + 8) !== e.uncompressedSize) {
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

/** The entries of any zip archive, checked as an xlsx's are (central directory, local headers tiling the file). */
export async function listZipEntries(src: ByteSource, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> {
	const directory = await readDirectory(src, limits);
	await checkLocalHeaders(src, directory.entries, directory.offset);
	return directory.entries;
}

/** An xlsx's entries after the directory and local-header checks; each must then be inflated and scanned. */
export async function xlsxEntries(src: ByteSource, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry[]> {
	const directory = await readDirectory(src, limits);
	checkDeclared(directory.entries, limits);
	await checkLocalHeaders(src, directory.entries, directory.offset);
	return directory.entries;
}

/**
 * A zip archive that holds xl/workbook.xml is a workbook whatever it is called. An unreadable one is taken as a
 * workbook (the xlsx path gives the detailed message) unless its name ends in .zip (the zip path then does).
 */
export async function isWorkbook(src: ByteSource, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<boolean> {
	try {
		return (await listZipEntries(src, limits)).some((e) => e.name === 'xl/workbook.xml');
	} catch {
		return !/\.zip$/i.test(fileName);
	}
}

const isTable = (name: string) => /\.(csv|tsv|txt)$/i.test(name);
const isClutter = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.[^/]*$/.test(name);

/** The one table entry of a zip (UCDP ships GED as a zip holding one CSV); refuses none, several, or an xlsx's parts. */
export async function zipCsvEntry(src: ByteSource, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ZipEntry> {
	let entries: ZipEntry[];
	try {
		entries = await listZipEntries(src, limits);
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

/** Counts and checksums an entry's inflated bytes: more than declared, fewer, or a wrong CRC is an error (messages for a CSV in a zip). */
export class EntryCheck {
	private produced = 0;
	private crc = 0;
	constructor(private readonly entry: ZipEntry) {}
	push(chunk: Uint8Array): void {
		this.produced += chunk.length;
		if (this.produced > this.entry.uncompressedSize) {
			throw new ZipCsvError(`${this.entry.name} inflates to more than the ${this.entry.uncompressedSize} bytes its zip header declares (a zip bomb or a corrupt file)`);
		}
		this.crc = crc32(chunk, this.crc);
	}
	end(): void {
		if (this.produced !== this.entry.uncompressedSize) throw new ZipCsvError(`${this.entry.name} is truncated in the zip (${this.produced} of ${this.entry.uncompressedSize} bytes)`);
		if ((this.crc >>> 0) !== this.entry.crc) throw new ZipCsvError(`${this.entry.name} is corrupt in the zip (CRC mismatch)`);
	}
}

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** CRC-32 as zip (and node:zlib's crc32) computes it, continued from `crc`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
	let c = ~crc >>> 0;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}
