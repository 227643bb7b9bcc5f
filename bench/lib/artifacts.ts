// The browser artifact of each benchmark set, built with the project's own buildArtifact() and timed. Cached next
// to its Parquet with a small JSON note of the build (time, size), so a rerun reuses it and still reports what the
// build cost; --rebuild forces a fresh build.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import type { Dataset, Log } from './datasets';
import { artifactVersion } from './versions';

export interface Artifact {
	path: string;
	bytes: number;
	rows: number;
	/** Seconds buildArtifact() took when this file was built. */
	buildSeconds: number;
	builtAt: string;
	/** True when this run reused a cached file (buildSeconds is then from the earlier build). */
	cached: boolean;
}

interface BuildNote {
	bytes: number;
	rows: number;
	buildSeconds: number;
	builtAt: string;
}

export async function ensureArtifact(ds: Dataset, cacheDir: string, options: { rebuild: boolean; log: Log }): Promise<Artifact> {
	const path = join(cacheDir, `${ds.key}-a${artifactVersion()}.duckdb`);
	const notePath = `${path}.json`;
	if (!options.rebuild && existsSync(path) && existsSync(notePath)) {
		const note = JSON.parse(readFileSync(notePath, 'utf8')) as BuildNote;
		options.log(`artifact ${ds.label}: cached ${path} (${(note.bytes / 1e6).toFixed(1)} MB, built in ${note.buildSeconds.toFixed(1)} s)`);
		return { path, ...note, cached: true };
	}
	rmSync(notePath, { force: true });
	options.log(`artifact ${ds.label}: building from ${ds.parquet}`);
	const r = await buildArtifact({ input: ds.parquet, output: path });
	if (r.rows !== ds.rows) throw new Error(`artifact ${path} has ${r.rows} rows, the dataset ${ds.rows}`);
	const note: BuildNote = { bytes: r.bytes, rows: r.rows, buildSeconds: r.seconds, builtAt: r.builtAt };
	writeFileSync(notePath, JSON.stringify(note, null, 2));
	options.log(`artifact ${ds.label}: ${(r.bytes / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s`);
	return { path, ...note, cached: false };
}
