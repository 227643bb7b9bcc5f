// xlsx and zip versions of the hand-written CSV fixtures, made in the test (never from real data, nothing
// committed): an xlsx written by exceljs with numbers as number cells, a minimal all-strings workbook, and zips
// holding one CSV, two CSVs, or an encrypted entry. Shared by the CLI/page comparison tests and the e2e test.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildZip, workbookParts } from './zip-builder';

const rowsOf = (csvPath: string): string[][] => parse(readFileSync(csvPath), { relax_column_count: true, bom: true }) as string[][];
const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/;

/** The CSV as an exceljs workbook: cells that read as plain numbers are number cells, the rest text. */
export async function xlsxOf(csvPath: string): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('Events');
	for (const row of rowsOf(csvPath)) sheet.addRow(row.map((v) => (NUMBER.test(v) && !/^0\d/.test(v) ? Number(v) : v)));
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV as a minimal workbook of shared strings (tests/import/zip-builder.ts). */
export const plainXlsxOf = (csvPath: string): Buffer => buildZip(workbookParts(rowsOf(csvPath)));

/** A zip holding the CSV (and `others`, e.g. a second CSV or a README). */
export const zipOf = (csvPath: string, others: { name: string; data: string }[] = []): Buffer =>
	buildZip([{ name: `data/${basename(csvPath)}`, data: readFileSync(csvPath) }, ...others]);

/** A zip whose one CSV is marked encrypted (general-purpose flag bit 0), as a password-protected zip is. */
export const encryptedZipOf = (csvPath: string): Buffer => buildZip([{ name: basename(csvPath), data: readFileSync(csvPath), flags: 0x1 }]);

/** A workbook whose workbook part lists no sheet. */
export const sheetlessXlsx = (): Buffer =>
	buildZip(
		workbookParts([['a']])
			.filter((p) => !p.name.startsWith('xl/worksheets/'))
			.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: String(p.data).replace(/<sheets>.*<\/sheets>/, '<sheets/>') } : p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: String(p.data).replace(/<Relationship Id="rId1"[^>]*\/>/, '') } : p))
	);

/** The first `keep` bytes of a file (a download cut short). */
export const truncated = (bytes: Buffer, keep = Math.floor(bytes.length * 0.6)): Buffer => bytes.subarray(0, keep);
