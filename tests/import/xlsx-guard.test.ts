// Hostile and corrupt .xlsx files, all built here (zip-builder.ts): zip bombs (honest and lying headers), too many
// or too long shared strings, over-long cells and tags, hidden or duplicate entries, encryption, ZIP64, bad CRCs,
// truncation. Each is refused with its own message before exceljs reads it, and a refused run leaves the output
// and rejects file byte-identical. A well-formed workbook (also one with data descriptors) still imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, runImport } from '../../scripts/lib/import-run';
import { openTable, TableReadError, type OpenOptions } from '../../scripts/lib/read-table';
import { DEFAULT_XLSX_LIMITS } from '../../scripts/lib/xlsx-guard';
import { fixture, readIncidents, tempDir } from './helpers';
import { buildZip, repeatedText, SHARED_STRINGS_HEAD, SHARED_STRINGS_TAIL, workbookParts, type ZipInput } from './zip-builder';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const write = (bytes: Buffer) => {
	const path = `${tmp.dir}/w${n++}.xlsx`;
	writeFileSync(path, bytes);
	return path;
};

const HEADER = ['source_record_id', 'event_date', 'country', 'killed', 'summary'];
const ROWS = [HEADER, ['x-1', '2024-01-02', 'Syria', '3', 'Invented: first & <one>'], ['x-2', '2024-01-03', 'Lebanon', '0', 'Invented: second']];
/** Unique strings in ROWS: 5 header names + 10 distinct values ('0' and '3' and the dates are all distinct). */
const UNIQUE = new Set(ROWS.flat()).size;

async function readAll(path: string, options: OpenOptions = {}) {
	const table = await openTable(path, options);
	const values: string[][] = [];
	for await (const r of table.records) values.push(r.values.map((v) => v ?? ''));
	return { header: table.header, values };
}

async function refusal(path: string, options: OpenOptions = {}): Promise<string> {
	try {
		await readAll(path, options);
	} catch (e) {
		expect(e).toBeInstanceOf(TableReadError);
		expect((e as Error).message.startsWith(`${path}: `)).toBe(true);
		return (e as Error).message;
	}
	throw new Error('expected a TableReadError');
}

/** The workbook's parts with one of them changed. */
const withPart = (name: string, change: Partial<ZipInput>, parts = workbookParts(ROWS)) => parts.map((p) => (p.name === name ? { ...p, ...change } : p));

describe('well-formed workbooks pass', () => {
	it('a minimal workbook, with or without data descriptors, reads back exactly', async () => {
		for (const descriptor of [false, true]) {
			const path = write(buildZip(workbookParts(ROWS).map((p) => ({ ...p, descriptor }))));
			const t = await readAll(path);
			expect(t.header).toEqual(HEADER);
			expect(t.values).toEqual(ROWS.slice(1));
		}
	});

	it('limits are inclusive: exactly maxSharedStrings strings and a cell of exactly maxCellChars pass', async () => {
		expect((await readAll(write(buildZip(workbookParts(ROWS))), { xlsxLimits: { maxSharedStrings: UNIQUE } })).values.length).toBe(2);
		const long = [HEADER, ['x-1', '2024-01-02', 'Syria', '3', 'y'.repeat(DEFAULT_XLSX_LIMITS.maxCellChars)]];
		expect((await readAll(write(buildZip(workbookParts(long))))).values[0][4].length).toBe(32_767);
	});
});

describe('zip bombs', () => {
	it('an honest bomb (400 MB of one letter in ~400 KB): refused for its compression ratio before inflating', async () => {
		const bomb = await repeatedText(SHARED_STRINGS_HEAD, 'a', 400, SHARED_STRINGS_TAIL);
		const path = write(buildZip(workbookParts(ROWS, { deflated: bomb })));
		expect(readFileSync(path).length).toBeLessThan(1 << 20);
		expect(await refusal(path)).toMatch(/is refused as a possible zip bomb: xl\/sharedStrings\.xml expands \d+:1 \(\d+ KB to 400 MB; limit 200:1 above 10 MB\)/);
	});

	it('a bomb whose headers declare 1000 bytes: refused while inflating, at the declared size', async () => {
		const bomb = await repeatedText(SHARED_STRINGS_HEAD, 'a', 400, SHARED_STRINGS_TAIL);
		const path = write(buildZip(workbookParts(ROWS, { deflated: bomb, declaredSize: 1000 })));
		expect(await refusal(path)).toMatch(/xl\/sharedStrings\.xml inflates to more than the 1000 bytes its header declares/);
	});

	it('a workbook over the total size limit (raise it with --max-xlsx-bytes)', async () => {
		const path = write(buildZip(workbookParts(ROWS)));
		expect(await refusal(path, { xlsxLimits: { maxUncompressedBytes: 2000 } })).toMatch(/it expands to \d+ bytes \(limit 2000 bytes; raise it with --max-xlsx-bytes/);
		expect((await readAll(path, { xlsxLimits: { maxUncompressedBytes: 100_000 } })).values.length).toBe(2);
	});

	it('too many zip entries', async () => {
		expect(await refusal(write(buildZip(workbookParts(ROWS))), { xlsxLimits: { maxEntries: 5 } })).toMatch(/it has 6 zip entries \(limit 5\)/);
	});
});

describe('shared strings and cells', () => {
	it('more shared strings than the cap', async () => {
		expect(await refusal(write(buildZip(workbookParts(ROWS))), { xlsxLimits: { maxSharedStrings: UNIQUE - 1 } })).toMatch(
			new RegExp(`it has more than ${UNIQUE - 1} shared strings`)
		);
	});

	it('more shared-string text than the cap', async () => {
		const path = write(buildZip(workbookParts(ROWS)));
		expect(await refusal(path, { xlsxLimits: { maxSharedStringBytes: 50 } })).toMatch(/its shared strings hold more than 50 bytes of text/);
	});

	it('one text node longer than the XML token cap (2 MB, under the ratio floor): refused while scanning', async () => {
		const huge = await repeatedText(SHARED_STRINGS_HEAD, 'b', 2, SHARED_STRINGS_TAIL);
		expect(await refusal(write(buildZip(workbookParts(ROWS, { deflated: huge }))))).toMatch(/xl\/sharedStrings\.xml holds a text longer than 1\.0 MB/);
	});

	it('one tag longer than the XML token cap (a 2 MB attribute in the sheet)', async () => {
		const parts = workbookParts(ROWS);
		const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml') as ZipInput;
		const data = String(sheet.data).replace('<sheetData>', `<sheetData x="${'c'.repeat(2 << 20)}">`);
		expect(await refusal(write(buildZip(withPart(sheet.name, { data }, parts))))).toMatch(/xl\/worksheets\/sheet1\.xml holds a tag longer than 1\.0 MB/);
	});

	it('a cell longer than Excel allows (40,000 characters): refused with its row and column', async () => {
		const long = [HEADER, ['x-1', '2024-01-02', 'Syria', '3', 'z'.repeat(40_000)]];
		expect(await refusal(write(buildZip(workbookParts(long))))).toMatch(/row 2, column 5 holds 40000 characters, over the limit of 32767/);
	});
});

describe('corrupt and deceptive archives', () => {
	const cases: [string, () => Buffer, RegExp][] = [
		['truncated (the last 100 bytes cut)', () => buildZip(workbookParts(ROWS)).subarray(0, -100), /no zip central directory: the file is truncated or not a zip archive/],
		['a zip that is no workbook (a CSV inside)', () => buildZip([{ name: 'data.csv', data: 'a,b\n1,2\n' }]), /without xl\/workbook\.xml: not an xlsx workbook/],
		['an entry hidden from the central directory', () => buildZip([{ name: 'xl/extra.xml', data: '<x/>', hidden: true }, ...workbookParts(ROWS)]), /zip entries overlap or hide data before/],
		['an encrypted entry', () => buildZip(withPart('xl/workbook.xml', { flags: 1 })), /xl\/workbook\.xml is encrypted/],
		['a compression method other than deflate', () => buildZip(withPart('xl/workbook.xml', { method: 12 })), /uses zip compression method 12, not deflate/],
		['the same entry twice', () => buildZip([...workbookParts(ROWS), { name: 'xl/sharedStrings.xml', data: '<sst/>' }]), /holds xl\/sharedStrings\.xml twice/],
		['a ZIP64 end record', () => buildZip(workbookParts(ROWS), { zip64Marker: true }), /ZIP64 archive/],
		['a wrong CRC', () => buildZip(withPart('xl/worksheets/sheet1.xml', { declaredCrc: 12345 })), /xl\/worksheets\/sheet1\.xml is corrupt \(CRC mismatch\)/],
		['a declared size larger than the data', () => buildZip(withPart('xl/workbook.xml', { declaredSize: 5000 })), /xl\/workbook\.xml inflates to \d+ bytes, not the 5000 its header declares/],
		[
			'garbage instead of deflate data',
			() => buildZip(withPart('xl/workbook.xml', { deflated: { compressed: Buffer.from('\xff\xfe not deflate at all', 'latin1'), size: 100, crc: 0 } })),
			/xl\/workbook\.xml cannot be inflated/
		]
	];
	for (const [name, make, message] of cases) {
		it(name, async () => {
			const text = await refusal(write(make()));
			expect(text).toMatch(/is not a readable xlsx workbook \(|is refused as a possible zip bomb: /);
			expect(text).toMatch(message);
		});
	}
});

describe('through the import', () => {
	it('a bomb among good inputs refuses the run and leaves output and rejects byte-identical', async () => {
		const out = `${tmp.dir}/keep.parquet`;
		const first = await runImport({ inputs: [write(buildZip(workbookParts(ROWS)))], out });
		expect(first).toMatchObject({ read: 2, imported: 2 });
		expect([...(await readIncidents(out)).keys()]).toEqual(['csv:x-1', 'csv:x-2']);
		const before = readFileSync(out);
		const rejectsBefore = readFileSync(first.rejectsFile);
		const bomb = write(buildZip(workbookParts(ROWS, { deflated: await repeatedText(SHARED_STRINGS_HEAD, 'a', 50, SHARED_STRINGS_TAIL) })));
		const run = runImport({ inputs: [fixture('csv', 'schema-named.csv'), bomb], out });
		await expect(run).rejects.toBeInstanceOf(ImportError);
		await expect(run).rejects.toThrow(`${bomb}: is refused as a possible zip bomb`);
		expect(readFileSync(out).equals(before)).toBe(true);
		expect(readFileSync(first.rejectsFile).equals(rejectsBefore)).toBe(true);
	});
});
