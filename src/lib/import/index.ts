// One entry point for the importers: the row mapper for a format and a file's header.
import { ACLED_REQUIRED_COLUMNS, mapAcledRecord } from './acled';
import { csvMapper, type CsvMapperOptions } from './csv';
import { GTD_REQUIRED_COLUMNS, mapGtdRecord } from './gtd';
import { headerKey } from './record';
import { HeaderError, type ImportFormat, type MapContext, type MapResult, type RowMapper, type SourceRecord } from './types';
import { UCDP_REQUIRED_COLUMNS, mapUcdpRecord } from './ucdp';

export { detectFormat } from './detect';
export { expectedColumnWarnings } from './expected-columns';
export { recordFactory } from './record';
export { parseMapSpec, CSV_FIELDS, CSV_SOURCES, type CsvSource } from './csv';
export * from './types';

const FIXED: Record<Exclude<ImportFormat, 'csv'>, { required: readonly string[]; map: (r: SourceRecord, ctx: MapContext) => MapResult }> = {
	acled: { required: ACLED_REQUIRED_COLUMNS, map: mapAcledRecord },
	gtd: { required: GTD_REQUIRED_COLUMNS, map: mapGtdRecord },
	ucdp: { required: UCDP_REQUIRED_COLUMNS, map: mapUcdpRecord }
};

/** The mapper for one file; throws HeaderError naming the columns a format needs and the file lacks. */
export function createMapper(format: ImportFormat, header: readonly string[], options: CsvMapperOptions): RowMapper {
	if (format === 'csv') return csvMapper(header, options);
	const keys = new Set(header.map(headerKey));
	const missing = FIXED[format].required.filter((c) => !keys.has(c));
	if (missing.length) throw new HeaderError(`not a ${format.toUpperCase()} header: missing column(s) ${missing.join(', ')}`);
	const map = FIXED[format].map;
	return (r) => map(r, options);
}
