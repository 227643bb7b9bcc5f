// The page's import (src/lib/workspace/local-import.ts, run in a worker in the browser) gives the CLI's rows,
// rejects and summary for the hand-written ACLED, GTD and UCDP fixtures; its CSV reads back into DuckDB with the
// same values; and the same artifact SQL builds over it.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { nodeSqlRunner } from '../../scripts/lib/artifact-build';
import { runImport } from '../../scripts/lib/import-run';
import { buildArtifactTables } from '../../src/lib/query/artifact-sql';
import { addLocalRows, importLocalFile } from '../../src/lib/workspace/local-import';
import { localCsvSource } from '../../src/lib/workspace/local-sql';
import { fixture, readIncidents, tempDir } from '../import/helpers';

const LATEST = '2024-12-31';
const FIXTURES = ['acled/acled-export.csv', 'acled/acled-api-text-inter.csv', 'acled/acled-old-uppercase.csv', 'gtd/gtd-sample.csv', 'ucdp/ucdp-ged-sample.csv', 'hostile/bad-rows.csv'];
const COUNT_KEYS = ['read', 'imported', 'rejected', 'duplicates', 'duplicatesInInput', 'updated', 'rejectedByReason', 'unrecognisedAdmin1', 'unrecognisedAdmin2', 'unrecognisedCountry', 'flaggedByReason', 'format', 'encoding', 'delimiter', 'warnings'] as const;

const fileOf = (path: string) => new File([readFileSync(path)], basename(path));

async function csvRows(text: string): Promise<Record<string, unknown>[]> {
	const { dir, cleanup } = tempDir('rasd-local-');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const path = join(dir, 'local.csv');
		(await import('node:fs')).writeFileSync(path, text);
		const reader = await conn.runAndReadAll(
			`SELECT * REPLACE (CAST(event_date AS VARCHAR) AS event_date, CAST(date_end AS VARCHAR) AS date_end) FROM ${localCsvSource(path)} ORDER BY incident_id`
		);
		return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
	} finally {
		conn.closeSync();
		instance.closeSync();
		cleanup();
	}
}

describe('the page import equals the CLI import', () => {
	for (const name of FIXTURES) {
		it(name, async () => {
			const path = fixture(...name.split('/'));
			const { dir, cleanup } = tempDir();
			try {
				const out = join(dir, 'out.parquet');
				const cli = await runImport({ inputs: [path], out, latestDate: LATEST });
				const local = await importLocalFile(fileOf(path), '', { latestDate: LATEST });
				const pick = (s: object) => Object.fromEntries(COUNT_KEYS.map((k) => [k, JSON.parse(JSON.stringify((s as Record<string, unknown>)[k] ?? null))]));
				expect(pick(local.summary)).toEqual(pick(cli.files[0]));
				// Rejects: the same lines, reasons and raw text (the file column names the file as each was given).
				const strip = (rows: string[][]) => rows.map(([, ...rest]) => rest);
				expect(strip(parse(local.rejectsCsv) as string[][])).toEqual(strip(parse(readFileSync(cli.rejectsFile, 'utf8')) as string[][]));
				// Rows: the CLI's Parquet and the page's CSV read by DuckDB hold the same values.
				const expected = [...(await readIncidents(out)).values()];
				const got = await csvRows(await local.blob.text());
				expect(got).toEqual(expected.map((r) => ({ ...r })));
				expect(local.rows).toBe(cli.outputRows);
				expect(local.fingerprint).toMatch(/^[0-9a-f]{16}$/);
			} finally {
				cleanup();
			}
		});
	}

	it('a second import into the same local dataset counts duplicates as the CLI does, and the same artifact SQL builds over it', async () => {
		const path = fixture('acled', 'acled-export.csv');
		const first = await importLocalFile(fileOf(path), '', { latestDate: LATEST });
		const again = await importLocalFile(fileOf(path), await first.blob.text(), { latestDate: LATEST });
		const { dir: cliDir, cleanup: cliCleanup } = tempDir();
		try {
			const out = join(cliDir, 'out.parquet');
			await runImport({ inputs: [path], out, latestDate: LATEST });
			const cli = await runImport({ inputs: [path], out, latestDate: LATEST });
			expect(again.summary).toMatchObject({ read: cli.read, imported: 0, duplicates: cli.duplicates, duplicatesInInput: cli.duplicatesInInput, updated: cli.updated });
		} finally {
			cliCleanup();
		}
		expect(again.fingerprint).toBe(first.fingerprint);
		const gtd = await importLocalFile(fileOf(fixture('gtd', 'gtd-sample.csv')), await again.blob.text(), { latestDate: LATEST });
		expect(gtd.rows).toBe(first.rows + gtd.summary.imported);
		const { dir, cleanup } = tempDir('rasd-local-');
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const csv = join(dir, 'local.csv');
			(await import('node:fs')).writeFileSync(csv, await gtd.blob.text());
			const rows = await buildArtifactTables(nodeSqlRunner(conn), { source: localCsvSource(csv), label: 'the local dataset', sourceSha256: gtd.fingerprint, builtAt: 'now' });
			expect(rows).toBe(gtd.rows);
			const n = (await conn.runAndReadAll('SELECT sum(n) FROM incidents_month')).getRowsJS()[0][0];
			expect(Number(n)).toBe(gtd.rows);
		} finally {
			conn.closeSync();
			instance.closeSync();
			cleanup();
		}
	});

	it('saved drafts are added once', async () => {
		const first = await importLocalFile(fileOf(fixture('ucdp', 'ucdp-ged-sample.csv')), '', { latestDate: LATEST });
		const rows = await csvRows(await first.blob.text());
		const row = { ...rows[0], incident_id: 'manual:x-1', source_dataset: 'manual', source_record_id: 'x-1' } as never;
		const added = await addLocalRows(await first.blob.text(), [row, row]);
		expect(added).toMatchObject({ added: 1, duplicates: 1, rows: first.rows + 1 });
	});
});

describe('the local dataset line writer', () => {
	it('incidentLine writes what csvLine writes of the schema columns, for any values', async () => {
		const fc = (await import('fast-check')).default;
		const { csvLine } = await import('../../src/lib/export/csv');
		const { INCIDENT_COLUMN_NAMES } = await import('../../src/lib/data/schema');
		const { incidentLine } = await import('../../src/lib/workspace/local-import');
		const value = fc.oneof(fc.constant(null), fc.string(), fc.constantFrom(' x', 'a,b', 'say "hi"', 'two\nlines', '=1+1', '-3', ''), fc.integer(), fc.double({ noNaN: true }));
		fc.assert(
			fc.property(fc.array(value, { minLength: INCIDENT_COLUMN_NAMES.length, maxLength: INCIDENT_COLUMN_NAMES.length }), (values) => {
				const row = Object.fromEntries(INCIDENT_COLUMN_NAMES.map((c, i) => [c, values[i]]));
				expect(incidentLine(row as never)).toBe(csvLine(values as never));
			})
		);
	});
});

describe('xlsx and zip files in the page import equal the CLI import of the same files', () => {
	const compare = async (name: string, bytes: Buffer) => {
		const { dir, cleanup } = tempDir('rasd-xz-');
		try {
			const path = join(dir, name);
			(await import('node:fs')).writeFileSync(path, bytes);
			const out = join(dir, 'out.parquet');
			const cli = await runImport({ inputs: [path], out, latestDate: LATEST });
			const local = await importLocalFile(fileOf(path), '', { latestDate: LATEST });
			const pick = (s: object) => Object.fromEntries(COUNT_KEYS.map((k) => [k, JSON.parse(JSON.stringify((s as Record<string, unknown>)[k] ?? null))]));
			expect(pick(local.summary)).toEqual(pick(cli.files[0]));
			expect(parse(local.rejectsCsv)).toEqual(parse(readFileSync(cli.rejectsFile, 'utf8')).map((r: string[], i: number) => (i ? [name, ...r.slice(1)] : r)));
			const expected = [...(await readIncidents(out)).values()];
			expect(await csvRows(await local.blob.text())).toEqual(expected.map((r) => ({ ...r })));
			expect(local.rows).toBe(cli.outputRows);
			return { cli, local };
		} finally {
			cleanup();
		}
	};
	const refusals = async (name: string, bytes: Buffer) => {
		const { dir, cleanup } = tempDir('rasd-xz-');
		try {
			const path = join(dir, name);
			(await import('node:fs')).writeFileSync(path, bytes);
			const cli = await runImport({ inputs: [path], out: join(dir, 'out.parquet'), latestDate: LATEST }).then(
				() => 'imported',
				(e: Error) => e.message
			);
			const page = await importLocalFile(fileOf(path), '', { latestDate: LATEST }).then(
				() => 'imported',
				(e: Error) => e.message
			);
			return { cli: cli.replace(path, name), page };
		} finally {
			cleanup();
		}
	};

	for (const f of FIXTURES) {
		it(`${f} as an xlsx written by exceljs, as a minimal workbook and in a zip`, async () => {
			const { xlsxOf, plainXlsxOf, zipOf } = await import('../import/table-fixtures');
			const path = fixture(...f.split('/'));
			const stem = basename(path, '.csv');
			const { local } = await compare(`${stem}.xlsx`, await xlsxOf(path));
			expect(local.summary.encoding).toBe('xlsx');
			expect(local.summary.read).toBeGreaterThan(0);
			await compare(`${stem}-plain.xlsx`, plainXlsxOf(path));
			const zipped = await compare(`${stem}.zip`, zipOf(path, [{ name: 'README.md', data: 'not a table' }]));
			// The zip's CSV gives the rows of the CSV itself.
			const plain = await importLocalFile(fileOf(path), '', { latestDate: LATEST });
			expect(await zipped.local.blob.text()).toBe(await plain.blob.text());
		});
	}

	it('a zip with two CSVs, an encrypted zip, a cut-short zip and xlsx, an xlsx without a sheet: the CLI’s refusal, word for word', async () => {
		const t = await import('../import/table-fixtures');
		const acled = fixture('acled', 'acled-export.csv');
		const cases: [string, Buffer, RegExp][] = [
			['two.zip', t.zipOf(acled, [{ name: 'data/other.csv', data: 'a,b\n1,2\n' }]), /is a zip archive with 2 tables \(data\/acled-export.csv, data\/other.csv\): extract the one to import/],
			['locked.zip', t.encryptedZipOf(acled), /acled-export.csv is encrypted in the zip/],
			['cut.zip', t.truncated(t.zipOf(acled)), /is not a readable zip archive \(no zip central directory/],
			['cut.xlsx', t.truncated(await t.xlsxOf(acled)), /is not a readable xlsx workbook \(no zip central directory/],
			['empty.xlsx', t.sheetlessXlsx(), /has no worksheet/],
			['text.xlsx', readFileSync(acled), /is not an xlsx workbook: not a zip archive/]
		];
		for (const [name, bytes, pattern] of cases) {
			const { cli, page } = await refusals(name, bytes);
			expect(page, name).toMatch(pattern);
			expect(page, name).toMatch(new RegExp(`^${name}: `));
			expect(page, name).toBe(cli);
		}
	});
});
