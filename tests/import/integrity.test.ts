// Issue 10, first half: an import never loses, doubles or bends an incident silently. Concurrent runs on one
// output, ids that collide across folders, an existing output in another schema, input values used as map keys,
// weekly refreshes (updated and deleted events) and real data kept apart from the synthetic demo.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { DuplicateIdError, IncidentParquetWriter } from '../../scripts/lib/incident-parquet-writer';
import { formatSummary, ImportError, runImport } from '../../scripts/lib/import-run';
import { acquireOutputLock, lockPath } from '../../scripts/lib/output-lock';
import { demoIncidents } from '../../src/lib/demo/generator';
import { fixture, query, readIncidents, repoRoot, tempDir } from './helpers';

const tmp = tempDir('rasd-integrity-');
afterAll(() => tmp.cleanup());
let n = 0;
const write = (content: string | Buffer, name = `f${n++}.csv`) => {
	const path = `${tmp.dir}/${name}`;
	mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
	writeFileSync(path, content);
	return path;
};
const ids = async (parquet: string) => [...(await readIncidents(parquet)).keys()].sort();

interface Child {
	stderr: () => string;
	done: Promise<{ status: number | null; stdout: string; stderr: string }>;
}

function cliAsync(args: string[]): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	return { stderr: () => stderr, done: new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr }))) };
}

/**
 * Starts the CLI runs while this test holds the output's lock, waits until every one of them is waiting for it,
 * then lets them go at once: they are certain to overlap, however slowly each process starts.
 */
async function concurrently(out: string, runs: string[][]) {
	const held = await acquireOutputLock(out);
	const children = runs.map((args) => cliAsync([...args, '--out', out, '--json']));
	const deadline = Date.now() + 60_000;
	while (!children.every((c) => c.stderr().includes('waiting for another import')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	held.release();
	return Promise.all(children.map((c) => c.done));
}

const acled = fixture('acled', 'acled-export.csv');
const gtd = fixture('gtd', 'gtd-sample.csv');
const ucdp = fixture('ucdp', 'ucdp-ged-sample.csv');

describe('1. concurrent imports into one output', () => {
	it('two different files at once: exactly the union of their rows, unique ids, both runs in the rejects history', async () => {
		const alone = [`${tmp.dir}/alone-a.parquet`, `${tmp.dir}/alone-b.parquet`];
		await runImport({ inputs: [acled], out: alone[0] });
		await runImport({ inputs: [gtd, ucdp], out: alone[1] });
		const expected = [...(await ids(alone[0])), ...(await ids(alone[1]))].sort();

		const out = `${tmp.dir}/shared.parquet`;
		const [a, b] = await concurrently(out, [[acled], [gtd, ucdp]]);
		expect([a.status, b.status]).toEqual([0, 0]);
		expect(a.stderr + b.stderr).toContain('waiting for another import');
		const got = await ids(out);
		expect(got).toEqual(expected);
		// Neither run's rejects were lost: both files' rows are in the rejects file.
		const rejected = new Set(readFileSync(`${out}.rejects.csv`, 'utf8').split('\r\n').slice(1, -1).map((l) => l.split(',')[0]));
		expect(rejected).toEqual(new Set([acled, gtd, ucdp]));
		expect(new Set(got).size).toBe(got.length);
		expect(existsSync(lockPath(out))).toBe(false);
	});

	it('the same file twice at once: every incident once, the second run counts them all as duplicates', async () => {
		const out = `${tmp.dir}/twice.parquet`;
		const runs = await concurrently(out, [[acled], [acled]]);
		expect(runs.map((r) => r.status)).toEqual([0, 0]);
		const [first, second] = runs.map((r) => JSON.parse(r.stdout)).sort((x, y) => y.imported - x.imported);
		expect(second.imported).toBe(0);
		expect(second.duplicates).toBe(first.imported + first.duplicates);
		const rows = await query('SELECT count(*) AS n, count(DISTINCT incident_id) AS d FROM read_parquet(?)', [out]);
		expect(rows[0]).toEqual({ n: first.imported, d: first.imported });
	});

	it('a busy lock: refused with the holder named when told not to wait; a stale lock (dead process) is broken', async () => {
		const out = `${tmp.dir}/locked.parquet`;
		const held = await acquireOutputLock(out);
		await expect(runImport({ inputs: [acled], out, lockWaitMs: 0 })).rejects.toThrow(new RegExp(`is being written by another import \\(process ${process.pid} on `));
		held.release();
		expect(existsSync(lockPath(out))).toBe(false);
		// A lock left by a process that no longer runs (pid 2^22 - 1 is above Linux's default pid_max).
		writeFileSync(lockPath(out), JSON.stringify({ pid: 4194303, host: (await import('node:os')).hostname(), started: 'then', token: 'dead' }));
		const s = await runImport({ inputs: [acled], out, lockWaitMs: 0 });
		expect(s.imported).toBeGreaterThan(0);
		expect(existsSync(lockPath(out))).toBe(false);
	});

	it('the lock is released when the run is refused', async () => {
		const out = `${tmp.dir}/refused.parquet`;
		await expect(runImport({ inputs: [write('when,where\n2023-01-01,Homs\n')], out })).rejects.toBeInstanceOf(ImportError);
		expect(existsSync(lockPath(out))).toBe(false);
	});

	it('the writer never renames a Parquet with a repeated incident_id into place', async () => {
		const out = `${tmp.dir}/dupe-writer.parquet`;
		const w = await IncidentParquetWriter.open(out, { merge: false, dedupe: false });
		const [one] = demoIncidents(1, 1);
		await w.add(one);
		await w.add(one);
		await expect(w.finish()).rejects.toBeInstanceOf(DuplicateIdError);
		expect(existsSync(out)).toBe(false);
	});

	it('data:build refuses a dataset with duplicate ids', async () => {
		const out = `${tmp.dir}/for-dupes.parquet`;
		await runImport({ inputs: [acled], out });
		const doubled = `${tmp.dir}/doubled.parquet`;
		await query(`COPY (SELECT * FROM read_parquet('${out}') UNION ALL SELECT * FROM read_parquet('${out}') LIMIT 5) TO '${doubled}' (FORMAT parquet)`);
		await expect(buildArtifact({ input: doubled, output: `${tmp.dir}/doubled.duckdb` })).rejects.toThrow(/repeats incident_id acled:[A-Z]+\d+ \(2 times\)/);
		// And an import into it is refused before reading any input (it was written without the lock).
		await expect(runImport({ inputs: [acled], out: doubled })).rejects.toThrow(/repeat an incident_id .*without the import lock/);
	});
});

describe('2. generated ids are unique and stable across folders', () => {
	const header = 'Date,Country,Province,City,Fatalities';
	const jan = write(`${header}\n2024-01-03,Syria,Homs,Invented A,1\n2024-01-09,Syria,Idlib,Invented B,2\n`, 'jan/desk-log.csv');
	const feb = write(`${header}\n2024-02-01,Syria,Homs,Invented C,0\n2024-02-05,Syria,Aleppo,Invented D,\n`, 'feb/desk-log.csv');
	const map = { event_date: 'Date', country: 'Country', admin1: 'Province', location: 'City', killed: 'Fatalities' };

	it('two files with one name in two folders: every row imported, none dropped as "already present"', async () => {
		const out = `${tmp.dir}/desk.parquet`;
		const s = await runImport({ inputs: [jan, feb], out, map });
		expect(s).toMatchObject({ read: 4, imported: 4, duplicates: 0 });
		expect(s.files.map((f) => f.generatedIds)).toEqual([2, 2]);
		expect(formatSummary(s)).toMatch(/ids generated from row content for 2 row\(s\) \(no id column\), e\.g\. csv:row-[0-9a-f]{16}/);
		// Stable: the same rows elsewhere, in another order, under another name, give the same ids.
		const moved = write(`${header}\n2024-02-05,Syria,Aleppo,Invented D,\n2024-01-03,Syria,Homs,Invented A,1\n`, 'archive/old.csv');
		const again = await runImport({ inputs: [moved], out, map });
		expect(again).toMatchObject({ read: 2, imported: 0, duplicates: 2 });
		expect((await ids(out)).length).toBe(4);
	});

	it('two identical lines in one file stay two incidents, and re-importing it changes nothing', async () => {
		const twice = write(`${header}\n2024-03-01,Syria,Homs,Invented E,1\n2024-03-01,Syria,Homs,Invented E,1\n`);
		const out = `${tmp.dir}/twice-lines.parquet`;
		expect(await runImport({ inputs: [twice], out, map })).toMatchObject({ imported: 2 });
		const got = await ids(out);
		expect(got[1]).toBe(`${got[0]}-2`);
		expect(await runImport({ inputs: [twice], out, map })).toMatchObject({ imported: 0, duplicates: 2 });
	});
});

describe('3. an existing output in another schema', () => {
	const base = async (name: string) => {
		const out = `${tmp.dir}/${name}.parquet`;
		await runImport({ inputs: [ucdp], out });
		return out;
	};

	it('event_date stored as VARCHAR that converts exactly: migrated, said so, types right in the new file', async () => {
		const out = await base('varchar-date');
		await query(`COPY (SELECT * REPLACE (CAST(event_date AS VARCHAR) AS event_date, CAST(killed AS BIGINT) AS killed) FROM read_parquet('${out}')) TO '${out}.x' (FORMAT parquet)`);
		(await import('node:fs')).renameSync(`${out}.x`, out);
		const s = await runImport({ inputs: [gtd], out });
		expect(s.migrations).toEqual([
			'column event_date was VARCHAR: converted to DATE (every value converts exactly)',
			'column killed was BIGINT: converted to INTEGER (every value converts exactly)'
		]);
		expect(formatSummary(s)).toContain('existing output converted: column event_date was VARCHAR');
		const types = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${out}')) WHERE column_name IN ('event_date', 'killed') ORDER BY 1`);
		expect(types).toEqual([{ column_name: 'event_date', column_type: 'DATE' }, { column_name: 'killed', column_type: 'INTEGER' }]);
	});

	it('a column missing: a nullable one is added as null; a required one refuses the run', async () => {
		const out = await base('missing-col');
		await query(`COPY (SELECT * EXCLUDE (raw_target_type) FROM read_parquet('${out}')) TO '${out}.x' (FORMAT parquet)`);
		(await import('node:fs')).renameSync(`${out}.x`, out);
		const s = await runImport({ inputs: [gtd], out });
		expect(s.migrations).toEqual(['column raw_target_type (VARCHAR) was missing: added, null in every row']);
		await query(`COPY (SELECT * EXCLUDE (target_type) FROM read_parquet('${out}')) TO '${out}.x' (FORMAT parquet)`);
		(await import('node:fs')).renameSync(`${out}.x`, out);
		await expect(runImport({ inputs: [gtd], out })).rejects.toThrow(/the required column target_type \(VARCHAR\) is missing/);
	});

	it('values that do not convert, or an extra column: refused before any input is read, column and types named', async () => {
		const out = await base('bad-date');
		const before = readFileSync(out);
		await query(`COPY (SELECT * REPLACE (strftime(event_date, '%d/%m/%Y') AS event_date) FROM read_parquet('${out}')) TO '${out}.x' (FORMAT parquet)`);
		(await import('node:fs')).renameSync(`${out}.x`, out);
		const bent = readFileSync(out);
		// The input does not exist: the schema is what the run is refused for, so it was checked first.
		const run = runImport({ inputs: [`${tmp.dir}/never-read.csv`], out });
		await expect(run).rejects.toThrow(/column event_date is VARCHAR, the schema needs DATE, and \d+ value\(s\) do not convert exactly, e\.g\. "\d\d\/\d\d\/\d{4}"\. .*nothing was read/);
		expect(readFileSync(out).equals(bent)).toBe(true);
		expect(before.equals(bent)).toBe(false);
		const extra = await base('extra-col');
		await query(`COPY (SELECT *, 1 AS analyst_note FROM read_parquet('${extra}')) TO '${extra}.x' (FORMAT parquet)`);
		(await import('node:fs')).renameSync(`${extra}.x`, extra);
		await expect(runImport({ inputs: [gtd], out: extra })).rejects.toThrow(/column\(s\) the incident schema does not: analyst_note \(INTEGER\)/);
	});
});

describe('13. input values are never keys of plain objects', () => {
	it('provinces called constructor, __proto__ and toString are counted like any other spelling', async () => {
		const file = write(
			'event_date,country,admin1\n2024-01-01,Syria,constructor\n2024-01-02,Syria,__proto__\n2024-01-03,Syria,__proto__\n2024-01-04,Syria,toString\n'
		);
		const s = await runImport({ inputs: [file], out: `${tmp.dir}/proto.parquet` });
		expect(s.imported).toBe(4);
		expect(JSON.parse(JSON.stringify(s.unrecognisedAdmin1))).toEqual(JSON.parse('{"__proto__": 2, "constructor": 1, "toString": 1}'));
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
		expect(formatSummary(s)).toContain('"__proto__" 2');
	});
});

describe('refresh: a newer ACLED export updates changed events; --deletions removes deleted ones', () => {
	const text = readFileSync(acled, 'utf8');
	it('a newer timestamp replaces the stale row and counts it as updated; the same timestamp is a duplicate', async () => {
		const out = `${tmp.dir}/weekly.parquet`;
		const first = await runImport({ inputs: [acled], out });
		// Week 2: ACLED revised SYR990001 (fatalities 3 -> 5, newer timestamp); the rest is unchanged.
		const lines = text.split('\n');
		const i = lines.findIndex((l) => l.startsWith('SYR990001,'));
		lines[i] = lines[i].replace(/,3,,1700000000$/, ',5,,1700600000');
		expect(lines[i]).toMatch(/,5,,1700600000$/);
		const week2 = write(lines.join('\n'), 'acled-week2.csv');
		const second = await runImport({ inputs: [week2], out });
		expect(second.updated).toBe(1);
		expect(second.imported).toBe(0);
		expect(second.read).toBe(second.imported + second.rejected + second.duplicates + second.updated);
		expect(second.outputRows).toBe(first.outputRows);
		const row = (await readIncidents(out)).get('acled:SYR990001');
		expect(row).toMatchObject({ killed: 5, raw_date: 'event_date=02 June 2023; timestamp=1700600000' });
		expect(formatSummary(second)).toContain('updated 1: replaced a stale incident');
		// The old export again: older timestamp, nothing changes.
		const third = await runImport({ inputs: [acled], out });
		expect(third).toMatchObject({ updated: 0, imported: 0 });
		expect((await readIncidents(out)).get('acled:SYR990001')?.killed).toBe(5);
	});

	it('--deletions removes the listed events, counts them, and refuses them in the inputs', async () => {
		const out = `${tmp.dir}/deletions.parquet`;
		const first = await runImport({ inputs: [acled], out });
		const present = await ids(out);
		const gone = (present.at(-1) ?? '').replace('acled:', '');
		const deletions = write(`event_id_cnty,deleted_timestamp\n${gone},1700700000\nNEVER-IMPORTED,1700700000\n`, 'acled-deletions.csv');
		const s = await runImport({ inputs: [acled], out, deletions });
		expect(s.deleted).toBe(1);
		expect(s.outputRows).toBe(first.outputRows - 1);
		expect(await ids(out)).not.toContain(`acled:${gone}`);
		expect(s.rejectedByReason['deleted by the source (listed in --deletions)']).toBe(1);
		expect(s.read).toBe(s.imported + s.rejected + s.duplicates + s.updated);
		expect(formatSummary(s)).toContain('deleted 1: removed from the output');
	});
});

describe('real data never mixes with the demo', () => {
	const demo = async (name: string) => {
		const out = `${tmp.dir}/${name}.parquet`;
		const w = await IncidentParquetWriter.open(out, { merge: false });
		for (const i of demoIncidents(7, 50)) await w.add(i);
		await w.finish();
		return out;
	};

	it('importing into an output holding synthetic rows is refused, output unchanged; --allow-mixed does it on purpose', async () => {
		const out = await demo('demo');
		const before = readFileSync(out);
		await expect(runImport({ inputs: [acled], out })).rejects.toThrow(/holds 50 synthetic \(demo\) incidents: real data goes into its own file, e\.g\. --out data\/real\.parquet/);
		expect(readFileSync(out).equals(before)).toBe(true);
		expect(existsSync(lockPath(out))).toBe(false);
		const mixed = await runImport({ inputs: [acled], out, allowMixed: true });
		expect(mixed.imported).toBeGreaterThan(0);
	});

	it('data:build refuses a dataset mixing synthetic and imported rows unless allowMixed; the banner counts say what is shown', async () => {
		const out = await demo('demo-build');
		await runImport({ inputs: [acled], out, allowMixed: true });
		const artifact = `${tmp.dir}/mixed.duckdb`;
		await expect(buildArtifact({ input: out, output: artifact })).rejects.toThrow(/mixes 50 synthetic \(invented\) incidents with \d+ imported real ones/);
		expect(existsSync(artifact)).toBe(false);
		const built = await buildArtifact({ input: out, output: artifact, allowMixed: true });
		const meta = await query(`ATTACH '${artifact}' AS a (READ_ONLY); SELECT synthetic_rows, row_count FROM a.meta`);
		expect(meta[0]).toEqual({ synthetic_rows: 50, row_count: built.rows });
	});

	it("the README's recipe imports into its own dataset and names it when serving", () => {
		const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
		const recipe = readme.slice(readme.indexOf('## Bringing in real data'), readme.indexOf('## Data pipeline'));
		const outs = [...recipe.matchAll(/--out (\S+)/g)].map((m) => m[1]);
		expect(outs.length).toBeGreaterThan(2);
		for (const o of outs) expect(o).not.toBe('data/incidents.parquet');
		expect(recipe).toContain('npm run serve -- --dataset data/real.parquet');
	});
});
