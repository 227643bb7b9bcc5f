// The shared WHERE of every incident query, built from the filter state. Every user value is a bound parameter;
// the column names are constants of this module.
import { escapeLike, searchTerms } from '../text/fold';
import { DIMENSION_KEYS, dimensionCondition, type DimensionKey } from './dimensions';
import type { BoundQuery } from './engine';
import type { Filters } from './filters';
import { Params } from './params';
import { bboxConditionSql } from './bbox';
import { searchConditions } from './search-index';

/** Filter parts a query can leave out (a ranked list that ignores its own selection, the KPI's own periods). */
export type FilterPart = 'dates' | DimensionKey | 'minCasualties' | 'q' | 'bbox' | 'dedupe';

/** `folded LIKE ? ESCAPE '\'` once per search word (all words must match), over an expression of few rows (the
 *  perpetrator picker's names); the incidents' `q` filter reads the token index instead (search-index.ts). */
export function textConditions(expr: string, q: string, p: Params): string[] {
	return searchTerms(q).map((term) => `${expr} LIKE ${p.bind(`%${escapeLike(term)}%`)} ESCAPE '\\'`);
}

/**
 * The conditions of a filter state, ANDed by the caller. Semantics:
 * - dates: event_date within [from, to], both inclusive, either end open;
 * - list filters (src/lib/query/dimensions.ts): the column is one of the values (an empty list filters nothing);
 * - minCasualties: coalesce(killed, 0) + coalesce(injured, 0) >= min (an unknown figure counts as 0);
 * - q: every word of q occurs, case-, accent- and Arabic-spelling-insensitively, in the row's summary, location,
 *   perpetrator, target actor, province, district or country, or the Arabic name of its province, district or
 *   country (src/lib/text/fold.ts; answered from the token index, src/lib/query/search-index.ts);
 * - bbox: located precisely (point, town, near) inside the box (src/lib/query/bbox.ts);
 * - dedupe: only the record each probable event is counted by (dup_keep: every record that is alone, one per group
 *   of probable duplicates; src/lib/query/duplicates.ts). The month rollup has the same column, so it still applies.
 */
export function filterConditions(f: Filters, p: Params, omit: readonly FilterPart[] = []): string[] {
	const out: string[] = [];
	const use = (part: FilterPart) => !omit.includes(part);
	if (use('dates')) {
		if (f.from !== null && f.to !== null) out.push(`i.event_date BETWEEN ${p.date(f.from)} AND ${p.date(f.to)}`);
		else if (f.from !== null) out.push(`i.event_date >= ${p.date(f.from)}`);
		else if (f.to !== null) out.push(`i.event_date <= ${p.date(f.to)}`);
	}
	for (const key of DIMENSION_KEYS) {
		if (use(key) && f[key].length > 0) out.push(dimensionCondition(key, f[key], p));
	}
	if (use('minCasualties') && f.minCasualties !== null) {
		out.push(`coalesce(i.killed, 0) + coalesce(i.injured, 0) >= ${p.int(f.minCasualties)}`);
	}
	if (use('q')) out.push(...searchConditions(f.q, p));
	if (use('bbox') && f.bbox) out.push(bboxConditionSql(f.bbox, p));
	if (use('dedupe') && f.dedupe) out.push('i.dup_keep');
	return out;
}

/** `WHERE a AND b ...`, or '' when there is nothing to filter. */
export function whereSql(conditions: readonly string[]): string {
	return conditions.length === 0 ? '' : `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}`;
}

/** The shared WHERE on its own (`sql` = '' or 'WHERE ...'); it expects the incidents table aliased `i`. */
export function whereClause(f: Filters): BoundQuery {
	const p = new Params();
	const sql = whereSql(filterConditions(f, p));
	return { sql, params: p.values };
}
