// Hostile query strings against the URL codec, family by family (tests/url/hostile-inputs.ts): every input gives
// a valid, normalised view state, never an exception; whatever had to be ignored is named in a short notice; what
// the page shows of a notice carries no control or bidi character from the URL; the state round-trips.
// The counts of inputs tried are printed at the end (the README quotes them).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { ATTACK_TYPES, SOURCE_DATASETS, TARGET_TYPES } from '../../src/lib/data/taxonomy';
import { DEFAULT_VIEW, GRAINS, MEASURES, SORT_KEYS, STACKS, type ViewState } from '../../src/lib/query/filters';
import { MAX_LIST_VALUES, viewStateProblems } from '../../src/lib/query/validate';
import { notice } from '../../src/lib/state/notices';
import { parseViewState, serialiseViewState } from '../../src/lib/url/view-url';
import { ENGLISH, type Locale } from '../../src/lib/i18n/locale';

/** The codec's notices are message keys; tests read them written as the page shows them (English by default). */
function parse(search: string, locale: Locale = ENGLISH): { state: ViewState; notices: string[] } {
	const { state, notices } = parseViewState(search);
	return { state, notices: notices.map((m) => locale.message(m)) };
}
import { BIDI_CONTROLS, FAMILIES, hugeList, megabyteValue, type FamilyName, type HostileUrl } from './hostile-inputs';

const tried: Record<string, number> = {};
const count = (family: string) => (tried[family] = (tried[family] ?? 0) + 1);

afterAll(() => {
	const total = Object.values(tried).reduce((a, b) => a + b, 0);
	console.log(`hostile URL inputs tried: ${total} (${Object.entries(tried).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

/** Independent of validate.ts: what any parsed state must look like. */
function assertValid(s: ViewState): void {
	const dateOk = (d: string | null) =>
		d === null || (/^[1-9]\d{3}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
	expect(dateOk(s.from) && dateOk(s.to)).toBe(true);
	if (s.from && s.to) expect(s.from <= s.to).toBe(true);
	expect(s.provinces.every((p) => SYRIA_PCODES.includes(p))).toBe(true);
	expect(s.targets.every((t) => (TARGET_TYPES as readonly string[]).includes(t))).toBe(true);
	expect(s.attacks.every((t) => (ATTACK_TYPES as readonly string[]).includes(t))).toBe(true);
	expect(s.sources.every((t) => (SOURCE_DATASETS as readonly string[]).includes(t))).toBe(true);
	expect(s.perpetrators.every((p) => typeof p === 'string' && p.trim().length > 0 && p.length <= 200)).toBe(true);
	for (const list of [s.provinces, s.targets, s.attacks, s.perpetrators, s.sources]) {
		expect(new Set(list).size).toBe(list.length);
		expect(list.length).toBeLessThanOrEqual(MAX_LIST_VALUES);
	}
	expect(s.minCasualties === null || (Number.isInteger(s.minCasualties) && s.minCasualties >= 0)).toBe(true);
	// The search text holds no control character and no run of spaces, and is at most 200 characters.
	// eslint-disable-next-line no-control-regex
	expect(/[\u0000-\u001f\u007f]|\s\s|^\s|\s$/.test(s.q)).toBe(false);
	expect(s.q.length).toBeLessThanOrEqual(200);
	expect(GRAINS).toContain(s.grain);
	expect(STACKS).toContain(s.stack);
	expect(MEASURES).toContain(s.measure);
	expect(SORT_KEYS).toContain(s.sort);
	expect(['asc', 'desc']).toContain(s.sortDir);
	expect(Number.isInteger(s.page) && s.page >= 1).toBe(true);
	expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
	expect(viewStateProblems(s)).toEqual([]);
}

const BIDI_OR_CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI_CONTROLS.join('')}]`);

/** What every parse must satisfy, whatever the input. */
function assertSafeParse(search: string): { state: ViewState; notices: string[] } {
	const result = parse(search);
	assertValid(result.state);
	expect(result.notices.length).toBeLessThanOrEqual(10);
	for (const text of result.notices) {
		expect(typeof text).toBe('string');
		expect(text.length).toBeLessThan(300);
		// As the page shows it: no control or bidi character from the URL can reorder or hide the notice's text.
		expect(BIDI_OR_CONTROL.test(notice(text).text)).toBe(false);
	}
	// The state serialises to a URL that reads back to the same state without notices (normalised).
	const canonical = serialiseViewState(result.state);
	expect(parse(canonical)).toEqual({ state: result.state, notices: [] });
	return result;
}

const isPerpValue = (v: string) => v.length > 0 && v.length <= 200 && v.trim() !== '' && !/[\uD800-\uDFFF]/.test(v);
const normalisedQ = (v: string) => v.replace(/[\s\u0000-\u001f\u007f]+/gu, ' ').trim();

/** Family-specific: what had to be ignored is named; free text that is well formed is kept as data. */
function assertNoticedAndKept(input: HostileUrl, state: ViewState, notices: string[]): void {
	const capped = notices.length === 10 && /more ignored/.test(notices[9]);
	if (!capped) {
		for (const name of input.mustNotice) {
			expect(notices.some((n) => n.includes(name)), `${JSON.stringify(input.search)}: no notice names ${name}: ${JSON.stringify(notices)}`).toBe(true);
		}
	}
	const perps = input.freeText.filter((f) => f.name === 'perp').map((f) => f.value);
	for (const p of perps) {
		if (isPerpValue(p) && state.perpetrators.length < MAX_LIST_VALUES) expect(state.perpetrators).toContain(p);
		else if (!isPerpValue(p) && !capped) expect(notices.some((n) => n.startsWith('Ignored perp value'))).toBe(true);
	}
	const q = input.freeText.find((f) => f.name === 'q');
	if (q) expect(state.q).toBe(normalisedQ(q.value).slice(0, 200).trim());
}

const RUNS: Record<FamilyName, number> = {
	sqlFragments: 1500,
	controlChars: 1500,
	bidiControls: 1500,
	extremeDates: 1000,
	reversedRanges: 1000,
	repeatedKeys: 1000,
	brokenEncoding: 1500
};

describe('hostile query strings, by family', () => {
	for (const name of Object.keys(FAMILIES) as FamilyName[]) {
		it(`${name}: ${RUNS[name]} inputs give valid states, notices for what was ignored, free text kept as data`, () => {
			fc.assert(
				fc.property(FAMILIES[name], (input) => {
					count(name);
					const { state, notices } = assertSafeParse(input.search);
					assertNoticedAndKept(input, state, notices);
				}),
				{ numRuns: RUNS[name] }
			);
			expect(tried[name]).toBeGreaterThanOrEqual(RUNS[name]);
		});
	}

	it('reversed ranges drop both ends; equal ends are kept', () => {
		const reversed = parse('?from=2023-05-01&to=2023-01-01');
		expect([reversed.state.from, reversed.state.to]).toEqual([null, null]);
		expect(reversed.notices).toEqual(['Ignored the date range: from (2023-05-01) is after to (2023-01-01).']);
		const day = parse('?from=2023-05-01&to=2023-05-01');
		expect([day.state.from, day.state.to, day.notices]).toEqual(['2023-05-01', '2023-05-01', []]);
		count('examples');
		count('examples');
	});

	it('years 0 and 99999 are refused by name; the first and last four-digit years are accepted', () => {
		for (const d of ['0000-01-01', '99999-12-31']) {
			const { state, notices } = parse(`?from=${d}`);
			expect(state.from).toBeNull();
			expect(notices).toEqual([`Ignored from: "${d}" is not a date written YYYY-MM-DD.`]);
			count('examples');
		}
		expect(parse('?from=1000-01-01&to=9999-12-31')).toMatchObject({ state: { from: '1000-01-01', to: '9999-12-31' }, notices: [] });
		count('examples');
	});

	it('repeated keys: the first scalar wins, list values merge', () => {
		const { state, notices } = parse('?grain=week&grain=day&province=SY01&province=SY02&grain=year');
		expect(state.grain).toBe('week');
		expect(state.provinces).toEqual(['SY01', 'SY02']);
		expect(notices).toEqual(['Ignored a repeated "grain" parameter.', 'Ignored a repeated "grain" parameter.']);
		count('examples');
	});

	it('broken percent-encoding such as %E0%A4%A and %FF is named, not thrown', () => {
		for (const bad of ['%E0%A4%A', '%FF']) {
			expect(parse(`?q=${bad}`).notices).toEqual(['Ignored q: it is not valid percent-encoding.']);
			expect(parse(`?perp=${bad}`).notices[0]).toMatch(/^Ignored perp value/);
			expect(parse(`?${bad}=1`).notices[0]).toMatch(/^Ignored unknown parameter/);
			count('examples');
			count('examples');
			count('examples');
		}
	});
});

describe('huge inputs stay bounded', () => {
	it('10,000 values in one list keep at most 50 (14 for provinces), with at most 10 short notices', () => {
		let runs = 0;
		fc.assert(
			fc.property(hugeList(10_000), ({ search, name }) => {
				runs++;
				count('tenThousandValues');
				const { state, notices } = assertSafeParse(search);
				const key = { province: 'provinces', perp: 'perpetrators', target: 'targets', attack: 'attacks', source: 'sources' }[name] as
					| 'provinces'
					| 'perpetrators'
					| 'targets'
					| 'attacks'
					| 'sources';
				expect(state[key].length).toBeLessThanOrEqual(name === 'province' ? 14 : MAX_LIST_VALUES);
				expect(notices.length).toBeGreaterThan(0);
			}),
			{ numRuns: 200 }
		);
		expect(runs).toBe(200);
	});

	it('10,000 perpetrators: exactly the first 50 distinct valid names are kept, with a notice about the rest', () => {
		const names = Array.from({ length: 10_000 }, (_, i) => `Group ${i}'; DROP TABLE x; --`);
		const { state, notices } = assertSafeParse(`?perp=${names.map(encodeURIComponent).join(',')}`);
		expect(state.perpetrators).toEqual(names.slice(0, 50));
		expect(notices).toEqual(['Ignored perp values beyond the first 50.']);
		count('examples');
	});

	it('10,000 repeated province keys merge into the 14 p-codes at most', () => {
		const search = Array.from({ length: 10_000 }, (_, i) => `province=${SYRIA_PCODES[i % 14]}`).join('&');
		const { state, notices } = assertSafeParse(search);
		expect([...state.provinces].sort()).toEqual([...SYRIA_PCODES].sort());
		expect(notices).toEqual([]);
		count('examples');
	});

	it('megabyte-long names, values and list items give a valid state and short notices', () => {
		let runs = 0;
		fc.assert(
			fc.property(megabyteValue(1 << 20), ({ search }) => {
				runs++;
				count('megabyteValues');
				const { state, notices } = assertSafeParse(search);
				expect(state.sortDir).toBe('asc'); // the ordinary parameter after the huge one is still read
				expect(JSON.stringify(notices).length).toBeLessThan(3000);
			}),
			{ numRuns: 60 }
		);
		expect(runs).toBe(60);
	});
});

describe('anything at all', () => {
	it('2,000 arbitrary strings (any code unit, lone surrogates included) and mixed families never throw', () => {
		const anyFamily = fc.oneof(...Object.values(FAMILIES)).map((h) => h.search);
		const mixed = fc.array(anyFamily, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('&'));
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mixed), (search) => {
				count('arbitrary');
				assertSafeParse(search);
			}),
			{ numRuns: 2000 }
		);
	});
});
