// npm run bench [-- --rows N | --sizes A,B | --real | --quick ...]: the "Performance at ACLED scale" benchmark.
// For each set: generate (or reuse) the data, build the artifact, serve the built app, drive headless Chromium
// through the fixed interaction script, export CSV, compare every query with native DuckDB; then print one table
// and write the JSON. See bench/results/README.md.
import { join, resolve } from 'node:path';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './lib/args';
import { demoDataset, realDataset, type Dataset } from './lib/datasets';
import { describeMachine } from './lib/machine';
import { BUILD_DIR, DEFAULT_CACHE_DIR, REAL_DATA_DIR, RESULTS_DIR } from './lib/paths';
import { formatTable, writeResults, type ResultsFile } from './lib/report';
import { runSize } from './lib/run-size';
import { requireBuild } from './lib/serve';

const log = (line: string) => console.log(line);

function outputPath(o: BenchOptions): string {
	if (o.out) return resolve(o.out);
	return o.quick ? join(RESULTS_DIR, 'runs', 'quick.json') : join(RESULTS_DIR, 'latest.json');
}

export async function main(argv: string[]): Promise<number> {
	let o: BenchOptions;
	try {
		o = parseBenchArgs(argv);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	if (o.help) {
		console.log(USAGE);
		return 0;
	}
	requireBuild(BUILD_DIR);
	const cacheDir = resolve(o.cacheDir ?? DEFAULT_CACHE_DIR);
	const out = outputPath(o);
	const doc: ResultsFile = {
		benchmark: 'rasd',
		version: 1,
		startedAt: new Date().toISOString(),
		finishedAt: null,
		command: `npm run bench -- ${argv.join(' ')}`.trim(),
		machine: describeMachine(),
		options: { sizes: o.sizes, real: o.real, quick: o.quick, seed: o.seed, reps: o.reps, warmLoads: o.warmLoads, interactions: o.interactions },
		records: []
	};
	log(`machine: ${doc.machine.nproc} cores (${doc.machine.cpuModel}), ${doc.machine.memoryGiB} GiB, ${doc.machine.chromium}, Node ${doc.machine.node}, load ${doc.machine.loadAverage.join(' ')}`);

	const sets: (() => Promise<Dataset | null>)[] = [...o.sizes].sort((a, b) => a - b).map((rows) => () => demoDataset(rows, o.seed, cacheDir, log));
	if (o.real) sets.push(() => realDataset(REAL_DATA_DIR, cacheDir, log));
	let failed = false;
	for (const make of sets) {
		const dataset = await make();
		if (!dataset) continue;
		try {
			const record = await runSize({ dataset, cacheDir, buildDir: BUILD_DIR, rebuild: o.rebuild, interactions: o.interactions, reps: o.reps, warmLoads: o.warmLoads, log });
			doc.records.push(record);
			if (record.detail.errors.length) {
				failed = true;
				for (const e of record.detail.errors) console.error(`  error: ${e}`);
			}
		} catch (e) {
			failed = true;
			console.error(`${dataset.label}: ${(e as Error).stack ?? e}`);
		}
		writeResults(out, doc); // after every set, so a long run keeps what it measured
	}
	doc.finishedAt = new Date().toISOString();
	writeResults(out, doc);
	console.log(`\n${formatTable(doc.records)}\n\nwrote ${out}`);
	return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
);
