// Builds zip archives and minimal xlsx workbooks inside the tests, including hostile ones (zip bombs, lying
// headers, hidden entries): nothing large is ever committed. A bomb's compressed stream is assembled from one
// deflated megabyte repeated, so a few hundred MB of text costs a few hundred KB and no large buffer.
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipInput {
	name: string;
	/** Content; deflated here unless `stored`. */
	data?: Buffer | string;
	/** Or a precomputed raw-deflate stream with its real size and CRC (see repeatedText()). */
	deflated?: { compressed: Buffer; size: number; crc: number };
	stored?: boolean;
	/** Lies written into the headers. */
	declaredSize?: number;
	declaredCrc?: number;
	flags?: number;
	method?: number;
	/** Sizes in a data descriptor after the data (general-purpose flag bit 3), as streaming writers do. */
	descriptor?: boolean;
	/** In the file but not in the central directory: only a streaming reader would see it. */
	hidden?: boolean;
}

export interface ZipOptions {
	/** Writes the ZIP64 marker 0xFFFF as the entry count of the end record. */
	zip64Marker?: boolean;
}

function localHeader(e: ZipInput, name: Buffer, method: number, crc: number, csize: number, usize: number): Buffer {
	const h = Buffer.alloc(30);
	h.writeUInt32LE(0x04034b50, 0);
	h.writeUInt16LE(20, 4);
	h.writeUInt16LE((e.flags ?? 0) | (e.descriptor ? 0x8 : 0), 6);
	h.writeUInt16LE(method, 8);
	h.writeUInt32LE(e.descriptor ? 0 : crc, 14);
	h.writeUInt32LE(e.descriptor ? 0 : csize, 18);
	h.writeUInt32LE(e.descriptor ? 0 : usize, 22);
	h.writeUInt16LE(name.length, 26);
	return Buffer.concat([h, name]);
}

export function buildZip(entries: readonly ZipInput[], options: ZipOptions = {}): Buffer {
	const chunks: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	let listed = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const raw = e.data === undefined ? Buffer.alloc(0) : Buffer.from(e.data);
		const payload = e.deflated ?? (e.stored ? { compressed: raw, size: raw.length, crc: crc32(raw) } : { compressed: deflateRawSync(raw), size: raw.length, crc: crc32(raw) });
		const method = e.method ?? (e.stored && !e.deflated ? 0 : 8);
		const crc = e.declaredCrc ?? payload.crc;
		const usize = e.declaredSize ?? payload.size;
		const csize = payload.compressed.length;
		const local = localHeader(e, name, method, crc, csize, usize);
		const parts = [local, payload.compressed];
		if (e.descriptor) {
			const d = Buffer.alloc(16);
			d.writeUInt32LE(0x08074b50, 0);
			d.writeUInt32LE(crc, 4);
			d.writeUInt32LE(csize, 8);
			d.writeUInt32LE(usize, 12);
			parts.push(d);
		}
		if (!e.hidden) {
			const c = Buffer.alloc(46);
			c.writeUInt32LE(0x02014b50, 0);
			c.writeUInt16LE(20, 4);
			c.writeUInt16LE(20, 6);
			c.writeUInt16LE((e.flags ?? 0) | (e.descriptor ? 0x8 : 0), 8);
			c.writeUInt16LE(method, 10);
			c.writeUInt32LE(crc, 16);
			c.writeUInt32LE(csize, 20);
			c.writeUInt32LE(usize, 24);
			c.writeUInt16LE(name.length, 28);
			c.writeUInt32LE(offset, 42);
			central.push(c, name);
			listed++;
		}
		for (const p of parts) {
			chunks.push(p);
			offset += p.length;
		}
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(options.zip64Marker ? 0xffff : listed, 8);
	end.writeUInt16LE(options.zip64Marker ? 0xffff : listed, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, cd, end]);
}

/** `prefix`, then `char` repeated `megabytes` MiB, then `suffix`, as one raw-deflate stream (a bomb's payload). */
export async function repeatedText(prefix: string, char: string, megabytes: number, suffix: string): Promise<{ compressed: Buffer; size: number; crc: number }> {
	const block = Buffer.alloc(1 << 20, char);
	// A full flush ends the block on a byte boundary with no reference to earlier data: the bytes can be repeated.
	const flushed = (data: Buffer) =>
		new Promise<Buffer>((resolve, reject) => {
			const z = createDeflateRaw({ level: 9 });
			const out: Buffer[] = [];
			z.on('data', (b: Buffer) => out.push(b));
			z.on('error', reject);
			z.write(data);
			z.flush(constants.Z_FULL_FLUSH, () => {
				resolve(Buffer.concat(out));
				z.close();
			});
		});
	const head = await flushed(Buffer.from(prefix));
	const middle = await flushed(block);
	const tail = deflateRawSync(Buffer.from(suffix));
	let crc = crc32(Buffer.from(prefix));
	for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
	crc = crc32(Buffer.from(suffix), crc);
	const compressed = Buffer.concat([head, ...Array.from({ length: megabytes }, () => middle), tail]);
	return { compressed, size: Buffer.byteLength(prefix) + megabytes * block.length + Buffer.byteLength(suffix), crc };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const SHARED_STRINGS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}"><si><t>`;
export const SHARED_STRINGS_TAIL = '</t></si></sst>';

/** Column letters of a 0-based index: 0 -> A, 26 -> AA. */
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + column(i % 26));

/**
 * The parts of a one-sheet workbook holding `rows` (every cell a shared string), in the order exceljs reads best.
 * `sharedStrings` replaces the shared-strings part (its strings must still cover the indexes the sheet uses).
 */
export function workbookParts(rows: readonly (readonly string[])[], sharedStrings?: Omit<ZipInput, 'name'>): ZipInput[] {
	const strings: string[] = [];
	const index = new Map<string, number>();
	const sheetRows = rows.map((row, r) => {
		const cells = row.map((value, c) => {
			if (!index.has(value)) {
				index.set(value, strings.length);
				strings.push(value);
			}
			return `<c r="${column(c)}${r + 1}" t="s"><v>${index.get(value)}</v></c>`;
		});
		return `<row r="${r + 1}">${cells.join('')}</row>`;
	});
	const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings
		.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`)
		.join('')}</sst>`;
	return [
		{
			name: '[Content_Types].xml',
			data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
		},
		{ name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
		{ name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
		},
		{ name: 'xl/sharedStrings.xml', ...(sharedStrings ?? { data: sst }) },
		{ name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>` }
	];
}
