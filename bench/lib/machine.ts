// The machine a run was measured on, read at run time into the results (the figures mean little without it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, CHROMIUM, REPO_ROOT } from './paths';

export interface Machine {
	nproc: number;
	cpuModel: string;
	memoryGiB: number;
	os: string;
	distro: string | null;
	node: string;
	chromium: string | null;
	duckdbWasm: string;
	duckdbNodeApi: string;
	/** 1, 5 and 15 minute load averages when the run started (other jobs share these machines). */
	loadAverage: number[];
	gitCommit: string | null;
	/** Uncommitted changes in the working tree when the run started. */
	gitDirty: boolean | null;
	/** When build/ (the app that was served) was built. */
	appBuiltAt: string | null;
}

const packageVersion = (name: string) =>
	(JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function quiet(cmd: string, args: string[]): string | null {
	try {
		return execFileSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return null;
	}
}

export function describeMachine(): Machine {
	const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
	const status = quiet('git', ['status', '--porcelain']);
	const index = join(BUILD_DIR, 'index.html');
	return {
		nproc: availableParallelism(),
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		os: `${type()} ${release()}`,
		distro: /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? null,
		node: process.version,
		chromium: quiet(CHROMIUM, ['--version']),
		duckdbWasm: packageVersion('@duckdb/duckdb-wasm'),
		duckdbNodeApi: packageVersion('@duckdb/node-api'),
		loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
		gitCommit: quiet('git', ['rev-parse', 'HEAD']),
		gitDirty: status === null ? null : status.length > 0,
		appBuiltAt: existsSync(index) ? statSync(index).mtime.toISOString() : null
	};
}
