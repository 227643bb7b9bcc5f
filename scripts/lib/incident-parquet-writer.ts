// Streams incidents to a temporary CSV, then lets DuckDB type them, merge them with an existing Parquet file and
// write the result to a temporary Parquet that is renamed into place: a failed run never leaves half a file.
// CSV-then-COPY is used because DuckDB's typed CSV reader is far faster than appending value by value from JS,
// which matters for the multi-million-row benchmark sets.
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { csvLine } from '../../src/lib/export/csv';

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

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class IncidentParquetWriter {
	readonly out: string;
	private readonly tmpCsv: string;
	private readonly tmpParquet: string;
	private readonly stream: WriteStream;
	private readonly merge: boolean;
	private readonly dedupe: boolean;
	private readonly seen = new Set<string>();
	private added = 0;
	// Lines are batched: one stream write per row made writing, not generating, the bottleneck at 1M+ rows.
	private pending: string[] = [];
	private pendingChars = 0;

	private constructor(out: string, existingIds: Iterable<string>, options: WriterOptions) {
		this.out = resolve(out);
		this.merge = options.merge ?? true;
		this.dedupe = options.dedupe ?? true;
		mkdirSync(dirname(this.out), { recursive: true });
		const stamp = `${process.pid}-${Date.now()}`;
		this.tmpCsv = `${this.out}.${stamp}.tmp.csv`;
		this.tmpParquet = `${this.out}.${stamp}.tmp.parquet`;
		this.stream = createWriteStream(this.tmpCsv, { encoding: 'utf8' });
		this.stream.write(csvLine(INCIDENT_COLUMN_NAMES));
		if (this.dedupe) for (const id of existingIds) this.seen.add(id);
	}

	/** Opens a writer; with merge and dedupe on, the ids already in `out` are loaded so they are not added twice. */
	static async open(out: string, options: WriterOptions = {}): Promise<IncidentParquetWriter> {
		const merge = options.merge ?? true;
		const dedupe = options.dedupe ?? true;
		const ids = merge && dedupe && existsSync(out) ? await readIds(out) : [];
		return new IncidentParquetWriter(out, ids, options);
	}

	/** Whether an incident with this id is already in the output (existing file or this run). */
	has(id: string): boolean {
		return this.seen.has(id);
	}

	/** Adds a row; returns false (and writes nothing) when its id is already present. Awaits back-pressure. */
	async add(incident: Incident): Promise<boolean> {
		if (this.dedupe) {
			if (this.seen.has(incident.incident_id)) return false;
			this.seen.add(incident.incident_id);
		}
		this.added++;
		const line = csvLine(INCIDENT_COLUMN_NAMES.map((name) => incident[name]));
		this.pending.push(line);
		this.pendingChars += line.length;
		if (this.pendingChars >= 1 << 20) await this.flush();
		return true;
	}

	private async flush(): Promise<void> {
		if (this.pending.length === 0) return;
		const chunk = this.pending.join('');
		this.pending = [];
		this.pendingChars = 0;
		if (!this.stream.write(chunk)) await once(this.stream, 'drain');
	}

	/** Writes the Parquet (sorted by date, zstd) and renames it over `out`. */
	async finish(): Promise<WriteResult> {
		await this.flush();
		this.stream.end();
		await once(this.stream, 'finish');
		// A bounded memory limit with a spill directory keeps the sort of a 10M-row set from taking the machine.
		const instance = await DuckDBInstance.create(':memory:', {
			threads: '2',
			memory_limit: process.env.RASD_DUCKDB_MEMORY ?? '3GB',
			temp_directory: `${this.out}.${process.pid}.spill`
		});
		const conn = await instance.connect();
		try {
			const columns = INCIDENT_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
			const fresh = `SELECT * FROM read_csv(${sqlString(this.tmpCsv)}, header = true, columns = {${columns}},
				quote = '"', escape = '"', nullstr = '', strict_mode = true, parallel = true)`;
			const names = INCIDENT_COLUMN_NAMES.join(', ');
			const existing = this.merge && existsSync(this.out) ? `SELECT ${names} FROM read_parquet(${sqlString(this.out)}) UNION ALL ` : '';
			await conn.run(`COPY (SELECT * FROM (${existing}${fresh}) ORDER BY event_date, incident_id)
				TO ${sqlString(this.tmpParquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
			const counted = await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(this.tmpParquet)})`);
			const total = Number(counted.getRows()[0][0]);
			renameSync(this.tmpParquet, this.out);
			return { total, added: this.added };
		} finally {
			conn.closeSync();
			instance.closeSync();
			rmSync(this.tmpCsv, { force: true });
			rmSync(this.tmpParquet, { force: true });
			rmSync(`${this.out}.${process.pid}.spill`, { recursive: true, force: true });
		}
	}

	/** Drops the temporary files without touching `out`. */
	async abort(): Promise<void> {
		this.pending = [];
		this.stream.destroy();
		rmSync(this.tmpCsv, { force: true });
		rmSync(this.tmpParquet, { force: true });
	}
}

async function readIds(parquet: string): Promise<string[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const reader = await conn.runAndReadAll(`SELECT incident_id FROM read_parquet(${sqlString(parquet)})`);
		return reader.getColumns()[0]?.map(String) ?? [];
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
