// Independent answers for the end-to-end tests: hand-written SQL over data/incidents.parquet with native DuckDB.
// Deliberately shares nothing with the app's query builders, so a builder bug cannot hide in both places.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';
import { SYRIA_DISTRICTS } from '../../src/lib/data/districts';
import { SYRIA_GOVERNORATES } from '../../src/lib/data/gazetteer';
import { AR_COUNTRIES } from '../../src/lib/i18n/countries';

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (column: string, pairs: [string, string][]) =>
	`CASE ${column} ${pairs.map(([k, v]) => `WHEN ${quoted(k)} THEN ${quoted(v)}`).join(' ')} END`;

/**
 * What the text search looks in, written over the Parquet's own columns: summary, location, perpetrator, target
 * actor, province, district, country, and the Arabic names of the province, district and country (the place tables
 * are facts; the app's search code is not used).
 */
export const SEARCHED_TEXT = `concat_ws(' ', summary, location, perpetrator, target_actor, admin1, admin2, country, ${[
	caseOf('admin1_pcode', SYRIA_GOVERNORATES.map((g) => [g.pcode, g.ar])),
	caseOf('admin2_pcode', SYRIA_DISTRICTS.map((d) => [d.pcode, d.ar])),
	caseOf('country_iso3', Object.entries(AR_COUNTRIES))
].join(', ')})`;

export interface OracleFilter {
	from?: string;
	to?: string;
	provinces?: string[];
	targets?: string[];
	perpetrators?: string[];
	/** killed + injured >= this, an unknown figure counting as 0. */
	minCasualties?: number;
	/** One plain ASCII word, matched case-insensitively in SEARCHED_TEXT. */
	word?: string;
	/** The dimensions of issue 9, written against the Parquet's own columns. */
	events?: string[];
	countries?: string[];
	/** OCHA district p-codes. */
	districts?: string[];
	precisions?: string[];
	/** Exact perpetrator names (the caller maps an actor group to the names it holds, with its own table). */
	perpetratorNames?: (string | null)[];
	/** The map's area filter: [minLon, minLat, maxLon, maxLat]; only precisely placed incidents (point, town, near). */
	bbox?: [number, number, number, number];
	/** Only incidents the map draws as points (precise place with coordinates). */
	precise?: boolean;
}

const PRECISE = `geo_precision IN ('point', 'town', 'near') AND latitude IS NOT NULL AND longitude IS NOT NULL`;

export class ParquetOracle {
	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly path: string
	) {}

	static async open(path: string): Promise<ParquetOracle> {
		const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
		return new ParquetOracle(instance, await instance.connect(), path);
	}

	private where(f: OracleFilter): { sql: string; params: string[] } {
		const parts: string[] = [];
		const params: string[] = [this.path];
		if (f.from) {
			parts.push('event_date >= CAST(? AS DATE)');
			params.push(f.from);
		}
		if (f.to) {
			parts.push('event_date <= CAST(? AS DATE)');
			params.push(f.to);
		}
		if (f.provinces?.length) {
			parts.push(`admin1_pcode IN (${f.provinces.map(() => '?').join(', ')})`);
			params.push(...f.provinces);
		}
		if (f.targets?.length) {
			parts.push(`target_type IN (${f.targets.map(() => '?').join(', ')})`);
			params.push(...f.targets);
		}
		if (f.perpetrators?.length) {
			parts.push(`perpetrator IN (${f.perpetrators.map(() => '?').join(', ')})`);
			params.push(...f.perpetrators);
		}
		const inList = (column: string, values: string[] | undefined) => {
			if (!values?.length) return;
			parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
			params.push(...values);
		};
		inList('event_type', f.events);
		inList('country_iso3', f.countries);
		inList('admin2_pcode', f.districts);
		inList('date_precision', f.precisions);
		if (f.perpetratorNames) {
			const names = f.perpetratorNames.filter((n): n is string => n !== null);
			const alternatives = names.length ? [`perpetrator IN (${names.map(() => '?').join(', ')})`] : [];
			if (f.perpetratorNames.includes(null)) alternatives.push('perpetrator IS NULL');
			parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : 'false');
			params.push(...names);
		}
		if (f.minCasualties !== undefined) {
			parts.push('coalesce(killed, 0) + coalesce(injured, 0) >= CAST(? AS INTEGER)');
			params.push(String(f.minCasualties));
		}
		if (f.bbox || f.precise) parts.push(PRECISE);
		if (f.bbox) {
			parts.push('longitude BETWEEN CAST(? AS DOUBLE) AND CAST(? AS DOUBLE) AND latitude BETWEEN CAST(? AS DOUBLE) AND CAST(? AS DOUBLE)');
			const [minLon, minLat, maxLon, maxLat] = f.bbox;
			params.push(String(minLon), String(maxLon), String(minLat), String(maxLat));
		}
		if (f.word) {
			parts.push(`lower(${SEARCHED_TEXT}) LIKE ?`);
			params.push(`%${f.word.toLowerCase()}%`);
		}
		return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
	}

	async totals(f: OracleFilter = {}): Promise<{ incidents: number; killed: number; injured: number; synthetic: number }> {
		const w = this.where(f);
		const reader = await this.conn.runAndReadAll(
			`SELECT count(*)::INTEGER AS incidents, coalesce(sum(killed), 0)::INTEGER AS killed, ` +
				`coalesce(sum(injured), 0)::INTEGER AS injured, ` +
				`count(*) FILTER (WHERE source_dataset = 'synthetic')::INTEGER AS synthetic ` +
				`FROM read_parquet(?) ${w.sql}`,
			w.params
		);
		const [row] = reader.getRowObjectsJS() as { incidents: number; killed: number; injured: number; synthetic: number }[];
		return row;
	}

	/** Incidents per value of one column (a p-code column for the map), null keys included. */
	async countBy(column: 'admin1_pcode' | 'admin2_pcode', f: OracleFilter = {}): Promise<Map<string | null, number>> {
		const w = this.where(f);
		const reader = await this.conn.runAndReadAll(`SELECT ${column} AS k, count(*)::INTEGER AS n FROM read_parquet(?) ${w.sql} GROUP BY ALL`, w.params);
		return new Map((reader.getRowsJS() as [string | null, number][]).map(([k, n]) => [k, n]));
	}

	/** Incident ids of one page of the list: by event_date or killed, descending (unknown last), then by id. */
	async pageIds(f: OracleFilter, sort: 'event_date' | 'killed', page: number, size: number): Promise<string[]> {
		const w = this.where(f);
		const reader = await this.conn.runAndReadAll(
			`SELECT incident_id FROM read_parquet(?) ${w.sql} ORDER BY ${sort} DESC NULLS LAST, incident_id ` +
				`LIMIT ${size} OFFSET ${(page - 1) * size}`,
			w.params
		);
		return reader.getRowsJS().map((r) => String(r[0]));
	}

	/** The rows an export of these filters must contain, as CSV text cells (before the formula guard). */
	async exportCells(f: OracleFilter): Promise<string[][]> {
		const w = this.where(f);
		const cols = INCIDENT_COLUMN_NAMES.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ');
		const reader = await this.conn.runAndReadAll(
			`SELECT ${cols} FROM read_parquet(?) ${w.sql} ORDER BY event_date, incident_id`,
			w.params
		);
		return (reader.getRowsJS() as (string | null)[][]).map((row) => row.map((v) => v ?? ''));
	}

	/** source_url by incident_id for the given ids. */
	async sourceUrls(ids: string[]): Promise<Map<string, string | null>> {
		const reader = await this.conn.runAndReadAll(
			`SELECT incident_id, source_url FROM read_parquet(?) WHERE incident_id IN (${ids.map(() => '?').join(', ')})`,
			[this.path, ...ids]
		);
		return new Map((reader.getRowsJS() as [string, string | null][]).map(([id, url]) => [id, url]));
	}

	/** The filtered incidents with the columns the change rules read (tests/query/change-reference.ts), dates as text. */
	async changeInputs(f: OracleFilter = {}): Promise<Record<string, string | number | null>[]> {
		const w = this.where(f);
		const reader = await this.conn.runAndReadAll(
			`SELECT strftime(event_date, '%Y-%m-%d') AS event_date, CAST(date_precision AS VARCHAR) AS date_precision, ` +
				`CAST(killed AS DOUBLE) AS killed, admin1, admin1_pcode, admin2, admin2_pcode, CAST(target_type AS VARCHAR) AS target_type, ` +
				`CAST(event_type AS VARCHAR) AS event_type FROM read_parquet(?) ${w.sql}`,
			w.params
		);
		return reader.getRowObjectsJS() as Record<string, string | number | null>[];
	}

	/** Every distinct perpetrator name (null included) in the Parquet. */
	async perpetrators(): Promise<(string | null)[]> {
		const reader = await this.conn.runAndReadAll('SELECT DISTINCT perpetrator FROM read_parquet(?)', [this.path]);
		return reader.getRowsJS().map((r) => (r[0] === null ? null : String(r[0])));
	}

	/**
	 * Probable duplicates across sources, written again from the rules of issue 13 part 4 without the app's SQL: every
	 * pair of records of different sources compared directly (fine for small fixtures), the best candidate of each
	 * side per other source, groups by union-find in JS, one record kept per group by the documented order. Returns
	 * the groups (ids, kept first) and the records the dedupe switch leaves out.
	 */
	async probableDuplicates(): Promise<{ groups: string[][]; dropped: Set<string> }> {
		const node = (t: string) =>
			`SELECT incident_id AS id, source_dataset AS src, coalesce(country_iso3, lower(trim(country))) AS ctry, ` +
			`CASE WHEN date_end IS NOT NULL THEN event_date WHEN date_precision = 'week' THEN event_date - 6 ` +
			`WHEN date_precision = 'month' THEN date_trunc('month', event_date)::DATE WHEN date_precision = 'year' THEN date_trunc('year', event_date)::DATE ELSE event_date END AS s, ` +
			`CASE WHEN date_end IS NOT NULL THEN greatest(date_end, event_date) WHEN date_precision = 'week' THEN event_date + 6 ` +
			`WHEN date_precision = 'month' THEN last_day(event_date) WHEN date_precision = 'year' THEN make_date(year(event_date), 12, 31) ELSE event_date END AS e, ` +
			`admin2_pcode AS pc, nullif(lower(regexp_replace(trim(admin2), '\\s+', ' ', 'g')), '') AS dn, ` +
			`CASE WHEN geo_precision IN ('point', 'town', 'near') AND latitude IS NOT NULL AND longitude IS NOT NULL THEN latitude END AS la, ` +
			`CASE WHEN geo_precision IN ('point', 'town', 'near') AND latitude IS NOT NULL AND longitude IS NOT NULL THEN longitude END AS lo, ` +
			`killed AS k, perpetrator AS perp, date_precision AS dp, geo_precision AS gp FROM ${t} WHERE source_dataset <> 'synthetic'`;
		const reader = await this.conn.runAndReadAll(
			`WITH n AS (${node('read_parquet(?)')}), c AS (SELECT a.id AS a, b.id AS b, a.src AS asrc, b.src AS bsrc, a.perp AS ap, b.perp AS bp, ` +
				`(a.s = a.e AND b.s = b.e AND a.s = b.s) AS sameday, a.k AS ak, b.k AS bk, abs(epoch(a.s) + epoch(a.e) - epoch(b.s) - epoch(b.e)) / 86400 AS gap, ` +
				`CASE WHEN a.la IS NOT NULL AND b.la IS NOT NULL THEN 12742.0176 * asin(sqrt(sin(radians(b.la - a.la) / 2) ^ 2 + cos(radians(a.la)) * cos(radians(b.la)) * sin(radians(b.lo - a.lo) / 2) ^ 2)) END AS km ` +
				`FROM n AS a JOIN n AS b ON a.id < b.id AND a.src <> b.src AND a.ctry = b.ctry AND a.s <= b.e + 1 AND b.s <= a.e + 1 ` +
				`WHERE ((a.pc IS NOT NULL AND a.pc = b.pc) OR (a.pc IS NULL AND b.pc IS NULL AND a.dn = b.dn) OR (a.la IS NOT NULL AND b.la IS NOT NULL AND ` +
				`12742.0176 * asin(sqrt(sin(radians(b.la - a.la) / 2) ^ 2 + cos(radians(a.la)) * cos(radians(b.la)) * sin(radians(b.lo - a.lo) / 2) ^ 2)) <= 10)) ` +
				`AND ((a.k IS NULL AND b.k IS NULL) OR abs(a.k - b.k) <= greatest(2, 0.2 * greatest(a.k, b.k)))) ` +
				`SELECT a, b, asrc, bsrc, ap, bp, sameday, ak, bk, gap, km FROM c`,
			[this.path]
		);
		type Cand = { a: string; b: string; asrc: string; bsrc: string; ap: string | null; bp: string | null; sameday: boolean; ak: number | null; bk: number | null; gap: number; km: number | null };
		const cands = reader.getRowObjectsJS() as unknown as Cand[];
		// The actor group of each perpetrator comes from the app's table (a mapping, not the rules under test).
		const { actorGroupOf } = await import('../../src/lib/data/actor-groups');
		const score = (c: Cand) => {
			const ga = actorGroupOf(c.ap);
			const same = [c.sameday, c.km !== null && c.km <= 2, c.ak !== null && c.ak === c.bk, ga === actorGroupOf(c.bp) && ga !== 'unknown' && ga !== 'other'];
			return same.filter(Boolean).length / 4;
		};
		const best = new Map<string, Cand & { score: number }>();
		for (const c0 of cands) {
			const c = { ...c0, gap: Number(c0.gap), score: score(c0) };
			const deaths = (x: Cand) => (x.ak === null || x.bk === null ? -1 : Math.abs(x.ak - x.bk));
			for (const [self, otherSrc, other] of [[c.a, c.bsrc, c.b], [c.b, c.asrc, c.a]] as const) {
				const key = `${self}|${otherSrc}`;
				const prev = best.get(key);
				const prevOther = prev ? (prev.a === self ? prev.b : prev.a) : '';
				const better =
					!prev || c.score > prev.score || (c.score === prev.score && (c.gap < prev.gap || (c.gap === prev.gap && (deaths(c) < deaths(prev) ||
						(deaths(c) === deaths(prev) && ((c.km ?? Infinity) < (prev.km ?? Infinity) || ((c.km ?? Infinity) === (prev.km ?? Infinity) && other < prevOther)))))));
				if (better) best.set(key, c);
			}
		}
		const parent = new Map<string, string>();
		const find = (x: string): string => (parent.get(x) === undefined || parent.get(x) === x ? x : find(parent.get(x)!));
		for (const c of best.values()) {
			if (best.get(`${c.a}|${c.bsrc}`) === c && best.get(`${c.b}|${c.asrc}`) === c) {
				if (!parent.has(c.a)) parent.set(c.a, c.a);
				if (!parent.has(c.b)) parent.set(c.b, c.b);
				parent.set(find(c.a), find(c.b));
			}
		}
		const members = new Map<string, string[]>();
		for (const id of parent.keys()) members.set(find(id), [...(members.get(find(id)) ?? []), id]);
		// Kept: the most precise date (then the shortest range), then place, then ACLED, UCDP, GTD, ..., then id.
		const info = await this.conn.runAndReadAll(`${node('read_parquet(?)')}`, [this.path]);
		const rows = new Map((info.getRowObjectsJS() as Record<string, unknown>[]).map((r) => [String(r.id), r]));
		const rank = (list: string[], v: unknown) => (list.includes(String(v)) ? list.indexOf(String(v)) : list.length);
		const days = (v: unknown) => new Date(String(v)).getTime() / 86_400_000;
		const order = (id: string) => {
			const r = rows.get(id)!;
			return [rank(['day', 'week', 'month', 'year'], r.dp), days(r.e) - days(r.s), rank(['point', 'town', 'near', 'admin2', 'admin1', 'country'], r.gp),
				rank(['acled', 'ucdp', 'gtd', 'manual', 'csv', 'synthetic'], r.src)];
		};
		const cmp = (x: string, y: string) => {
			const [a, b] = [order(x), order(y)];
			for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
			return x < y ? -1 : 1;
		};
		const groups = [...members.values()].map((g) => g.sort(cmp));
		return { groups, dropped: new Set(groups.flatMap((g) => g.slice(1))) };
	}

	close(): void {
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
