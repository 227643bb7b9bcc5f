// Names the dashboard query a SQL text came from: the query layer writes each statement's name as a leading comment
// (src/lib/query/engine.ts `named`), so the benchmark reads it rather than guessing from the SQL's shape.
import { QUERY_NAMES, queryName } from '../../src/lib/query/engine';

export const QUERY_KINDS = [...QUERY_NAMES, 'other'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export function queryKind(sql: string | null): QueryKind {
	return queryName(sql) ?? 'other';
}
