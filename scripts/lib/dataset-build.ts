// Builds data/incidents.parquet: the synthetic demo set plus every hand-coded manual incident, sorted by event_date,
// written atomically by IncidentParquetWriter (a failed build leaves the previous file untouched).
import { statSync } from 'node:fs';
import { demoIncidents } from '../../src/lib/demo/generator';
import { IncidentParquetWriter } from './incident-parquet-writer';
import { readManualIncidents } from './manual-incidents';

export interface DatasetOptions {
	out: string;
	manualDir: string;
	/** Demo rows to include; null or rows 0 for none. */
	demo: { seed: number; rows: number } | null;
}

export interface DatasetResult {
	out: string;
	total: number;
	demoRows: number;
	manualRows: number;
	manualFiles: string[];
	bytes: number;
	seconds: number;
}

export async function buildDataset(options: DatasetOptions): Promise<DatasetResult> {
	const started = performance.now();
	// Manual rows are read (and validated) before anything is written, so a bad row costs nothing.
	const manual = await readManualIncidents(options.manualDir);
	const writer = await IncidentParquetWriter.open(options.out, { merge: false, dedupe: false });
	const demoRows = options.demo?.rows ?? 0;
	try {
		if (options.demo && demoRows > 0) for (const incident of demoIncidents(options.demo.seed, demoRows)) await writer.add(incident);
		for (const incident of manual.incidents) await writer.add(incident);
	} catch (error) {
		await writer.abort();
		throw error;
	}
	const { total } = await writer.finish();
	return {
		out: writer.out,
		total,
		demoRows,
		manualRows: manual.incidents.length,
		manualFiles: manual.files,
		bytes: statSync(writer.out).size,
		seconds: (performance.now() - started) / 1000
	};
}
