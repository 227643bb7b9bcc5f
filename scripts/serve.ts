// npm run serve -- --dataset data/real.parquet [--allow-mixed]
// One command from a dataset to the running dashboard: builds the browser artifact from the named Parquet file
// (default: the bundled demo), the default-view assets and the static site, then serves it at
// http://127.0.0.1:4173/. The same steps as `npm start`, with the dataset named instead of implied.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		dataset: { type: 'string', default: process.env.RASD_DATASET || 'data/incidents.parquet' },
		'allow-mixed': { type: 'boolean', default: false }
	}
});

if (!existsSync(values.dataset)) {
	console.error(`no such dataset: ${values.dataset} (import one with npm run import -- <export> --out ${values.dataset})`);
	process.exit(2);
}

const env = { ...process.env, RASD_DATASET: values.dataset, RASD_ALLOW_MIXED: values['allow-mixed'] ? '1' : '' };
for (const step of [['run', 'data:build'], ['run', 'build'], ['run', 'preview']]) {
	const r = spawnSync('npm', step, { stdio: 'inherit', env });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
