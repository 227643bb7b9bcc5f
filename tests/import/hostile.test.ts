// Malformed CSV through the whole import and the CLI: every bad row in the rejects file with its reason and line
// (impossible dates, negative casualties, ragged rows, repeated ids, oversize records), and the files that must be
// refused whole (empty, unbalanced or stray quotes) with a message naming the file and line, a non-zero exit and
// the output byte-identical. A header-only file is a successful run that reads 0 records.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseByteSize } from '../../scripts/lib/byte-size';
import { formatSummary, runImport } from '../../scripts/lib/import-run';
import { fixture, query, readIncidents, repoRoot, tempDir } from './helpers';
import { buildZip, workbookParts } from './zip-builder';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const write = (content: string | Buffer, name = `h${n++}.csv`) => {
	const path = `${tmp.dir}/${name}`;
	writeFileSync(path, content);
	return path;
};
const rejectsOf = (file: string) => parse(readFileSync(file, 'utf8')) as string[][];

function cli(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An output that already holds rows, and its bytes, to prove a refused run leaves it alone. */
async function existingOutput(name: string) {
	const out = `${tmp.dir}/${name}.parquet`;
	const s = await runImport({ inputs: [fixture('csv', 'schema-named.csv')], out });
	return { out, bytes: readFileSync(out), rejects: readFileSync(s.rejectsFile) };
}

describe('bad rows are rejected, each with its line and reason', async () => {
	const input = fixture('hostile', 'bad-rows.csv');
	const out = `${tmp.dir}/bad.parquet`;
	const summary = await runImport({ inputs: [input], out });
	const rejects = rejectsOf(summary.rejectsFile);
	const byLine = rejects.slice(1).map(([, line, reason]) => [Number(line), reason]);

	it('impossible dates: 30 February, month 13, year 0, a five-digit year, 29 February in a common year', () => {
		expect(byLine.filter(([, r]) => String(r).startsWith('invalid date'))).toEqual([
			[3, 'invalid date: event_date "2023-02-30" is not a date'],
			[4, 'invalid date: event_date "2023-13-01" is not a date'],
			[5, 'invalid date: event_date "0000-01-01" is not a date'],
			[6, 'invalid date: event_date "99999-01-01" is not a date'],
			[15, 'invalid date: event_date "2023-02-29" is not a date']
		]);
	});

	it('negative casualties, killed and injured', () => {
		expect(byLine.filter(([, r]) => String(r).startsWith('invalid casualty'))).toEqual([
			[7, 'invalid casualty figure: killed is negative (-3)'],
			[8, 'invalid casualty figure: injured is negative (-1)']
		]);
	});

	it('ragged rows, too few and too many fields (one spanning two lines)', () => {
		expect(byLine.filter(([, r]) => String(r).startsWith('wrong number'))).toEqual([
			[10, 'wrong number of fields: 3 fields, the header has 8'],
			[11, 'wrong number of fields: 9 fields, the header has 8']
		]);
		const raw = rejects.find((r) => r[1] === '11')?.[3];
		expect(raw).toBe('h-09,2023-04-04,Syria,Aleppo,Invented Market,0,0,"Invented: a note over\ntwo lines, quoted.",extra');
	});

	it('a repeated id: counted as a duplicate, listed with the line of its first occurrence', () => {
		expect(byLine.filter(([, r]) => String(r).startsWith('duplicate'))).toEqual([[9, 'duplicate incident_id: csv:h-01 (first seen at line 2)']]);
		expect(summary).toMatchObject({ read: 13, imported: 3, rejected: 9, duplicates: 1, duplicatesInInput: 1 });
		expect(summary.read).toBe(summary.imported + summary.rejected + summary.duplicates);
		// Every row not imported is in the rejects file, exactly once.
		expect(rejects.length - 1).toBe(summary.read - summary.imported);
	});

	it('the good rows are imported, the first of the repeated pair kept', async () => {
		const rows = await readIncidents(out);
		expect([...rows.keys()]).toEqual(['csv:h-01', 'csv:h-10', 'csv:h-12']);
		expect(rows.get('csv:h-01')?.summary).toBe('Invented: a valid row.');
		expect(rows.get('csv:h-12')?.event_date).toBe('2024-02-29');
		const independent = await query('SELECT count(*) AS n FROM read_parquet(?)', [out]);
		expect(independent[0].n).toBe(3);
	});

	it('ids repeated across files name the file of the first occurrence; ids already in the output are not listed', async () => {
		const copy = write(readFileSync(input), 'bad-rows-copy.csv');
		const again = await runImport({ inputs: [input, copy], out });
		// The first file: all 4 accepted rows were in the output already, so none is listed... except line 9, which
		// repeats line 2 within this run.
		expect(again.files[0]).toMatchObject({ imported: 0, duplicates: 4, duplicatesInInput: 1 });
		expect(again.files[1]).toMatchObject({ imported: 0, duplicates: 4, duplicatesInInput: 4 });
		const listed = rejectsOf(again.rejectsFile).filter((r) => r[2].startsWith('duplicate'));
		expect(listed.map((r) => [r[0], r[1], r[2]])).toEqual([
			[input, '9', 'duplicate incident_id: csv:h-01 (first seen at line 2)'],
			[copy, '2', `duplicate incident_id: csv:h-01 (first seen at ${input} line 2)`],
			[copy, '9', `duplicate incident_id: csv:h-01 (first seen at ${input} line 2)`],
			[copy, '13', `duplicate incident_id: csv:h-10 (first seen at ${input} line 13)`],
			[copy, '16', `duplicate incident_id: csv:h-12 (first seen at ${input} line 16)`]
		]);
		expect(formatSummary(again)).toContain('duplicates: 5 repeated within the input (listed in the rejects file), 3 already in the output');
	});
});

describe('oversize records', () => {
	it('are rejected with their size, the raw text truncated (and said so), and reading goes on', async () => {
		const big = 'Invented: '.padEnd(5000, 'long text ');
		const input = write(
			[
				'source_record_id,event_date,country,summary',
				'o-1,2023-05-01,Syria,before',
				`o-2,2023-05-02,Syria,"${big}\n${big}"`,
				'o-3,2023-05-03,Syria,after',
				''
			].join('\n')
		);
		const out = `${tmp.dir}/oversize.parquet`;
		const r = cli([input, '--out', out, '--max-record-bytes', '2K', '--json']);
		expect(r.status).toBe(0);
		const s = JSON.parse(r.stdout);
		expect(s).toMatchObject({ read: 3, imported: 2, rejected: 1, rejectedByReason: { 'record too large': 1 } });
		const [, reject] = rejectsOf(`${out}.rejects.csv`);
		const bytes = Buffer.byteLength(`o-2,2023-05-02,Syria,"${big}\n${big}"`);
		expect(reject.slice(1, 3)).toEqual(['3', `record too large (${bytes} bytes > 2048)`]);
		expect(reject[3]).toMatch(/^o-2,2023-05-02,Syria,"Invented: long text .* \[\.\.\. truncated: \d+ bytes in all\]$/s);
		expect(reject[3].length).toBeLessThan(1100);
		// The record spans lines 3-4: the next one is on line 5 and imported.
		expect([...(await readIncidents(out)).keys()]).toEqual(['csv:o-1', 'csv:o-3']);
	});

	it('a header over the limit refuses the file', async () => {
		const input = write(`${'h'.repeat(3000)},b\n1,2\n`);
		await expect(runImport({ inputs: [input], out: `${tmp.dir}/hdr.parquet`, maxRecordBytes: 1000 })).rejects.toThrow(/the header \(line 1\) is 3002 bytes, over the record limit of 1000/);
	});
});

describe('files refused whole: message naming the file, exit 1, output byte-identical', () => {
	it('an empty file (0 bytes, or only blank lines)', async () => {
		const { out, bytes } = await existingOutput('empty');
		for (const content of ['', '\n\r\n\n']) {
			const input = write(content);
			const r = cli([input, '--out', out]);
			expect(r.status).toBe(1);
			expect(r.stderr).toContain(`import refused, ${out} left unchanged: ${input}: is empty: no header row`);
			expect(readFileSync(out).equals(bytes)).toBe(true);
		}
	});

	it('an unbalanced quote: names the line where the quoted field starts; the good file before it adds nothing', async () => {
		const { out, bytes, rejects } = await existingOutput('quote');
		const input = write('source_record_id,event_date,country,summary\nq-1,2023-05-01,Syria,fine\nq-2,2023-05-02,Syria,"never closed\nq-3,2023-05-03,Syria,swallowed\n');
		const r = cli([fixture('gtd', 'gtd-sample.csv'), input, '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`${input}: is not valid CSV after the record on line 2: the quoted field that starts on line 3 is never closed (unbalanced quotes); nothing was imported`);
		expect(readFileSync(out).equals(bytes)).toBe(true);
		expect(readFileSync(`${out}.rejects.csv`).equals(rejects)).toBe(true);
	});

	it('a stray quote inside an unquoted field, with its line and field', async () => {
		const { out, bytes } = await existingOutput('stray');
		const input = write('source_record_id,event_date,country,summary\ns-1,2023-05-01,Syria,a 5" gun\n');
		const r = cli([input, '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`${input}: is not valid CSV after the record on line 1: on line 2, a quote inside the unquoted field 4`);
		expect(readFileSync(out).equals(bytes)).toBe(true);
	});
});

describe('a header and no records', () => {
	it('is a successful run that reads 0 records and says so; an existing output keeps its rows', async () => {
		const input = write('source_record_id,event_date,country,summary\r\n');
		const fresh = `${tmp.dir}/header-only.parquet`;
		const r = cli([input, '--out', fresh]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('(csv): read 0, imported 0, rejected 0, duplicates 0');
		expect(r.stdout).toContain('no records after the header (header only)');
		expect((await query('SELECT count(*) AS n FROM read_parquet(?)', [fresh]))[0].n).toBe(0);

		const { out } = await existingOutput('header-only-existing');
		const before = [...(await readIncidents(out)).values()];
		expect(cli([input, '--out', out]).status).toBe(0);
		expect([...(await readIncidents(out)).values()]).toEqual(before);
	});
});

describe('CLI options', () => {
	it('sizes: bytes, K, M, G (powers of 1024), optional B/iB; anything else is a usage error', () => {
		expect([parseByteSize('1048576'), parseByteSize('512K'), parseByteSize('2MB'), parseByteSize('1GiB'), parseByteSize('1.5m')]).toEqual([
			1048576,
			512 * 1024,
			2 * 1024 * 1024,
			1024 ** 3,
			1.5 * 1024 * 1024
		]);
		for (const bad of ['', '0', '-1', '1TB', 'lots', '1e9']) expect(parseByteSize(bad)).toBeNull();
		const r = cli([fixture('csv', 'schema-named.csv'), '--out', `${tmp.dir}/u.parquet`, '--max-record-bytes', 'lots']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--max-record-bytes must be a size such as 1048576, 512K or 2MB (got "lots")');
		expect(existsSync(`${tmp.dir}/u.parquet`)).toBe(false);
	});

	it('an unknown --encoding is a usage error; --max-xlsx-bytes reaches the xlsx guard', () => {
		const r = cli([fixture('csv', 'schema-named.csv'), '--out', `${tmp.dir}/e.parquet`, '--encoding', 'klingon']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--encoding: unknown encoding "klingon"');

		const book = write(buildZip(workbookParts([['source_record_id', 'event_date', 'country'], ['k-1', '2024-01-01', 'Syria']])), 'small.xlsx');
		const out = `${tmp.dir}/x.parquet`;
		const refused = cli([book, '--out', out, '--max-xlsx-bytes', '1K']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/small\.xlsx: is refused as a possible zip bomb: it expands to \d+ bytes \(limit 1024 bytes; raise it with --max-xlsx-bytes/);
		expect(existsSync(out)).toBe(false);
		expect(cli([book, '--out', out]).status).toBe(0);
	});
});
