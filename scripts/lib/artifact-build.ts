// Compiles the incident Parquet into the DuckDB database file the browser ATTACHes (contract: src/lib/data/artifact.ts).
// The statements are the query layer's (src/lib/query/artifact-sql.ts), which the page also runs over local rows;
// this file adds the Node side: the file, its checksum, the temporary file and the rename.
// Written to a temporary file and renamed, so a failed build never leaves a half-written artifact in place.
// Default storage version on purpose: DuckDB-WASM 1.32 refuses files written with STORAGE_VERSION 'v1.5.0'.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { buildArtifactTables, type SqlRunner } from '../../src/lib/query/artifact-sql';
import type { SearchIndexLayout } from '../../src/lib/query/search-index';

export { enumTypeName, IMPORTED_SOURCES } from '../../src/lib/query/artifact-sql';

export interface ArtifactBuildOptions {
	/** Source Parquet in the incident schema (data/incidents.parquet). */
	input: string;
	/** Database file to write (static/data/rasd.duckdb). */
	output: string;
	/** Stamp for meta.built_at; defaults to now. */
	builtAt?: Date;
	/** DuckDB threads for the build (the machines are shared: 2 by default). */
	threads?: number;
	/** Build a dataset that holds synthetic rows next to imported real ones (refused otherwise). */
	allowMixed?: boolean;
	/** The search postings' layout; 'memory' only for tests of the page's in-memory build. */
	searchLayout?: SearchIndexLayout;
}

export interface ArtifactBuildResult {
	output: string;
	rows: number;
	bytes: number;
	seconds: number;
	sourceSha256: string;
	builtAt: string;
}

/** sha256 of a file, streamed (the benchmark sets are too large to read at once). */
export async function fileSha256(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

function removeDatabase(path: string): void {
	rmSync(path, { force: true });
	rmSync(`${path}.wal`, { force: true });
}

/** The shared build's statements on a @duckdb/node-api connection. */
export function nodeSqlRunner(conn: DuckDBConnection): SqlRunner {
	const values = (params?: readonly unknown[]) => (params?.length ? (params as DuckDBValue[]) : undefined);
	return {
		run: async (sql, params) => void (await conn.run(sql, values(params))),
		rows: async (sql, params) => (await conn.runAndReadAll(sql, values(params))).getRowsJS()
	};
}

export async function buildArtifact(options: ArtifactBuildOptions): Promise<ArtifactBuildResult> {
	const started = performance.now();
	const input = resolve(options.input);
	const output = resolve(options.output);
	if (!existsSync(input)) throw new Error(`no such Parquet file: ${input}`);
	const sourceSha256 = await fileSha256(input);
	const builtAt = (options.builtAt ?? new Date()).toISOString();
	mkdirSync(dirname(output), { recursive: true });
	const tmp = `${output}.${process.pid}-${Date.now()}.tmp`;
	removeDatabase(tmp);

	const instance = await DuckDBInstance.create(tmp, { threads: String(options.threads ?? 2) });
	const conn = await instance.connect();
	let rows = 0;
	try {
		rows = await buildArtifactTables(nodeSqlRunner(conn), {
			source: 'read_parquet($1)',
			sourceParams: [input],
			label: input,
			sourceSha256,
			builtAt,
			allowMixed: options.allowMixed ?? false,
			searchLayout: options.searchLayout
		});
		await conn.run('CHECKPOINT');
	} catch (error) {
		conn.closeSync();
		instance.closeSync();
		removeDatabase(tmp);
		throw error;
	}
	conn.closeSync();
	instance.closeSync();
	rmSync(`${tmp}.wal`, { force: true });
	rmSync(`${output}.wal`, { force: true });
	renameSync(tmp, output);
	return {
		output,
		rows,
		bytes: statSync(output).size,
		seconds: (performance.now() - started) / 1000,
		sourceSha256,
		builtAt
	};
}
