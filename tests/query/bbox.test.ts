// The bbox filter's link form: four decimal degrees, validated, canonical (rounded to 4 decimals), never a box
// that is upside down or off the globe.
import { describe, expect, it } from 'vitest';
import { formatBbox, isCanonicalBbox, normaliseBbox, parseBbox } from '../../src/lib/query/bbox';
import { parseViewState, serialiseViewState } from '../../src/lib/url/view-url';
import { DEFAULT_VIEW } from '../../src/lib/query/filters';
import { Params } from '../../src/lib/query/params';
import { bboxConditionSql } from '../../src/lib/query/bbox';

describe('bbox', () => {
	it('parses four numbers and writes them back the same', () => {
		const b = parseBbox('36.1,35,38.25,36.5');
		expect(b).toEqual({ minLon: 36.1, minLat: 35, maxLon: 38.25, maxLat: 36.5 });
		expect(formatBbox(b!)).toBe('36.1,35,38.25,36.5');
		expect(parseBbox('-0.00001,-10,1,0')).toEqual({ minLon: 0, minLat: -10, maxLon: 1, maxLat: 0 });
		expect(isCanonicalBbox(b)).toBe(true);
		expect(isCanonicalBbox({ minLon: 1.123456, minLat: 0, maxLon: 2, maxLat: 1 })).toBe(false);
	});

	it.each([
		['three numbers', '1,2,3'],
		['five numbers', '1,2,3,4,5'],
		['text', 'a,b,c,d'],
		['exponent', '1e2,0,2,1'],
		['latitude off the globe', '0,-91,1,0'],
		['longitude off the globe', '0,0,181,1'],
		['min above max', '5,0,1,1'],
		['SQL', "1,2,3,4) OR 1=1 --"],
		['empty parts', ',,,']
	])('refuses %s', (_, text) => {
		expect(parseBbox(text)).toBeNull();
	});

	it('travels in the URL with bare commas, and a bad one is dropped with a notice', () => {
		const { state, notices } = parseViewState('?bbox=36.1,35,38.25,36.5&map=district');
		expect(notices).toEqual([]);
		expect(state.bbox).toEqual({ minLon: 36.1, minLat: 35, maxLon: 38.25, maxLat: 36.5 });
		expect(state.map).toBe('district');
		expect(serialiseViewState(state)).toBe('?bbox=36.1,35,38.25,36.5&map=district');
		const bad = parseViewState('?bbox=1,2,3');
		expect(bad.state.bbox).toBeNull();
		expect(bad.notices.map((n) => n.key)).toEqual(['url.invalid']);
		expect(serialiseViewState({ ...DEFAULT_VIEW })).toBe('');
	});

	it('binds every number; the SQL text holds none of them', () => {
		const p = new Params();
		const sql = bboxConditionSql(normaliseBbox({ minLon: 36.123, minLat: 35, maxLon: 38, maxLat: 36 })!, p);
		expect(p.values).toEqual([36.123, 38, 35, 36]);
		expect(sql).not.toContain('36.123');
	});
});
