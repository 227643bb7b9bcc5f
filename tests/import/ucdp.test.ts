// UCDP GED fixture (hand-written rows under the real 41-column header): exact fields, blank adm_1 kept with a
// null p-code, precision from date_prec and the span, the target-type crosswalk, rejects.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/import-run';
import { fixture, readIncidents, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('UCDP GED', async () => {
	const out = `${tmp.dir}/ucdp.parquet`;
	const summary = await runImport({ inputs: [fixture('ucdp', 'ucdp-ged-sample.csv')], out });
	const rows = await readIncidents(out);
	const rejects = parse(readFileSync(summary.rejectsFile, 'utf8')) as string[][];

	it('maps every field of a state-based event', () => {
		expect(rows.get('ucdp:990001')).toEqual({
			incident_id: 'ucdp:990001',
			source_dataset: 'ucdp',
			source_record_id: '990001',
			event_date: '2017-03-04',
			date_precision: 'day',
			date_end: '2017-03-04',
			country_iso3: 'SYR',
			country: 'Syria',
			admin1: 'Homs',
			admin1_pcode: 'SY04',
			admin2: 'Ar Rastan district',
			admin2_pcode: 'SY0404',
			location: 'Invented village',
			latitude: 34.9,
			longitude: 36.7,
			geo_precision: 'point',
			event_type: 'State-based conflict',
			sub_event_type: null,
			attack_type: null,
			target_type: 'Terrorists/Non-State Militia',
			perpetrator: 'Government of Syria',
			target_actor: 'Syrian insurgents',
			killed: 4,
			killed_low: 3,
			killed_high: 6,
			injured: null,
			summary: 'Invented shelling near a village',
			source_name: 'Invented Monitor',
			source_url: null,
			raw_date: 'date_start=2017-03-04; date_end=2017-03-04; date_prec=1',
			raw_admin1: 'Homs Governorate',
			raw_attack_type: null,
			raw_target_type: 'type_of_violence=1; side_b=Syrian insurgents'
		});
	});

	it('keeps a row with blank adm_1: admin1 and p-code null; month-long span -> month', () => {
		expect(rows.get('ucdp:990002')).toMatchObject({
			admin1: null,
			admin1_pcode: null,
			raw_admin1: null,
			event_date: '2017-05-01',
			date_end: '2017-05-31',
			date_precision: 'month',
			geo_precision: 'country',
			event_type: 'Non-state conflict',
			killed: 12,
			// No headline: the article reference stands in, verbatim (UCDP wraps it in quotes).
			summary: '"Invented Wire,2017-06-02,Fighting somewhere in Syria during May"'
		});
		expect(summary.unrecognisedAdmin1).toEqual({});
		expect(summary.unrecognisedAdmin2).toEqual({});
	});

	it('one-sided violence -> Private Citizens & Property; UTF-8 punctuation survives', () => {
		expect(rows.get('ucdp:990003')).toMatchObject({
			event_type: 'One-sided violence',
			target_type: 'Private Citizens & Property',
			admin1: 'Ar-Raqqa',
			admin1_pcode: 'SY11',
			location: 'Ma’dan town',
			summary: 'Civilians killed in ‘invented’ raid near Ma’dan',
			geo_precision: 'near'
		});
	});

	it('side_b a government -> Military; a 3-day range -> week', () => {
		expect(rows.get('ucdp:990004')).toMatchObject({
			target_type: 'Military',
			date_precision: 'week',
			event_date: '2018-01-01',
			date_end: '2018-01-03',
			geo_precision: 'admin1',
			admin1: 'Quneitra',
			admin1_pcode: 'SY14',
			admin2: null
		});
	});

	it('rejects an end before the start, text deaths and an unknown violence type', () => {
		expect(rejects.slice(1).map((r) => r.slice(1, 3))).toEqual([
			['6', 'invalid date: date_end 2018-03-04 is before date_start 2018-03-05'],
			['7', 'invalid casualty figure: best is not a whole number ("abc")'],
			['8', 'invalid code value: type_of_violence = "4" is not one of 1, 2, 3']
		]);
		expect(summary).toMatchObject({ read: 7, imported: 4, rejected: 3, duplicates: 0 });
	});
});
