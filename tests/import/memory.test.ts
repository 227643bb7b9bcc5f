// Memory stays bounded on large and hostile inputs. Each import runs in a fresh child process
// (measure-import.ts), which reports its RSS before the import and its peak RSS (getrusage); the assertions are on
// the growth, with generous bounds, and the figures are printed. Inputs are generated in a temp dir and deleted.
// Nothing here is timed.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, readIncidents, repoRoot, tempDir } from './helpers';
import { buildZip, repeatedText, SHARED_STRINGS_HEAD, SHARED_STRINGS_TAIL, workbookParts } from './zip-builder';

const tmp = tempDir('rasd-import-memory-');
afterAll(() => tmp.cleanup());
const MiB = 2 ** 20;
const mb = (n: number) => `${(n / MiB).toFixed(1)} MB`;

interface Measured {
	ok: boolean;
	summary?: { read: number; imported: number; rejected: number; duplicates: number; rejectedByReason: Record<string, number>; rejectsFile: string };
	error?: string;
	/** measure-read.ts only. */
	records?: number;
	rssBefore: number;
	peakRss: number;
	growth: number;
}

function measure(mode: 'import' | 'read', options: Record<string, unknown>, env: Record<string, string> = {}): Measured {
	const script = mode === 'import' ? 'tests/import/measure-import.ts' : 'tests/import/measure-read.ts';
	const r = spawnSync(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
		cwd: repoRoot,
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
	if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
	const m = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Measured;
	return { ...m, growth: m.peakRss - m.rssBefore };
}

describe('a 50 MB line inside an otherwise valid CSV', () => {
	// Measured here: about 40 MB of growth (a third of it DuckDB writing the Parquet); holding the line whole, as
	// the splitter would without its limit, costs about 135 MB, so the bound is set between the two.
	it('the valid rows import, the big one is rejected as too large, and RSS grows by under 100 MB', async () => {
		const file = `${tmp.dir}/line50.csv`;
		const fd = openSync(file, 'w');
		writeSync(fd, 'source_record_id,event_date,country,summary\n');
		for (let i = 1; i <= 3; i++) writeSync(fd, `b-${i},2023-06-0${i},Syria,Invented: before ${i}\n`);
		writeSync(fd, 'big,2023-06-04,Syria,');
		const block = 'x'.repeat(MiB);
		for (let i = 0; i < 50; i++) writeSync(fd, block);
		writeSync(fd, '\n');
		for (let i = 5; i <= 7; i++) writeSync(fd, `a-${i},2023-06-0${i},Syria,Invented: after ${i}\n`);
		closeSync(fd);

		const out = `${tmp.dir}/line50.parquet`;
		const m = measure('import', { inputs: [file], out });
		console.log(`50 MB line (${mb(statSync(file).size)} file): RSS before ${mb(m.rssBefore)}, peak ${mb(m.peakRss)}, growth ${mb(m.growth)}`);
		expect(m.ok).toBe(true);
		expect(m.summary).toMatchObject({ read: 7, imported: 6, rejected: 1, rejectedByReason: { 'record too large': 1 } });
		const [, reject] = parse(readFileSync(m.summary?.rejectsFile as string, 'utf8')) as string[][];
		expect(reject.slice(1, 3)).toEqual(['5', `record too large (${50 * MiB + 'big,2023-06-04,Syria,'.length} bytes > ${MiB})`]);
		expect(reject[3].length).toBeLessThan(1100);
		expect([...(await readIncidents(out)).keys()]).toEqual(['csv:a-5', 'csv:a-6', 'csv:a-7', 'csv:b-1', 'csv:b-2', 'csv:b-3'].sort());
		expect(m.growth).toBeLessThan(100 * MiB);
	}, 300_000);
});

describe('zip bombs', () => {
	for (const lying of [false, true]) {
		it(`${lying ? 'headers declaring 1000 bytes' : 'honest headers'}: 400 MB of shared strings refused with RSS growth under 200 MB`, async () => {
			const bomb = await repeatedText(SHARED_STRINGS_HEAD, 'a', 400, SHARED_STRINGS_TAIL);
			const file = `${tmp.dir}/bomb-${lying}.xlsx`;
			writeFileSync(file, buildZip(workbookParts([['source_record_id', 'event_date'], ['z-1', '2024-01-01']], { deflated: bomb, ...(lying ? { declaredSize: 1000 } : {}) })));
			const m = measure('import', { inputs: [file], out: `${tmp.dir}/bomb.parquet` });
			console.log(`zip bomb, ${lying ? 'lying' : 'honest'} headers (${mb(statSync(file).size)} -> 400 MB): RSS growth ${mb(m.growth)}`);
			expect(m.ok).toBe(false);
			expect(m.error).toMatch(lying ? /inflates to more than the 1000 bytes its header declares/ : /expands \d+:1/);
			// exceljs alone, without the guard, peaks at about 530 MB on this file (the string is held whole).
			expect(m.growth).toBeLessThan(200 * MiB);
		}, 300_000);
	}
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('300,000 ACLED rows (about 100 MB)', () => {
	const file = `${tmp.dir}/acled-300k.csv`;
	const [header, template] = readFileSync(fixture('acled', 'acled-export.csv'), 'utf8').split('\n');
	// The fixture's first (valid, invented) row after its id and date, with a generated id and date in front.
	const rest = template.slice(template.indexOf(',', template.indexOf(',') + 1));
	const fd = openSync(file, 'w');
	writeSync(fd, `${header}\n`);
	for (let start = 0; start < 300_000; start += 10_000) {
		const lines: string[] = [];
		for (let i = start; i < start + 10_000; i++) {
			const d = new Date(Date.UTC(2015, 0, 1) + (i % 3000) * 86_400_000);
			lines.push(`GEN${String(i).padStart(7, '0')},${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}${rest}`);
		}
		writeSync(fd, `${lines.join('\n')}\n`);
	}
	closeSync(fd);
	const size = statSync(file).size;

	it('the CSV reader streams: RSS grows by under 64 MB while reading every record', () => {
		const m = measure('read', { file });
		console.log(`read 300k ACLED rows (${mb(size)} file): ${m.records} records, RSS growth ${mb(m.growth)}`);
		expect(m.records).toBe(300_000);
		expect(m.growth).toBeLessThan(64 * MiB);
	}, 300_000);

	// A loose bound: the reader's streaming is proven above; this one shows the whole run stays proportionate.
	it('the whole import (read, map, write Parquet) stays under ten times the file size', () => {
		const m = measure('import', { inputs: [file], out: `${tmp.dir}/acled-300k.parquet` });
		console.log(`import 300k ACLED rows (${mb(size)} file): RSS before ${mb(m.rssBefore)}, peak ${mb(m.peakRss)}, growth ${mb(m.growth)}`);
		expect(m.summary).toMatchObject({ read: 300_000, imported: 300_000, rejected: 0, duplicates: 0 });
		// Most of the growth is DuckDB sorting and writing the Parquet file in IncidentParquetWriter.finish().
		expect(m.growth).toBeLessThan(10 * size);
	}, 600_000);
});
