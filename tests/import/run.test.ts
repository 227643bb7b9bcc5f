// The run as a whole: several inputs into one file, re-import changes nothing, a refused file leaves the output
// byte-identical, and the CLI (--json and the readable summary, exit codes, stderr).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSummary, ImportError, runImport } from '../../scripts/lib/import-run';
import { fixture, readIncidents, repoRoot, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const inputs = [fixture('acled', 'acled-export.csv'), fixture('gtd', 'gtd-sample.csv'), fixture('ucdp', 'ucdp-ged-sample.csv')];

describe('several inputs into one output', async () => {
	const out = `${tmp.dir}/all.parquet`;
	const first = await runImport({ inputs, out });
	const ids = [...(await readIncidents(out)).keys()];
	const rejectsAfterFirst = readFileSync(first.rejectsFile, 'utf8');

	it('detects each format and keeps read = imported + rejected + duplicates, per file and in total', () => {
		expect(first.files.map((f) => f.format)).toEqual(['acled', 'gtd', 'ucdp']);
		for (const c of [first, ...first.files]) expect(c.imported + c.rejected + c.duplicates).toBe(c.read);
		expect(first.read).toBe(first.files.reduce((s, f) => s + f.read, 0));
		expect(first.outputRows).toBe(first.imported);
		expect(ids.length).toBe(first.imported);
		expect(first.unrecognisedAdmin1).toEqual({ 'Euphrates Region': 1, 'Jazira Region': 1 });
	});

	it('rejects of every file land in one rejects file, named by file', () => {
		const files = rejectsAfterFirst.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
		// Rejected rows, and the rows whose id was repeated within the inputs (ACLED's SYR990001).
		expect(first.duplicatesInInput).toBe(1);
		expect(files.length).toBe(first.rejected + first.duplicatesInInput);
		expect(new Set(files)).toEqual(new Set(inputs));
	});

	it('importing the same files again adds nothing: same rows, same ids, all counted as duplicates', async () => {
		const again = await runImport({ inputs, out });
		expect(again.imported).toBe(0);
		expect(again.duplicates).toBe(first.imported + first.duplicates);
		expect(again.rejected).toBe(first.rejected);
		expect(again.outputRows).toBe(first.outputRows);
		expect([...(await readIncidents(out)).keys()]).toEqual(ids);
		expect(readFileSync(again.rejectsFile, 'utf8')).toBe(rejectsAfterFirst);
	});
});

describe('a file that cannot be parsed', () => {
	it('refuses the run, naming the file, and leaves output and rejects byte-identical', async () => {
		const out = `${tmp.dir}/keep.parquet`;
		const done = await runImport({ inputs: [fixture('ucdp', 'ucdp-ged-sample.csv')], out });
		const before = readFileSync(out);
		const rejectsBefore = readFileSync(done.rejectsFile);
		// UTF-16 with a byte-order mark is now read; a file in a code page (here Windows-1252 bytes) is not.
		const cp1252 = `${tmp.dir}/cp1252.csv`;
		writeFileSync(cp1252, Buffer.from(readFileSync(fixture('acled', 'acled-export.csv'), 'utf8').replace('Al Mayadin', 'Al M\xe9yadin'), 'latin1'));

		// The good file first: its rows must not reach the output either.
		const run = runImport({ inputs: [fixture('acled', 'acled-export.csv'), cp1252], out });
		await expect(run).rejects.toBeInstanceOf(ImportError);
		await expect(run).rejects.toThrow(`${cp1252}: is not valid UTF-8`);
		expect(readFileSync(out).equals(before)).toBe(true);
		expect(readFileSync(done.rejectsFile).equals(rejectsBefore)).toBe(true);
	});

	it('refuses a header it cannot recognise', async () => {
		const odd = `${tmp.dir}/odd.csv`;
		writeFileSync(odd, 'when,where\n2023-01-01,Homs\n');
		await expect(runImport({ inputs: [odd], out: `${tmp.dir}/odd.parquet` })).rejects.toThrow(/odd\.csv: the header is not recognised .* pass --format csv with --map/);
		expect(existsSync(`${tmp.dir}/odd.parquet`)).toBe(false);
	});
});

function cli(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
	it('--json prints one JSON object with the summary keys and nothing else', () => {
		const out = `${tmp.dir}/cli.parquet`;
		const r = cli([fixture('ucdp', 'ucdp-ged-sample.csv'), fixture('gtd', 'gtd-sample.csv'), '--out', out, '--json']);
		expect(r.status).toBe(0);
		const summary = JSON.parse(r.stdout);
		for (const key of ['read', 'imported', 'rejected', 'duplicates', 'rejectedByReason', 'unrecognisedAdmin1', 'files']) expect(summary).toHaveProperty(key);
		expect(summary).toMatchObject({ read: 15, imported: 9, rejected: 6, duplicates: 0 });
		expect(summary.files.map((f: { format: string }) => f.format)).toEqual(['ucdp', 'gtd']);
		expect(summary.rejectedByReason['invalid date']).toBe(2);
	});

	it('prints a readable summary without --json', async () => {
		const out = `${tmp.dir}/cli-text.parquet`;
		const r = cli([fixture('acled', 'acled-export.csv'), '--out', out]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('acled-export.csv (acled): read 10, imported 4, rejected 5, duplicates 1');
		expect(r.stdout).toContain('rejected 2: invalid casualty figure');
		expect(r.stdout).toContain('unrecognised Syria admin1 (kept, no p-code): "Euphrates Region" 1');
		// The same text as the library's formatter gives for the same run.
		const again = await runImport({ inputs: [fixture('acled', 'acled-export.csv')], out: `${tmp.dir}/cli-text-2.parquet` });
		expect(r.stdout.split('\n')[0]).toBe(formatSummary(again).split('\n')[0]);
	});

	it('a refused file: message on stderr naming it, non-zero exit, output untouched', () => {
		const out = `${tmp.dir}/cli-keep.parquet`;
		copyFileSync(fixture('csv', 'schema-named.csv'), `${tmp.dir}/input.csv`);
		expect(cli([`${tmp.dir}/input.csv`, '--out', out]).status).toBe(0);
		const before = readFileSync(out);
		const latin1 = `${tmp.dir}/latin1.csv`;
		writeFileSync(latin1, Buffer.from('event_date,location\n2024-01-01,Caf\xe9\n', 'latin1'));
		const r = cli([latin1, '--out', out, '--json']);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`${latin1}: is not valid UTF-8`);
		expect(readFileSync(out).equals(before)).toBe(true);
	});

	it('usage errors exit 2', () => {
		expect(cli([fixture('csv', 'schema-named.csv')]).status).toBe(2);
		const r = cli([fixture('csv', 'schema-named.csv'), '--out', `${tmp.dir}/u.parquet`, '--format', 'xls']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--format must be one of acled, gtd, ucdp, csv');
	});
});
