// The benchmark groups timings by the query a SQL text came from; checked against the builders themselves, so a
// change in sql.ts that would silently move a query to "other" fails here.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/query/filters';
import {
	categoryQuery,
	exportQuery,
	incidentCountQuery,
	incidentDetailQuery,
	incidentPageQuery,
	kpiQuery,
	metaQuery,
	perpetratorOptionsQuery,
	provinceQuery,
	sourcesQuery,
	timelineQuery
} from '../../src/lib/query/sql';
import { CHANNELS, channelQuery } from '../../src/lib/state/channels';
import { queryKind } from '../../bench/lib/query-kinds';

const range = { min: '2017-01-01', max: '2025-12-31' };
const filtered: ViewState = {
	...DEFAULT_VIEW,
	from: '2019-01-01',
	to: '2020-12-31',
	provinces: ['SY02', 'SY07'],
	targets: ['Military'],
	attacks: ['Bombing/Explosion'],
	perpetrators: ['SDF'],
	sources: ['synthetic'],
	minCasualties: 3,
	q: 'market explosion',
	page: 3
};

describe('query kinds', () => {
	it('names every builder', () => {
		for (const v of [DEFAULT_VIEW, filtered]) {
			expect(queryKind(kpiQuery(v, range).sql)).toBe('kpis');
			expect(queryKind(timelineQuery(v).sql)).toBe('timeline');
			expect(queryKind(provinceQuery(v).sql)).toBe('province');
			expect(queryKind(categoryQuery(v, 'target', { ignoreOwnFilter: true, limit: null }).sql)).toBe('target');
			expect(queryKind(categoryQuery(v, 'attack').sql)).toBe('attack');
			expect(queryKind(categoryQuery(v, 'perpetrator').sql)).toBe('category');
			expect(queryKind(categoryQuery(v, 'source').sql)).toBe('category');
			expect(queryKind(incidentCountQuery(v).sql)).toBe('count');
			expect(queryKind(incidentPageQuery(v, 50).sql)).toBe('rows');
			expect(queryKind(exportQuery(v).sql)).toBe('export');
			expect(queryKind(perpetratorOptionsQuery('isis', v, 30).sql)).toBe('perpetrator-options');
		}
		expect(queryKind(incidentDetailQuery('synthetic:1').sql)).toBe('detail');
		expect(queryKind(metaQuery().sql)).toBe('meta');
		expect(queryKind(sourcesQuery().sql)).toBe('sources');
		// An earlier page build looked up its rows' source links in a second query (src/lib/state/source-urls.ts).
		expect(
			queryKind('SELECT CAST(i.incident_id AS VARCHAR) AS incident_id, CAST(i.source_url AS VARCHAR) AS source_url FROM rasd.incidents AS i WHERE i.incident_id IN (?, ?)')
		).toBe('source-urls');
		expect(queryKind('SELECT 1')).toBe('other');
		expect(queryKind(null)).toBe('other');
	});

	it('every channel of the page maps to its own kind', () => {
		const kinds = CHANNELS.map((c) => queryKind(channelQuery(c, filtered, range).sql));
		expect(kinds).toEqual(['kpis', 'timeline', 'province', 'target', 'attack', 'count', 'rows']);
	});
});
