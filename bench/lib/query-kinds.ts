// Names the dashboard query a SQL text came from, by the fragments each builder of src/lib/query/sql.ts writes
// (tests/bench/query-kinds.test.ts checks this against the builders themselves). Used to group timings.
export const QUERY_KINDS = [
	'kpis',
	'timeline',
	'province',
	'target',
	'attack',
	'perpetrator-options',
	'category',
	'count',
	'rows',
	'source-urls',
	'export',
	'detail',
	'meta',
	'sources',
	'other'
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export function queryKind(sql: string | null): QueryKind {
	if (!sql) return 'other';
	if (/\bprev_incidents\b/.test(sql)) return 'kpis';
	if (/\bAS bucket\b/.test(sql)) return 'timeline';
	if (/\bAS pcode\b/.test(sql)) return 'province';
	if (/\bFROM \(SELECT CAST\(i\.perpetrator AS VARCHAR\) AS key\b/.test(sql)) return 'perpetrator-options';
	if (/^SELECT CAST\(i\.target_type AS VARCHAR\) AS key\b/.test(sql)) return 'target';
	if (/^SELECT CAST\(i\.attack_type AS VARCHAR\) AS key\b/.test(sql)) return 'attack';
	if (/^SELECT CAST\(i\.\w+ AS VARCHAR\) AS key\b/.test(sql)) return 'category';
	if (/^SELECT (?:count\(\*\)|coalesce\(sum\(i\.n\), 0\))::INTEGER AS n FROM/.test(sql)) return 'count';
	if (/\bOFFSET\b/.test(sql)) return 'rows';
	// A second look-up of the table page's source links (src/lib/state/source-urls.ts in some builds of the page).
	if (/AS source_url FROM rasd\.incidents AS i WHERE i\.incident_id IN \(/.test(sql)) return 'source-urls';
	if (/ORDER BY i\.event_date, i\.incident_id$/.test(sql)) return 'export';
	if (/WHERE i\.incident_id = \?$/.test(sql)) return 'detail';
	if (/\bFROM rasd\.meta\b/.test(sql)) return 'meta';
	if (/\bFROM rasd\.sources\b/.test(sql)) return 'sources';
	return 'other';
}
