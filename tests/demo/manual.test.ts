import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { checkManualCsv, manualCsvFiles, parseCsvRecords, readManualIncidents, validateManualRecord } from '../../scripts/lib/manual-incidents';

const MANUAL_DIR = join(import.meta.dirname, '../../data/manual');

describe('data/manual', () => {
	it('every CSV has exactly the schema header and validates', () => {
		const files = manualCsvFiles(MANUAL_DIR);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const firstLine = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0];
			expect(firstLine).toBe(INCIDENT_COLUMN_NAMES.join(','));
			expect(checkManualCsv(file).length).toBeGreaterThan(0);
		}
	});

	it('holds the SY24 Raqqa Military Council attack as coded (read by DuckDB with the schema types)', async () => {
		const { incidents } = await readManualIncidents(MANUAL_DIR);
		const attack = incidents.find((r) => r.incident_id === 'manual:sy24-raqqa-military-council-hq-attack');
		expect(attack).toMatchObject({
			source_dataset: 'manual',
			source_record_id: 'sy24-raqqa-military-council-hq-attack',
			// The report is undated: a Wednesday in 2024 is all it tells.
			event_date: '2024-01-01',
			date_precision: 'year',
			date_end: '2024-12-31',
			country_iso3: 'SYR',
			admin1: 'Ar-Raqqa',
			admin1_pcode: 'SY11',
			admin2_pcode: 'SY1101',
			geo_precision: 'town',
			attack_type: 'Armed Assault',
			target_type: 'Military',
			perpetrator: 'ISIS cells (suspected)',
			target_actor: 'Raqqa Military Council (SDF)',
			killed: 2,
			injured: 1,
			source_name: 'SY24',
			source_url: null
		});
		expect(attack!.location).toContain('الدرعية');
		expect(attack!.latitude).toBeCloseTo(35.95, 1);
		expect(attack!.longitude).toBeCloseTo(39.01, 1);
		// Arabic summary first, then the English one.
		expect(attack!.summary).toMatch(/^[\u0600-\u06FF]/);
		expect(attack!.summary).toContain('حي الدرعية');
		expect(attack!.summary).toContain('| English: ');
		expect(attack!.raw_date).toContain('أمس الأربعاء');
		expect(attack!.raw_date).toContain('2023');

		const raid = incidents.find((r) => r.incident_id === 'manual:sy24-raqqa-isis-finance-official-killed');
		expect(raid).toMatchObject({
			date_precision: 'year', admin1_pcode: 'SY11', target_type: 'Terrorists/Non-State Militia',
			perpetrator: 'US-led coalition and SDF', killed: 1, injured: null, source_name: 'SY24', source_url: null
		});
		expect(raid!.raw_date).toContain('قبل أيام');
	});
});

describe('parseCsvRecords', () => {
	it('reports the line each record starts on, across quoted line breaks and CRLF', () => {
		const text = 'a,b\r\n1,"x\ny"\r\n"2","say ""hi"""\n\n3,\n';
		expect(parseCsvRecords(text)).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', 'x\ny'] },
			{ line: 4, fields: ['2', 'say "hi"'] },
			{ line: 6, fields: ['3', ''] }
		]);
	});

	it('refuses an unterminated quote', () => {
		expect(() => parseCsvRecords('a\n"open\n')).toThrow(/line 2: unterminated/);
	});
});

describe('validateManualRecord', () => {
	const good: Record<string, string> = Object.fromEntries(INCIDENT_COLUMN_NAMES.map((c) => [c, '']));
	Object.assign(good, {
		incident_id: 'manual:x-1', source_dataset: 'manual', source_record_id: 'x-1', event_date: '2024-03-01',
		date_precision: 'month', date_end: '2024-03-31', country_iso3: 'SYR', country: 'Syria', admin1: 'Raqqa',
		admin1_pcode: 'SY11', latitude: '35.9', longitude: '39', geo_precision: 'town', attack_type: 'Armed Assault',
		target_type: 'Military', killed: '0', injured: '', source_name: 'Someone'
	});

	it('accepts a good record (admin1 in any known spelling of its p-code)', () => {
		expect(validateManualRecord(good)).toEqual([]);
		expect(validateManualRecord({ ...good, admin2: 'Tall Abyad', admin2_pcode: 'SY1102', killed_low: '0', killed_high: '3' })).toEqual([]);
	});

	it.each([
		[{ admin1_pcode: 'SY15' }, /admin1_pcode must be an OCHA p-code/],
		[{ admin1_pcode: 'SY09' }, /admin1 does not name the governorate of p-code SY09/],
		[{ admin1_pcode: '' }, /admin1_pcode is required/],
		[{ attack_type: 'Shooting' }, /attack_type must be a GTD attack type/],
		[{ target_type: 'military' }, /target_type must be a GTD target type/],
		[{ target_type: '' }, /target_type is required/],
		[{ killed: '-1' }, /killed must be a whole number >= 0/],
		[{ injured: '2.5' }, /injured must be a whole number >= 0/],
		[{ event_date: '2024-02-30', date_precision: 'day' }, /event_date must be a real date/],
		[{ event_date: '2024-03-05' }, /first of the month/],
		[{ date_precision: 'decade' }, /date_precision must be one of/],
		[{ date_end: '2024-02-01' }, /date_end must not be before/],
		[{ geo_precision: 'city' }, /geo_precision must be one of/],
		[{ latitude: '' }, /both be given/],
		[{ incident_id: 'manual:other' }, /incident_id must be "manual:" \+ source_record_id/],
		[{ source_dataset: 'acled' }, /source_dataset must be 'manual'/],
		[{ source_url: 'javascript:alert(1)' }, /source_url must be an http\(s\) URL/],
		[{ admin2: 'Tell Abiad', admin2_pcode: 'SY1199' }, /admin2_pcode must be an OCHA district p-code/],
		[{ admin2: 'Duma', admin2_pcode: 'SY0302' }, /admin2_pcode is a district of SY03, not of admin1_pcode "SY11"/],
		[{ admin2: 'Tell Abiad', admin2_pcode: 'SY1101' }, /admin2 does not name the district of p-code SY1101/],
		[{ admin2: 'Tell Abiad' }, /admin2_pcode is required for the Syrian district Tell Abiad/],
		[{ killed: '4', killed_low: '5' }, /killed must lie between killed_low and killed_high/],
		[{ killed_low: '5', killed_high: '2', killed: '' }, /killed_low must not exceed killed_high 2/]
	])('rejects %o', (change, message) => {
		expect(validateManualRecord({ ...good, ...change }).join('\n')).toMatch(message);
	});
});
