// ACLED fixtures (hand-written rows with ACLED's real headers) through the real import: exact fields, rejects,
// line numbers after a multi-line note, old UPPERCASE exports, inter2 as text.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/lib/data/schema';
import { runImport, type ImportSummary } from '../../scripts/lib/import-run';
import { fixture, readIncidents, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function importOne(name: string): Promise<{ summary: ImportSummary; rows: Map<string, Incident>; rejects: string[][] }> {
	const out = `${tmp.dir}/${name}.parquet`;
	const summary = await runImport({ inputs: [fixture('acled', name)], out });
	const rejects = parse(readFileSync(summary.rejectsFile, 'utf8')) as string[][];
	return { summary, rows: await readIncidents(out), rejects };
}

describe('ACLED export-tool file ("02 June 2023" dates)', async () => {
	const { summary, rows, rejects } = await importOne('acled-export.csv');

	it('maps every field of a Syrian battle', () => {
		expect(rows.get('acled:SYR990001')).toEqual({
			incident_id: 'acled:SYR990001',
			source_dataset: 'acled',
			source_record_id: 'SYR990001',
			event_date: '2023-06-02',
			date_precision: 'day',
			date_end: null,
			country_iso3: 'SYR',
			country: 'Syria',
			admin1: 'Deir-ez-Zor',
			admin1_pcode: 'SY09',
			admin2: 'Al Mayadin',
			admin2_pcode: 'SY0903',
			location: 'Al Mayadin',
			latitude: 35.0199,
			longitude: 40.4514,
			geo_precision: 'point',
			event_type: 'Battles',
			sub_event_type: 'Armed clash',
			attack_type: 'Armed Assault',
			target_type: 'Terrorists/Non-State Militia',
			perpetrator: 'Military Forces of Syria (2000-)',
			target_actor: 'Islamic State (Syria)',
			killed: 3,
			killed_low: null,
			killed_high: null,
			injured: null,
			summary: 'On 2 June 2023, invented clashes took place near a fictional checkpoint. 3 fatalities.',
			source_name: 'Local Monitor A',
			source_url: null,
			// ACLED's timestamp travels with the date: a newer export of the event replaces this row.
			raw_date: 'event_date=02 June 2023; timestamp=1700000000',
			raw_admin1: 'Deir ez Zor',
			raw_attack_type: 'sub_event_type=Armed clash',
			raw_target_type: 'inter2=2; civilian_targeting='
		});
	});

	it('keeps a multi-line note, week precision, civilian targeting and blank fatalities as null', () => {
		const r = rows.get('acled:SYR990002');
		expect(r).toMatchObject({
			event_date: '2023-05-15',
			date_precision: 'week',
			admin1: 'Idleb',
			admin1_pcode: 'SY07',
			geo_precision: 'near',
			attack_type: 'Bombing/Explosion',
			target_type: 'Private Citizens & Property',
			killed: null,
			summary: 'Invented note, first line.\nSecond line: shells hit a market. Casualties unknown.',
			raw_target_type: 'inter2=7; civilian_targeting=Civilian targeting'
		});
	});

	it('keeps an unrecognised Syrian admin1 verbatim with a null p-code, and counts it', () => {
		expect(rows.get('acled:SYR990003')).toMatchObject({
			admin1: 'Euphrates Region',
			admin1_pcode: null,
			raw_admin1: 'Euphrates Region',
			date_precision: 'month',
			geo_precision: 'admin2',
			target_type: 'Police',
			attack_type: 'Armed Assault',
			killed: 0
		});
		expect(summary.unrecognisedAdmin1).toEqual({ 'Euphrates Region': 1 });
	});

	it('normalises admin1 outside Syria and gives Unknown target / null attack for a protest', () => {
		expect(rows.get('acled:TUR990004')).toMatchObject({
			event_date: '2022-02-23',
			country_iso3: 'TUR',
			admin1: 'Sanliurfa',
			admin1_pcode: null,
			raw_admin1: 'SANLIURFA',
			target_type: 'Unknown',
			target_actor: null,
			attack_type: null,
			raw_target_type: 'inter2=0; civilian_targeting='
		});
	});

	it('rejects bad rows with the line each starts on (after a 2-line record) and a reason', () => {
		expect(rejects[0]).toEqual(['file', 'line', 'reason', 'raw']);
		const byLine = rejects.slice(1).map(([file, line, reason]) => [file.endsWith('acled-export.csv'), Number(line), reason]);
		expect(byLine).toEqual([
			[true, 7, 'invalid date: event_date "31 June 2023" is not a date'],
			[true, 8, 'invalid casualty figure: fatalities is negative (-2)'],
			[true, 9, 'invalid casualty figure: fatalities is not a whole number ("several")'],
			[true, 10, 'wrong number of fields: 8 fields, the header has 31'],
			[true, 11, 'missing id: event_id_cnty is blank'],
			// Counted as a duplicate, listed with the line of the first occurrence.
			[true, 12, 'duplicate incident_id: acled:SYR990001 (first seen at line 2)']
		]);
		// The raw column is the record's text as it stands in the file.
		const fileLines = readFileSync(fixture('acled', 'acled-export.csv'), 'utf8').split('\n');
		for (const [, line, , raw] of rejects.slice(1)) expect(raw).toBe(fileLines[Number(line) - 1]);
	});

	it('accounts for every row: the repeated id counts as a duplicate', () => {
		expect(summary).toMatchObject({ read: 10, imported: 4, rejected: 5, duplicates: 1 });
		expect(summary.rejectedByReason).toEqual({
			'invalid date': 1,
			'invalid casualty figure': 2,
			'wrong number of fields': 1,
			'missing id': 1
		});
		expect(rows.size).toBe(4);
		expect(rows.get('acled:SYR990001')?.summary).not.toContain('again');
	});
});

describe('ACLED API file with inter1/inter2 written as labels', async () => {
	const { summary, rows, rejects } = await importOne('acled-api-text-inter.csv');

	it('reads actor-type labels like codes', () => {
		expect(rows.get('acled:UKR990101')).toMatchObject({ event_date: '2022-03-10', target_type: 'Military', raw_target_type: 'inter2=State forces; civilian_targeting=' });
		expect(rows.get('acled:CIV990102')).toMatchObject({ target_type: 'Police', attack_type: null });
		expect(rows.get('acled:XKX990103')).toMatchObject({ target_type: 'Private Citizens & Property', killed: null });
		expect(rows.get('acled:SYR990105')).toMatchObject({ target_type: 'Private Citizens & Property', attack_type: 'Hostage Taking (Kidnapping)', admin1: "Dar'a", admin1_pcode: 'SY12' });
	});

	it('lets the actor2 name decide over the actor type (foreign military -> Military)', () => {
		expect(rows.get('acled:SYR990104')).toMatchObject({ target_type: 'Military', attack_type: 'Bombing/Explosion', admin1: 'Rural Damascus', admin1_pcode: 'SY03' });
	});

	it('resolves countries from ISO numeric codes, and Kosovo (iso 0) by name', () => {
		expect(rows.get('acled:CIV990102')).toMatchObject({ country_iso3: 'CIV', country: "Côte d'Ivoire" });
		expect(rows.get('acled:XKX990103')).toMatchObject({ country_iso3: 'XKX', country: 'Kosovo' });
		expect(rows.get('acled:UKR990101')).toMatchObject({ country_iso3: 'UKR', country: 'Ukraine' });
	});

	it('keeps a source that is a URL as source_url', () => {
		expect(rows.get('acled:CIV990102')?.source_url).toBe('https://example.org/invented-report');
		expect(rows.get('acled:UKR990101')?.source_url).toBeNull();
	});

	it('rejects an inter2 that is neither a code nor a label', () => {
		expect(summary).toMatchObject({ read: 6, imported: 5, rejected: 1, duplicates: 0 });
		expect(rejects[1].slice(1, 3)).toEqual(['7', 'invalid code value: inter2 = "Armed gang" is not an ACLED actor type']);
	});
});

describe('old ACLED export with UPPERCASE headers and "01-January-2015" dates', async () => {
	const { summary, rows, rejects } = await importOne('acled-old-uppercase.csv');

	it('maps the old columns by name, whatever their case', () => {
		expect(rows.get('acled:SYR99')).toMatchObject({
			event_date: '2015-01-01',
			date_precision: 'day',
			country_iso3: 'SYR',
			admin1: 'Aleppo',
			admin1_pcode: 'SY02',
			event_type: 'Battle-No change of territory',
			sub_event_type: null,
			attack_type: 'Armed Assault',
			raw_attack_type: 'event_type=Battle-No change of territory',
			target_type: 'Terrorists/Non-State Militia',
			killed: 4,
			raw_date: '01-January-2015'
		});
		expect(rows.get('acled:SYR100')).toMatchObject({ event_date: '2015-02-17', date_precision: 'week', attack_type: 'Bombing/Explosion', target_type: 'Private Citizens & Property' });
		expect(rows.get('acled:SYR102')).toMatchObject({ event_date: '2015-03-03', attack_type: null, target_type: 'Unknown', admin1: 'As-Sweida', admin1_pcode: 'SY13' });
	});

	it('rejects 29 February in a common year', () => {
		expect(summary).toMatchObject({ read: 4, imported: 3, rejected: 1 });
		expect(rejects[1].slice(1, 3)).toEqual(['4', 'invalid date: event_date "29-February-2015" is not a date']);
	});
});
