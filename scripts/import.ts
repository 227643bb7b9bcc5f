// npm run import -- <input>... --out <file.parquet> [--format acled|gtd|ucdp|csv] [--map field=Column,...]
//                   [--source csv|manual] [--date-format dmy|mdy] [--encoding E] [--max-record-bytes N]
//                   [--max-xlsx-bytes N] [--deletions FILE] [--allow-mixed] [--lock-wait SECONDS] [--json]
// A thin CLI over runImport(): parses the arguments, prints the summary (one JSON object with --json) and exits
// non-zero, with the reason on stderr, when the run is refused or fails; warnings also go to stderr.
import { parseArgs } from 'node:util';
import { DATE_ORDERS, type DateOrder } from '../src/lib/import/dates';
import { CSV_SOURCES, IMPORT_FORMATS, parseMapSpec, type CsvSource, type ImportFormat } from '../src/lib/import/index';
import { parseByteSize } from './lib/byte-size';
import { canonicalEncoding } from './lib/decode';
import { formatSummary, ImportError, runImport } from './lib/import-run';

const USAGE = `usage: npm run import -- <input>... --out <file.parquet> [options]

Reads ACLED, GTD, UCDP or any CSV (.csv, .csv.gz, .zip holding one CSV, .xlsx; comma, semicolon or tab separated)
into the incident Parquet file. Incidents already in --out are kept and not duplicated (a newer ACLED export
replaces the events it changed); rejected rows go to <out>.rejects.csv. Keep real data in its own file (for example
data/real.parquet): an output holding the synthetic demo rows is refused.

  --out FILE            Parquet file to create or add to (required)
  --format F            acled | gtd | ucdp | csv (default: detected from each file's header)
  --map f=Col,...       map spreadsheet columns onto schema fields (implies --format csv)
  --source S            csv | manual: source_dataset of a plain CSV (default csv)
  --date-format O       dmy | mdy: how to read 03/04/2023 in any format's dates (rejected without it; a date
                        the order cannot read, such as 13/06 under mdy, refuses the run)
  --encoding E          text encoding of CSV inputs: windows-1256, utf-16le, latin1, ... (default UTF-8;
                        a UTF-16 byte-order mark is recognised without it)
  --max-record-bytes N  a CSV record larger than this is rejected as too large (default 1MB)
  --max-xlsx-bytes N    refuse an xlsx that expands to more than this in all (default 512MB; zip-bomb guard)
  --deletions FILE      ACLED deletions export: remove the events it lists from --out
  --allow-mixed         allow real and synthetic (demo) incidents in one output
  --lock-wait SECONDS   wait this long for another import on the same --out (default 600; 0: refuse at once)
  --json                print the summary as one JSON object on stdout
  -h, --help            this text`;

class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
	return value as T;
}

function size(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const bytes = parseByteSize(value);
	if (bytes === null) throw new UsageError(`--${name} must be a size such as 1048576, 512K or 2MB (got "${value}")`);
	return bytes;
}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				out: { type: 'string', short: 'o' },
				format: { type: 'string', short: 'f' },
				map: { type: 'string', short: 'm' },
				source: { type: 'string' },
				'date-format': { type: 'string' },
				encoding: { type: 'string' },
				'max-record-bytes': { type: 'string' },
				'max-xlsx-bytes': { type: 'string' },
				deletions: { type: 'string' },
				'allow-mixed': { type: 'boolean', default: false },
				'lock-wait': { type: 'string' },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
		return 2;
	}
	const { values, positionals } = args;
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	try {
		if (!values.out) throw new UsageError('--out is required');
		if (positionals.length === 0) throw new UsageError('give at least one input file');
		const format = oneOf<ImportFormat>('format', values.format, IMPORT_FORMATS);
		const source = oneOf<CsvSource>('source', values.source, CSV_SOURCES);
		const dateOrder = oneOf<DateOrder>('date-format', values['date-format'], DATE_ORDERS);
		let map;
		try {
			map = values.map === undefined ? undefined : parseMapSpec(values.map);
		} catch (e) {
			throw new UsageError((e as Error).message);
		}
		if (format && format !== 'csv' && (map || source)) {
			throw new UsageError('--map and --source apply to --format csv only');
		}
		const lockWait = values['lock-wait'];
		if (lockWait !== undefined && !/^\d+(\.\d+)?$/.test(lockWait)) throw new UsageError(`--lock-wait must be a number of seconds (got "${lockWait}")`);
		let encoding;
		if (values.encoding !== undefined) {
			try {
				encoding = canonicalEncoding(values.encoding);
			} catch {
				throw new UsageError(`--encoding: unknown encoding "${values.encoding}" (try windows-1256, utf-16le, latin1)`);
			}
		}
		const maxRecordBytes = size('max-record-bytes', values['max-record-bytes']);
		const maxXlsxBytes = size('max-xlsx-bytes', values['max-xlsx-bytes']);
		const summary = await runImport({
			inputs: positionals,
			out: values.out,
			format,
			map,
			source,
			dateOrder,
			encoding,
			maxRecordBytes,
			xlsxLimits: maxXlsxBytes === undefined ? undefined : { maxUncompressedBytes: maxXlsxBytes },
			deletions: values.deletions,
			allowMixed: values['allow-mixed'],
			lockWaitMs: lockWait === undefined ? undefined : Number(lockWait) * 1000,
			onLockWait: (holder) => process.stderr.write(`waiting for another import on ${values.out} to finish (${holder})...\n`)
		});
		// Warnings go to stderr as well, so that --json (stdout) does not hide them from the person at the terminal.
		for (const f of summary.files) for (const w of f.warnings) process.stderr.write(`warning: ${f.file}: ${w}\n`);
		process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
		return 0;
	} catch (e) {
		if (e instanceof UsageError) {
			process.stderr.write(`${e.message}\n\n${USAGE}\n`);
			return 2;
		}
		if (e instanceof ImportError) {
			process.stderr.write(`import refused, ${values.out} left unchanged: ${e.message}\n`);
			return 1;
		}
		// Anything else is a bug or the machine: still name the output, and say it was not touched.
		process.stderr.write(`import failed, ${values.out} left unchanged: ${(e as Error).message ?? String(e)}\n`);
		return 1;
	}
}

process.exitCode = await main(process.argv.slice(2));
