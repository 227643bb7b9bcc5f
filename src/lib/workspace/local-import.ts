// The page's import, run in a worker (import.worker.ts): a File the analyst opened goes through the CLI's own
// pieces (local-table.ts: CSV, .csv.gz, a zip holding one CSV, xlsx, read as openTable reads them; import/index.ts: detection and the row mappers;
// import/run.ts: counts, rejects, duplicates, ACLED updates) into the local dataset. The local dataset is one CSV
// in the schema's columns (INCIDENT_COLUMN_NAMES, like data/manual), kept as a Blob: it is what IndexedDB stores,
// what DuckDB-WASM reads to build the local artifact, and what the fingerprint is taken of.
// Pure apart from Blob, DecompressionStream and crypto.subtle, which browsers and Node 20 both have.
import { INCIDENT_COLUMN_NAMES, type Incident } from '../data/schema';
import { csvCell, csvLine, type CsvValue } from '../export/csv';
import { CsvRecordSplitter, parseCsvRecord, type SplitItem } from '../import/csv-records';
import type { ImportFormat } from '../import/index';
import { acledStamp, emptyCounts, importRecords, type Counts, type FileSummary, type IncidentSink, type RunState } from '../import/run';
import { sha256Hex } from '../import/sha256';
import { openLocalTable } from './local-table';

const RAW_DATE = INCIDENT_COLUMN_NAMES.indexOf('raw_date');
const HEADER_LINE = csvLine(INCIDENT_COLUMN_NAMES);

/**
 * csvLine() of the row's columns without its per-cell closures (it runs 200,000 times on a large export). Joined,
 * not built with +=: a concatenated line is a rope of ~70 pieces that costs memory until it is flattened.
 */
export function incidentLine(r: Incident): string {
	const cells = new Array<string>(INCIDENT_COLUMN_NAMES.length);
	for (let i = 0; i < cells.length; i++) {
		const v = r[INCIDENT_COLUMN_NAMES[i]] as CsvValue;
		cells[i] = v === null || v === undefined ? '' : csvCell(v);
	}
	return cells.join(',') + '\r\n';
}


/** The rows of the local dataset, in order, keyed by incident_id, with what was there before this run. */
export class LocalRows implements IncidentSink {
	private readonly lines = new Map<string, string>();
	private readonly stamps = new Map<string, number | null>();

	/** The dataset's CSV text (as this module writes it); '' for none. */
	static parse(text: string): LocalRows {
		const rows = new LocalRows();
		const splitter = new CsvRecordSplitter(Number.MAX_SAFE_INTEGER);
		const out: SplitItem[] = [];
		splitter.push(text, out);
		splitter.end(out);
		for (const item of out.slice(1)) {
			if (item.kind !== 'record') continue;
			const v = parseCsvRecord(item.text);
			rows.lines.set(v[0], `${item.text}\r\n`);
			rows.stamps.set(v[0], acledStamp({ source_dataset: v[1], raw_date: v[RAW_DATE] || null } as Incident));
		}
		return rows;
	}

	get size(): number {
		return this.lines.size;
	}
	hadBefore(id: string): boolean {
		return this.stamps.has(id);
	}
	existingStamp(id: string): number | null {
		return this.stamps.get(id) ?? null;
	}
	add(incident: Incident): boolean {
		if (this.lines.has(incident.incident_id)) return false;
		this.lines.set(incident.incident_id, incidentLine(incident));
		return true;
	}
	replace(incident: Incident): void {
		this.lines.set(incident.incident_id, incidentLine(incident));
	}
	/**
	 * The dataset's CSV as UTF-8 bytes, each line encoded straight into one buffer: hashed and handed on as they
	 * are, where a Blob of strings would be encoded and then read back for the fingerprint. The buffer starts at
	 * the text's length plus a tenth (exports are mostly ASCII) and doubles when a line does not fit.
	 */
	toBytes(): Uint8Array<ArrayBuffer> {
		const encoder = new TextEncoder();
		let chars = HEADER_LINE.length;
		for (const line of this.lines.values()) chars += line.length;
		let buf = new Uint8Array(Math.ceil(chars * 1.1) + 1024);
		let at = 0;
		const put = (line: string) => {
			let r = encoder.encodeInto(line, buf.subarray(at));
			while (r.read < line.length) {
				const bigger = new Uint8Array(buf.length * 2 + line.length * 3);
				bigger.set(buf.subarray(0, at));
				buf = bigger;
				r = encoder.encodeInto(line, buf.subarray(at));
			}
			at += r.written;
		};
		put(HEADER_LINE);
		for (const line of this.lines.values()) put(line);
		return buf.slice(0, at);
	}
}

/** First 16 hex digits of the SHA-256 of the dataset's bytes: what a link on local data names (`local=`). */
export async function fingerprintOf(data: Blob | Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', data instanceof Uint8Array ? data : await data.arrayBuffer());
	return Array.from(new Uint8Array(digest).subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface LocalDataset {
	blob: Blob;
	rows: number;
	fingerprint: string;
	/** The blob's bytes as written, handed to the page's engine once (fresh-bytes.ts) so it need not read them back. */
	bytes: Uint8Array<ArrayBuffer>;
}

export interface LocalImportResult extends LocalDataset {
	summary: FileSummary;
	/** The CLI's rejects file for this input: file, line, reason, raw (formula-guarded). */
	rejectsCsv: string;
	/** Milliseconds of each step in the worker (the page records them as performance measures `rasd-worker:<step>`). */
	timings: Record<string, number>;
}

export interface LocalImportOptions {
	format?: ImportFormat;
	/** The day after which an event date is in the future (default: tomorrow in UTC, like the CLI). */
	latestDate?: string;
	/** Bytes read so far of the file's size (the page's progress bar). */
	onProgress?: (read: number, total: number, counts: Counts) => void;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * Imports one file into the local dataset `existing` (its CSV text, '' for none), as `npm run import -- <file>
 * --out <dataset>` would: the same detection, mapping, rejects and summary. Throws ImportError when the file cannot
 * be read at all (nothing is then changed).
 */
export async function importLocalFile(file: File, existing: string, options: LocalImportOptions = {}): Promise<LocalImportResult> {
	const started = performance.now();
	const name = file.name;
	let read = 0;
	const table = await openLocalTable(file, (n) => (read += n));
	const rows = LocalRows.parse(existing);
	const rejects: string[] = [csvLine(['file', 'line', 'reason', 'raw'])];
	const state: RunState = { inputs: [name], firstSeen: new Map(), runStamps: new Map(), deletions: null, latest: options.latestDate ?? tomorrow() };
	let lastReport = 0;
	const summary = await importRecords({
		input: name,
		index: 0,
		forced: options.format,
		table,
		options: { contentDigest: (content) => sha256Hex(content).slice(0, 16) },
		sink: rows,
		writeReject: (cells) => void rejects.push(csvLine(cells, { guardFormulas: true })),
		state,
		onRecord: (counts) => {
			if (!options.onProgress || counts.read - lastReport < 2000) return;
			lastReport = counts.read;
			options.onProgress(read, file.size, counts);
		}
	});
	options.onProgress?.(file.size, file.size, summary);
	const mapped = performance.now();
	const bytes = rows.toBytes();
	const blob = new Blob([bytes], { type: 'text/csv' });
	const written = performance.now();
	const fingerprint = await fingerprintOf(bytes);
	const timings = { readAndMap: mapped - started, writeDataset: written - mapped, fingerprint: performance.now() - written };
	return { blob, bytes, rows: rows.size, fingerprint, summary, rejectsCsv: rejects.join(''), timings };
}

/** Adds checked rows (saved report drafts) to the local dataset; a row whose id is there already is not added again. */
export async function addLocalRows(existing: string, incidents: readonly Incident[]): Promise<LocalDataset & { added: number; duplicates: number }> {
	const rows = LocalRows.parse(existing);
	let added = 0;
	for (const r of incidents) if (rows.add(r)) added++;
	const bytes = rows.toBytes();
	return { blob: new Blob([bytes], { type: 'text/csv' }), bytes, rows: rows.size, fingerprint: await fingerprintOf(bytes), added, duplicates: incidents.length - added };
}

export { emptyCounts };
