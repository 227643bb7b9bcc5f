// Child process for the memory tests (not a test file): runs one import with the options given as JSON in argv[2]
// and prints one JSON line: the summary or the refusal, the RSS just before the import and the process's peak
// RSS (getrusage, in bytes), so the parent can assert on the growth the import itself caused.
import { runImport, type ImportOptions } from '../../scripts/lib/import-run';

const options = JSON.parse(process.argv[2] ?? '{}') as ImportOptions;
const rssBefore = process.memoryUsage().rss;
let outcome: Record<string, unknown>;
try {
	outcome = { ok: true, summary: await runImport(options) };
} catch (e) {
	outcome = { ok: false, error: (e as Error).message };
}
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ...outcome, rssBefore, peakRss })}\n`);
