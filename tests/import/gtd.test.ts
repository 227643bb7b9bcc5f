// GTD fixture (hand-written rows under GTD's real 135-column header) as CSV and as an xlsx workbook built here
// from the same rows: exact fields, unknown month/day, provstate "Unknown", rejects with line numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/import-run';
import { fixture, readIncidents, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const csvFixture = fixture('gtd', 'gtd-sample.csv');

describe('GTD CSV', async () => {
	const out = `${tmp.dir}/gtd.parquet`;
	const summary = await runImport({ inputs: [csvFixture], out });
	const rows = await readIncidents(out);
	const rejects = parse(readFileSync(summary.rejectsFile, 'utf8')) as string[][];

	it('maps every field of a dated Syrian bombing', () => {
		expect(rows.get('gtd:202106159901')).toEqual({
			incident_id: 'gtd:202106159901',
			source_dataset: 'gtd',
			source_record_id: '202106159901',
			event_date: '2021-06-15',
			date_precision: 'day',
			date_end: null,
			country_iso3: 'SYR',
			country: 'Syria',
			admin1: 'Aleppo',
			admin1_pcode: 'SY02',
			admin2: null,
			admin2_pcode: null,
			location: 'Azaz',
			latitude: 36.586,
			longitude: 37.0443,
			geo_precision: 'town',
			event_type: null,
			sub_event_type: null,
			attack_type: 'Bombing/Explosion',
			target_type: 'Military',
			perpetrator: 'Unknown',
			target_actor: 'Checkpoint',
			killed: 2,
			killed_low: null,
			killed_high: null,
			injured: null,
			summary: '06/15/2021: An invented explosive device detonated near a checkpoint in Azaz, Aleppo, Syria.',
			source_name: '"Invented headline," Invented Wire, June 15, 2021.',
			source_url: null,
			raw_date: 'iyear=2021; imonth=6; iday=15',
			raw_admin1: 'Aleppo',
			raw_attack_type: 'attacktype1_txt=Bombing/Explosion',
			raw_target_type: 'targtype1_txt=Military'
		});
	});

	it('iday = 0: month precision, first of the month, approxdate kept in raw_date', () => {
		expect(rows.get('gtd:202105009901')).toMatchObject({
			event_date: '2021-05-01',
			date_precision: 'month',
			raw_date: 'iyear=2021; imonth=5; iday=0; approxdate=May 2021',
			admin1: 'Ar-Raqqa',
			admin1_pcode: 'SY11',
			raw_admin1: 'Raqqah',
			geo_precision: 'admin2',
			killed: null,
			injured: 0,
			summary: 'Invented: in May 2021, assailants kidnapped a local council member.\nThe date within May is unknown.',
			attack_type: 'Hostage Taking (Kidnapping)',
			target_type: 'Government (General)'
		});
	});

	it('imonth = 0: year precision on 1 January; provstate "Unknown" gives no admin1 and no p-code', () => {
		expect(rows.get('gtd:202100009901')).toMatchObject({
			event_date: '2021-01-01',
			date_precision: 'year',
			raw_date: 'iyear=2021; imonth=0; iday=0; approxdate=2021',
			admin1: null,
			admin1_pcode: null,
			raw_admin1: 'Unknown',
			latitude: null,
			longitude: null,
			geo_precision: 'country',
			attack_type: 'Unknown',
			target_type: 'Unknown',
			source_name: null
		});
	});

	it('outside Syria: country by name, admin1 as given, no p-code', () => {
		expect(rows.get('gtd:202103029901')).toMatchObject({ country_iso3: 'IRQ', country: 'Iraq', admin1: 'Nineveh', admin1_pcode: null, target_type: 'Police', injured: 3 });
	});

	it('accepts codebook labels in any case and counts an unrecognised Syrian province', () => {
		expect(rows.get('gtd:202104039901')).toMatchObject({ target_type: 'Private Citizens & Property', admin1: 'Jazira Region', admin1_pcode: null });
		expect(summary.unrecognisedAdmin1).toEqual({ 'Jazira Region': 1 });
	});

	it('rejects an impossible date, a non-codebook target type and a negative toll, with lines', () => {
		expect(rejects.slice(1).map((r) => r.slice(1, 3))).toEqual([
			['7', 'invalid date: 2021-2-30 is not a calendar date'],
			['8', 'unknown target type: targtype1_txt "Soldiers" is not a GTD target type'],
			['9', 'invalid casualty figure: nkill is negative (-9)']
		]);
		expect(summary).toMatchObject({ read: 8, imported: 5, rejected: 3, duplicates: 0 });
	});
});

/** Writes the fixture's rows to an xlsx sheet the way the official file stores them: numbers as numbers. */
async function fixtureAsXlsx(path: string): Promise<void> {
	const [header, ...records] = parse(readFileSync(csvFixture, 'utf8')) as string[][];
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Data');
	sheet.addRow(header);
	for (const rec of records) sheet.addRow(rec.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === '' ? null : v)));
	// A second sheet must be ignored: only the first worksheet holds events.
	book.addWorksheet('Notes').addRow(['eventid', 'not an event']);
	await book.xlsx.writeFile(path);
}

describe('GTD xlsx (streamed with exceljs)', async () => {
	const xlsx = `${tmp.dir}/gtd-sample.xlsx`;
	await fixtureAsXlsx(xlsx);
	const csvSummary = await runImport({ inputs: [csvFixture], out: `${tmp.dir}/gtd-csv.parquet` });
	const xlsxSummary = await runImport({ inputs: [xlsx], out: `${tmp.dir}/gtd-xlsx.parquet` });

	it('imports the same incidents as the CSV', async () => {
		const a = await readIncidents(`${tmp.dir}/gtd-csv.parquet`);
		const b = await readIncidents(`${tmp.dir}/gtd-xlsx.parquet`);
		expect(b.size).toBe(5);
		expect([...b.values()]).toEqual([...a.values()]);
	});

	it('reports the same counts and sheet row numbers as lines', () => {
		const pick = (s: typeof csvSummary) => ({ read: s.read, imported: s.imported, rejected: s.rejected, rejectedByReason: s.rejectedByReason, files: s.files.map((f) => f.format) });
		expect(pick(xlsxSummary)).toEqual(pick(csvSummary));
		// One row per record in a sheet: the multi-line summary (CSV lines 3-4) is row 3, so later rows shift by one.
		const rejects = parse(readFileSync(xlsxSummary.rejectsFile, 'utf8')) as string[][];
		expect(rejects.slice(1).map((r) => r[1])).toEqual(['6', '7', '8']);
		expect(rejects[1][3]).toMatch(/^202102309901,2021,2,30,/);
	});
});
