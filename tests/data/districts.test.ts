// The district table against OCHA's admin2 file and the names ACLED and UCDP actually write. The real files are read
// in place from ../shared/data/real (never part of the repo); those checks skip, with the reason printed, without it.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	SYRIA_DISTRICTS,
	districtByPcode,
	districtLookup,
	districtPcode,
	lookupSyriaDistrict,
	type District
} from '../../src/lib/data/districts';
import { SYRIA_PCODES, governorateByPcode } from '../../src/lib/data/gazetteer';
import { DEMO_GOVERNORATES } from '../../src/lib/demo/places';
import { hasRealData, query, real } from '../import/helpers';

const ochaFile = real('boundaries', 'syria-ocha-cod-ab', 'syr_admbnda_adm2_uncs_unocha.json.gz');
const haveOcha = existsSync(ochaFile);
if (!haveOcha) console.warn(`district checks against OCHA skipped: ${ochaFile} is absent (../shared/data/real is never part of the repo)`);
if (!hasRealData) console.warn('district checks against ACLED/UCDP skipped: ../shared/data/real is absent');

describe('Syria districts', () => {
	it('has 62 unique p-codes, each under one of the 14 governorates, with Arabic names', () => {
		expect(SYRIA_DISTRICTS).toHaveLength(62);
		expect(new Set(SYRIA_DISTRICTS.map((d) => d.pcode)).size).toBe(62);
		for (const d of SYRIA_DISTRICTS) {
			expect(d.pcode).toMatch(/^SY\d{4}$/);
			expect(SYRIA_PCODES).toContain(d.admin1Pcode);
			expect(d.pcode.startsWith(d.admin1Pcode)).toBe(true);
			expect(d.ar).toMatch(/^[\u0600-\u06FF ]+$/);
			expect(districtByPcode(d.pcode)).toBe(d);
		}
	});

	it('resolves every own name, alias and p-code to itself, with and without the parent', () => {
		for (const d of SYRIA_DISTRICTS) {
			for (const name of [d.pcode, d.en, d.ar, ...d.aliases]) {
				expect(districtPcode(name), name).toBe(d.pcode);
				expect(districtPcode(name, d.admin1Pcode), name).toBe(d.pcode);
			}
		}
	});

	it('folds spelling: ACLED and UCDP forms, case, hyphens, apostrophes, Arabic hamza and ta marbuta', () => {
		expect(districtPcode('Ar Raqqa')).toBe('SY1101');
		expect(districtPcode('Ar Raqqah district')).toBe('SY1101');
		expect(districtPcode('AR-RAQQA', 'SY11')).toBe('SY1101');
		expect(districtPcode('Mintaqat Markaz Hamah district')).toBe('SY0501');
		expect(districtPcode('Markaz as Suwayda district')).toBe('SY1300');
		expect(districtPcode('Jisr Ash Shugur')).toBe('SY0704');
		expect(districtPcode('Al Mara')).toBe('SY0702');
		expect(districtPcode('أعزاز')).toBe('SY0204');
		expect(districtPcode('مركز حماه')).toBe('SY0501');
		expect(districtPcode('Atarib district', 'SY02')).toBe('SY0200');
		expect(districtPcode('Dayr Hafir district', 'SY02')).toBe('SY0202');
	});

	it('returns null for unknown, blank or contradicting names, never a guess', () => {
		expect(districtPcode(null)).toBeNull();
		expect(districtPcode('')).toBeNull();
		expect(districtPcode('   ')).toBeNull();
		expect(districtPcode('Springfield')).toBeNull();
		expect(districtPcode('Raq')).toBeNull();
		// Duma is in Rural Damascus: named under Aleppo, the row's admin1 and admin2 disagree.
		expect(districtPcode('Duma', 'SY02')).toBeNull();
		expect(lookupSyriaDistrict('Duma', 'SY03')?.en).toBe('Duma');
	});

	it('needs the parent governorate for a name two governorates share', () => {
		const twin = (pcode: string, en: string): District => ({ pcode, admin1Pcode: pcode.slice(0, 4), en, ar: 'مركز', aliases: [] });
		const table = districtLookup([twin('SY0101', 'Al Markaz'), twin('SY0201', 'Al-Markaz'), twin('SY0202', 'Other')]);
		expect(table.lookup('Al Markaz')).toBeNull();
		expect(table.lookup('Al Markaz', 'SY01')?.pcode).toBe('SY0101');
		expect(table.lookup('al-markaz', 'SY02')?.pcode).toBe('SY0201');
		expect(table.lookup('Al Markaz', 'SY03')).toBeNull();
		expect(table.lookup('Other')?.pcode).toBe('SY0202');
	});

	it('knows every district the demo generator puts a town in, within the town’s governorate', () => {
		for (const g of DEMO_GOVERNORATES) {
			expect(governorateByPcode(g.pcode)).toBeDefined();
			for (const t of g.towns) expect(districtPcode(t.admin2, g.pcode), `${t.en}: ${t.admin2}`).not.toBeNull();
		}
	});
});

describe.skipIf(!haveOcha)('Syria districts against the OCHA COD-AB admin2 file', () => {
	it('has exactly OCHA’s 62 p-codes, English and Arabic names and parents', () => {
		const json = JSON.parse(gunzipSync(readFileSync(ochaFile)).toString('utf8')) as {
			features: { properties: Record<string, string> }[];
		};
		const ocha = json.features
			.map((f) => f.properties)
			.map((p) => ({ pcode: p.ADM2_PCODE, admin1Pcode: p.ADM1_PCODE, en: p.ADM2_EN, ar: p.ADM2_AR }))
			.sort((a, b) => a.pcode.localeCompare(b.pcode));
		const ours = SYRIA_DISTRICTS.map(({ pcode, admin1Pcode, en, ar }) => ({ pcode, admin1Pcode, en, ar }));
		expect(ours).toEqual(ocha);
	});
});

describe.skipIf(!hasRealData)('Syria districts against the real ACLED and UCDP exports', () => {
	/** Distinct (admin1, admin2, rows) of a file; admin1 is resolved to its p-code by the gazetteer's own table. */
	const distinct = (file: string, admin1: string, admin2: string, where = 'TRUE') =>
		query(
			`SELECT ${admin1} AS admin1, ${admin2} AS admin2, count(*) AS n FROM read_csv_auto(?, all_varchar = true)
			 WHERE ${admin2} IS NOT NULL AND trim(${admin2}) <> '' AND ${where} GROUP BY ALL ORDER BY ALL`,
			[file]
		);

	const check = async (rows: Record<string, unknown>[], admin1ToPcode: (name: string) => string | null) => {
		const unresolved = rows.filter((r) => districtPcode(String(r.admin2), admin1ToPcode(String(r.admin1))) === null);
		expect(unresolved).toEqual([]);
		return rows.length;
	};
	const crosswalk = async () => {
		// The crosswalk kept beside the data says which p-code each source's admin1 spelling is (independent of code).
		const rows = await query(`SELECT * FROM read_csv(?, header = true, all_varchar = true)`, [real('boundaries', 'syria_admin1_crosswalk.csv')]);
		const map = new Map<string, string>();
		for (const r of rows) for (const k of ['acled_admin1', 'ucdp_adm_1']) if (r[k]) map.set(String(r[k]), String(r.adm1_pcode_ocha));
		return map;
	};

	it('resolves every distinct ACLED Syria admin2 (battles file and global sample) under its admin1', async () => {
		const xw = await crosswalk();
		const battles = await distinct(real('acled-syria-battles', 'acled_syria_battles_2017-2023.csv.gz'), 'admin1', 'admin2');
		const sample = await distinct(real('acled-sample-2022h1', 'acled_sample_global_2022H1.csv.gz'), 'admin1', 'admin2', "country = 'Syria'");
		const n = (await check(battles, (a) => xw.get(a) ?? null)) + (await check(sample, (a) => xw.get(a) ?? null));
		console.info(`ACLED: ${n} distinct (admin1, admin2) pairs, all resolved`);
	});

	it('resolves every distinct UCDP GED Syria adm_2 under its adm_1', async () => {
		const xw = await crosswalk();
		const rows = await distinct(real('ucdp-ged-syria', 'ucdp_ged_syria_2016-2019.csv.gz'), 'adm_1', 'adm_2');
		const n = await check(rows, (a) => xw.get(a) ?? null);
		console.info(`UCDP: ${n} distinct (adm_1, adm_2) pairs, all resolved`);
	});
});
