// Compiles the incident Parquet into the DuckDB database file the browser ATTACHes (contract: src/lib/data/artifact.ts).
// Written to a temporary file and renamed, so a failed build never leaves a half-written artifact in place.
// Default storage version on purpose: DuckDB-WASM 1.32 refuses files written with STORAGE_VERSION 'v1.5.0'.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ACTOR_GROUP_OF_NULL, actorGroupTable } from '../../src/lib/data/actor-groups';
import {
	ACTOR_GROUP_COLUMN, ACTOR_GROUP_ENUM_VALUES, ARTIFACT_SCHEMA_VERSION, ENUM_COLUMNS, INCIDENTS_MONTH_TABLE, INCIDENTS_TABLE, META_TABLE, SOURCE_CITATIONS,
	SOURCES_TABLE
} from '../../src/lib/data/artifact';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { rollupTableSelectSql } from '../../src/lib/query/rollup';
import { DUPLICATE_MARKS, markDuplicates } from '../../src/lib/query/duplicates';
import { SEARCH_TEXT_SQL } from '../../src/lib/query/where';

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
}

/**
 * Sources of real, imported incidents. Synthetic rows next to these are refused unless asked for: an analyst's
 * counts would silently include invented events. `manual` rows (data/manual, hand-coded and reviewed in the repo)
 * are part of the bundled demo set by design and do not count as mixing.
 */
export const IMPORTED_SOURCES = ['acled', 'gtd', 'ucdp', 'csv'] as const;

export interface ArtifactBuildResult {
	output: string;
	rows: number;
	bytes: number;
	seconds: number;
	sourceSha256: string;
	builtAt: string;
}

const ENUM_SET: ReadonlySet<string> = new Set(ENUM_COLUMNS);
/** Type names come from the fixed ENUM_COLUMNS list, never from data. */
export const enumTypeName = (column: string) => `${column}_enum`;

/** sha256 of a file, streamed (the benchmark sets are too large to read at once). */
export async function fileSha256(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** SQL string literal of a constant from the code (slugs), never of data. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A temporary table perpetrator -> actor_group for every distinct perpetrator of the input, mapped by actorGroupOf
 * in TypeScript (the names are bound parameters). Distinct names are few (hundreds to thousands) even at 10M rows.
 */
async function createActorGroupTable(conn: DuckDBConnection, input: string): Promise<void> {
	const reader = await conn.runAndReadAll('SELECT DISTINCT perpetrator FROM read_parquet($1) WHERE perpetrator IS NOT NULL', [input]);
	const table = actorGroupTable(reader.getRowsJS().map((r) => String(r[0])));
	// VARCHAR here (a temporary table cannot depend on a type of the database); cast when the rows are inserted.
	await conn.run(`CREATE TEMP TABLE perpetrator_groups (perpetrator VARCHAR PRIMARY KEY, ${ACTOR_GROUP_COLUMN} VARCHAR NOT NULL)`);
	const batch = 500;
	for (let k = 0; k < table.length; k += batch) {
		const part = table.slice(k, k + batch);
		const values = part.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(', ');
		await conn.run(`INSERT INTO perpetrator_groups VALUES ${values}`, part.flat());
	}
}

function removeDatabase(path: string): void {
	rmSync(path, { force: true });
	rmSync(`${path}.wal`, { force: true });
}

async function checkColumns(conn: DuckDBConnection, input: string): Promise<void> {
	const reader = await conn.runAndReadAll('SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($1))', [input]);
	const present = new Set(reader.getRowsJS().map((r) => String(r[0])));
	const missing = INCIDENT_COLUMN_NAMES.filter((c) => !present.has(c));
	if (missing.length > 0) throw new Error(`${input} is not in the incident schema: missing ${missing.join(', ')}`);
}

/** Every id once: the browser, the URL of an incident and every count assume it. */
async function checkUniqueIds(conn: DuckDBConnection, input: string): Promise<void> {
	const reader = await conn.runAndReadAll(
		'SELECT incident_id, count(*) FROM read_parquet($1) GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5',
		[input]
	);
	const repeated = reader.getRowsJS().map((r) => `${String(r[0])} (${Number(r[1])} times)`);
	if (repeated.length) {
		throw new Error(`${input} repeats incident_id ${repeated.join(', ')}: every incident must appear once; re-import the source files into a new file`);
	}
}

/** Synthetic and imported real rows together only when the caller asked for it. */
async function checkNotMixed(conn: DuckDBConnection, input: string, allowMixed: boolean): Promise<void> {
	const real = IMPORTED_SOURCES.map((s) => `'${s}'`).join(', ');
	const reader = await conn.runAndReadAll(
		`SELECT count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) = 'synthetic'),
			count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) IN (${real})) FROM read_parquet($1)`,
		[input]
	);
	const [synthetic, imported] = reader.getRowsJS()[0].map(Number);
	if (synthetic > 0 && imported > 0 && !allowMixed) {
		throw new Error(
			`${input} mixes ${synthetic.toLocaleString('en')} synthetic (invented) incidents with ${imported.toLocaleString('en')} imported real ones: ` +
				'import real data into its own file (npm run import -- ... --out data/real.parquet), or pass --allow-mixed to show both on purpose'
		);
	}
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
		await checkColumns(conn, input);
		await checkUniqueIds(conn, input);
		await checkNotMixed(conn, input, options.allowMixed ?? false);
		// ENUM types from the values present (sorted, NULL excluded: a NULL stays a NULL of the ENUM type).
		for (const column of ENUM_COLUMNS) {
			const present = await conn.runAndReadAll(`SELECT count(${column}) FROM read_parquet($1)`, [input]);
			if (Number(present.getRowsJS()[0][0]) === 0) {
				// A column null in every row (a desk log without attack types): DuckDB refuses an ENUM without entries,
				// so the type gets one entry that no row holds (importers write blanks as NULL, never '').
				await conn.run(`CREATE TYPE ${enumTypeName(column)} AS ENUM ('')`);
				continue;
			}
			await conn.run(
				`CREATE TYPE ${enumTypeName(column)} AS ENUM (
					SELECT DISTINCT ${column} FROM read_parquet($1) WHERE ${column} IS NOT NULL ORDER BY ${column})`,
				[input]
			);
		}
		// actor_group: a fixed ENUM of every slug, so that its values do not depend on the data.
		await conn.run(`CREATE TYPE ${enumTypeName(ACTOR_GROUP_COLUMN)} AS ENUM (${ACTOR_GROUP_ENUM_VALUES.map(literal).join(', ')})`);
		await createActorGroupTable(conn, input);
		const columnDefs = INCIDENT_COLUMNS.map(
			(c) => `${c.name} ${ENUM_SET.has(c.name) ? enumTypeName(c.name) : c.type}${c.notNull ? ' NOT NULL' : ''}`
		);
		await conn.run(
			`CREATE TABLE ${INCIDENTS_TABLE} (${columnDefs.join(', ')},
				${ACTOR_GROUP_COLUMN} ${enumTypeName(ACTOR_GROUP_COLUMN)} NOT NULL, day_key INTEGER NOT NULL, month_key INTEGER NOT NULL, search_text VARCHAR,
				dup_group INTEGER, dup_score DOUBLE, dup_keep BOOLEAN NOT NULL)`
		);
		const selects = INCIDENT_COLUMNS.map(
			(c) => `CAST(${c.name} AS ${ENUM_SET.has(c.name) ? enumTypeName(c.name) : c.type})`
		);
		// Insertion order is kept, so rows land sorted by date: the browser's date-range scans skip whole row groups.
		await conn.run(
			`INSERT INTO ${INCIDENTS_TABLE}
			 SELECT ${selects.join(', ')},
				CAST(COALESCE(g.${ACTOR_GROUP_COLUMN}, ${literal(ACTOR_GROUP_OF_NULL)}) AS ${enumTypeName(ACTOR_GROUP_COLUMN)}),
				CAST(event_date - DATE '1970-01-01' AS INTEGER),
				CAST(year(event_date) * 12 + month(event_date) - 1 AS INTEGER),
				${SEARCH_TEXT_SQL}, NULL, NULL, true
			 FROM read_parquet($1) LEFT JOIN perpetrator_groups AS g USING (perpetrator) ORDER BY event_date, incident_id`,
			[input]
		);
		// Probable duplicates across sources (src/lib/query/duplicates.ts): only the rows of a group are updated.
		await markDuplicates(async (sql) => (await conn.run(sql)).rowsChanged, INCIDENTS_TABLE);
		await conn.run(
			`UPDATE ${INCIDENTS_TABLE} SET dup_group = m.dup_group, dup_score = m.dup_score, dup_keep = m.dup_keep
			 FROM ${DUPLICATE_MARKS} AS m WHERE ${INCIDENTS_TABLE}.incident_id = m.incident_id`
		);
		// The month rollup, by the query layer's own SQL (queries read the partial months of a range in the same shape).
		await conn.run(`CREATE TABLE ${INCIDENTS_MONTH_TABLE} AS ${rollupTableSelectSql(INCIDENTS_TABLE)}`);
		await conn.run(
			`CREATE TABLE ${META_TABLE} (row_count BIGINT, date_min DATE, date_max DATE, source_sha256 VARCHAR,
				built_at VARCHAR, synthetic_rows BIGINT, schema_version INTEGER)`
		);
		await conn.run(
			`INSERT INTO ${META_TABLE}
			 SELECT count(*), min(event_date), max(event_date), $1, $2,
				count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) = 'synthetic'), $3
			 FROM ${INCIDENTS_TABLE}`,
			[sourceSha256, builtAt, ARTIFACT_SCHEMA_VERSION]
		);
		await conn.run(
			`CREATE TABLE ${SOURCES_TABLE} (source_dataset VARCHAR, rows BIGINT, date_min DATE, date_max DATE, citation VARCHAR)`
		);
		await conn.run(
			`INSERT INTO ${SOURCES_TABLE}
			 SELECT CAST(source_dataset AS VARCHAR), count(*), min(event_date), max(event_date), NULL
			 FROM ${INCIDENTS_TABLE} GROUP BY ALL ORDER BY 1`
		);
		for (const [source, citation] of Object.entries(SOURCE_CITATIONS)) {
			await conn.run(`UPDATE ${SOURCES_TABLE} SET citation = $1 WHERE source_dataset = $2`, [citation, source]);
		}
		const counted = await conn.runAndReadAll(`SELECT row_count FROM ${META_TABLE}`);
		rows = Number(counted.getRows()[0][0]);
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
