import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_SCHEMA_VERSION, ENUM_COLUMNS, SOURCE_CITATIONS } from '../../src/lib/data/artifact';
import { ACTOR_GROUP_SLUGS, actorGroupOf } from '../../src/lib/data/actor-groups';
import { INCIDENT_COLUMNS } from '../../src/lib/data/schema';
import { buildArtifact, type ArtifactBuildResult } from '../../scripts/lib/artifact-build';
import { readManualIncidents } from '../../scripts/lib/manual-incidents';
import { nativeRows, removeTempDirs, smallParquet, tempDir } from './helpers';

afterAll(removeTempDirs);

const MANUAL_DIR = join(import.meta.dirname, '../../data/manual');
const BUILT_AT = new Date('2025-02-03T04:05:06.000Z');

describe('buildArtifact', () => {
	let dir = '';
	let parquet = '';
	let artifact = '';
	let result: ArtifactBuildResult;
	let manualRows = 0;
	/** Queries the artifact with the source Parquet at hand: `a` is the artifact, `$1` the Parquet path. */
	const q = (sql: string) => nativeRows(sql, [parquet], [`ATTACH '${artifact}' AS a (READ_ONLY)`]);

	beforeAll(async () => {
		dir = tempDir('rasd-artifact-');
		const manual = await readManualIncidents(MANUAL_DIR);
		manualRows = manual.incidents.length;
		const sorted = await smallParquet(dir, 2500, 5, manual.incidents);
		// Shuffled input, so the test sees the build sort rather than inherit the writer's order.
		parquet = join(dir, 'shuffled.parquet');
		await nativeRows(`COPY (SELECT * FROM read_parquet('${sorted}') ORDER BY hash(incident_id)) TO '${parquet}' (FORMAT parquet)`);
		const [[outOfOrder]] = await nativeRows(
			'SELECT count(*) FILTER (WHERE event_date < prev) FROM (SELECT event_date, lag(event_date) OVER () AS prev FROM read_parquet($1))', [parquet]
		);
		expect(outOfOrder).toBeGreaterThan(100);
		artifact = join(dir, 'out', 'rasd.duckdb');
		result = await buildArtifact({ input: parquet, output: artifact, builtAt: BUILT_AT });
	});

	it('writes meta: counts, date range, sha256 of the source, build time, schema version', async () => {
		const sha = createHash('sha256').update(readFileSync(parquet)).digest('hex');
		const [[n, min, max]] = await nativeRows(
			`SELECT count(*), strftime(min(event_date), '%Y-%m-%d'), strftime(max(event_date), '%Y-%m-%d') FROM read_parquet($1)`, [parquet]
		);
		const meta = await q(
			`SELECT row_count, strftime(date_min, '%Y-%m-%d'), strftime(date_max, '%Y-%m-%d'), source_sha256, built_at, synthetic_rows, schema_version FROM a.meta`
		);
		expect(meta).toEqual([[n, min, max, sha, '2025-02-03T04:05:06.000Z', 2500, ARTIFACT_SCHEMA_VERSION]]);
		expect(n).toBe(2500 + manualRows);
		expect(result).toMatchObject({ rows: n, sourceSha256: sha, builtAt: '2025-02-03T04:05:06.000Z' });
		expect(result.bytes).toBeGreaterThan(0);
	});

	it('writes one sources row per source_dataset with its counts, dates and citation', async () => {
		const expected = await nativeRows(
			`SELECT source_dataset, count(*), strftime(min(event_date), '%Y-%m-%d'), strftime(max(event_date), '%Y-%m-%d')
			 FROM read_parquet($1) GROUP BY 1 ORDER BY 1`, [parquet]
		);
		const sources = await q(
			`SELECT source_dataset, rows, strftime(date_min, '%Y-%m-%d'), strftime(date_max, '%Y-%m-%d'), citation FROM a.sources ORDER BY 1`
		);
		expect(sources).toEqual(expected.map((r) => [...r, SOURCE_CITATIONS[String(r[0])]]));
		expect(sources.map((r) => r[0])).toEqual(['manual', 'synthetic']);
	});

	it('holds exactly the source rows, column for column', async () => {
		const cols = INCIDENT_COLUMNS.map((c) => `CAST(${c.name} AS VARCHAR)`).join(', ');
		const diff = await q(
			`SELECT count(*) FROM ((SELECT ${cols} FROM a.incidents EXCEPT ALL SELECT ${cols} FROM read_parquet($1))
			 UNION ALL (SELECT ${cols} FROM read_parquet($1) EXCEPT ALL SELECT ${cols} FROM a.incidents))`
		);
		expect(diff).toEqual([[0]]);
	});

	it('types ENUM_COLUMNS as ENUMs and the rest as the schema says', async () => {
		const types = new Map((await q(`SELECT column_name, column_type FROM (DESCRIBE a.incidents)`)).map((r) => [r[0], String(r[1])]));
		for (const c of INCIDENT_COLUMNS) {
			if ((ENUM_COLUMNS as readonly string[]).includes(c.name)) expect(types.get(c.name), c.name).toMatch(/^ENUM\(/);
			else expect(types.get(c.name), c.name).toBe(c.type);
		}
		expect(types.get('day_key')).toBe('INTEGER');
		expect(types.get('month_key')).toBe('INTEGER');
	});

	it('derives actor_group from perpetrator by actorGroupOf, as a fixed ENUM of every slug, never NULL', async () => {
		const types = new Map((await q(`SELECT column_name, column_type FROM (DESCRIBE a.incidents)`)).map((r) => [r[0], String(r[1])]));
		expect(types.get('actor_group')).toBe(`ENUM(${ACTOR_GROUP_SLUGS.map((g) => `'${g}'`).join(', ')})`);
		const pairs = await q(`SELECT DISTINCT CAST(perpetrator AS VARCHAR), CAST(actor_group AS VARCHAR) FROM a.incidents`);
		expect(pairs.length).toBeGreaterThan(5);
		for (const [name, group] of pairs) expect(group, String(name)).toBe(actorGroupOf(name as string | null));
		const [[manualGroup]] = await q(`SELECT CAST(actor_group AS VARCHAR) FROM a.incidents WHERE incident_id = 'manual:sy24-raqqa-military-council-hq-attack'`);
		expect(manualGroup).toBe('islamic-state');
	});

	it('computes day_key and month_key and stores rows in event_date order', async () => {
		const [[badKeys, unordered]] = await q(
			`SELECT count(*) FILTER (WHERE day_key <> date_diff('day', DATE '1970-01-01', event_date)
				OR month_key <> 1970 * 12 + date_diff('month', DATE '1970-01-01', event_date)),
				count(*) FILTER (WHERE event_date < prev)
			 FROM (SELECT *, lag(event_date) OVER (ORDER BY rowid) AS prev FROM a.incidents)`
		);
		expect([badKeys, unordered]).toEqual([0, 0]);
		const [[key]] = await q(`SELECT month_key FROM a.incidents WHERE incident_id = 'manual:sy24-raqqa-military-council-hq-attack'`);
		expect(key).toBe(2024 * 12);
	});

	it('numbers the rows by row_key 0, 1, ... in stored (event_date, incident_id) order', async () => {
		const [[misplaced, n]] = await q(
			`SELECT count(*) FILTER (WHERE row_key <> pos OR row_key <> rowid), count(*)
			 FROM (SELECT row_key, rowid, row_number() OVER (ORDER BY event_date, incident_id) - 1 AS pos FROM a.incidents)`
		);
		expect([misplaced, n]).toEqual([0, result.rows]);
	});

	it('writes the month rollup: per month and category, the counts and known sums of the source, sorted by month', async () => {
		// Written independently of the build's SQL (src/lib/query/rollup.ts), straight from the Parquet.
		const keys = `strftime(date_trunc('month', event_date), '%Y-%m-%d'), admin1_pcode, admin1, country, country_iso3, target_type, attack_type, event_type, source_dataset`;
		const figures =
			`count(*), sum(killed), sum(injured), count(killed), count(injured), sum(coalesce(killed_low, killed)), ` +
			`sum(coalesce(killed_high, killed)), count(*) FILTER (WHERE killed_low IS NOT NULL OR killed_high IS NOT NULL)`;
		const order = 'ORDER BY ALL';
		const expected = await nativeRows(`SELECT ${keys}, ${figures} FROM read_parquet($1) GROUP BY ALL ${order}`, [parquet]);
		const actual = await q(
			`SELECT strftime(month_start, '%Y-%m-%d'), CAST(admin1_pcode AS VARCHAR), CAST(admin1 AS VARCHAR), country,
				CAST(country_iso3 AS VARCHAR), CAST(target_type AS VARCHAR), CAST(attack_type AS VARCHAR), CAST(event_type AS VARCHAR),
				CAST(source_dataset AS VARCHAR),
				n, killed_sum, injured_sum, killed_known, injured_known, killed_low_sum, killed_high_sum, killed_ranged
				FROM a.incidents_month ${order}`
		);
		expect(actual).toEqual(expected);
		expect(actual.length).toBeGreaterThan(100);
		const [[unordered]] = await q(
			`SELECT count(*) FILTER (WHERE month_start < prev) FROM (SELECT month_start, lag(month_start) OVER (ORDER BY rowid) AS prev FROM a.incidents_month)`
		);
		expect(unordered).toBe(0);
		// The categories keep the incidents' ENUM types, so bound IN lists compare the same way.
		const types = async (table: string) =>
			new Map((await q(`SELECT column_name, column_type FROM (DESCRIBE a.${table})`)).map((r) => [r[0], String(r[1])]));
		const [raw, month] = [await types('incidents'), await types('incidents_month')];
		for (const c of ['admin1_pcode', 'admin1', 'country', 'country_iso3', 'target_type', 'attack_type', 'event_type', 'source_dataset']) expect(month.get(c), c).toBe(raw.get(c));
		expect(month.get('month_start')).toBe('DATE');
	});

	it('leaves nothing behind and the previous artifact intact when the input is not in the schema', async () => {
		const bad = join(dir, 'bad.parquet');
		await nativeRows(`COPY (SELECT 1 AS incident_id) TO '${bad}' (FORMAT parquet)`);
		const before = readFileSync(artifact);
		await expect(buildArtifact({ input: bad, output: artifact })).rejects.toThrow(/missing source_dataset/);
		expect(readFileSync(artifact).equals(before)).toBe(true);
		expect(readdirSync(join(dir, 'out'))).toEqual(['rasd.duckdb']);
		await expect(buildArtifact({ input: join(dir, 'missing.parquet'), output: artifact })).rejects.toThrow(/no such Parquet/);
		expect(existsSync(artifact)).toBe(true);
	});
});
