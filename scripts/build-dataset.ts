// npm run data:dataset [-- --out data/incidents.parquet --manual data/manual --rows 100000 --seed 20240101]
// data/incidents.parquet = the synthetic demo set (fixed seed) + every data/manual/*.csv.
import { parseArgs } from 'node:util';
import { DEMO_DATASET } from '../src/lib/demo/generator';
import { buildDataset } from './lib/dataset-build';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string', default: 'data/incidents.parquet' },
			manual: { type: 'string', default: 'data/manual' },
			rows: { type: 'string', default: String(DEMO_DATASET.rows) },
			seed: { type: 'string', default: String(DEMO_DATASET.seed) }
		}
	});
	for (const name of ['rows', 'seed'] as const) {
		if (!/^\d+$/.test(values[name])) throw new Error(`--${name} must be a non-negative integer, got "${values[name]}"`);
	}
	const result = await buildDataset({
		out: values.out,
		manualDir: values.manual,
		demo: { seed: Number(values.seed), rows: Number(values.rows) }
	});
	console.log(
		`wrote ${result.out}: ${result.total.toLocaleString('en')} rows (${result.demoRows.toLocaleString('en')} synthetic, ` +
			`${result.manualRows} manual from ${result.manualFiles.length} file(s)), ${(result.bytes / 1e6).toFixed(2)} MB, ${result.seconds.toFixed(1)} s`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
