import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../query/filters';
import { countRegions } from './boundaries';
import { channelKey } from './channels';
import { matchPreset, presetRange } from './date-presets';
import { DEFAULT_VIEW_ASSET_VERSION, parseDefaultViewAsset } from '../query/default-view-asset';
import { Latest } from './latest';
import { metaFromResult } from '../query/meta';
import { panelStatus } from './panel-status';
import { bucketEnd, zoomToRange } from './zoom-range';

describe('Latest', () => {
	it('only the newest ticket is current', () => {
		const l = new Latest();
		const a = l.next();
		const b = l.next();
		expect(a()).toBe(false);
		expect(b()).toBe(true);
		l.invalidate();
		expect(b()).toBe(false);
	});
});

describe('date presets', () => {
	it('end on the anchor, inclusive', () => {
		expect(presetRange('30d', '2024-03-31')).toEqual({ from: '2024-03-02', to: '2024-03-31' });
		expect(presetRange('365d', '2024-12-31')).toEqual({ from: '2024-01-02', to: '2024-12-31' });
		expect(presetRange('ytd', '2024-05-17')).toEqual({ from: '2024-01-01', to: '2024-05-17' });
		expect(presetRange('all', '2024-05-17')).toEqual({ from: null, to: null });
	});
	it('recognise the active preset', () => {
		expect(matchPreset('2024-03-02', '2024-03-31', '2024-03-31')).toBe('30d');
		expect(matchPreset(null, null, '2024-03-31')).toBe('all');
		expect(matchPreset('2024-03-01', '2024-03-31', '2024-03-31')).toBe(null);
	});
});

describe('zoom to date range', () => {
	const months = ['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01'];
	it('maps bucket indexes to the dates they cover', () => {
		expect(bucketEnd('2023-02-01', 'month')).toBe('2023-02-28');
		expect(bucketEnd('2024-01-01', 'quarter')).toBe('2024-03-31');
		expect(bucketEnd('2023-01-02', 'week')).toBe('2023-01-08');
		expect(zoomToRange(months, 1, 2, 'month', { from: null, to: null })).toEqual({ from: '2023-02-01', to: '2023-03-31' });
	});
	it('keeps an open end open and never widens the current filter', () => {
		expect(zoomToRange(months, 0, 2, 'month', { from: null, to: null })).toEqual({ from: null, to: '2023-03-31' });
		expect(zoomToRange(months, 0, 3, 'month', { from: null, to: null })).toBe(null);
		const weeks = ['2022-12-26', '2023-01-02', '2023-01-09'];
		expect(zoomToRange(weeks, 0, 1, 'week', { from: '2023-01-01', to: '2023-01-12' })).toEqual({ from: '2023-01-01', to: '2023-01-08' });
	});
});

describe('channel keys', () => {
	it('change only with what the channel depends on', () => {
		const v = DEFAULT_VIEW;
		expect(channelKey('timeline', v, null)).not.toBe(channelKey('timeline', { ...v, grain: 'week' }, null));
		expect(channelKey('kpis', v, null)).toBe(channelKey('kpis', { ...v, grain: 'week', page: 3 }, null));
		expect(channelKey('rows', v, null)).not.toBe(channelKey('rows', { ...v, page: 2 }, null));
		expect(channelKey('target', v, null)).toBe(channelKey('target', { ...v, sort: 'killed' }, null));
		expect(channelKey('count', v, null)).not.toBe(channelKey('count', { ...v, q: 'x' }, null));
	});
});

describe('default-view asset and meta', () => {
	const r = (names: string[], rows: (string | number | null)[][]) => ({
		names,
		columns: Object.fromEntries(names.map((n, i) => [n, rows.map((row) => row[i])])),
		rowCount: rows.length
	});
	const meta = r(['row_count', 'date_min', 'date_max', 'synthetic_rows'], [[10, '2023-01-01', '2023-12-31', 4]]);
	const results = {
		kpis: r(['incidents'], [[10]]),
		kpiCompare: r(['incidents'], [[10]]),
		timeline: r(['bucket', 'series', 'value'], []),
		province: r(['pcode', 'value'], []),
		target: r(['key', 'value'], []),
		attack: r(['key', 'value'], []),
		count: r(['n'], [[10]]),
		rows: r(['incident_id'], [['synthetic:1']]),
		map: r(['pcode', 'n'], [['SY11', 10]]),
		cells: r(['n'], []),
		imprecise: r(['bucket', 'series', 'precision', 'value'], []),
		change: r(['unit', 'level'], []),
		mapChange: r(['unit', 'level'], [])
	};
	const sources = r(['source_dataset', 'rows'], [['synthetic', 10]]);
	const options = r(['dim', 'key', 'n'], [['target', 'Military', 10]]);
	const v = DEFAULT_VIEW_ASSET_VERSION;
	it('accepts a well-formed file and rejects anything else', () => {
		const ok = parseDefaultViewAsset({ version: v, meta, results, sources, options, boundaries: 'admin1.geojson', boundariesPcodeProperty: 'ADM1_PCODE' });
		expect(ok?.boundaries).toBe('admin1.geojson');
		expect(parseDefaultViewAsset({ version: v, meta, results, sources, options, boundaries: '../x.geojson', boundariesPcodeProperty: null })?.boundaries).toBe(null);
		expect(parseDefaultViewAsset({ version: v + 1, meta, results, sources })).toBe(null);
		expect(parseDefaultViewAsset({ version: v, meta, results: { ...results, kpis: { names: ['a'], columns: {}, rowCount: 1 } }, sources })).toBe(null);
		// A file of the previous version (no table page, no sources) is not used: the engine answers instead.
		const { count: _c, rows: _r, ...oldResults } = results;
		expect(parseDefaultViewAsset({ version: v, meta, results: oldResults, sources })).toBe(null);
		expect(parseDefaultViewAsset({ version: v, meta, results })).toBe(null);
		expect(parseDefaultViewAsset('nope')).toBe(null);
	});
	it('reads the meta row', () => {
		expect(metaFromResult(meta)).toEqual({ rowCount: 10, dateMin: '2023-01-01', dateMax: '2023-12-31', syntheticRows: 4, sourceSha256: null });
		expect(metaFromResult(r(['row_count'], []))).toBe(null);
	});
});

describe('boundaries', () => {
	it('counts features keyed by a Syrian p-code', () => {
		const f = (code: string) => ({ type: 'Feature', properties: { ADM1_PCODE: code }, geometry: null });
		expect(countRegions({ type: 'FeatureCollection', features: [f('SY01'), f('SY02'), f('XX01')] }, 'ADM1_PCODE')).toBe(2);
		expect(countRegions({ type: 'FeatureCollection', features: [f('SY01')] }, 'OTHER')).toBe(0);
		expect(() => countRegions({ type: 'Feature' }, 'ADM1_PCODE')).toThrow(/FeatureCollection/);
	});
});

describe('panel status', () => {
	const result = { names: ['x'], columns: { x: [1] }, rowCount: 1 };
	it('tells loading, stale, error, empty and ready apart', () => {
		expect(panelStatus(undefined, false)).toBe('loading');
		expect(panelStatus({ key: 'k', result, error: null }, false)).toBe('stale');
		expect(panelStatus({ key: 'k', result: null, error: 'boom' }, true)).toBe('error');
		expect(panelStatus({ key: 'k', result: { ...result, rowCount: 0 }, error: null }, true)).toBe('empty');
		expect(panelStatus({ key: 'k', result, error: null }, true)).toBe('ready');
	});
});
