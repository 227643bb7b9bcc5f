// npm run import -- <input>... --out <file.parquet> [--format acled|gtd|ucdp|csv] [--map field=Column,...]
//                   [--source csv|manual] [--date-format dmy|mdy] [--encoding E] [--max-record-bytes N]
//                   [--max-xlsx-bytes N] [--json]
// A thin CLI over runImport(): parses the arguments, prints the summary (one JSON object with --json) and exits
// non-zero, with the reason on stderr, when the run is refused.
import { parseArgs } from 'node:util';
import { DATE_ORDERS, type DateOrder } from '../src/lib/import/dates';
import { CSV_SOURCES, IMPORT_FORMATS, parseMapSpec, type CsvSource, type ImportFormat } from '../src/lib/import/index';
import { parseByteSize } from './lib/byte-size';
import { canonicalEncoding } from './lib/decode';
import { formatSummary, ImportError, runImport } from './lib/import-run';

const USAGE = `usage: npm run import -- <input>... --out <file.parquet> [options]

Reads ACLED, GTD, UCDP or any CSV (.csv, .csv.gz, GTD .xlsx) into the incident Parquet file. Incidents already in
--out are kept and not duplicated; rejected rows go to <out>.rejects.csv.

  --out FILE            Parquet file to create or add to (required)
  --format F            acled | gtd | ucdp | csv (default: detected from each file's header)
  --map f=Col,...       map spreadsheet columns onto schema fields (implies --format csv)
  --source S            csv | manual: source_dataset of a plain CSV (default csv)
  --date-format O       dmy | mdy: how to read 03/04/2023 in a plain CSV (rejected without it)
  --encoding E          text encoding of CSV inputs: windows-1256, utf-16le, latin1, ... (default UTF-8;
                        a UTF-16 byte-order mark is recognised without it)
  --max-record-bytes N  a CSV record larger than this is rejected as too large (default 1MB)
  --max-xlsx-bytes N    refuse an xlsx that expands to more than this in all (default 512MB; zip-bomb guard)
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
		if (format && format !== 'csv' && (map || source || dateOrder)) {
			throw new UsageError('--map, --source and --date-format apply to --format csv only');
		}
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
			xlsxLimits: maxXlsxBytes === undefined ? undefined : { maxUncompressedBytes: maxXlsxBytes }
		});
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
		throw e;
	}
}

process.exitCode = await main(process.argv.slice(2));
