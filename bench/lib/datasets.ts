// Benchmark datasets: synthetic sets made by the demo generator (scripts/generate-demo.ts, run as a child process,
// streaming, so 10M rows never sit in this process) and, optionally, the union of the real exports imported with
// import-run. Both are cached as Parquet under the cache directory, keyed by what produced them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runImport } from '../../scripts/lib/import-run';
import { REPO_ROOT } from './paths';
import { generatorVersion, importerVersion } from './versions';
import { createHash } from 'node:crypto';

export interface Dataset {
	/** Table label: "200k", "1M", ... or "real (derived union)". */
	label: string;
	kind: 'demo' | 'real';
	rows: number;
	parquet: string;
	/** Cache key (file name stem) of the Parquet. */
	key: string;
	seed: number | null;
	/** Seconds spent generating / importing in this run; null when the cached file was reused. */
	seconds: number | null;
}

export type Log = (line: string) => void;

export function sizeLabel(rows: number): string {
	if (rows >= 1_000_000 && rows % 100_000 === 0) return `${rows / 1_000_000}M`;
	if (rows >= 1_000 && rows % 1_000 === 0) return `${rows / 1_000}k`;
	return rows.toLocaleString('en');
}

/** Runs a repository script with tsx in a child process; its output goes to `log`, line by line. */
export function runScript(script: string, args: readonly string[], log: Log): Promise<void> {
	return new Promise((ok, fail) => {
		const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const forward = (chunk: Buffer) => {
			for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`  ${line.trim()}`);
			tail = (tail + chunk.toString('utf8')).slice(-2000);
		};
		child.stdout.on('data', forward);
		child.stderr.on('data', forward);
		child.on('error', fail);
		child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${script} exited with ${code}: ${tail.trim()}`))));
	});
}

export async function parquetRows(path: string): Promise<number> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		const reader = await conn.runAndReadAll('SELECT count(*) FROM read_parquet($1)', [path]);
		return Number(reader.getRows()[0][0]);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

export async function demoDataset(rows: number, seed: number, cacheDir: string, log: Log): Promise<Dataset> {
	const key = `demo-r${rows}-s${seed}-g${generatorVersion()}`;
	const parquet = join(cacheDir, `${key}.parquet`);
	const base = { label: sizeLabel(rows), kind: 'demo' as const, rows, parquet, key, seed };
	if (existsSync(parquet)) {
		log(`dataset ${base.label}: cached ${parquet}`);
		return { ...base, seconds: null };
	}
	mkdirSync(cacheDir, { recursive: true });
	log(`dataset ${base.label}: generating ${rows.toLocaleString('en')} rows (seed ${seed})`);
	const started = performance.now();
	// The writer renames a finished file into place, so an interrupted run leaves no cache entry behind.
	await runScript('scripts/generate-demo.ts', ['--rows', String(rows), '--seed', String(seed), '--out', parquet], log);
	const seconds = (performance.now() - started) / 1000;
	const written = await parquetRows(parquet);
	if (written !== rows) throw new Error(`${parquet} has ${written} rows, expected ${rows}`);
	return { ...base, seconds };
}

/** The export files of the real folder (every .csv, .csv.gz and .xlsx below it, boundaries excluded), sorted. */
export function realExportFiles(realDir: string): string[] {
	if (!existsSync(realDir)) return [];
	const out: string[] = [];
	for (const entry of readdirSync(realDir, { withFileTypes: true })) {
		if (!entry.isDirectory() || entry.name === 'boundaries') continue;
		for (const f of readdirSync(join(realDir, entry.name))) {
			if (/\.(csv|csv\.gz|xlsx)$/i.test(f)) out.push(join(realDir, entry.name, f));
		}
	}
	return out.sort();
}

/** The union of the real exports, imported into the cache (never into the repository). Null when absent. */
export async function realDataset(realDir: string, cacheDir: string, log: Log): Promise<Dataset | null> {
	const files = realExportFiles(realDir);
	if (files.length === 0) {
		log(`real set: skipped (no exports under ${realDir})`);
		return null;
	}
	const hash = createHash('sha256').update(importerVersion());
	for (const f of files) hash.update(`${f}:${statSync(f).size}:${statSync(f).mtimeMs}`);
	const key = `real-union-${hash.digest('hex').slice(0, 12)}`;
	const parquet = join(cacheDir, `${key}.parquet`);
	const base = { label: 'real (derived union)', kind: 'real' as const, parquet, key, seed: null };
	if (existsSync(parquet)) {
		log(`real set: cached ${parquet}`);
		return { ...base, rows: await parquetRows(parquet), seconds: null };
	}
	mkdirSync(cacheDir, { recursive: true });
	log(`real set: importing ${files.length} exports into ${parquet}`);
	const started = performance.now();
	const summary = await runImport({ inputs: files, out: parquet });
	log(`  imported ${summary.imported.toLocaleString('en')}, rejected ${summary.rejected.toLocaleString('en')}, duplicates ${summary.duplicates.toLocaleString('en')}`);
	return { ...base, rows: summary.outputRows, seconds: (performance.now() - started) / 1000 };
}
