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

	/** `?, ?, ?`: one placeholder per value, for IN lists. */
	list(values: readonly string[]): string {
		return values.map((v) => this.bind(v)).join(', ');
	}

	/** The statement, named (see engine.ts `named`), with the values bound so far. */
	query(name: QueryName, sql: string): BoundQuery {
		return named(name, { sql, params: [...this.values] });
	}
}
