// Plain CSV: an analyst's sheet through --map, a schema-named CSV with no map, date orders, codebook labels.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMapSpec } from '../../src/lib/import/csv';
import { runImport } from '../../scripts/lib/import-run';
import { fixture, readIncidents, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const sheet = fixture('csv', 'analyst-sheet.csv');
const map = parseMapSpec(
	'source_record_id=Report ID,event_date=Date,country=Country,admin1=Province,location=City,perpetrator=Perpetrator,' +
		'target_actor=Target,target_type=Target type,attack_type=Attack,killed=Fatalities,injured=Wounded,summary=Notes,source_url=Link'
);

describe('--map onto an analyst spreadsheet', async () => {
	const out = `${tmp.dir}/sheet.parquet`;
	const summary = await runImport({ inputs: [sheet], out, map });
	const rows = await readIncidents(out);
	const rejects = parse(readFileSync(summary.rejectsFile, 'utf8')) as string[][];

	it('maps every field of a row and writes codebook spellings', () => {
		expect(rows.get('csv:R-1')).toEqual({
			incident_id: 'csv:R-1',
			source_dataset: 'csv',
			source_record_id: 'R-1',
			event_date: '2023-06-02',
			date_precision: 'day',
			date_end: null,
			country_iso3: 'SYR',
			country: 'Syria',
			admin1: 'Idleb',
			admin1_pcode: 'SY07',
			admin2: null,
			admin2_pcode: null,
			location: 'Invented Town',
			latitude: null,
			longitude: null,
			geo_precision: null,
			event_type: null,
			sub_event_type: null,
			attack_type: 'Bombing/Explosion',
			target_type: 'Military',
			perpetrator: 'Invented Faction',
			target_actor: 'Army post',
			killed: 2,
			killed_low: null,
			killed_high: null,
			injured: 5,
			summary: 'Invented report one.',
			source_name: null,
			source_url: 'https://example.org/reports/1',
			raw_date: '2023-06-02',
			raw_admin1: 'Idlib',
			raw_attack_type: 'Attack=bombing/explosion',
			raw_target_type: 'Target type=military'
		});
	});

	it('reads "02 June 2023" and "01-January-2015"; blank casualties stay null; only http(s) links are kept', () => {
		expect(rows.get('csv:R-2')).toMatchObject({ event_date: '2023-06-02', killed: null, injured: null, source_url: null, admin1: 'Raqqa Plain', admin1_pcode: null });
		expect(rows.get('csv:R-3')).toMatchObject({ event_date: '2015-01-01', country_iso3: 'IRQ', admin1: 'Nineveh', attack_type: null, killed: 0, injured: 1 });
		expect(summary.unrecognisedAdmin1).toEqual({ 'Raqqa Plain': 1 });
	});

	it('rejects ambiguous dates (naming the option), non-codebook labels, a blank id and a blank date', () => {
		expect(rejects.slice(1).map((r) => r.slice(1, 3))).toEqual([
			['5', 'ambiguous date (pass --date-format dmy or mdy): Date "03/04/2023" could be day/month or month/day'],
			['6', 'unknown target type: Target type "Soldiers" is not a GTD target type'],
			['7', 'unknown attack type: Attack "Drive-by" is not a GTD attack type'],
			['8', 'missing id: Report ID is blank'],
			['9', 'missing date: Date is blank']
		]);
		expect(summary).toMatchObject({ read: 8, imported: 3, rejected: 5, duplicates: 0 });
	});

	it('reads dd/mm/yyyy with --date-format dmy and mm/dd/yyyy with mdy', async () => {
		const dmy = await runImport({ inputs: [sheet], out: `${tmp.dir}/dmy.parquet`, map, dateOrder: 'dmy' });
		const mdy = await runImport({ inputs: [sheet], out: `${tmp.dir}/mdy.parquet`, map, dateOrder: 'mdy' });
		expect(dmy.rejectedByReason['ambiguous date (pass --date-format dmy or mdy)']).toBeUndefined();
		expect((await readIncidents(`${tmp.dir}/dmy.parquet`)).get('csv:R-4')?.event_date).toBe('2023-04-03');
		expect((await readIncidents(`${tmp.dir}/mdy.parquet`)).get('csv:R-4')?.event_date).toBe('2023-03-04');
		expect(mdy.imported).toBe(4);
	});

	it('refuses a --map column the file does not have, and leaves no output', async () => {
		const bad = { ...map, location: 'Town' };
		await expect(runImport({ inputs: [sheet], out: `${tmp.dir}/bad.parquet`, map: bad })).rejects.toThrow(/--map location=Town: the file has no column "Town"/);
		expect(existsSync(`${tmp.dir}/bad.parquet`)).toBe(false);
		expect(existsSync(`${tmp.dir}/bad.parquet.rejects.csv`)).toBe(false);
	});
});

describe('a CSV already in the schema (no --map), as --source manual', async () => {
	const file = fixture('csv', 'schema-named.csv');
	const out = `${tmp.dir}/manual.parquet`;
	const summary = await runImport({ inputs: [file], out, source: 'manual' });
	const rows = await readIncidents(out);

	// Without an id column the id is a digest of the row's content (see tests/import/issue10.test.ts).
	const byLocation = new Map([...rows.values()].map((r) => [r.event_date + r.date_precision, r]));

	it('is detected, maps by column name and ids rows by a digest of their content', () => {
		expect(summary.files[0].format).toBe('csv');
		expect(rows.size).toBe(3);
		for (const id of rows.keys()) expect(id).toMatch(/^manual:row-[0-9a-f]{16}$/);
		expect(summary.files[0].generatedIds).toBe(3);
		expect(rows.get([...rows.keys()].find((k) => rows.get(k)?.admin1 === "Dar'a") ?? '')).toMatchObject({
			source_dataset: 'manual',
			admin1: "Dar'a",
			admin1_pcode: 'SY12',
			target_type: 'Police',
			attack_type: 'Assassination',
			source_url: 'http://example.org/a'
		});
	});

	it('takes YYYY-MM as month precision and YYYY as year precision; blank target type is Unknown', () => {
		expect(byLocation.get('2024-01-01month')).toMatchObject({ event_date: '2024-01-01', date_precision: 'month', target_type: 'Maritime', attack_type: null, killed: null });
		expect(byLocation.get('2024-01-01year')).toMatchObject({
			event_date: '2024-01-01',
			date_precision: 'year',
			country_iso3: 'LBN',
			admin1: 'South Lebanon',
			target_type: 'Unknown',
			raw_target_type: null,
			attack_type: 'Unknown'
		});
	});
});

describe('a file with every schema column (hand-coded incidents, an exported file)', async () => {
	const file = fixture('csv', 'schema-full.csv');
	const out = `${tmp.dir}/full.parquet`;
	const summary = await runImport({ inputs: [file], out });

	it('round-trips: every column of every accepted row comes back as written', async () => {
		const [header, ...records] = parse(readFileSync(file, 'utf8')) as string[][];
		const rows = await readIncidents(out);
		expect(rows.size).toBe(2);
		for (const rec of records.slice(0, 2)) {
			const written = Object.fromEntries(header.map((h, i) => [h, rec[i] === '' ? null : rec[i]]));
			const stored = rows.get(written.incident_id as string) as unknown as Record<string, unknown>;
			const asText = Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v === null ? null : String(v)]));
			expect(asText).toEqual(written);
		}
	});

	it('rejects an incident_id that does not match source_dataset:source_record_id, and a contradicting --source', async () => {
		const rejects = parse(readFileSync(summary.rejectsFile, 'utf8')) as string[][];
		expect(rejects.slice(1).map((r) => r.slice(1, 3))).toEqual([['4', 'invalid code value: incident_id "manual:desk-0003" is not "manual:desk-0099"']]);
		const csvSource = await runImport({ inputs: [file], out: `${tmp.dir}/full-csv.parquet`, source: 'csv' });
		expect(csvSource).toMatchObject({ read: 3, imported: 0, rejected: 3 });
		expect(csvSource.rejectedByReason).toEqual({ 'invalid code value': 3 });
	});
});

describe('parseMapSpec', () => {
	it('reads field=Column pairs, with id as a name for source_record_id', () => {
		expect(parseMapSpec('id=Ref, event_date = Date of event ,killed=Dead')).toEqual({ source_record_id: 'Ref', event_date: 'Date of event', killed: 'Dead' });
	});
	it('refuses unknown or derived fields, repeats and malformed entries', () => {
		expect(() => parseMapSpec('incident_id=X')).toThrow(/not a field that can be mapped/);
		expect(() => parseMapSpec('admin1_pcode=X')).toThrow(/not a field that can be mapped/);
		expect(() => parseMapSpec('killed=A,killed=B')).toThrow(/mapped twice/);
		expect(() => parseMapSpec('killed')).toThrow(/not field=Column/);
	});
});
