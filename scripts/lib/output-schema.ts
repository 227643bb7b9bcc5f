// What an existing output holds, checked before any input is read: an import merges the old rows into the new
// file, so a file in another schema would either crash the run after all input was read or carry its wrong types
// into the new file. Each schema column is read as the schema's type:
//  - a column of another type is converted when every value survives the round trip (old -> new -> old gives the
//    same value: VARCHAR '2023-06-02' -> DATE, BIGINT 3 -> INTEGER); otherwise the run is refused, naming the
//    column, both types, how many values do not convert and one of them;
//  - a missing nullable column is added as null (nothing is lost); a missing required column refuses the run;
//  - a column the schema does not have refuses the run (keeping the file would drop it silently).
// It also counts duplicate ids (a file written by a run without the lock) and synthetic rows (the demo set).
import type { DuckDBConnection } from '@duckdb/node-api';
import { INCIDENT_COLUMNS } from '../../src/lib/data/schema';

export interface OutputPlan {
	/** `SELECT <every schema column, converted> FROM read_parquet(...)`: the old rows in the schema's types. */
	selectSql: string;
	/** What was converted or added, for the summary. */
	migrations: string[];
	rows: number;
	syntheticRows: number;
}

/** The existing output cannot be merged without losing or bending data. */
export class OutputSchemaError extends Error {}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function planExistingOutput(conn: DuckDBConnection, path: string): Promise<OutputPlan> {
	const source = `read_parquet(${sqlString(path)})`;
	const described = await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${source})`);
	const present = new Map(described.getRowsJS().map((r) => [String(r[0]), String(r[1])] as const));
	const schemaNames = new Set<string>(INCIDENT_COLUMNS.map((c) => c.name));
	const extra = [...present.keys()].filter((name) => !schemaNames.has(name));
	if (extra.length) {
		throw new OutputSchemaError(
			`it has column(s) the incident schema does not: ${extra.map((n) => `${n} (${present.get(n)})`).join(', ')}; ` +
				'merging would drop them. Import into a new --out file, or remove those columns first'
		);
	}
	const selects: string[] = [];
	const migrations: string[] = [];
	const problems: string[] = [];
	for (const c of INCIDENT_COLUMNS) {
		const type = present.get(c.name);
		if (type === undefined) {
			if (c.notNull) problems.push(`the required column ${c.name} (${c.type}) is missing`);
			else {
				selects.push(`CAST(NULL AS ${c.type}) AS ${c.name}`);
				migrations.push(`column ${c.name} (${c.type}) was missing: added, null in every row`);
			}
			continue;
		}
		if (type === c.type) {
			selects.push(c.name);
			continue;
		}
		const col = ident(c.name);
		const lossy = `${col} IS NOT NULL AND (TRY_CAST(${col} AS ${c.type}) IS NULL OR CAST(TRY_CAST(${col} AS ${c.type}) AS ${type}) IS DISTINCT FROM ${col})`;
		let bad: number;
		let example: string | null;
		try {
			const r = await conn.runAndReadAll(`SELECT count(*) FILTER (WHERE ${lossy}), CAST(any_value(${col}) FILTER (WHERE ${lossy}) AS VARCHAR) FROM ${source}`);
			const row = r.getRowsJS()[0];
			bad = Number(row[0]);
			example = row[1] === null ? null : String(row[1]);
		} catch {
			// A type DuckDB cannot even try to cast (a LIST, a STRUCT): nothing converts.
			bad = -1;
			example = null;
		}
		if (bad === 0) {
			selects.push(`CAST(${col} AS ${c.type}) AS ${c.name}`);
			migrations.push(`column ${c.name} was ${type}: converted to ${c.type} (every value converts exactly)`);
		} else {
			const how = bad < 0 ? 'its values cannot be converted' : `${bad} value(s) do not convert exactly${example === null ? '' : `, e.g. ${JSON.stringify(example)}`}`;
			problems.push(`column ${c.name} is ${type}, the schema needs ${c.type}, and ${how}`);
		}
	}
	if (problems.length) {
		throw new OutputSchemaError(`it is not in the incident schema: ${problems.join('; ')}. Import into a new --out file, or fix it first`);
	}
	const selectSql = `SELECT ${selects.join(', ')} FROM ${source}`;
	const stats = await conn.runAndReadAll(
		`SELECT count(*), count(*) FILTER (WHERE CAST(source_dataset AS VARCHAR) = 'synthetic'), count(*) - count(DISTINCT incident_id) FROM (${selectSql})`
	);
	const [rows, syntheticRows, duplicated] = stats.getRowsJS()[0].map(Number);
	if (duplicated > 0) {
		const ids = await conn.runAndReadAll(`SELECT incident_id FROM (${selectSql}) GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`);
		throw new OutputSchemaError(
			`${duplicated} of its rows repeat an incident_id (${ids.getRowsJS().map((r) => String(r[0])).join(', ')}...): ` +
				'it was written without the import lock. Rebuild it by importing the source files into a new --out file'
		);
	}
	return { selectSql, migrations, rows, syntheticRows };
}
