// The last check before exceljs reads an xlsx, shared by the CLI (scripts/lib/xlsx-guard.ts) and the page's import
// worker: every entry is inflated once without keeping the output; it must inflate to exactly its declared size
// and CRC (a lying header stops at the declared size), and the XML parts are scanned for over-long text or tags
// and, in xl/sharedStrings.xml, for the number and total size of the shared strings.
import { byteSize, crc32, XlsxRefused, XlsxUnreadable, type XlsxLimits, type ZipEntry } from './zip-archive';

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/**
 * Checks one entry's inflated bytes (`inflated`: the caller's inflate of its stored bytes). An error of the
 * inflate itself is rethrown as XlsxUnreadable("<entry> cannot be inflated (...)"); `inflateDone` may then
 * refuse what the inflate left over (the CLI: data after the compressed stream).
 */
export async function scanEntry(e: ZipEntry, inflated: AsyncIterable<Uint8Array>, limits: XlsxLimits, inflateDone: () => void = () => undefined): Promise<void> {
	if (e.compressedSize === 0 && e.method === 8) throw new XlsxUnreadable(`${e.name} has no compressed data`);
	const scanner = isXml(e.name) ? new XmlScanner(e.name, limits, e.name === 'xl/sharedStrings.xml') : null;
	let produced = 0;
	let crc = 0;
	try {
		for await (const chunk of inflated) {
			produced += chunk.length;
			// A header that understates the size is caught here, after at most one chunk past it.
			if (produced > e.uncompressedSize) {
				throw new XlsxRefused(`${e.name} inflates to more than the ${byteSize(e.uncompressedSize)} its header declares (a zip bomb or a corrupt file)`);
			}
			crc = crc32(chunk, crc);
			scanner?.push(chunk);
		}
	} catch (err) {
		if (err instanceof XlsxRefused || err instanceof XlsxUnreadable) throw err;
		throw new XlsxUnreadable(`${e.name} cannot be inflated (${(err as Error).message})`);
	}
	inflateDone();
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

	push(buf: Uint8Array): void {
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
					throw new XlsxRefused(`its shared strings hold more than ${byteSize(this.limits.maxSharedStringBytes)} of text`);
				}
			}
			if (this.run > this.limits.maxXmlTokenBytes) {
				throw new XlsxRefused(`${this.part} holds a ${this.inTag ? 'tag' : 'text'} longer than ${byteSize(this.limits.maxXmlTokenBytes)}`);
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

	private readName(buf: Uint8Array, from: number, to: number): void {
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
