import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
	SYRIA_GOVERNORATES,
	governorateByPcode,
	lookupSyriaGovernorate,
	normaliseAdmin1Text
} from '../../src/lib/data/gazetteer';

const crosswalk = resolve(__dirname, '../../../shared/data/real/boundaries/syria_admin1_crosswalk.csv');
const haveCrosswalk = existsSync(crosswalk);
if (!haveCrosswalk) console.warn(`skipping crosswalk checks: ${crosswalk} is absent`);

describe('Syria gazetteer', () => {
	it('has the 14 OCHA p-codes once each, with Arabic names', () => {
		expect(SYRIA_GOVERNORATES.map((g) => g.pcode)).toEqual(
			Array.from({ length: 14 }, (_, i) => `SY${String(i + 1).padStart(2, '0')}`)
		);
		for (const g of SYRIA_GOVERNORATES) expect(g.ar).toMatch(/^[\u0600-\u06FF ]+$/);
	});

	it('resolves spellings from every source to the same p-code', () => {
		expect(lookupSyriaGovernorate('Ar Raqqah Governorate')?.pcode).toBe('SY11');
		expect(lookupSyriaGovernorate('Raqqah')?.pcode).toBe('SY11');
		expect(lookupSyriaGovernorate('AR RAQQA')?.pcode).toBe('SY11');
		expect(lookupSyriaGovernorate('الرقة')?.pcode).toBe('SY11');
		expect(lookupSyriaGovernorate('Dar`a')?.pcode).toBe('SY12');
		expect(lookupSyriaGovernorate("Dar'a")?.pcode).toBe('SY12');
		expect(lookupSyriaGovernorate('  deir   ez-zor ')?.pcode).toBe('SY09');
	});

	it('never guesses: unknown or empty names give null', () => {
		expect(lookupSyriaGovernorate('Raqqa Province East')).toBeNull();
		expect(lookupSyriaGovernorate('')).toBeNull();
		expect(lookupSyriaGovernorate(null)).toBeNull();
		// FIPS codes run SY01-SY14 in another order: only OCHA p-codes are keys.
		expect(lookupSyriaGovernorate('SY04')?.en).toBe('Homs');
	});

	it.skipIf(!haveCrosswalk)('matches every spelling and name in the shared crosswalk table', () => {
		const rows = parse(readFileSync(crosswalk), { columns: true, bom: true }) as Record<string, string>[];
		expect(rows).toHaveLength(14);
		for (const row of rows) {
			const g = governorateByPcode(row.adm1_pcode_ocha);
			expect(g, row.adm1_pcode_ocha).toBeDefined();
			expect(g!.en).toBe(row.adm1_en_ocha);
			expect(g!.ar).toBe(row.adm1_ar_ocha);
			expect(g!.iso3166_2).toBe(row.iso_3166_2);
			for (const col of ['ne_name', 'acled_admin1', 'ucdp_adm_1', 'gtd_provstate_2021']) {
				if (row[col]) expect(lookupSyriaGovernorate(row[col])?.pcode, `${col}=${row[col]}`).toBe(row.adm1_pcode_ocha);
			}
			// A FIPS code must not resolve to the governorate that carries the same digits as a p-code by accident.
			if (row.fips_10_4 !== row.adm1_pcode_ocha) {
				expect(lookupSyriaGovernorate(row.fips_10_4)?.pcode).not.toBe(row.adm1_pcode_ocha);
			}
		}
	});
});

describe('admin1 names outside Syria', () => {
	it('folds white space and single-case spellings, keeps mixed case and other scripts', () => {
		expect(normaliseAdmin1Text('  Santa   Cruz ')).toBe('Santa Cruz');
		expect(normaliseAdmin1Text('NORTHERN')).toBe('Northern');
		expect(normaliseAdmin1Text('north-west frontier')).toBe('North-West Frontier');
		expect(normaliseAdmin1Text('KwaZulu-Natal')).toBe('KwaZulu-Natal');
		expect(normaliseAdmin1Text('صلاح الدين')).toBe('صلاح الدين');
		expect(normaliseAdmin1Text('   ')).toBeNull();
	});
});
