// Encodings: UTF-8 with or without BOM, UTF-16 LE/BE by byte-order mark, any code page by --encoding, and a
// refusal that names the offset and line and suggests windows-1256 for Arabic code-page bytes. Each case is read
// with tiny chunks too, so BOMs, surrogate pairs and multi-byte characters straddle chunk borders.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalEncoding, looksLikeWindows1256 } from '../../scripts/lib/decode';
import { ImportError, formatSummary, runImport } from '../../scripts/lib/import-run';
import { openTable, TableReadError, type TableRecord } from '../../scripts/lib/read-table';
import { countBreaks } from '../../src/lib/import/decode';
import { encodeSingleByte, fixture, readIncidents, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const write = (content: Buffer, name = `t${n++}.csv`) => {
	const path = `${tmp.dir}/${name}`;
	writeFileSync(path, content);
	return path;
};

async function readAll(path: string, options: { chunkSize?: number; encoding?: string } = {}) {
	const table = await openTable(path, options);
	const records: TableRecord[] = [];
	for await (const r of table.records) records.push(r);
	return { header: table.header, encoding: table.encoding, records };
}

async function refusal(path: string, encoding?: string): Promise<string> {
	try {
		await readAll(path, { encoding });
	} catch (e) {
		expect(e).toBeInstanceOf(TableReadError);
		expect((e as Error).message.startsWith(`${path}: `)).toBe(true);
		return (e as Error).message;
	}
	throw new Error('expected a TableReadError');
}

// Arabic place names and a non-BMP character (a surrogate pair in UTF-16).
const TEXT = 'name,place\r\nمنبج,دير الزور\r\n"قال ""لا""",😀 Ma’dan\r\n';
const VALUES = [
	['منبج', 'دير الزور'],
	['قال "لا"', '😀 Ma’dan']
];
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('UTF-8 and UTF-16', () => {
	const cases: [string, Buffer, string][] = [
		['UTF-8 without BOM', Buffer.from(TEXT), 'utf-8'],
		['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
		['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le (byte-order mark)'],
		['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be (byte-order mark)']
	];
	for (const [name, bytes, encoding] of cases) {
		it(`${name}: decoded automatically, whatever the chunk size`, async () => {
			const path = write(bytes);
			for (const chunkSize of [undefined, 1, 2, 3, 5]) {
				const t = await readAll(path, { chunkSize });
				expect(t.header).toEqual(['name', 'place']);
				expect(t.encoding).toBe(encoding);
				expect(t.records.map((r) => r.values)).toEqual(VALUES);
				expect(t.records.map((r) => r.line)).toEqual([2, 3]);
			}
		});
	}

	it('UTF-16 without a BOM needs --encoding; with it, it is read', async () => {
		const path = write(Buffer.from(TEXT, 'utf16le'));
		expect(await refusal(path)).toMatch(/NUL byte at byte 1: UTF-16 or binary.*pass --encoding utf-16le/);
		const t = await readAll(path, { encoding: 'utf-16le', chunkSize: 3 });
		expect(t.records.map((r) => r.values)).toEqual(VALUES);
		expect(t.encoding).toBe('utf-16le (--encoding)');
	});

	it('invalid UTF-16 (a lone surrogate) is refused, not turned into U+FFFD', async () => {
		const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00]), Buffer.from('\n', 'utf16le')]);
		expect(await refusal(write(bytes))).toMatch(/is not valid utf-16le text/);
	});

	it('a truncated UTF-8 character at the end of the file is refused', async () => {
		expect(await refusal(write(Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from('م').subarray(0, 1)])))).toMatch(/ends inside a UTF-8 character/);
	});
});

describe('code pages', () => {
	const arabic = 'name,place\nمنبج,دير الزور\nالرقة,"حلب، ريف"\n';

	it('Windows-1256 without --encoding: refused with offset, line and the windows-1256 suggestion', async () => {
		const bytes = encodeSingleByte(arabic, 'windows-1256');
		const path = write(bytes);
		// The first Arabic byte follows "name,place\n" (11 bytes), on line 2.
		expect(await refusal(path)).toMatch(/is not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset 11, line 2\); it looks like Arabic Windows text: pass --encoding windows-1256/);
	});

	it('Windows-1256 with --encoding windows-1256: the Arabic text is read exactly', async () => {
		const path = write(encodeSingleByte(arabic, 'windows-1256'));
		for (const chunkSize of [undefined, 1, 4]) {
			const t = await readAll(path, { encoding: 'windows-1256', chunkSize });
			expect(t.records.map((r) => r.values)).toEqual([
				['منبج', 'دير الزور'],
				['الرقة', 'حلب، ريف']
			]);
			expect(t.encoding).toBe('windows-1256 (--encoding)');
		}
	});

	it('Latin-1 text is not mistaken for Arabic: the suggestion is windows-1252', async () => {
		const path = write(encodeSingleByte('name,place\nCafé Übersee,Ärger à côté\n', 'windows-1252'));
		const message = await refusal(path);
		expect(message).toMatch(/byte 0xe9 at offset 14, line 2\); it is probably Windows-1252 or Latin-1: pass --encoding windows-1252/);
		expect((await readAll(path, { encoding: 'latin1' })).records[0].values).toEqual(['Café Übersee', 'Ärger à côté']);
	});

	it('the heuristic: Arabic code-page bytes yes; Latin-1, lone high bytes and ASCII no', () => {
		expect(looksLikeWindows1256(encodeSingleByte('تفجير عبوة ناسفة في حماة', 'windows-1256'))).toBe(true);
		expect(looksLikeWindows1256(encodeSingleByte('Déjà vu à Paris, garçon, élève', 'windows-1252'))).toBe(false);
		expect(looksLikeWindows1256(Buffer.from([0x61, 0xc7, 0x62]))).toBe(false);
		expect(looksLikeWindows1256(Buffer.from('plain'))).toBe(false);
	});

	it('a byte-order mark that contradicts --encoding is refused; unknown labels are refused by canonicalEncoding', async () => {
		const path = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]));
		expect(await refusal(path, 'windows-1256')).toMatch(/starts with a UTF-16LE byte-order mark, but --encoding windows-1256 was given/);
		expect(canonicalEncoding('latin1')).toBe('windows-1252');
		expect(canonicalEncoding('CP1256')).toBe('windows-1256');
		expect(() => canonicalEncoding('klingon')).toThrow(RangeError);
	});

	it('a NUL character in a code-page file is binary: refused with its line', async () => {
		expect(await refusal(write(Buffer.from('a,b\n1,2\n3,\0\n')), 'windows-1256')).toMatch(/NUL character on line 3: a binary file/);
	});
});

describe('through the import', () => {
	it('a UTF-16 export imports like its UTF-8 original, and the summary says how it was decoded', async () => {
		const original = readFileSync(fixture('acled', 'acled-export.csv'), 'utf8');
		const utf16 = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]), 'acled-utf16.csv');
		const a = await runImport({ inputs: [fixture('acled', 'acled-export.csv')], out: `${tmp.dir}/a.parquet` });
		const b = await runImport({ inputs: [utf16], out: `${tmp.dir}/b.parquet` });
		expect([...(await readIncidents(`${tmp.dir}/b.parquet`)).values()]).toEqual([...(await readIncidents(`${tmp.dir}/a.parquet`)).values()]);
		expect(b.files[0].encoding).toBe('utf-16le (byte-order mark)');
		expect(a.files[0].encoding).toBe('utf-8');
		expect(formatSummary(b)).toContain('decoded as utf-16le (byte-order mark)');
		expect({ ...b, files: [], out: '', rejectsFile: '' }).toEqual({ ...a, files: [], out: '', rejectsFile: '' });
	});

	it('an Arabic Windows-1256 spreadsheet: refused without --encoding, imported with it (Arabic intact)', async () => {
		const rows = 'source_record_id,event_date,country,admin1,location,summary\nw-1,2024-02-01,Syria,Aleppo,منبج,انفجار في سوق (مخترع)\n';
		const path = write(encodeSingleByte(rows, 'windows-1256'), 'desk-1256.csv');
		const out = `${tmp.dir}/w.parquet`;
		await expect(runImport({ inputs: [path], out })).rejects.toThrow(ImportError);
		await expect(runImport({ inputs: [path], out })).rejects.toThrow(/pass --encoding windows-1256/);
		const s = await runImport({ inputs: [path], out, encoding: 'windows-1256' });
		expect(s).toMatchObject({ read: 1, imported: 1 });
		const row = (await readIncidents(out)).get('csv:w-1');
		expect(row).toMatchObject({ location: 'منبج', summary: 'انفجار في سوق (مخترع)', admin1_pcode: 'SY02' });
	});
});

describe('countBreaks', () => {
	// The line numbers of messages: CRLF, LF and CR each end one line, also when a CRLF straddles two chunks.
	const reference = (s: string, afterCR: boolean) => {
		let n = 0;
		for (let i = 0; i < s.length; i++) {
			const c = s.charCodeAt(i);
			if (c === 13) n++;
			else if (c === 10 && !(i === 0 ? afterCR : s.charCodeAt(i - 1) === 13)) n++;
		}
		return n;
	};
	it('counts as a character-by-character scan does, for any mix of breaks and any chunk start', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('\r', '\n', '\r\n', 'a', 'é', '"', ''), { maxLength: 40 }).map((p) => p.join('')), fc.boolean(), (s, afterCR) => {
				expect(countBreaks(s, afterCR)).toBe(reference(s, afterCR));
			}),
			{ numRuns: 500 }
		);
		expect(countBreaks('a\r\nb\nc\rd', false)).toBe(3);
		expect(countBreaks('\nx', true)).toBe(0);
	});
});
