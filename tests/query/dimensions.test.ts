// The dimension table is the one definition of every list filter: these check that what is derived from it agrees
// with it (URL keys, translations, WHERE, rollup choice, which channels a change re-runs).
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { ar } from '../../src/lib/i18n/ar';
import { DIMENSIONS, DIMENSION_KEYS, type DimensionKey } from '../../src/lib/query/dimensions';
import { DEFAULT_VIEW, EMPTY_FILTERS, type ViewState } from '../../src/lib/query/filters';
import { rollupFilters } from '../../src/lib/query/rollup';
import { whereClause } from '../../src/lib/query/where';
import { parseViewState, serialiseViewState } from '../../src/lib/url/view-url';
import { channelKey, CHANNELS } from '../../src/lib/state/channels';

/** One valid value per dimension, as a link would carry it. */
const SAMPLE: Record<DimensionKey, string> = {
	provinces: 'SY11',
	targets: 'Military',
	attacks: 'Armed Assault',
	perpetrators: 'ISIS cells (suspected)',
	sources: 'acled',
	events: 'Battles',
	subevents: 'Armed clash',
	countries: 'SYR',
	districts: 'SY1101',
	precisions: 'day',
	actors: 'islamic-state'
};

describe('the dimension table', () => {
	it('has unique URL keys and labels in both languages', () => {
		const urls = DIMENSION_KEYS.map((k) => DIMENSIONS[k].url);
		expect(new Set(urls).size).toBe(urls.length);
		for (const k of DIMENSION_KEYS) {
			for (const key of [DIMENSIONS[k].label, DIMENSIONS[k].valueLabel]) {
				expect(Object.hasOwn(en, key), `${k}: ${key} in en`).toBe(true);
				expect(Object.hasOwn(ar, key), `${k}: ${key} in ar`).toBe(true);
			}
		}
	});

	it('keeps the links of the issue stable: each key reads its values and writes them back', () => {
		const search = '?event=Battles&country=SYR&district=SY1101&precision=day&actor=islamic-state';
		const { state, notices } = parseViewState(search);
		expect(notices).toEqual([]);
		expect(state).toMatchObject({ events: ['Battles'], countries: ['SYR'], districts: ['SY1101'], precisions: ['day'], actors: ['islamic-state'] });
		expect(serialiseViewState(state)).toBe(search);
		// Case-insensitive where the vocabulary is, and canonical afterwards.
		expect(parseViewState('?event=battles&country=syr&district=sy1101&precision=DAY&actor=Islamic-State&subevent=armed%20clash').state).toMatchObject({
			events: ['Battles'], countries: ['SYR'], districts: ['SY1101'], precisions: ['day'], actors: ['islamic-state'], subevents: ['Armed clash']
		});
	});

	it('ignores values a dimension does not know, with a notice naming the key', () => {
		const { state, notices } = parseViewState('?event=Picnic&country=XXX&district=SY9999&precision=hour&actor=aliens&subevent=Dance');
		for (const k of ['events', 'countries', 'districts', 'precisions', 'actors', 'subevents'] as const) expect(state[k]).toEqual([]);
		expect(notices.map((n) => n.values?.name)).toEqual(['event', 'country', 'district', 'precision', 'actor', 'subevent']);
	});

	it('filters each dimension through bound parameters only', () => {
		for (const k of DIMENSION_KEYS) {
			const w = whereClause({ ...EMPTY_FILTERS, [k]: [SAMPLE[k]] });
			expect(w.params, k).toEqual([SAMPLE[k]]);
			expect(w.sql, k).not.toContain(SAMPLE[k]);
			expect(w.sql, k).toContain(DIMENSIONS[k].column);
		}
		// A district outside Syria is filtered by its name.
		expect(whereClause({ ...EMPTY_FILTERS, districts: ['Mosul', 'SY1101'] }).sql).toMatch(/admin2_pcode IN \(\?\) OR i\.admin2 IN \(\?\)/);
	});

	it('reads the month rollup exactly when every dimension in use has a rollup column', () => {
		for (const k of DIMENSION_KEYS) {
			expect(rollupFilters({ ...EMPTY_FILTERS, [k]: [SAMPLE[k]] }), k).toBe(DIMENSIONS[k].rollup !== null);
		}
	});

	it("does not re-run a chart when only its own dimension's selection changes", () => {
		const range = { min: '2020-01-01', max: '2024-12-31' };
		const before: ViewState = { ...DEFAULT_VIEW };
		const changed = (after: ViewState) => CHANNELS.filter((c) => channelKey(c, before, range) !== channelKey(c, after, range));
		// A chart is not re-run by a change of its own dimension; the figures, the count and the list are.
		const provinces = changed({ ...before, provinces: ['SY11'] });
		for (const c of ['province', 'map', 'cells'] as const) expect(provinces, c).not.toContain(c);
		const targets = changed({ ...before, targets: ['Military'] });
		expect(targets).not.toContain('target');
		for (const c of ['kpis', 'timeline', 'target', 'attack', 'count', 'rows'] as const) expect(provinces, c).toContain(c);
		for (const c of ['kpis', 'timeline', 'province', 'attack', 'count', 'rows', 'map', 'cells'] as const) expect(targets, c).toContain(c);
		// The map ignores the list of its own level: districts at district level.
		const districtLevel: ViewState = { ...before, map: 'district' };
		const atDistricts = CHANNELS.filter((c) => channelKey(c, districtLevel, range) !== channelKey(c, { ...districtLevel, districts: ['SY1101'] }, range));
		expect(atDistricts.filter((c) => c === 'map' || c === 'cells')).toEqual([]);
		// A dimension no chart owns re-runs every channel that reads filters.
		expect(changed({ ...before, actors: ['sdf'] })).toEqual(CHANNELS.filter((c) => c !== 'mapChange'));
		// Display settings change no query.
		expect(changed({ ...before, lang: 'ar', digits: 'arab', theme: 'dark' })).toEqual([]);
	});
});
