// The artifact's metadata row (metaQuery) as a typed value.
import type { QueryResult } from './engine';

export interface Meta {
	rowCount: number;
	dateMin: string | null;
	dateMax: string | null;
	syntheticRows: number;
	/** sha256 of the Parquet file the artifact was built from (cited with exports). */
	sourceSha256: string | null;
}

export function metaFromResult(r: QueryResult): Meta | null {
	if (r.rowCount < 1) return null;
	const get = (name: string) => r.columns[name]?.[0] ?? null;
	const text = (v: string | number | null) => (typeof v === 'string' ? v : null);
	return {
		rowCount: Number(get('row_count') ?? 0),
		dateMin: text(get('date_min')),
		dateMax: text(get('date_max')),
		syntheticRows: Number(get('synthetic_rows') ?? 0),
		sourceSha256: text(get('source_sha256'))
	};
}
