import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../scripts/lib/dataset-build';
import { nativeRows, removeTempDirs, tempDir } from '../artifact/helpers';

afterAll(removeTempDirs);

const SY24 = join(import.meta.dirname, '../../data/manual/sy24.csv');

function manualDir(root: string, extraCsv?: string): string {
	const dir = join(root, 'manual');
	mkdirSync(dir);
	copyFileSync(SY24, join(dir, 'a-sy24.csv'));
	if (extraCsv !== undefined) writeFileSync(join(dir, 'b-extra.csv'), extraCsv);
	return dir;
}

/** A second manual file: header plus records built from the SY24 file's first record with a few fields changed. */
function extraFile(changes: Record<string, string>[]): string {
	const [header, first] = readFileSync(SY24, 'utf8').split('\n');
	const names = header.split(',');
	// The SY24 record has quoted fields with commas; rebuild it from the parsed values instead of splitting text.
	const values = parseFirstRecord(first);
	const lines = changes.map((change) =>
		names.map((n, k) => {
			const v = change[n] ?? values[k];
			return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
		}).join(',')
	);
	return [header, ...lines].join('\n') + '\n';
}

function parseFirstRecord(line: string): string[] {
	const out: string[] = [];
	let field = '';
	let quoted = false;
	for (let k = 0; k < line.length; k++) {
		const ch = line[k];
		if (quoted) {
			if (ch === '"' && line[k + 1] === '"') { field += '"'; k++; }
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') { out.push(field); field = ''; }
		else field += ch;
	}
	out.push(field);
	return out;
}

describe('buildDataset', () => {
	it('writes demo + manual rows, sorted by event_date', async () => {
		const root = tempDir('rasd-dataset-');
		const out = join(root, 'incidents.parquet');
		const extra = extraFile([{ incident_id: 'manual:extra-1', source_record_id: 'extra-1', event_date: '2019-05-01', date_precision: 'month', date_end: '2019-05-31' }]);
		const result = await buildDataset({ out, manualDir: manualDir(root, extra), demo: { seed: 4, rows: 800 } });
		expect(result).toMatchObject({ total: 803, demoRows: 800, manualRows: 3 });
		const [[n, manual, unsorted]] = await nativeRows(
			`SELECT count(*), count(*) FILTER (WHERE source_dataset = 'manual'),
				count(*) FILTER (WHERE event_date < prev)
			 FROM (SELECT *, lag(event_date) OVER () AS prev FROM read_parquet($1))`, [out]
		);
		expect([n, manual, unsorted]).toEqual([803, 3, 0]);
		const [[killed, date]] = await nativeRows(
			`SELECT killed, strftime(event_date, '%Y-%m-%d') FROM read_parquet($1) WHERE incident_id = 'manual:extra-1'`, [out]
		);
		expect([killed, date]).toEqual([2, '2019-05-01']);
	});

	it('fails naming the file and line of a bad manual row, and writes nothing', async () => {
		const root = tempDir('rasd-dataset-bad-');
		const out = join(root, 'incidents.parquet');
		const extra = extraFile([
			{ incident_id: 'manual:ok-1', source_record_id: 'ok-1' },
			{ incident_id: 'manual:bad-1', source_record_id: 'bad-1', admin1_pcode: 'SY99', killed: '-3' }
		]);
		const dir = manualDir(root, extra);
		const failure = buildDataset({ out, manualDir: dir, demo: { seed: 4, rows: 100 } });
		await expect(failure).rejects.toThrow(/b-extra\.csv line 3: admin1_pcode must be an OCHA p-code/);
		await expect(buildDataset({ out, manualDir: dir, demo: null })).rejects.toThrow(/b-extra\.csv line 3: killed must be a whole number >= 0/);
		expect(existsSync(out)).toBe(false);
		expect(readdirSync(root)).toEqual(['manual']);
	});

	it('fails on an id used twice across files, naming both places', async () => {
		const root = tempDir('rasd-dataset-dup-');
		const dir = manualDir(root, extraFile([{}]));
		await expect(buildDataset({ out: join(root, 'x.parquet'), manualDir: dir, demo: null })).rejects.toThrow(
			/b-extra\.csv line 2: incident_id manual:sy24-raqqa-military-council-hq-attack is already used at .*a-sy24\.csv line 2/
		);
	});

	it('fails on a header that is not the schema', async () => {
		const root = tempDir('rasd-dataset-hdr-');
		const dir = manualDir(root, 'id,date\n1,2024-01-01\n');
		await expect(buildDataset({ out: join(root, 'x.parquet'), manualDir: dir, demo: null })).rejects.toThrow(
			/b-extra\.csv line 1: the header must be exactly the schema columns/
		);
	});
});
