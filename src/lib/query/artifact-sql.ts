// The artifact's build, as SQL over any table of incident rows: the Node build (scripts/lib/artifact-build.ts)
// runs it over read_parquet($1) into the database file the browser attaches, and the page runs the very same
// statements over the analyst's local rows into an in-memory database (src/lib/workspace). Contract of the result:
// src/lib/data/artifact.ts. Names in the SQL come from fixed lists and the caller's constant `source`; data values
// travel as bound parameters only.
import { ACTOR_GROUP_OF_NULL, actorGroupTable } from '../data/actor-groups';
import {
	ACTOR_GROUP_COLUMN, ACTOR_GROUP_ENUM_VALUES, ARTIFACT_SCHEMA_VERSION, ENUM_COLUMNS, INCIDENTS_MONTH_TABLE, INCIDENTS_TABLE, META_TABLE, SOURCE_CITATIONS,
	SOURCES_TABLE
} from '../data/artifact';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES } from '../data/schema';
import { DROP_DUPLICATE_TABLES, DUPLICATE_MARKS, markDuplicates } from './duplicates';
import { rollupTableSelectSql } from './rollup';
import { buildSearchIndex, type SearchIndexLayout } from './search-index';

/** What runs the statements: @duckdb/node-api in the build, DuckDB-WASM in the page. `$n` placeholders. */
export interface SqlRunner {
	run(sql: string, params?: readonly unknown[]): Promise<void>;
	rows(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
}

export interface ArtifactSqlOptions {
	/** The rows to build from: a table or a table function (`read_parquet($1)`); a constant, never user text. */
	source: string;
	/** The parameters `source` names ($1, ...). */
	sourceParams?: readonly unknown[];
	/** How messages name the input (the Parquet path, or "the local dataset"). */
	label: string;
	sourceSha256: string;
	builtAt: string;
	/** Build a dataset that holds synthetic rows next to imported real ones (refused otherwise). */
	allowMixed?: boolean;
	/** The search postings' layout (search-index.ts): 'file' unless the database lives in the page's memory. */
	searchLayout?: SearchIndexLayout;
	/**
	 * Leave the search index out: the caller builds it later with buildSearchIndex (the page does, once the local
	 * dataset's dashboard has been drawn). Until then no `q` filter can run on the result.
	 */
	deferSearchIndex?: boolean;
}

/**
 * Sources of real, imported incidents. Synthetic rows next to these are refused unless asked for: an analyst's
 * counts would silently include invented events. `manual` rows (data/manual, hand-coded and reviewed in the repo)
 * are part of the bundled demo set by design and do not count as mixing.
 */
export const IMPORTED_SOURCES = ['acled', 'gtd', 'ucdp', 'csv'] as const;

const ENUM_SET: ReadonlySet<string> = new Set(ENUM_COLUMNS);
/** Type names come from the fixed ENUM_COLUMNS list, never from data. */
export const enumTypeName = (column: string) => `${column}_enum`;

/** SQL string literal of a constant from the code (slugs), never of data. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A temporary table perpetrator -> actor_group for every distinct perpetrator of the input, mapped by actorGroupOf
 * in TypeScript (the names are bound parameters). Distinct names are few (hundreds to thousands) even at 10M rows.
 */
async function createActorGroupTable(db: SqlRunner, o: ArtifactSqlOptions): Promise<void> {
	const names = await db.rows(`SELECT DISTINCT perpetrator FROM ${o.source} WHERE perpetrator IS NOT NULL`, o.sourceParams);
	const table = actorGroupTable(names.map((r) => String(r[0])));
	// VARCHAR here (a temporary table cannot depend on a type of the database); cast when the rows are inserted.
	await db.run(`CREATE OR REPLACE TEMP TABLE perpetrator_groups (perpetrator VARCHAR PRIMARY KEY, ${ACTOR_GROUP_COLUMN} VARCHAR NOT NULL)`);
	const batch = 500;
	for (let k = 0; k < table.length; k += batch) {
		const part = table.slice(k, k + batch);
		const values = part.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(', ');
		await db.run(`INSERT INTO perpetrator_groups VALUES ${values}`, part.flat());
	}
}

async function checkColumns(db: SqlRunner, o: ArtifactSqlOptions): Promise<void> {
	const rows = await db.rows(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${o.source})`, o.sourceParams);
	const present = new Set(rows.map((r) => String(r[0])));
	const missing = INCIDENT_COLUMN_NAMES.filter((c) => !present.has(c));
	if (missing.length > 0) throw new Error(`${o.label} is not in the incident schema: missing ${missing.join(', ')}`);
}

/** Every id once: the browser, the URL of an incident and every count assume it. */
async function checkUniqueIds(db: SqlRunner, o: ArtifactSqlOptions): Promise<void> {
	const rows = await db.rows(`SELECT incident_id, count(*) FROM ${o.source} GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`, o.sourceParams);
	const repeated = rows.map((r) => `${String(r[0])} (${Number(r[1])} times)`);
	if (repeated.length) {
		throw new Error(`${o.label} repeats incident_id ${repeated.join(', ')}: every incident must appear once; re-import the source files into a new file`);
	}
}

/** Synthetic and imported real rows together only when the caller asked for it. */
async function checkNotMixed(db: SqlRunner, o: ArtifactSqlOptions): Promise<void> {
	const real = IMPORTED_SOURCES.map((s) => `'${s}'`).join(', ');
	const rows = await db.rows(
		`SELECT count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) = 'synthetic'),
			count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) IN (${real})) FROM ${o.source}`,
		o.sourceParams
	);
	const [synthetic, imported] = rows[0].map(Number);
	if (synthetic > 0 && imported > 0 && !o.allowMixed) {
		throw new Error(
			`${o.label} mixes ${synthetic.toLocaleString('en')} synthetic (invented) incidents with ${imported.toLocaleString('en')} imported real ones: ` +
				'import real data into its own file (npm run import -- ... --out data/real.parquet), or pass --allow-mixed to show both on purpose'
		);
	}
}

/**
 * Checks the source and creates the artifact's tables (incidents, incidents_month, meta, sources) and ENUM types in
 * the runner's current database. Resolves to the number of incidents.
 */
export async function buildArtifactTables(db: SqlRunner, o: ArtifactSqlOptions): Promise<number> {
	await checkColumns(db, o);
	await checkUniqueIds(db, o);
	await checkNotMixed(db, o);
	// ENUM types from the values present (sorted, NULL excluded: a NULL stays a NULL of the ENUM type).
	for (const column of ENUM_COLUMNS) {
		const present = await db.rows(`SELECT count(${column}) FROM ${o.source}`, o.sourceParams);
		if (Number(present[0][0]) === 0) {
			// A column null in every row (a desk log without attack types): DuckDB refuses an ENUM without entries,
			// so the type gets one entry that no row holds (importers write blanks as NULL, never '').
			await db.run(`CREATE TYPE ${enumTypeName(column)} AS ENUM ('')`);
			continue;
		}
		await db.run(
			`CREATE TYPE ${enumTypeName(column)} AS ENUM (
				SELECT DISTINCT ${column} FROM ${o.source} WHERE ${column} IS NOT NULL ORDER BY ${column})`,
			o.sourceParams
		);
	}
	// actor_group: a fixed ENUM of every slug, so that its values do not depend on the data.
	await db.run(`CREATE TYPE ${enumTypeName(ACTOR_GROUP_COLUMN)} AS ENUM (${ACTOR_GROUP_ENUM_VALUES.map(literal).join(', ')})`);
	await createActorGroupTable(db, o);
	const columnDefs = INCIDENT_COLUMNS.map((c) => `${c.name} ${ENUM_SET.has(c.name) ? enumTypeName(c.name) : c.type}${c.notNull ? ' NOT NULL' : ''}`);
	await db.run(
		`CREATE TABLE ${INCIDENTS_TABLE} (${columnDefs.join(', ')},
			${ACTOR_GROUP_COLUMN} ${enumTypeName(ACTOR_GROUP_COLUMN)} NOT NULL, day_key INTEGER NOT NULL, month_key INTEGER NOT NULL, row_key INTEGER NOT NULL,
			dup_group INTEGER, dup_score DOUBLE, dup_keep BOOLEAN NOT NULL)`
	);
	const selects = INCIDENT_COLUMNS.map((c) => `CAST(${c.name} AS ${ENUM_SET.has(c.name) ? enumTypeName(c.name) : c.type})`);
	// Insertion order is kept, so rows land sorted by date: the browser's date-range scans skip whole row groups.
	// row_key numbers the sorted rows as they stream in (row_number() OVER () needs no second sort; the search only
	// needs it unique, and in row order it compresses to almost nothing).
	await db.run(
		`INSERT INTO ${INCIDENTS_TABLE}
		 SELECT *, CAST(row_number() OVER () - 1 AS INTEGER), NULL, NULL, true FROM (
		 SELECT ${selects.join(', ')},
			CAST(COALESCE(g.${ACTOR_GROUP_COLUMN}, ${literal(ACTOR_GROUP_OF_NULL)}) AS ${enumTypeName(ACTOR_GROUP_COLUMN)}),
			CAST(event_date - DATE '1970-01-01' AS INTEGER),
			CAST(year(event_date) * 12 + month(event_date) - 1 AS INTEGER)
		 FROM ${o.source} LEFT JOIN perpetrator_groups AS g USING (perpetrator) ORDER BY event_date, incident_id)`,
		o.sourceParams
	);
	// Probable duplicates across sources (duplicates.ts): only the rows of a group are updated. An UPDATE answers
	// with one row holding the number of rows it changed, which the labelling loop runs until it is 0.
	await markDuplicates(async (sql) => Number((await db.rows(sql))[0]?.[0] ?? 0), INCIDENTS_TABLE);
	await db.run(
		`UPDATE ${INCIDENTS_TABLE} SET dup_group = m.dup_group, dup_score = m.dup_score, dup_keep = m.dup_keep
		 FROM ${DUPLICATE_MARKS} AS m WHERE ${INCIDENTS_TABLE}.incident_id = m.incident_id`
	);
	for (const drop of DROP_DUPLICATE_TABLES) await db.run(drop);
	// The text search's token index over the finished rows (search-index.ts).
	if (!o.deferSearchIndex) await buildSearchIndex(db, o.searchLayout);
	// The month rollup, by the query layer's own SQL (queries read the partial months of a range in the same shape).
	await db.run(`CREATE TABLE ${INCIDENTS_MONTH_TABLE} AS ${rollupTableSelectSql(INCIDENTS_TABLE)}`);
	await db.run(
		`CREATE TABLE ${META_TABLE} (row_count BIGINT, date_min DATE, date_max DATE, source_sha256 VARCHAR,
			built_at VARCHAR, synthetic_rows BIGINT, schema_version INTEGER)`
	);
	await db.run(
		`INSERT INTO ${META_TABLE}
		 SELECT count(*), min(event_date), max(event_date), $1, $2,
			count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) = 'synthetic'), $3
		 FROM ${INCIDENTS_TABLE}`,
		[o.sourceSha256, o.builtAt, ARTIFACT_SCHEMA_VERSION]
	);
	await db.run(`CREATE TABLE ${SOURCES_TABLE} (source_dataset VARCHAR, rows BIGINT, date_min DATE, date_max DATE, citation VARCHAR)`);
	await db.run(
		`INSERT INTO ${SOURCES_TABLE}
		 SELECT CAST(source_dataset AS VARCHAR), count(*), min(event_date), max(event_date), NULL
		 FROM ${INCIDENTS_TABLE} GROUP BY ALL ORDER BY 1`
	);
	for (const [source, citation] of Object.entries(SOURCE_CITATIONS)) {
		await db.run(`UPDATE ${SOURCES_TABLE} SET citation = $1 WHERE source_dataset = $2`, [citation, source]);
	}
	const counted = await db.rows(`SELECT row_count FROM ${META_TABLE}`);
	return Number(counted[0][0]);
}
