// npm run data:build [-- --in data/incidents.parquet --out static/data/rasd.duckdb --allow-mixed]
// Compiles the incident Parquet into the browser artifact (see scripts/lib/artifact-build.ts). The dataset is --in,
// else $RASD_DATASET, else the bundled demo (data/incidents.parquet): `npm run data:build` passes its arguments to
// its last step, so the variable is how `RASD_DATASET=data/real.parquet npm start` picks a dataset. A dataset that
// mixes synthetic and imported real incidents is refused unless --allow-mixed (or RASD_ALLOW_MIXED=1).
import { parseArgs } from 'node:util';
import { ARTIFACT_PATH } from '../src/lib/data/artifact';
import { buildArtifact } from './lib/artifact-build';

const DEMO_DATASET_PATH = 'data/incidents.parquet';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			in: { type: 'string', default: process.env.RASD_DATASET || DEMO_DATASET_PATH },
			out: { type: 'string', default: `static/${ARTIFACT_PATH}` },
			'allow-mixed': { type: 'boolean', default: process.env.RASD_ALLOW_MIXED === '1' }
		}
	});
	const r = await buildArtifact({ input: values.in, output: values.out, allowMixed: values['allow-mixed'] });
	console.log(
		`wrote ${r.output} from ${values.in}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.seconds.toFixed(1)} s ` +
			`(source sha256 ${r.sourceSha256.slice(0, 12)}..., built ${r.builtAt})`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
