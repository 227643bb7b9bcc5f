// The incident list needs a source link per row, but the query layer's LIST_COLUMNS (src/lib/query/columns.ts)
// do not include source_url. Until they do, the page's ids are looked up once more for their URLs: one small
// bound query per page (ids as parameters, names constant). When a page result already carries source_url,
// nothing extra runs.
import { INCIDENTS } from '../query/columns';
import type { BoundQuery, QueryEngine, QueryResult } from '../query/engine';

export function sourceUrlsQuery(ids: readonly string[]): BoundQuery {
	return {
		sql:
			`SELECT CAST(i.incident_id AS VARCHAR) AS incident_id, CAST(i.source_url AS VARCHAR) AS source_url ` +
			`FROM ${INCIDENTS} AS i WHERE i.incident_id IN (${ids.map(() => '?').join(', ')})`,
		params: [...ids]
	};
}

/** The page result with a source_url column, in the page's row order. */
export function mergeSourceUrls(page: QueryResult, urls: QueryResult): QueryResult {
	const byId = new Map<string | number | null, string | number | null>();
	const ids = urls.columns.incident_id ?? [];
	const values = urls.columns.source_url ?? [];
	ids.forEach((id, i) => byId.set(id, values[i] ?? null));
	const column = (page.columns.incident_id ?? []).map((id) => byId.get(id) ?? null);
	return { names: [...page.names, 'source_url'], columns: { ...page.columns, source_url: column }, rowCount: page.rowCount };
}

export async function withSourceUrls(engine: QueryEngine, page: QueryResult): Promise<QueryResult> {
	if (page.columns.source_url || page.rowCount === 0) return page;
	const ids = (page.columns.incident_id ?? []).filter((id): id is string => typeof id === 'string');
	return mergeSourceUrls(page, await engine.run(sourceUrlsQuery(ids)));
}
