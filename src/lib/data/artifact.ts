// The contract between the artifact build (scripts/build-artifact.ts) and the browser's query layer.
// DuckDB-WASM cannot read Parquet offline, so the build compiles data/incidents.parquet into a DuckDB database
// file that the browser ATTACHes read-only over HTTP range requests.
import { ACTOR_GROUP_SLUGS } from './actor-groups';

/** Served from the app's own origin; `static/data/` is generated (git-ignored). */
export const ARTIFACT_PATH = 'data/rasd.duckdb';
/** Precomputed figures of the default view, so the first chart paints before the engine is ready. */
export const DEFAULT_VIEW_PATH = 'data/default-view.json';

/** Database alias the browser attaches the artifact under; every query names `rasd.<table>`. */
export const ARTIFACT_ALIAS = 'rasd';

/**
 * Tables in the artifact:
 * - `incidents`: every schema column (src/lib/data/schema.ts), rows sorted by event_date, plus
 *   `actor_group` (ENUM of ACTOR_GROUP_ENUM_VALUES, NOT NULL): the perpetrator's group by actorGroupOf
 *   (src/lib/data/actor-groups.ts), computed at build time because its rules are TypeScript; a NULL perpetrator is
 *   `unknown`. Then `day_key INTEGER` (days since 1970-01-01 of event_date), `month_key INTEGER` (year * 12 + month - 1) and
 *   `row_key INTEGER NOT NULL`: the row's position (0, 1, ...) in that order, the key of the search postings.
 *   Then the probable duplicates across sources (src/lib/query/duplicates.ts, which documents the rules):
 *   `dup_group INTEGER` (the group of records that are probably one event; null when the record is alone),
 *   `dup_score DOUBLE` (0..1, the best of its pairs' scores; null when alone) and `dup_keep BOOLEAN NOT NULL` (true
 *   for every record alone and for the one record per group counted when each probable event is counted once).
 *   The columns in ENUM_COLUMNS are ENUM types made of the values present; actor_group's ENUM is the fixed slug list
 *   (every slug, present or not, in ACTOR_GROUPS order), so a URL naming a group stays valid whatever the data.
 * - `incidents_month`: the month rollup the query layer reads when a view allows it (src/lib/query/rollup.ts,
 *   whose rollupTableSelectSql is the build's SQL): one row per month_start DATE (first day of the month) x
 *   admin1_pcode x admin1 x country x country_iso3 x target_type x attack_type x event_type x source_dataset x
 *   dup_keep present in `incidents` (same
 *   ENUM types), with n INTEGER (incidents), killed_sum / injured_sum BIGINT (sums of the known figures, NULL when
 *   none is known) and killed_known / injured_known INTEGER (incidents with a known figure); sorted by month_start.
 * - `search_tokens` and `search_postings`: the text search's token index (src/lib/query/search-index.ts, which
 *   builds it and says why it equals a scan): search_tokens (token_id INTEGER, token VARCHAR), every
 *   distinct white-space-delimited token of the incidents' folded searched text, sorted by token, token_id its rank;
 *   search_postings (token_id INTEGER, row_key INTEGER), a row per token and incident holding it (a pair may repeat), sorted by
 *   token_id then row_key.
 * - `meta`: one row: row_count BIGINT, date_min DATE, date_max DATE, source_sha256 VARCHAR, built_at VARCHAR,
 *   synthetic_rows BIGINT, schema_version INTEGER.
 * - `sources`: one row per source_dataset: source_dataset VARCHAR, rows BIGINT, date_min DATE, date_max DATE,
 *   citation VARCHAR.
 */
export const INCIDENTS_TABLE = 'incidents';
export const META_TABLE = 'meta';
export const SOURCES_TABLE = 'sources';
export const INCIDENTS_MONTH_TABLE = 'incidents_month';
/** 4: admin2_pcode, killed_low, killed_high, and actor_group; admin2_pcode and sub_event_type as ENUMs.
 *  5: dup_group, dup_score, dup_keep (probable duplicates across sources), dup_keep in the month rollup.
 *  6: the search index (search_tokens, search_postings) and row_key replace the search_text column; province,
 *     district and country names (English and Arabic) are searched too. */
export const ARTIFACT_SCHEMA_VERSION = 6;
export const SEARCH_TOKENS_TABLE = 'search_tokens';
export const SEARCH_POSTINGS_TABLE = 'search_postings';

/** The derived group column and its ENUM values (src/lib/data/actor-groups.ts). */
export const ACTOR_GROUP_COLUMN = 'actor_group';
export const ACTOR_GROUP_ENUM_VALUES: readonly string[] = ACTOR_GROUP_SLUGS;

export const ENUM_COLUMNS = [
	'source_dataset',
	'date_precision',
	'country_iso3',
	'admin1',
	'admin1_pcode',
	'admin2_pcode',
	'geo_precision',
	'event_type',
	'sub_event_type',
	'attack_type',
	'target_type',
	'perpetrator'
] as const;

/**
 * Citation of each source dataset, in the wording its publisher asks for (ACLED's attribution policy, UCDP's GED
 * reference article, START's GTD data-file citation), shown in the page, the "Cite this view" block and every export.
 */
export const SOURCE_CITATIONS: Record<string, string> = {
	acled: 'Armed Conflict Location & Event Data (ACLED); www.acleddata.com',
	gtd: 'National Consortium for the Study of Terrorism and Responses to Terrorism (START), University of Maryland. Global Terrorism Database (GTD) [data file]; https://www.start.umd.edu/gtd',
	ucdp: 'Uppsala Conflict Data Program (UCDP), Georeferenced Event Dataset (GED). Sundberg, Ralph and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4): 523-532; ucdp.uu.se',
	csv: 'Imported spreadsheet',
	manual: 'Incidents hand-coded by Rasd contributors from news reports (see data/manual/)',
	synthetic: 'SYNTHETIC demo data generated by scripts/generate-demo.ts: not real incidents'
};
