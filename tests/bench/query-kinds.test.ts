// The benchmark groups timings by the name each builder gives its statement; checked against the builders
// themselves, so a builder that loses its name (and would silently move to "other") fails here.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/query/filters';
import {
	categoryQuery,
	dimensionOptionsQuery,
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
		expect(queryKind(dimensionOptionsQuery().sql)).toBe('options');
		// Only the name counts: a statement without one is 'other', whatever its shape.
		expect(queryKind(incidentCountQuery(filtered).sql.replace(/^\/\*[^*]*\*\/ /, ''))).toBe('other');
		expect(queryKind('SELECT 1')).toBe('other');
		expect(queryKind(null)).toBe('other');
	});

	it('every channel of the page maps to its own kind', () => {
		const kinds = CHANNELS.map((c) => queryKind(channelQuery(c, filtered, range).sql));
		expect(kinds).toEqual([
			'kpis', 'kpi-compare', 'timeline', 'timeline-imprecise', 'province', 'target', 'attack', 'count', 'rows', 'map', 'cells',
			'change', 'map-change'
		]);
		// The map's change colouring, by either level, is told from the panel's statement (the same builder).
		for (const map of ['governorate', 'district'] as const) {
			const coloured = { ...filtered, map, colour: 'change' as const };
			expect(queryKind(channelQuery('mapChange', coloured, range).sql)).toBe('map-change');
			expect(queryKind(channelQuery('change', coloured, range).sql)).toBe('change');
		}
	});
});
