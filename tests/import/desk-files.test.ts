// Issue 10, second half: files as an analyst's desk sends them. Absent or renamed columns, a date order the file
// contradicts, Arabic names and digits, Excel date cells, semicolons and tabs, zips, gzip inside gzip and .xls,
// xlsx tables that start in column B, unwritable outputs, impossible values, and datasets that must still build.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { formatSummary, runImport } from '../../scripts/lib/import-run';
import { fixture, readIncidents, repoRoot, tempDir } from './helpers';
import { buildZip } from './zip-builder';

const tmp = tempDir('rasd-desk-');
afterAll(() => tmp.cleanup());
let n = 0;
const write = (content: string | Buffer, name = `d${n++}.csv`) => {
	const path = `${tmp.dir}/${name}`;
	writeFileSync(path, content);
	return path;
};
const out = () => `${tmp.dir}/o${n++}.parquet`;
function cli(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const acledText = readFileSync(fixture('acled', 'acled-export.csv'), 'utf8');

describe('4. absent or renamed columns of the detected format', () => {
	it('an ACLED export with `fatality` instead of `fatalities`: warned in the summary and on stderr, the close match named', async () => {
		const renamed = write(acledText.replace(',fatalities,', ',fatality,'), 'acled-fatality.csv');
		const s = await runImport({ inputs: [renamed], out: out() });
		expect(s.files[0].warnings).toContain('column fatalities is absent: its field is empty in every row (the file has "fatality": rename it to fatalities?)');
		expect(formatSummary(s)).toContain('WARNING: column fatalities is absent');
		const r = cli([renamed, '--out', out(), '--json']);
		expect(r.status).toBe(0);
		expect(r.stderr).toContain(`warning: ${renamed}: column fatalities is absent`);
	});

	it('without any close match the column is still named; a complete export gives no warning', async () => {
		const header = acledText.split('\n')[0].split(',');
		const col = header.indexOf('fatalities');
		const dropped = acledText.split('\n').map((l, i) => (i === 0 ? header.filter((_, k) => k !== col).join(',') : l)).join('\n');
		// Only the header changes: rows now have one field too many and are rejected, but the warning is what matters.
		const s = await runImport({ inputs: [write(dropped)], out: out() });
		expect(s.files[0].warnings).toEqual(['column fatalities is absent: its field is empty in every row']);
		const full = await runImport({ inputs: [fixture('acled', 'acled-export.csv')], out: out() });
		expect(full.files[0].warnings).toEqual([]);
	});
});

describe('5. a date order the file contradicts', () => {
	it('--date-format dmy on a file that also holds 06/13/2023: the run is refused, the line named, the output untouched', async () => {
		const file = write('id,event_date,country\na,03/04/2023,Syria\nb,06/13/2023,Syria\nc,25/12/2023,Syria\n');
		const target = out();
		await expect(runImport({ inputs: [file], out: target, dateOrder: 'dmy' })).rejects.toThrow(
			/1 date\(s\) cannot be read as --date-format dmy \(first at line 3: event_date "06\/13\/2023" cannot be read as dmy\)/
		);
		const r = cli([file, '--out', target, '--date-format', 'dmy']);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('import refused');
	});

	it('dates readable both ways are counted and said', async () => {
		const file = write('id,event_date,country\na,03/04/2023,Syria\nb,05/06/2023,Syria\nc,25/12/2023,Syria\n');
		const s = await runImport({ inputs: [file], out: out(), dateOrder: 'dmy' });
		expect(s.files[0].datesBothWays).toBe(2);
		expect(formatSummary(s)).toContain('2 date(s) could be read day-first or month-first: read as the --date-format given');
	});
});

describe('6. Arabic country and governorate names', () => {
	it('سوريا and سورية give SYR; governorates match through hamza, ta marbuta and the محافظة prefix; the rest is counted', async () => {
		const file = write(
			[
				'id,event_date,country,admin1',
				'a1,2024-01-01,سوريا,محافظة حماة',
				'a2,2024-01-02,سورية,ادلب',
				'a3,2024-01-03,الجمهورية العربية السورية,ديرالزور',
				'a4,2024-01-04,سوريا,الرقّة',
				'a5,2024-01-05,سوريا,البادية',
				'a6,2024-01-06,بلاد العجائب,حلب',
				''
			].join('\n')
		);
		const target = out();
		const s = await runImport({ inputs: [file], out: target });
		const rows = await readIncidents(target);
		expect([...rows.values()].map((r) => [r.source_record_id, r.country_iso3, r.admin1_pcode])).toEqual([
			['a1', 'SYR', 'SY05'],
			['a2', 'SYR', 'SY07'],
			['a3', 'SYR', 'SY09'],
			['a4', 'SYR', 'SY11'],
			['a5', 'SYR', null],
			['a6', null, null]
		]);
		expect(rows.get('csv:a2')).toMatchObject({ admin1: 'Idleb', raw_admin1: 'ادلب' });
		expect({ ...s.unrecognisedAdmin1 }).toEqual({ البادية: 1 });
		expect({ ...s.unrecognisedCountry }).toEqual({ 'بلاد العجائب': 1 });
		expect(formatSummary(s)).toContain('unrecognised country (kept as written, no ISO code): "بلاد العجائب" 1');
	});
});

describe('7. xlsx date cells', () => {
	it('an ACLED export resaved in Excel (event_date cells formatted as dates) imports every row with its day', async () => {
		const lines = acledText.trim().split('\n').slice(0, 2);
		const header = lines[0].split(',');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Data');
		sheet.addRow(header);
		const row = Object.fromEntries(header.map((h) => [h, '']));
		Object.assign(row, { event_id_cnty: 'SYR990101', country: 'Syria', iso: 760, admin1: 'Homs', fatalities: 2, inter2: 1, time_precision: 1 });
		const dated = sheet.addRow(header.map((h) => (h === 'event_date' ? new Date(Date.UTC(2023, 5, 2)) : row[h])));
		dated.getCell(header.indexOf('event_date') + 1).numFmt = 'dd/mm/yyyy';
		const file = `${tmp.dir}/acled-resaved.xlsx`;
		await book.xlsx.writeFile(file);
		const target = out();
		const s = await runImport({ inputs: [file], out: target });
		expect(s).toMatchObject({ read: 1, imported: 1, rejected: 0 });
		expect((await readIncidents(target)).get('acled:SYR990101')).toMatchObject({ event_date: '2023-06-02', killed: 2, admin1_pcode: 'SY04' });
	});
});

describe('8. --date-format for ACLED, GTD and UCDP', () => {
	it('an ACLED file with dd/mm/yyyy dates imports with --date-format dmy, also with --format acled on the CLI', async () => {
		const dmy = write(acledText.replace('02 June 2023', '02/06/2023'), 'acled-dmy.csv');
		const without = await runImport({ inputs: [dmy], out: out() });
		expect(without.rejectedByReason['ambiguous date (pass --date-format dmy or mdy)']).toBe(1);
		const target = out();
		const r = cli([dmy, '--out', target, '--format', 'acled', '--date-format', 'dmy', '--json']);
		expect(r.status).toBe(0);
		const s = JSON.parse(r.stdout);
		expect(s.rejectedByReason['ambiguous date (pass --date-format dmy or mdy)']).toBeUndefined();
		expect(s.files[0].datesBothWays).toBe(1);
		expect((await readIncidents(target)).get('acled:SYR990001')?.event_date).toBe('2023-06-02');
	});

	it('UCDP dates written by Excel as mm/dd/yyyy import with --date-format mdy', async () => {
		const text = readFileSync(fixture('ucdp', 'ucdp-ged-sample.csv'), 'utf8').replace(/,2017-03-04,2017-03-04,/, ',03/04/2017,03/04/2017,');
		const target = out();
		const s = await runImport({ inputs: [write(text)], out: target, dateOrder: 'mdy' });
		expect(s.files[0].datesBothWays).toBe(2);
		expect((await readIncidents(target)).get('ucdp:990001')).toMatchObject({ event_date: '2017-03-04', date_end: '2017-03-04' });
	});
});

describe('9. Arabic-Indic and Persian digits', () => {
	it('in dates, casualty counts, coordinates and codes', async () => {
		const file = write('id,event_date,country,killed,injured,latitude,longitude\nd1,٢٠٢٣-٠٦-٠٢,Syria,٢,۴,٣٦٫٢,۳۷٫۱\nd2,۱۵/۰۶/۲۰۲۳,Syria,١٢,,,\n');
		const target = out();
		const s = await runImport({ inputs: [file], out: target, dateOrder: 'dmy' });
		expect(s).toMatchObject({ imported: 2, rejected: 0 });
		const rows = await readIncidents(target);
		expect(rows.get('csv:d1')).toMatchObject({ event_date: '2023-06-02', killed: 2, injured: 4, latitude: 36.2, longitude: 37.1 });
		expect(rows.get('csv:d2')).toMatchObject({ event_date: '2023-06-15', killed: 12 });
	});
});

describe('10. delimiters', () => {
	const rows = ['id,event_date,country,summary', 'x1,2024-01-01,Syria,"one, with a comma"', 'x2,2024-01-02,Syria,two'];
	const expectImported = async (file: string, delimiter: string) => {
		const target = out();
		const s = await runImport({ inputs: [file], out: target });
		expect(s).toMatchObject({ read: 2, imported: 2, rejected: 0 });
		expect(s.files[0].delimiter).toBe(delimiter);
		expect((await readIncidents(target)).get('csv:x1')?.summary).toBe('one, with a comma');
		return s;
	};

	it('semicolons (Excel in European locales)', async () => {
		const s = await expectImported(write(rows.map((r) => r.replace(/,(?![^"]*"$)/g, ';').replace('one; with', 'one, with')).join('\r\n')), ';');
		expect(formatSummary(s)).toContain('fields separated by semicolon (;)');
	});

	it("a sep=; first line: used and skipped, and line numbers still count it", async () => {
		const text = `sep=;\n${rows.map((r) => r.replace(/,(?![^"]*"$)/g, ';').replace('one; with', 'one, with')).join('\n')}\nx3;2024-13-01;Syria;bad\n`;
		const file = write(text);
		const target = out();
		const s = await runImport({ inputs: [file], out: target });
		expect(s).toMatchObject({ read: 3, imported: 2, rejected: 1 });
		expect(readFileSync(s.rejectsFile, 'utf8')).toContain(`${file},5,"invalid date: event_date ""2024-13-01"" is not a date"`);
	});

	it("tabs, and Excel's \"Unicode text\" (UTF-16LE with a byte-order mark, tab separated)", async () => {
		const tsv = rows.map((r) => r.replace(/,(?![^"]*"$)/g, '\t').replace('one\t with', 'one, with')).join('\r\n');
		await expectImported(write(tsv, 'tabs.txt'), '\t');
		await expectImported(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]), 'unicode.txt'), '\t');
	});
});

describe('11. containers', () => {
	const ged = readFileSync(fixture('ucdp', 'ucdp-ged-sample.csv'));
	it("a .zip holding one CSV (UCDP's GED) is read; one holding several tables says which", async () => {
		const zip = write(buildZip([{ name: 'ged/', data: '' }, { name: 'ged/GEDEvent_v24_1.csv', data: ged }]), 'ged.zip');
		const direct = await runImport({ inputs: [fixture('ucdp', 'ucdp-ged-sample.csv')], out: out() });
		const s = await runImport({ inputs: [zip], out: out() });
		expect(s.files[0].format).toBe('ucdp');
		expect(s).toMatchObject({ read: direct.read, imported: direct.imported, rejected: direct.rejected });
		const two = write(buildZip([{ name: 'a.csv', data: ged }, { name: 'b.csv', data: ged }]), 'two.zip');
		await expect(runImport({ inputs: [two], out: out() })).rejects.toThrow(/two\.zip: is a zip archive with 2 tables \(a\.csv, b\.csv\): extract the one to import/);
		const lying = write(buildZip([{ name: 'ged.csv', data: ged, declaredSize: 100 }]), 'lying.zip');
		await expect(runImport({ inputs: [lying], out: out() })).rejects.toThrow(/lying\.zip: .*ged\.csv/);
	});

	it('a gzip inside a gzip, and a legacy .xls, are named for what they are', async () => {
		const double = write(gzipSync(gzipSync(ged)), 'ged.csv.gz');
		await expect(runImport({ inputs: [double], out: out() })).rejects.toThrow(/ged\.csv\.gz: holds another gzip file inside the gzip: decompress it once/);
		const xls = write(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'old.xls');
		await expect(runImport({ inputs: [xls], out: out() })).rejects.toThrow(/old\.xls: is an Excel 97-2003 workbook \(\.xls\) or a password-protected \.xlsx/);
	});
});

describe('12. crashes and unclear failures', () => {
	it('an xlsx whose table starts in column B imports with --map', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Log');
		sheet.getCell('B1').value = 'When';
		sheet.getCell('C1').value = 'Where';
		sheet.getCell('D1').value = 'Dead';
		sheet.getCell('B2').value = '2024-02-03';
		sheet.getCell('C2').value = 'Homs';
		sheet.getCell('D2').value = 3;
		const file = `${tmp.dir}/column-b.xlsx`;
		await book.xlsx.writeFile(file);
		const target = out();
		const s = await runImport({ inputs: [file], out: target, map: { event_date: 'When', location: 'Where', killed: 'Dead' } });
		expect(s).toMatchObject({ imported: 1, rejected: 0 });
		expect([...(await readIncidents(target)).values()][0]).toMatchObject({ event_date: '2024-02-03', location: 'Homs', killed: 3 });
	});

	it('an output that cannot be written: the file and what to do named, exit 1, no stack trace', async () => {
		const notADir = write('x', 'plain-file');
		const target = `${notADir}/out.parquet`;
		await expect(runImport({ inputs: [fixture('gtd', 'gtd-sample.csv')], out: target })).rejects.toThrow(/cannot write .*plain-file.* \((ENOTDIR|EEXIST)\): a part of the path is a file, not a folder/);
		const r = cli([fixture('gtd', 'gtd-sample.csv'), '--out', target]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/import refused, .*out\.parquet left unchanged: cannot write .*plain-file/);
		expect(r.stderr).not.toContain('    at ');
	});
});

describe('14. impossible values', () => {
	it('a GTD year 2030 and an ACLED date in 2099 are rejected as in the future, with the reason, and counted', async () => {
		const gtd = readFileSync(fixture('gtd', 'gtd-sample.csv'), 'utf8').replace('202106159901,2021,6,15,', '202106159901,2030,6,15,');
		const g = await runImport({ inputs: [write(gtd)], out: out(), latestDate: '2026-12-07' });
		expect(g.rejectedByReason['date in the future']).toBe(1);
		expect(readFileSync(g.rejectsFile, 'utf8')).toContain('date in the future: event_date 2030-06-15 is after 2026-12-07');
		const a = await runImport({ inputs: [write(acledText.replace('02 June 2023', '02 June 2099'))], out: out() });
		expect(a.rejectedByReason['date in the future']).toBe(1);
	});

	it('UCDP best below low or above high: imported as UCDP wrote it, flagged and counted with the line', async () => {
		const text = readFileSync(fixture('ucdp', 'ucdp-ged-sample.csv'), 'utf8').replace(/,3,4,6\s*$/m, ',5,4,6');
		const target = out();
		const s = await runImport({ inputs: [write(text)], out: target });
		expect(s.flaggedByReason['inconsistent casualty range']).toBe(1);
		expect(s.files[0].flaggedSample).toEqual(['line 2: inconsistent casualty range: best 4 is below low 5']);
		expect((await readIncidents(target)).get('ucdp:990001')?.killed).toBe(4);
		expect(formatSummary(s)).toContain('flagged 1 (imported as the source wrote them): inconsistent casualty range');
	});
});

describe('15. every dataset the importers write builds', () => {
	it('a desk log with no attack type (a category null in every row) builds for the browser', async () => {
		const file = write('Date,Province,Dead\n2024-01-01,Homs,1\n2024-01-02,Hama,\n');
		const target = out();
		await runImport({ inputs: [file], out: target, map: { event_date: 'Date', admin1: 'Province', killed: 'Dead' } });
		const built = await buildArtifact({ input: target, output: `${tmp.dir}/desk.duckdb` });
		expect(built.rows).toBe(2);
	});
});
