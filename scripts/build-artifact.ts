// npm run data:build [-- --in data/incidents.parquet --out static/data/rasd.duckdb]
// Compiles the incident Parquet into the browser artifact (see scripts/lib/artifact-build.ts).
import { parseArgs } from 'node:util';
import { ARTIFACT_PATH } from '../src/lib/data/artifact';
import { buildArtifact } from './lib/artifact-build';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			in: { type: 'string', default: 'data/incidents.parquet' },
			out: { type: 'string', default: `static/${ARTIFACT_PATH}` }
		}
	});
	const r = await buildArtifact({ input: values.in, output: values.out });
	console.log(
		`wrote ${r.output}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.seconds.toFixed(1)} s ` +
			`(source sha256 ${r.sourceSha256.slice(0, 12)}..., built ${r.builtAt})`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
