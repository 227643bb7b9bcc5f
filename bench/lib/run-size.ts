// One benchmark set end to end: artifact, served app, browser session, native comparison, record.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureArtifact } from './artifacts';
import { runSession } from './browser';
import type { Dataset, Log } from './datasets';
import { EXPORT_PREP, SCRIPT, type ScriptContext, type Step } from './interactions';
import { NativeRunner } from './native';
import { buildRecord, type BenchRecord } from './report';
import { prepareSite, serve } from './serve';

/** The CSV export is measured on about this many filtered rows (the 100,000). */
export const EXPORT_ROWS = 100_000;

export interface SizeRunOptions {
	dataset: Dataset;
	cacheDir: string;
	buildDir: string;
	rebuild: boolean;
	/** First N steps of the script (null: all). */
	interactions: number | null;
	reps: number;
	warmLoads: number;
	log: Log;
}

/** The `from` date that leaves about EXPORT_ROWS incidents (the latest ones), and how many it leaves exactly. */
export async function exportFilter(native: NativeRunner, rows: number): Promise<{ ctx: ScriptContext; expected: number }> {
	const dateMin = String(await native.scalar(`SELECT strftime(date_min, '%Y-%m-%d') FROM rasd.meta`));
	if (rows <= EXPORT_ROWS) return { ctx: { exportFrom: null, dateMin }, expected: rows };
	const from = String(
		await native.scalar(`SELECT strftime(event_date, '%Y-%m-%d') FROM rasd.incidents ORDER BY event_date DESC LIMIT 1 OFFSET $1`, [EXPORT_ROWS - 1])
	);
	const expected = Number(await native.scalar(`SELECT count(*) FROM rasd.incidents WHERE event_date >= CAST($1 AS DATE)`, [from]));
	return { ctx: { exportFrom: from, dateMin }, expected };
}

export async function runSize(o: SizeRunOptions): Promise<BenchRecord> {
	const { dataset, log } = o;
	const artifact = await ensureArtifact(dataset, o.cacheDir, { rebuild: o.rebuild, log });
	let native = await NativeRunner.open(artifact.path);
	const { ctx, expected } = await exportFilter(native, dataset.rows).finally(() => native.close());
	const steps: readonly Step[] = [...(o.interactions === null ? SCRIPT : SCRIPT.slice(0, o.interactions)), ...EXPORT_PREP];
	log(`${dataset.label}: serving, then ${steps.length} interactions; export of ${expected.toLocaleString('en')} rows (from ${ctx.exportFrom ?? ctx.dateMin})`);

	const site = await prepareSite(o.buildDir, artifact.path);
	const loadStart = loadavg()[0];
	const server = await serve(site.root);
	const workDir = mkdtempSync(join(tmpdir(), 'rasd-bench-work-'));
	// Opened now (ATTACH reads only the catalogue); its queries run in the replay phase, interleaved with the page's.
	native = await NativeRunner.open(artifact.path);
	let session;
	try {
		session = await runSession({
			url: `${server.url}/`,
			steps,
			ctx,
			expectedExportRows: expected,
			warmLoads: o.warmLoads,
			replayReps: o.reps,
			workDir,
			log,
			artifactBytes: server.artifactBytes,
			native: (sql, params, reps) => native.time(sql, params, reps)
		});
	} finally {
		native.close();
		await server.close();
		site.remove();
		rmSync(workDir, { recursive: true, force: true });
	}
	const errors = session.native.filter((t) => t.error).map((t) => `native: ${t.error}`);
	errors.push(...session.replay.filter((q) => q.error).map((q) => `wasm replay: ${q.error}`));
	const loadAverage = { start: Math.round(loadStart * 100) / 100, end: Math.round(loadavg()[0] * 100) / 100 };
	log(`  1-minute load average ${loadAverage.start} at the start, ${loadAverage.end} at the end (2 cores; other jobs share them)`);
	return buildRecord({ dataset, artifact, viewAssetsS: site.viewAssetsSeconds, artifactReadBytes: server.artifactBytes(), session, native: session.native, errors, loadAverage });
}
