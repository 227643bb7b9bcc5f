// The absent-column warnings are only as good as the lists in src/lib/import/expected-columns.ts: this checks
// that each mapper reads no column outside its list (a recording record over real fixture rows), and the matcher.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mapAcledRecord } from '../../src/lib/import/acled';
import { EXPECTED_COLUMNS, missingColumns } from '../../src/lib/import/expected-columns';
import { mapGtdRecord } from '../../src/lib/import/gtd';
import { recordFactory } from '../../src/lib/import/record';
import type { SourceRecord } from '../../src/lib/import/types';
import { mapUcdpRecord } from '../../src/lib/import/ucdp';
import { fixture } from './helpers';

function columnsRead(file: string, map: (r: SourceRecord) => unknown): Set<string> {
	const [header, ...rows] = parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
	const factory = recordFactory(header);
	const read = new Set<string>();
	for (const [i, values] of rows.entries()) {
		const record = factory.make(values, i + 2);
		map({ line: record.line, has: (c) => record.has(c), get: (c) => (read.add(c.toLowerCase()), record.get(c)) });
	}
	return read;
}

describe('expected columns', () => {
	it.each([
		['acled', fixture('acled', 'acled-export.csv'), mapAcledRecord],
		['gtd', fixture('gtd', 'gtd-sample.csv'), mapGtdRecord],
		['ucdp', fixture('ucdp', 'ucdp-ged-sample.csv'), mapUcdpRecord]
	] as const)('%s: every column the mapper reads is listed', (format, file, map) => {
		const read = columnsRead(file, map as (r: SourceRecord) => unknown);
		expect([...read].filter((c) => !EXPECTED_COLUMNS[format].includes(c))).toEqual([]);
	});

	it('suggests plausible renames only', () => {
		const header = EXPECTED_COLUMNS.acled.filter((c) => !['fatalities', 'admin1', 'notes'].includes(c));
		expect(missingColumns('acled', [...header, 'fatality', 'Admin 1', 'comments'])).toEqual([
			{ column: 'admin1', suggestion: 'admin 1' },
			{ column: 'notes', suggestion: null },
			{ column: 'fatalities', suggestion: 'fatality' }
		]);
	});
});
