// How DuckDB reads the local dataset's CSV (local-import.ts writes it): the schema's columns with their types, so a
// column blank in every row is still a DATE or an INTEGER, and a blank field is NULL (importers never write '').
import { INCIDENT_COLUMNS } from '../data/schema';

/** Name the local dataset is registered under in DuckDB-WASM's file system (a constant, never user text). */
export const LOCAL_CSV_FILE = 'rasd-local.csv';

/** A table function over the dataset's CSV at `file` (a constant path). */
export function localCsvSource(file: string = LOCAL_CSV_FILE): string {
	const columns = INCIDENT_COLUMNS.map((c) => `'${c.name}': '${c.type}'`).join(', ');
	return `read_csv('${file.replace(/'/g, "''")}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
}
