// Command line of `npm run bench`. Pure: argv in, options out (or a usage error), so it is unit-testable.
import { parseArgs } from 'node:util';

export const DEFAULT_SIZES = [200_000, 1_000_000, 3_000_000, 10_000_000] as const;
/** Seed of every benchmark set (fixed so runs on different days measure the same rows). */
export const DEFAULT_SEED = 20240101;

export const USAGE = `usage: npm run bench -- [options]

  --rows N          one size only (200000, 200k, 1M, ...)
  --sizes A,B,...   several sizes (default 200k,1M,3M,10M; "none" for only --real)
  --real            add the union of ../shared/data/real exports ("real (derived union)") when present
  --quick           CI smoke: 200k unless sizes are given, one replay repetition, one warm load
  --seed S          demo generator seed (default ${DEFAULT_SEED})
  --reps R          timed repetitions per query in the wasm/native comparison (default 3, quick 1)
  --interactions N  run only the first N steps of the interaction script (default: all)
  --rebuild         rebuild cached artifacts (datasets are always reused when their key matches)
  --cache DIR       cache directory (default .cache/bench)
  --out FILE        JSON output (default bench/results/latest.json; quick: bench/results/runs/quick.json)
  -h, --help        this text`;

export interface BenchOptions {
	sizes: number[];
	real: boolean;
	quick: boolean;
	seed: number;
	reps: number;
	warmLoads: number;
	interactions: number | null;
	rebuild: boolean;
	cacheDir: string | null;
	out: string | null;
	help: boolean;
}

export class UsageError extends Error {}

/** "200000", "200k", "1M", "1.5m" -> rows. */
export function parseSize(text: string): number {
	const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replace(/_/g, ''));
	if (!m) throw new UsageError(`not a row count: "${text}"`);
	const factor = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1_000 : 1_000_000;
	const n = Math.round(Number(m[1]) * factor);
	if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000_000) throw new UsageError(`row count out of range: "${text}"`);
	return n;
}

function positiveInt(name: string, text: string | undefined, fallback: number, min = 1): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${text}"`);
	return Number(text);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
	let values;
	try {
		({ values } = parseArgs({
			args: [...argv],
			options: {
				rows: { type: 'string' },
				sizes: { type: 'string' },
				real: { type: 'boolean', default: false },
				quick: { type: 'boolean', default: false },
				seed: { type: 'string' },
				reps: { type: 'string' },
				interactions: { type: 'string' },
				rebuild: { type: 'boolean', default: false },
				cache: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		}));
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
	if (values.rows !== undefined && values.sizes !== undefined) throw new UsageError('give --rows or --sizes, not both');
	const quick = values.quick ?? false;
	let sizes: number[];
	if (values.rows !== undefined) sizes = [parseSize(values.rows)];
	else if (values.sizes !== undefined) {
		sizes = values.sizes.trim() === 'none' ? [] : values.sizes.split(',').map(parseSize);
	} else sizes = quick ? [200_000] : [...DEFAULT_SIZES];
	const real = values.real ?? false;
	if (sizes.length === 0 && !real) throw new UsageError('nothing to measure: no sizes and no --real');
	return {
		sizes: [...new Set(sizes)],
		real,
		quick,
		seed: positiveInt('seed', values.seed, DEFAULT_SEED, 0),
		reps: positiveInt('reps', values.reps, quick ? 1 : 3),
		warmLoads: quick ? 1 : 3,
		interactions: values.interactions === undefined ? null : positiveInt('interactions', values.interactions, 0),
		rebuild: values.rebuild ?? false,
		cacheDir: values.cache ?? null,
		out: values.out ?? null,
		help: values.help ?? false
	};
}
