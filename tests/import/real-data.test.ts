// The importers on the real ACLED, GTD and UCDP exports, read in place from ../shared/data/real (skipped when
// absent). Every expectation is checked against an independent DuckDB query over the raw file, joined where
// needed to the boundaries crosswalk read from disk: nothing here is a hard-coded result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportSummary } from '../../scripts/lib/import-run';
import { hasRealData, query, real, tempDir } from './helpers';

if (!hasRealData) console.warn('real-data importer tests skipped: ../shared/data/real is absent (it is never part of the repo)');

const files = {
	battles: real('acled-syria-battles', 'acled_syria_battles_2017-2023.csv.gz'),
	sample: real('acled-sample-2022h1', 'acled_sample_global_2022H1.csv.gz'),
	gtd: real('gtd-2021h1', 'gtd_2021H1.csv.gz'),
	ucdp: real('ucdp-ged-syria', 'ucdp_ged_syria_2016-2019.csv.gz')
};
const crosswalk = real('boundaries', 'syria_admin1_crosswalk.csv');
const crosswalkSql = `read_csv(?, header = true, all_varchar = true)`;

const rawCount = async (file: string) => (await query('SELECT count(*) AS n FROM read_csv_auto(?)', [file]))[0].n as number;

/** pcode -> rows, from a query returning (pcode, n). */
const byPcode = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [String(r.pcode), r.n as number]));

describe.skipIf(!hasRealData)('real exports', () => {
	const tmp = tempDir('rasd-import-real-');
	const out = (name: string) => `${tmp.dir}/${name}.parquet`;
	const runs: Record<string, ImportSummary> = {};

	beforeAll(async () => {
		runs.battles = await runImport({ inputs: [files.battles], out: out('battles') });
		runs.sample = await runImport({ inputs: [files.sample], out: out('sample') });
		runs.gtd = await runImport({ inputs: [files.gtd], out: out('gtd') });
		runs.ucdp = await runImport({ inputs: [files.ucdp], out: out('ucdp') });
		// The sample into the file that already holds the battles.
		runs.sampleAfterBattles = await runImport({ inputs: [files.sample], out: out('battles') });
	});
	afterAll(() => tmp.cleanup());

	for (const name of ['battles', 'sample', 'gtd', 'ucdp'] as const) {
		it(`${name}: every row is accounted for, and read equals DuckDB's count of the raw file`, async () => {
			const s = runs[name];
			expect(s.imported + s.rejected + s.duplicates).toBe(s.read);
			expect(s.read).toBe(await rawCount(files[name]));
			// The output (fresh for each file) holds exactly the imported rows; outputRows is read back from the Parquet.
			expect(s.outputRows).toBe(s.imported);
		});
	}

	it('ACLED Syria battles: all rows import, counts per p-code equal the raw admin1 joined to the crosswalk', async () => {
		const s = runs.battles;
		expect(s.imported).toBe(s.read);
		// The row count its SOURCE.md documents.
		expect(s.imported).toBe(23_348);
		expect(s.rejected).toBe(0);
		expect(s.unrecognisedAdmin1).toEqual({});
		expect(s.unrecognisedAdmin2).toEqual({});
		const expected = byPcode(
			await query(
				`SELECT x.adm1_pcode_ocha AS pcode, count(*) AS n FROM read_csv_auto(?) r
				 JOIN ${crosswalkSql} x ON r.admin1 = x.acled_admin1 GROUP BY 1`,
				[files.battles, crosswalk]
			)
		);
		expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(s.read);
		// The battles output later also receives the sample: count the battles' own ids.
		const battlesOnly = byPcode(
			await query(
				`SELECT p.admin1_pcode AS pcode, count(*) AS n FROM read_parquet(?) p
				 JOIN (SELECT DISTINCT 'acled:' || event_id_cnty AS id FROM read_csv_auto(?)) b ON p.incident_id = b.id GROUP BY 1`,
				[s.out, files.battles]
			)
		);
		expect(battlesOnly).toEqual(expected);
	});

	it('ACLED global sample: all rows accounted for; after the battles file the events it shares are duplicates', async () => {
		const s = runs.sample;
		expect(s.imported + s.rejected + s.duplicates).toBe(s.read);
		expect(s.read).toBe(9_000);
		expect(s.imported).toBe(s.read);
		const overlap = await query(
			`SELECT count(*) AS ids, count(*) FILTER (WHERE a.event_type = b.event_type) AS same_type
			 FROM read_csv_auto(?) a JOIN read_csv_auto(?) b ON a.event_id_cnty = b.event_id_cnty`,
			[files.sample, files.battles]
		);
		const { ids, same_type: sameType } = overlap[0] as { ids: number; same_type: number };
		// The 38 Syria battles both files share (data README), plus one event ACLED later recoded from
		// "Explosions/Remote violence" to "Battles" under the same event_id_cnty: the same incident, so also a duplicate.
		expect(sameType).toBe(38);
		expect(ids).toBe(sameType + 1);
		const after = runs.sampleAfterBattles;
		expect(after.duplicates).toBe(ids);
		expect(after.imported).toBe(after.read - ids - after.rejected);
		expect(after.outputRows).toBe(runs.battles.imported + after.imported);
	});

	it("GTD: the Syrian rows land in the governorates the crosswalk gives for each provstate", async () => {
		const expected = byPcode(
			await query(
				`SELECT coalesce(x.adm1_pcode_ocha, 'null') AS pcode, count(*) AS n FROM read_csv_auto(?) r
				 LEFT JOIN ${crosswalkSql} x ON r.provstate = x.gtd_provstate_2021
				 WHERE r.country_txt = 'Syria' GROUP BY 1`,
				[files.gtd, crosswalk]
			)
		);
		const actual = byPcode(
			await query(`SELECT coalesce(admin1_pcode, 'null') AS pcode, count(*) AS n FROM read_parquet(?) WHERE country_iso3 = 'SYR' GROUP BY 1`, [out('gtd')])
		);
		expect(actual).toEqual(expected);
		// A null p-code only where the provstate is blank or "Unknown".
		const unknownProvstate = (
			await query(
				`SELECT count(*) AS n FROM read_csv_auto(?) WHERE country_txt = 'Syria' AND (provstate IS NULL OR trim(provstate) = '' OR lower(provstate) = 'unknown')`,
				[files.gtd]
			)
		)[0].n;
		expect(actual.null ?? 0).toBe(unknownProvstate);
		const syrianRaw = (await query(`SELECT count(*) AS n FROM read_csv_auto(?) WHERE country_txt = 'Syria'`, [files.gtd]))[0].n;
		expect(Object.values(actual).reduce((a, b) => a + b, 0)).toBe(syrianRaw);
		expect(syrianRaw).toBe(144);
	});

	it('UCDP: rows with a blank adm_1 are kept, each with a null p-code', async () => {
		const blank = (await query(`SELECT count(*) AS n FROM read_csv_auto(?) WHERE adm_1 IS NULL OR trim(adm_1) = ''`, [files.ucdp]))[0].n as number;
		expect(blank).toBeGreaterThan(0);
		const nullPcode = (await query(`SELECT count(*) AS n FROM read_parquet(?) WHERE admin1_pcode IS NULL`, [out('ucdp')]))[0].n;
		expect(nullPcode).toBe(blank);
		expect(runs.ucdp.imported).toBe(runs.ucdp.read);
		const expected = byPcode(
			await query(
				`SELECT x.adm1_pcode_ocha AS pcode, count(*) AS n FROM read_csv_auto(?) r JOIN ${crosswalkSql} x ON r.adm_1 = x.ucdp_adm_1 GROUP BY 1`,
				[files.ucdp, crosswalk]
			)
		);
		const actual = byPcode(await query(`SELECT admin1_pcode AS pcode, count(*) AS n FROM read_parquet(?) WHERE admin1_pcode IS NOT NULL GROUP BY 1`, [out('ucdp')]));
		expect(actual).toEqual(expected);
	});

	it('gives every Syrian district of ACLED and UCDP its OCHA p-code, and keeps UCDP low/high as given', async () => {
		expect(runs.battles.unrecognisedAdmin2).toEqual({});
		expect(runs.ucdp.unrecognisedAdmin2).toEqual({});
		// Independent counts from the raw files: rows with a district, and UCDP rows whose low/high are present.
		const [acled] = await query(`SELECT count(*) FILTER (WHERE trim(admin2) <> '') AS n FROM read_csv_auto(?, all_varchar = true)`, [files.battles]);
		const [ucdp] = await query(
			`SELECT count(*) FILTER (WHERE trim(adm_2) <> '') AS n, count(low) AS low, count(high) AS high FROM read_csv_auto(?, all_varchar = true)`,
			[files.ucdp]
		);
		// The battles output also holds the 2022H1 sample's rows (imported into it above): every Syrian district there too.
		const [a] = await query(
			`SELECT count(admin2_pcode) AS n, count(*) FILTER (WHERE country_iso3 = 'SYR' AND admin2 IS NOT NULL) AS syrian, count(killed_low) AS low,
				count(admin2_pcode) FILTER (WHERE incident_id IN (SELECT 'acled:' || event_id_cnty FROM read_csv_auto(?, all_varchar = true))) AS battles
			 FROM read_parquet(?)`,
			[files.battles, out('battles')]
		);
		const [u] = await query(`SELECT count(admin2_pcode) AS n, count(killed_low) AS low, count(killed_high) AS high FROM read_parquet(?)`, [out('ucdp')]);
		expect(a).toEqual({ n: a.syrian, syrian: a.syrian, low: 0, battles: acled.n });
		expect(u).toEqual({ n: ucdp.n, low: ucdp.low, high: ucdp.high });
	});
});
