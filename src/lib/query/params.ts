// Collects bound parameters while a statement is written. Fragments must be appended to the SQL in the same
// order as they were bound, because `?` placeholders are positional.
import { named, type BoundQuery, type QueryName, type SqlParam } from './engine';

export class Params {
	readonly values: SqlParam[] = [];

	/** Binds one value; returns its placeholder. */
	bind(value: SqlParam): string {
		this.values.push(value);
		return '?';
	}

	/** Binds a value as a DATE (dates travel as 'YYYY-MM-DD' text). */
	date(value: string): string {
		return `CAST(${this.bind(value)} AS DATE)`;
	}

	/** Binds a whole number; cast because DuckDB-WASM binds every JS number as DOUBLE. */
	int(value: number): string {
		return `CAST(${this.bind(value)} AS INTEGER)`;
	}

	/** Binds a text value explicitly typed (so that a lone `?` in a SELECT list has a type). */
	text(value: string): string {
		return `CAST(${this.bind(value)} AS VARCHAR)`;
	}

	/**
	 * `?, ?, ?, ?`: placeholders for an IN list, padded to the next power of two by repeating the last value (the same
	 * set). Each new SQL text costs the worker a prepare and the page a round trip before the statement runs, so a
	 * list of 3 and one of 4 share one statement; a filter of up to 64 values has 7 shapes, not 64.
	 */
	list(values: readonly string[]): string {
		const padded = [...values];
		let size = 1;
		while (size < values.length) size *= 2;
		while (padded.length > 0 && padded.length < size) padded.push(values[values.length - 1]);
		return padded.map((v) => this.bind(v)).join(', ');
	}

	/** The statement, named (see engine.ts `named`), with the values bound so far. */
	query(name: QueryName, sql: string): BoundQuery {
		return named(name, { sql, params: [...this.values] });
	}
}
