// Streams incidents to a temporary CSV, then lets DuckDB type them, merge them with an existing Parquet file and
// write the result to a temporary Parquet that is renamed into place: a failed run never leaves half a file.
// CSV-then-COPY is used because DuckDB's typed CSV reader is far faster than appending value by value from JS,
// which matters for the multi-million-row benchmark sets.
// Before the rename the new file is checked to hold every incident_id once: a Parquet with repeated ids is never
// written, whatever went wrong upstream. The existing output is read through planExistingOutput(), so a file in an
// older shape is converted losslessly or refused before any input is read.
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { csvLine } from '../../src/lib/export/csv';
import { planExistingOutput, type OutputPlan } from './output-schema';

export interface WriterOptions {
	/** Keep the rows already in `out` and add the new ones (the default); false replaces the file. */
	merge?: boolean;
	/** Skip an incident whose id is already in `out` or was added before in this run (the default). */
	dedupe?: boolean;
}

export interface WriteResult {
	/** Rows in the finished file. */
	total: number;
	/** Rows this run added. */
	added: number;
}

/** The finished file would hold an incident_id twice: nothing was renamed into place. */
export class DuplicateIdError extends Error {}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** ACLED's `timestamp` (last change of the record), kept in raw_date by the ACLED mapper. */
const STAMP_SQL = `TRY_CAST(NULLIF(regexp_extract(raw_date, '(^|; )timestamp=([0-9]+)', 2), '') AS BIGINT)`;

async function withDuckDB<T>(body: (conn: DuckDBConnection) => Promise<T>, config: Record<string, string> = {}): Promise<T> {
	const instance = await DuckDBInstance.create(':memory:', config);
	const conn = await instance.connect();
	try {
		return await body(conn);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

export class IncidentParquetWriter {
	readonly out: string;
	/** The existing output as it will be merged (null: none, or merge off). */
	readonly existing: OutputPlan | null;
	private readonly tmpCsv: string;
	private readonly tmpParquet: string;
	private readonly tmpDropped: string;
	private readonly stream: WriteStream;
	private readonly merge: boolean;
	private readonly dedupe: boolean;
	private readonly seen = new Set<string>();
	/** ACLED timestamps of the existing rows that have one (id -> timestamp). */
	private readonly stamps: Map<string, number>;
	/** Ids of existing rows left out of the new file (replaced by a newer version, or deleted). */
	private readonly dropped = new Set<string>();
	private readonly existingIds: Set<string>;
	private replacedInRun = 0;
	private streamError: Error | null = null;
	private seq = 0;
	private added = 0;
	// Lines are batched: one stream write per row made writing, not generating, the bottleneck at 1M+ rows.
	private pending: string[] = [];
	private pendingChars = 0;

	private constructor(out: string, existing: OutputPlan | null, ids: Set<string>, stamps: Map<string, number>, options: WriterOptions) {
		this.out = resolve(out);
		this.existing = existing;
		this.merge = options.merge ?? true;
		this.dedupe = options.dedupe ?? true;
		this.existingIds = ids;
		this.stamps = stamps;
		mkdirSync(dirname(this.out), { recursive: true });
		const stamp = `${process.pid}-${Date.now()}`;
		this.tmpCsv = `${this.out}.${stamp}.tmp.csv`;
		this.tmpParquet = `${this.out}.${stamp}.tmp.parquet`;
		this.tmpDropped = `${this.out}.${stamp}.dropped.tmp.csv`;
		this.stream = createWriteStream(this.tmpCsv, { encoding: 'utf8' });
		// Kept for finish(): a write error (a full disk) fails the run there, with the file named.
		this.stream.on('error', (e) => (this.streamError ??= e));
		this.stream.write(csvLine([...INCIDENT_COLUMN_NAMES, '__seq']));
		if (this.dedupe) for (const id of ids) this.seen.add(id);
	}

	/**
	 * Opens a writer. With merge on, the existing output is checked (and its conversion planned) first; with dedupe
	 * on too, its ids (and ACLED timestamps) are loaded so they are not added twice. Throws OutputSchemaError.
	 */
	static async open(out: string, options: WriterOptions = {}): Promise<IncidentParquetWriter> {
		const merge = options.merge ?? true;
		const dedupe = options.dedupe ?? true;
		let plan: OutputPlan | null = null;
		const ids = new Set<string>();
		const stamps = new Map<string, number>();
		if (merge && existsSync(out)) {
			plan = await withDuckDB(async (conn) => {
				const p = await planExistingOutput(conn, resolve(out));
				if (dedupe) {
					const reader = await conn.runAndReadAll(`SELECT incident_id, ${STAMP_SQL} FROM (${p.selectSql})`);
					for (const [id, stamp] of reader.getRowsJS()) {
						ids.add(String(id));
						if (stamp !== null) stamps.set(String(id), Number(stamp));
					}
				}
				return p;
			});
		}
		return new IncidentParquetWriter(out, plan, ids, stamps, options);
	}

	/** Whether an incident with this id is already in the output (existing file or this run). */
	has(id: string): boolean {
		return this.seen.has(id);
	}

	/** Whether this id was in the output before the run (and has not been dropped since). */
	hadBefore(id: string): boolean {
		return this.existingIds.has(id) && !this.dropped.has(id);
	}

	/** The ACLED timestamp of the existing row with this id, or null when it has none. */
	existingStamp(id: string): number | null {
		return this.stamps.get(id) ?? null;
	}

	/** Adds a row; returns false (and writes nothing) when its id is already present. Awaits back-pressure. */
	async add(incident: Incident): Promise<boolean> {
		if (this.dedupe) {
			if (this.seen.has(incident.incident_id)) return false;
			this.seen.add(incident.incident_id);
		}
		await this.write(incident);
		return true;
	}

	/**
	 * Adds a row that replaces the one with the same id, whether that came from the existing output or earlier in
	 * this run (the last version written wins).
	 */
	async replace(incident: Incident): Promise<void> {
		const id = incident.incident_id;
		if (this.existingIds.has(id)) this.dropped.add(id);
		else if (this.seen.has(id)) this.replacedInRun++;
		this.seen.add(id);
		await this.write(incident);
		// A replacement is not a new incident.
		this.added--;
	}

	/** Leaves the existing row with this id out of the new file; false when there is none. */
	remove(id: string): boolean {
		if (!this.existingIds.has(id) || this.dropped.has(id)) return false;
		this.dropped.add(id);
		this.seen.delete(id);
		return true;
	}

	private async write(incident: Incident): Promise<void> {
		this.added++;
		const line = csvLine([...INCIDENT_COLUMN_NAMES.map((name) => incident[name]), this.seq++]);
		this.pending.push(line);
		this.pendingChars += line.length;
		if (this.pendingChars >= 1 << 20) await this.flush();
	}

	private async flush(): Promise<void> {
		if (this.pending.length === 0) return;
		const chunk = this.pending.join('');
		this.pending = [];
		this.pendingChars = 0;
		if (this.streamError) throw this.streamError;
		if (!this.stream.write(chunk)) await once(this.stream, 'drain');
	}

	/** Writes the Parquet (sorted by date, zstd), checks its ids are unique and renames it over `out`. */
	async finish(): Promise<WriteResult> {
		await this.flush();
		this.stream.end();
		if (!this.stream.writableFinished) await once(this.stream, 'finish');
		if (this.streamError) throw this.streamError;
		if (this.dropped.size) writeFileSync(this.tmpDropped, [csvLine(['incident_id']), ...[...this.dropped].map((id) => csvLine([id]))].join(''));
		// A bounded memory limit with a spill directory keeps the sort of a 10M-row set from taking the machine.
		try {
			return await withDuckDB(
				async (conn) => {
					const columns = [...INCIDENT_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`), `'__seq': 'BIGINT'`].join(', ');
					const names = INCIDENT_COLUMN_NAMES.join(', ');
					let fresh = `SELECT * FROM read_csv(${sqlString(this.tmpCsv)}, header = true, columns = {${columns}},
						quote = '"', escape = '"', nullstr = '', strict_mode = true, parallel = true)`;
					// Only when a row replaced another of this run: the window costs a sort of the new rows.
					if (this.replacedInRun) fresh = `${fresh} QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY __seq DESC) = 1`;
					fresh = `SELECT ${names} FROM (${fresh})`;
					let existing = '';
					if (this.merge && this.existing) {
						const keep = this.dropped.size
							? ` WHERE incident_id NOT IN (SELECT incident_id FROM read_csv(${sqlString(this.tmpDropped)}, header = true, columns = {'incident_id': 'VARCHAR'}, auto_detect = false, delim = ',', quote = '"', escape = '"'))`
							: '';
						existing = `SELECT ${names} FROM (${this.existing.selectSql})${keep} UNION ALL `;
					}
					await conn.run(`COPY (SELECT * FROM (${existing}${fresh}) ORDER BY event_date, incident_id)
						TO ${sqlString(this.tmpParquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
					const file = `read_parquet(${sqlString(this.tmpParquet)})`;
					const repeated = await conn.runAndReadAll(`SELECT incident_id, count(*) FROM ${file} GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`);
					if (repeated.getRowsJS().length) {
						const ids = repeated.getRowsJS().map((r) => `${String(r[0])} (${Number(r[1])} times)`);
						throw new DuplicateIdError(`the new ${this.out} would repeat incident_id ${ids.join(', ')}; it was not written`);
					}
					const counted = await conn.runAndReadAll(`SELECT count(*) FROM ${file}`);
					const total = Number(counted.getRows()[0][0]);
					renameSync(this.tmpParquet, this.out);
					return { total, added: this.added };
				},
				{ threads: '2', memory_limit: process.env.RASD_DUCKDB_MEMORY ?? '3GB', temp_directory: `${this.out}.${process.pid}.spill` }
			);
		} finally {
			rmSync(this.tmpCsv, { force: true });
			rmSync(this.tmpParquet, { force: true });
			rmSync(this.tmpDropped, { force: true });
			rmSync(`${this.out}.${process.pid}.spill`, { recursive: true, force: true });
		}
	}

	/** Drops the temporary files without touching `out`. */
	async abort(): Promise<void> {
		this.pending = [];
		this.stream.destroy();
		rmSync(this.tmpCsv, { force: true });
		rmSync(this.tmpParquet, { force: true });
		rmSync(this.tmpDropped, { force: true });
	}
}
