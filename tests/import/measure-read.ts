// Child process for the memory tests (not a test file): reads every record of argv[2]'s `file` with openTable
// and prints one JSON line with the record count, the RSS before reading and the peak RSS (bytes).
import { openTable } from '../../scripts/lib/read-table';

const { file } = JSON.parse(process.argv[2] ?? '{}') as { file: string };
const rssBefore = process.memoryUsage().rss;
let records = 0;
for await (const _ of (await openTable(file)).records) records++;
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ok: true, records, rssBefore, peakRss })}\n`);
