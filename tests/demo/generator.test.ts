import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governorateByPcode, SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { districtPcode } from '../../src/lib/data/districts';
import { ACLED_EVENT_TYPES, ATTACK_TYPES, DATE_PRECISIONS, GEO_PRECISIONS, TARGET_TYPES } from '../../src/lib/data/taxonomy';
import { DemoGenerator, demoIncidents } from '../../src/lib/demo/generator';
import { DEMO_OUTLETS } from '../../src/lib/demo/outlets';
import { SYNTHETIC_MARKER_AR, SYNTHETIC_MARKER_EN } from '../../src/lib/demo/text';
import { DEMO_DATE_MAX, DEMO_DATE_MIN } from '../../src/lib/demo/timeline';
import { nativeRows, removeTempDirs, smallParquet, tempDir } from '../artifact/helpers';

afterAll(removeTempDirs);

const ARABIC = /[\u0600-\u06FF]/;
const count = <T>(rows: Incident[], key: (r: Incident) => T) => {
	const m = new Map<T, number>();
	for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
	return m;
};

describe('demo generator', () => {
	let rows: Incident[] = [];
	beforeAll(() => {
		rows = [...demoIncidents(42, 20_000)];
	});

	it('is deterministic: row i depends only on (seed, i), in any order', () => {
		const again = new DemoGenerator(42);
		for (const i of [19_999, 0, 7, 12_345, 7]) expect(again.row(i)).toEqual(rows[i]);
		expect([...demoIncidents(42, 50, 100)]).toEqual(rows.slice(100, 150));
	});

	it('gives different rows for a different seed', () => {
		const other = [...demoIncidents(43, 200)];
		const same = other.filter((r, i) => JSON.stringify(r) === JSON.stringify(rows[i])).length;
		expect(same).toBe(0);
		// Ids are positional, so they match; the content is what differs.
		expect(other[0].incident_id).toBe(rows[0].incident_id);
	});

	it('rejects seeds that are not 32-bit unsigned integers', () => {
		expect(() => new DemoGenerator(-1)).toThrow(/seed/);
		expect(() => new DemoGenerator(1.5)).toThrow(/seed/);
		expect(() => new DemoGenerator(2 ** 32)).toThrow(/seed/);
	});

	it('produces only rows valid against the schema, taxonomy and gazetteer', () => {
		const problems: string[] = [];
		const check = (ok: boolean, what: string, r: Incident) => {
			if (!ok && problems.length < 20) problems.push(`${r.incident_id}: ${what}`);
		};
		rows.forEach((r, i) => {
			check(JSON.stringify(Object.keys(r)) === JSON.stringify(INCIDENT_COLUMN_NAMES), 'column order', r);
			check(r.incident_id === `synthetic:${i + 1}` && r.source_record_id === String(i + 1), 'id', r);
			check(r.source_dataset === 'synthetic' && DEMO_OUTLETS.includes(r.source_name!) && r.source_url === null, 'source', r);
			check(r.country_iso3 === 'SYR' && r.country === 'Syria', 'country', r);
			check(SYRIA_PCODES.includes(r.admin1_pcode!) && governorateByPcode(r.admin1_pcode!)?.en === r.admin1, 'admin1/p-code', r);
			check(ATTACK_TYPES.includes(r.attack_type as never), `attack_type ${r.attack_type}`, r);
			check(TARGET_TYPES.includes(r.target_type as never), `target_type ${r.target_type}`, r);
			check(DATE_PRECISIONS.includes(r.date_precision as never), 'date_precision', r);
			check(GEO_PRECISIONS.includes(r.geo_precision as never), 'geo_precision', r);
			for (const v of [r.killed, r.injured]) check(v === null || (Number.isInteger(v) && v >= 0), `casualties ${v}`, r);
			check(/^\d{4}-\d{2}-\d{2}$/.test(r.event_date) && r.event_date >= DEMO_DATE_MIN && r.event_date <= DEMO_DATE_MAX, 'event_date', r);
			check(r.date_end === null ? r.date_precision === 'day' : r.date_end >= r.event_date && r.date_end <= DEMO_DATE_MAX, 'date_end', r);
			if (r.date_precision === 'month') check(r.event_date.endsWith('-01'), 'month start', r);
			if (r.date_precision === 'week') check(new Date(`${r.event_date}T00:00:00Z`).getUTCDay() === 1, 'week starts Monday', r);
			// Syria's bounding box, with a margin for the point jitter.
			check(r.latitude! > 32.2 && r.latitude! < 37.5 && r.longitude! > 35.5 && r.longitude! < 42.5, 'coordinates', r);
			check(r.summary!.startsWith(SYNTHETIC_MARKER_EN) || r.summary!.startsWith(SYNTHETIC_MARKER_AR), 'summary marker', r);
			check(r.geo_precision === 'admin1' ? r.location === null && r.admin2 === null : r.admin2 !== null, 'admin2/location', r);
		});
		expect(problems).toEqual([]);
		// Every invented outlet reports some incidents, so the list's source column reads like real data.
		expect(new Set(rows.map((r) => r.source_name)).size).toBe(DEMO_OUTLETS.length);
	});

	it('covers all 14 governorates and all 9 attack types, with a realistic skew', () => {
		const byGov = count(rows, (r) => r.admin1_pcode);
		expect([...byGov.keys()].sort()).toEqual([...SYRIA_PCODES].sort());
		expect(new Set(rows.map((r) => r.attack_type))).toEqual(new Set(ATTACK_TYPES));
		// Idleb, Aleppo and Deir-ez-Zor each above every one of Tartous, Quneitra, Lattakia and As-Sweida, by far.
		for (const high of ['SY07', 'SY02', 'SY09']) {
			for (const low of ['SY10', 'SY14', 'SY06', 'SY13']) expect(byGov.get(high)!).toBeGreaterThan(3 * byGov.get(low)!);
		}
	});

	it('writes some summaries in Arabic (15-20%) and the rest in English', () => {
		const arabic = rows.filter((r) => ARABIC.test(r.summary!));
		expect(arabic.length / rows.length).toBeGreaterThan(0.15);
		expect(arabic.length / rows.length).toBeLessThan(0.2);
		expect(arabic.every((r) => r.summary!.startsWith(SYNTHETIC_MARKER_AR))).toBe(true);
	});

	it('has unknown casualties as null, many zeros and a long tail', () => {
		const killed = rows.map((r) => r.killed);
		const nulls = killed.filter((k) => k === null).length;
		const zeros = killed.filter((k) => k === 0).length;
		expect(nulls / rows.length).toBeGreaterThan(0.05);
		expect(zeros / rows.length).toBeGreaterThan(0.25);
		expect(rows.filter((r) => r.injured === null).length / rows.length).toBeGreaterThan(0.15);
		expect(Math.max(...killed.map((k) => k ?? 0))).toBeGreaterThanOrEqual(50);
	});

	it('has date and place precisions mostly at day and town level', () => {
		const dp = count(rows, (r) => r.date_precision);
		expect(dp.get('day')! / rows.length).toBeGreaterThan(0.8);
		expect(dp.get('week')).toBeGreaterThan(0);
		expect(dp.get('month')).toBeGreaterThan(0);
		const gp = count(rows, (r) => r.geo_precision);
		expect((gp.get('town')! + gp.get('point')!) / rows.length).toBeGreaterThan(0.6);
	});

	it('uses ACLED\'s six event types with ACLED sub-event names, and a spread of date precisions', () => {
		// ACLED codebook sub-event types by event type (the subset an attack can produce; peaceful protests are not attacks).
		const ACLED: Record<string, readonly string[]> = {
			Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
			'Explosions/Remote violence': ['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade'],
			'Violence against civilians': ['Attack', 'Abduction/forced disappearance'],
			Protests: ['Protest with intervention', 'Excessive force against protesters'],
			Riots: ['Violent demonstration', 'Mob violence'],
			'Strategic developments': ['Looting/property destruction', 'Arrests']
		};
		expect(new Set(rows.map((r) => r.event_type).filter((t) => t !== null))).toEqual(new Set(ACLED_EVENT_TYPES));
		for (const r of rows) if (r.event_type !== null) expect(ACLED[r.event_type], `${r.event_type} / ${r.sub_event_type}`).toContain(r.sub_event_type);
		const subs = new Set(rows.map((r) => r.sub_event_type));
		for (const sub of Object.values(ACLED).flat()) expect(subs.has(sub), sub).toBe(true);
		const dp = count(rows, (r) => r.date_precision);
		expect([...dp.keys()].sort()).toEqual([...DATE_PRECISIONS].sort());
		expect(dp.get('year')! / rows.length).toBeGreaterThan(0.005);
		for (const r of rows.filter((x) => x.date_precision === 'year')) expect([r.event_date.slice(5), r.date_end!.slice(5)]).toEqual(['01-01', '12-31']);
	});

	it('gives every district its OCHA p-code within the governorate, and none at governorate precision', () => {
		for (const r of rows) {
			if (r.admin2 === null) expect(r.admin2_pcode).toBeNull();
			else expect(r.admin2_pcode).toBe(districtPcode(r.admin2, r.admin1_pcode));
			expect([r.killed_low, r.killed_high]).toEqual([null, null]);
		}
		const districts = count(rows, (r) => r.admin2_pcode);
		expect(districts.size).toBeGreaterThan(50);
	});

	it('shows the escalations: the 2019 Turkish offensive in the north-east and ISIS moving to the Badia', () => {
		const ne = (month: string) => rows.filter((r) => ['SY08', 'SY11'].includes(r.admin1_pcode!) && r.event_date.startsWith(month)).length;
		expect(ne('2019-10')).toBeGreaterThan(2 * ne('2019-09'));
		const turkish = (month: string) => rows.filter((r) => r.perpetrator === 'Turkish forces' && r.event_date.startsWith(month)).length;
		expect(turkish('2019-10')).toBeGreaterThan(3 * turkish('2019-09'));
		// After the fall of Baghuz, Homs (the Badia) holds a larger share of ISIS incidents than Ar-Raqqa; before, less.
		const isisShare = (label: string, pcode: string) => {
			const all = rows.filter((r) => r.perpetrator === label);
			return all.filter((r) => r.admin1_pcode === pcode).length / all.length;
		};
		expect(isisShare('ISIS', 'SY04')).toBeLessThan(isisShare('ISIS', 'SY11'));
		expect(isisShare('ISIS cells', 'SY04')).toBeGreaterThan(isisShare('ISIS cells', 'SY11'));
		expect(rows.filter((r) => r.perpetrator === 'ISIS').every((r) => r.event_date < '2019-04-01')).toBe(true);
	});
});

describe('demo Parquet (through IncidentParquetWriter)', () => {
	it('is byte-identical for the same seed and rows, different for another seed', async () => {
		const [a, b, c] = await Promise.all([
			smallParquet(tempDir('rasd-demo-a-'), 4000, 9),
			smallParquet(tempDir('rasd-demo-b-'), 4000, 9),
			smallParquet(tempDir('rasd-demo-c-'), 4000, 10)
		]);
		expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
		expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
	});

	it('round-trips: DuckDB counts per p-code equal the generator rows', async () => {
		const file = await smallParquet(tempDir('rasd-demo-'), 3000, 3);
		const expected = [...count([...demoIncidents(3, 3000)], (r) => r.admin1_pcode).entries()].sort();
		const actual = await nativeRows('SELECT admin1_pcode, count(*) FROM read_parquet($1) GROUP BY 1 ORDER BY 1', [file]);
		expect(actual).toEqual(expected);
		const [[rows, ids]] = await nativeRows('SELECT count(*), count(DISTINCT incident_id) FROM read_parquet($1)', [file]);
		expect([rows, ids]).toEqual([3000, 3000]);
	});
});

describe('npm run data:demo (scripts/generate-demo.ts)', () => {
	const root = join(import.meta.dirname, '../..');
	const cli = (args: string[]) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-demo.ts', ...args], { cwd: root, encoding: 'utf8' });

	it('writes the same file as the library for --rows/--seed and prints rows per second', async () => {
		const out = join(tempDir('rasd-demo-cli-'), 'demo.parquet');
		const run = cli(['--rows', '1500', '--seed', '77', '--out', out]);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/wrote 1,500 synthetic rows \(seed 77\).* [\d,]+ rows\/s/);
		const reference = await smallParquet(tempDir('rasd-demo-ref-'), 1500, 77);
		expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
	});

	it('fails with a usage message on a bad argument', () => {
		const run = cli(['--rows', 'many']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/--rows must be an integer/);
	});
});
