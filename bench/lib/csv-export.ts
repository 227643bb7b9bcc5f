// The CSV export, timed in the page from the click on "Export CSV" to the finished blob; the downloaded file is
// parsed and must hold exactly the expected number of records.
import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import type { Page } from 'playwright-core';
import type { ProbeApi } from './probe';
import { queryKind } from './query-kinds';

export interface ExportResult {
	/** Click to the CSV blob handed to URL.createObjectURL. */
	ms: number;
	/** The export query's round trip in the worker (part of ms). */
	queryMs: number | null;
	/** Query reply to blob: Arrow to JS, CSV formatting, Blob (part of ms). */
	formatMs: number | null;
	rows: number;
	bytes: number | null;
}

export async function countCsvRecords(file: string): Promise<number> {
	let n = 0;
	const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: false }));
	for await (const _record of parser) n++;
	return Math.max(0, n - 1); // minus the header
}

export async function runExport(page: Page, workDir: string, expected: number, timeoutMs: number): Promise<ExportResult> {
	await page.evaluate(() => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.arm());
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }), page.getByTestId('export-csv').click()]);
	const armed = await page.evaluate((ms) => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.exported(ms), timeoutMs);
	if (!armed.blob || armed.clickAt === null) throw new Error('the export produced no file');
	const file = join(workDir, 'export.csv');
	await download.saveAs(file);
	if (!(armed.blob.at > armed.clickAt)) throw new Error(`the export blob (${armed.blob.at} ms) is not after its click (${armed.clickAt} ms)`);
	const rows = await countCsvRecords(file);
	rmSync(file, { force: true });
	if (rows !== expected) throw new Error(`the export has ${rows} rows, expected ${expected}`);
	const run = (await page.evaluate((i) => (window as unknown as { __rasdBench: ProbeApi }).__rasdBench.messagesFrom(i), armed.messageFrom)).find(
		(m) => m.type === 'RUN_PREPARED' && queryKind(m.sql) === 'export'
	);
	return {
		ms: armed.blob.at - armed.clickAt,
		queryMs: run?.repliedAt != null ? run.repliedAt - run.sentAt : null,
		formatMs: run?.repliedAt != null ? armed.blob.at - run.repliedAt : null,
		rows,
		bytes: armed.blob.size
	};
}
