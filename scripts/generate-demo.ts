// npm run data:demo -- --rows N --seed S --out FILE
// Writes N synthetic incidents (deterministic for a seed) to a Parquet file, streaming: rows are generated one at a
// time and written through IncidentParquetWriter, so memory stays flat at any N (the 1M-10M benchmark sets too).
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoIncidents, DEMO_DATASET } from '../src/lib/demo/generator';
import { IncidentParquetWriter } from './lib/incident-parquet-writer';

const USAGE = 'usage: npm run data:demo -- --rows N --seed S --out FILE.parquet';

function integerArg(name: string, text: string | undefined, fallback: number, max: number): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text) || Number(text) > max) throw new Error(`--${name} must be an integer in 0..${max}, got "${text}"\n${USAGE}`);
	return Number(text);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { rows: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } }
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const rows = integerArg('rows', values.rows, DEMO_DATASET.rows, 1_000_000_000);
	const seed = integerArg('seed', values.seed, DEMO_DATASET.seed, 0xffffffff);
	const out = values.out ?? `tmp/demo-${rows}-${seed}.parquet`;

	const started = performance.now();
	const writer = await IncidentParquetWriter.open(out, { merge: false, dedupe: false });
	try {
		for (const incident of demoIncidents(seed, rows)) await writer.add(incident);
	} catch (error) {
		await writer.abort();
		throw error;
	}
	const generated = performance.now();
	const { total } = await writer.finish();
	const seconds = (performance.now() - started) / 1000;
	const mb = statSync(out).size / 1e6;
	console.log(
		`wrote ${total.toLocaleString('en')} synthetic rows (seed ${seed}) to ${writer.out}: ${mb.toFixed(1)} MB; ` +
			`${seconds.toFixed(1)} s (generate ${((generated - started) / 1000).toFixed(1)} s, Parquet ${((performance.now() - generated) / 1000).toFixed(1)} s), ` +
			`${Math.round(total / seconds).toLocaleString('en')} rows/s`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
