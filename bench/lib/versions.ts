// Content hashes of the code that produces a cached file: a cache entry is reused only while the code that made it
// is unchanged, so an edited generator or artifact build never benchmarks stale data.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

function hashFiles(files: readonly string[]): string {
	const hash = createHash('sha256');
	for (const f of files) {
		hash.update(f);
		hash.update(readFileSync(join(REPO_ROOT, f)));
	}
	return hash.digest('hex').slice(0, 12);
}

const tsIn = (dir: string) =>
	readdirSync(join(REPO_ROOT, dir))
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
		.sort()
		.map((f) => `${dir}/${f}`);

/** The demo generator: its modules, its CLI, the Parquet writer and the schema and code lists it draws from. */
export function generatorVersion(): string {
	return hashFiles([
		...tsIn('src/lib/demo'),
		'scripts/generate-demo.ts',
		'scripts/lib/incident-parquet-writer.ts',
		'src/lib/data/schema.ts',
		'src/lib/data/taxonomy.ts',
		'src/lib/data/gazetteer.ts'
	]);
}

/** The importers (for the real union set). */
export function importerVersion(): string {
	return hashFiles([...tsIn('src/lib/import'), 'scripts/lib/import-run.ts', 'scripts/lib/read-table.ts', 'scripts/lib/incident-parquet-writer.ts']);
}

/** The artifact build and everything whose output it stores (search text folding included). */
export function artifactVersion(): string {
	return hashFiles([
		'scripts/lib/artifact-build.ts',
		'src/lib/query/artifact-sql.ts',
		'src/lib/query/search-index.ts',
		'src/lib/query/duplicates.ts',
		'src/lib/data/artifact.ts',
		'src/lib/data/schema.ts',
		'src/lib/data/actor-groups.ts',
		'src/lib/data/districts.ts',
		'src/lib/data/gazetteer.ts',
		'src/lib/i18n/countries.ts',
		'src/lib/query/where.ts',
		'src/lib/query/rollup.ts',
		'src/lib/text/fold.ts'
	]);
}
