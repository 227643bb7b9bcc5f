// Independent answers for the end-to-end tests: hand-written SQL over data/incidents.parquet with native DuckDB.
// Deliberately shares nothing with the app's query builders, so a builder bug cannot hide in both places.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';

export interface OracleFilter {
	from?: string;
	to?: string;
	provinces?: string[];
	targets?: string[];
	perpetrators?: string[];
	/** killed + injured >= this, an unknown figure counting as 0. */
	minCasualties?: number;
	/** One plain ASCII word, matched case-insensitively in summary, location, perpetrator or target actor. */
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
			parts.push(`lower(concat_ws(' ', summary, location, perpetrator, target_actor)) LIKE ?`);
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

	close(): void {
		this.conn.closeSync();
		this.instance.closeSync();
	}
}
