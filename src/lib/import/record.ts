// Builds SourceRecords over one header: names are matched trimmed and lower-cased, so ACLED's old UPPERCASE
// exports (EVENT_ID_CNTY, EVENT_DATE, ...) read exactly like the current lower-case ones.
import { HeaderError, type SourceRecord } from './types';

export const headerKey = (name: string): string => name.trim().toLowerCase();

export interface RecordFactory {
	/** Header names as keys (trimmed, lower case), in file order. */
	readonly columns: readonly string[];
	has(column: string): boolean;
	make(values: readonly string[], line: number): SourceRecord;
}

export function recordFactory(header: readonly string[]): RecordFactory {
	const index = new Map<string, number>();
	const columns = header.map(headerKey);
	columns.forEach((key, i) => {
		if (key === '') return;
		if (index.has(key)) throw new HeaderError(`column "${header[i].trim()}" appears twice in the header`);
		index.set(key, i);
	});
	const has = (column: string) => index.has(headerKey(column));
	return {
		columns,
		has,
		make(values, line) {
			return {
				line,
				has,
				get(column) {
					const i = index.get(headerKey(column));
					return i === undefined ? '' : (values[i] ?? '');
				}
			};
		}
	};
}
