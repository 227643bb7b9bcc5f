// The XLSX export read back with exceljs: both sheets, real dates and numbers, Arabic and formula-like text intact
// as text, the "about" sheet's row count equal to the rows exported, cells over Excel's limit cut and counted.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/lib/query/columns';
import type { QueryResult } from '../../src/lib/query/engine';
import { incidentWorkbook, XLSX_CELL_LIMIT } from '../../src/lib/export/xlsx';

function result(rows: Record<string, string | number | null | undefined>[]): QueryResult {
	return {
		names: [...EXPORT_COLUMNS],
		columns: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, rows.map((r) => r[c] ?? null)])),
		rowCount: rows.length
	};
}

const ABOUT = { lines: ['Rasd view, made 7 Dec 2026.', 'Link: https://rasd.example/?province=SY11'], labels: { rows: 'Rows exported', sha256: 'Data file sha256', cut: 'Cells cut' }, sha256: 'ab'.repeat(32) };

async function readBack(bytes: ArrayBuffer) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes);
	return wb;
}

describe('XLSX export', () => {
	it('writes typed cells and an about sheet whose row count is the rows exported', async () => {
		const rows = [
			{ incident_id: 'ucdp:1', source_dataset: 'ucdp', event_date: '2024-06-05', date_end: '2024-06-06', killed: 12, killed_low: 10, killed_high: 15, latitude: 35.95, summary: 'هجوم على مقر عسكري في الرقة', perpetrator: '=HYPERLINK("http://evil","x")' },
			{ incident_id: 'synthetic:2', source_dataset: 'synthetic', event_date: '2023-01-31', killed: null, summary: '+1 -2 @x', perpetrator: 'IS' }
		];
		const { bytes, figures } = await incidentWorkbook(ExcelJS, result(rows), EXPORT_COLUMNS, ABOUT);
		expect(figures).toEqual({ rows: 2, cut: 0 });
		const wb = await readBack(bytes);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['incidents', 'about']);
		const sheet = wb.getWorksheet('incidents')!;
		expect(sheet.rowCount).toBe(3);
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([...EXPORT_COLUMNS]);
		const cell = (r: number, name: string) => sheet.getRow(r).getCell(EXPORT_COLUMNS.indexOf(name) + 1);
		expect(cell(2, 'event_date').value).toEqual(new Date(Date.UTC(2024, 5, 5)));
		expect(cell(2, 'event_date').numFmt).toBe('yyyy-mm-dd');
		expect(cell(2, 'killed').value).toBe(12);
		expect(cell(2, 'killed_low').value).toBe(10);
		expect(cell(2, 'latitude').value).toBe(35.95);
		expect(cell(2, 'summary').value).toBe('هجوم على مقر عسكري في الرقة');
		// Formula-like text stays a text cell: no formula is written.
		expect(cell(2, 'perpetrator').type).toBe(ExcelJS.ValueType.String);
		expect(cell(2, 'perpetrator').value).toBe('=HYPERLINK("http://evil","x")');
		expect(cell(3, 'summary').value).toBe('+1 -2 @x');
		expect(cell(3, 'killed').value).toBe(null);
		const about = wb.getWorksheet('about')!;
		const lines = about.getColumn(1).values.slice(1);
		expect(lines.slice(0, 2)).toEqual(ABOUT.lines);
		const rowsLine = about.getRows(1, about.rowCount)!.find((r) => r.getCell(1).value === 'Rows exported')!;
		expect(rowsLine.getCell(2).value).toBe(sheet.rowCount - 1);
		expect(JSON.stringify(about.getSheetValues())).toContain('ab'.repeat(32));
	});

	it("cuts a cell longer than Excel's limit and says how many were cut", async () => {
		const long = 'x'.repeat(100_000);
		const { bytes, figures } = await incidentWorkbook(ExcelJS, result([{ incident_id: 'csv:1', summary: long }]), EXPORT_COLUMNS, ABOUT);
		expect(figures.cut).toBe(1);
		const wb = await readBack(bytes);
		const v = wb.getWorksheet('incidents')!.getRow(2).getCell(EXPORT_COLUMNS.indexOf('summary') + 1).value as string;
		expect(v.length).toBe(XLSX_CELL_LIMIT);
		expect(JSON.stringify(wb.getWorksheet('about')!.getSheetValues())).toContain('Cells cut');
	});

	it('writes 20,000 rows (time printed)', async () => {
		const n = 20_000;
		const rows = Array.from({ length: n }, (_, i) => ({
			incident_id: `synthetic:${i}`, source_dataset: 'synthetic', source_record_id: String(i), event_date: '2023-05-01', date_precision: 'day',
			country_iso3: 'SYR', country: 'Syria', admin1: 'Aleppo', admin1_pcode: 'SY02', target_type: 'Military', perpetrator: 'ISIS', killed: i % 7,
			summary: '[Synthetic] IED explosion targeting members of US-led coalition near Ma\'dan, Ar-Raqqa, attributed to ISIS.', source_name: 'Demo wire'
		}));
		const t0 = performance.now();
		const { bytes } = await incidentWorkbook(ExcelJS, result(rows), EXPORT_COLUMNS, ABOUT);
		const ms = performance.now() - t0;
		console.log(`xlsx: ${n} rows in ${Math.round(ms)} ms, ${(bytes.byteLength / 1e6).toFixed(1)} MB`);
		expect(bytes.byteLength).toBeGreaterThan(5e5);
	}, 240_000);
});
