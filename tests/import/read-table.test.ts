// The table reader: physical start lines with line breaks inside quotes (LF, CRLF, any chunking), raw text, BOM,
// gzip, and refusal of files that are not UTF-8 CSV or xlsx, naming the file.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable, TableReadError, type TableRecord } from '../../scripts/lib/read-table';
import { tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const write = (content: string | Buffer, ext = '.csv') => {
	const path = `${tmp.dir}/t${n++}${ext}`;
	writeFileSync(path, content);
	return path;
};

async function readAll(path: string, chunkSize?: number): Promise<{ header: string[]; records: TableRecord[] }> {
	const table = await openTable(path, { chunkSize });
	const records: TableRecord[] = [];
	for await (const r of table.records) records.push(r);
	return { header: table.header, records };
}

// Records start on lines 2, 5, 6 and 9: a quoted line break, an empty line, a quoted blank line, no final newline.
const lines = ['h1,h2', 'a,"x', 'y"', '', 'b,2', '"c","multi', '', 'line"', 'd,4'];

describe('line numbers and raw text', () => {
	for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
		it(`${name}: start lines and raw records, whatever the chunk size`, async () => {
			const path = write(lines.join(eol));
			for (const chunkSize of [undefined, 1, 2, 3, 5, 7]) {
				const { header, records } = await readAll(path, chunkSize);
				expect(header).toEqual(['h1', 'h2']);
				expect(records.map((r) => r.line)).toEqual([2, 5, 6, 9]);
				expect(records.map((r) => r.values)).toEqual([['a', `x${eol}y`], ['b', '2'], ['c', `multi${eol}${eol}line`], ['d', '4']]);
				expect(records.map((r) => r.raw)).toEqual([`a,"x${eol}y"`, 'b,2', `"c","multi${eol}${eol}line"`, 'd,4']);
			}
		});
	}

	it('LF records with CRLF inside a quoted note still count each break once', async () => {
		const { records } = await readAll(write('h1,h2\n1,"a\r\nb"\n2,z\n'));
		expect(records.map((r) => r.line)).toEqual([2, 4]);
	});

	it('strips a UTF-8 BOM and keeps multi-byte text split across chunks', async () => {
		const path = write(`\uFEFFname,place\nمنبج,Ma’dan\n`);
		for (const chunkSize of [undefined, 1, 2, 3]) {
			const { header, records } = await readAll(path, chunkSize);
			expect(header).toEqual(['name', 'place']);
			expect(records[0].values).toEqual(['منبج', 'Ma’dan']);
		}
	});

	it('reads gzip', async () => {
		const { header, records } = await readAll(write(gzipSync(Buffer.from(lines.join('\n'))), '.csv.gz'));
		expect(header).toEqual(['h1', 'h2']);
		expect(records.map((r) => r.line)).toEqual([2, 5, 6, 9]);
	});

	it('returns ragged records as they are (the importer rejects them)', async () => {
		const { records } = await readAll(write('a,b,c\n1,2\n1,2,3,4\n'));
		expect(records.map((r) => r.values.length)).toEqual([2, 4]);
	});
});

describe('files that cannot be read', () => {
	async function refusal(path: string): Promise<string> {
		try {
			await readAll(path);
		} catch (e) {
			expect(e).toBeInstanceOf(TableReadError);
			expect((e as Error).message.startsWith(`${path}: `)).toBe(true);
			return (e as Error).message;
		}
		throw new Error('expected a TableReadError');
	}

	it('UTF-16 without a byte-order mark (NUL bytes); with one it is read (decode.test.ts)', async () => {
		expect(await refusal(write(Buffer.from('a,b\n1,2\n', 'utf16le')))).toMatch(/NUL byte .*UTF-16 or binary/);
	});

	it('Windows-1252 / Latin-1, with the line of the first bad byte', async () => {
		const latin1 = Buffer.from('a,b\n1,2\nCaf\xe9,3\n', 'latin1');
		expect(await refusal(write(latin1))).toMatch(/not valid UTF-8 \(byte 0xe9 at offset 11, line 3\).*save it as UTF-8/);
	});

	it('a corrupt gzip', async () => {
		const gz = gzipSync(Buffer.from('a,b\n1,2\n'.repeat(50)));
		expect(await refusal(write(Buffer.concat([gz.subarray(0, 12), Buffer.from('garbage!garbage!')]), '.csv.gz'))).toMatch(/not a readable gzip file/);
	});

	it('an empty file, an unclosed quote, a text file named .xlsx, a zip that is no workbook', async () => {
		expect(await refusal(write(''))).toMatch(/is empty: no header row/);
		expect(await refusal(write('a,b\n1,2\n3,"open\n'))).toMatch(/is not valid CSV after the record on line 2/);
		expect(await refusal(write('a,b\n1,2\n', '.xlsx'))).toMatch(/is not an xlsx workbook/);
		expect(await refusal(write(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), '.xlsx'))).toMatch(/not a readable xlsx workbook|has no worksheet/);
	});
});
