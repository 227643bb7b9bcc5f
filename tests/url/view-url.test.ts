// The URL codec: exact strings for known states, round trips for random valid states, and a parser that never
// throws and only ever yields valid states, with a notice for everything it ignored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { ACLED_SUB_EVENT_TYPES, ATTACK_TYPES, DATE_PRECISIONS, EVENT_TYPES, SOURCE_DATASETS, TARGET_TYPES } from '../../src/lib/data/taxonomy';
import { makeLocale } from '../../src/lib/i18n/locale';
import { COLOUR_BY, DEFAULT_VIEW, DIGITS, GRAINS, LANGS, MAP_MODES, MEASURES, SORT_KEYS, STACKS, THEMES, type ViewState } from '../../src/lib/query/filters';
import { CHANGE_MEASURES, CHANGE_TERMS, CHANGE_UNITS } from '../../src/lib/query/change-levels';
import { viewStateProblems } from '../../src/lib/query/validate';
import { parseViewState, serialiseViewState } from '../../src/lib/url/view-url';
import { ENGLISH, type Locale } from '../../src/lib/i18n/locale';

/** The codec's notices are message keys; tests read them written as the page shows them (English by default). */
function parse(search: string, locale: Locale = ENGLISH): { state: ViewState; notices: string[] } {
	const { state, notices } = parseViewState(search);
	return { state, notices: notices.map((m) => locale.message(m)) };
}

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

/** Independent of validate.ts: what any parsed state must look like. */
function assertValid(s: ViewState): void {
	const dateOk = (d: string | null) => d === null || (/^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
	expect(dateOk(s.from) && dateOk(s.to)).toBe(true);
	if (s.from && s.to) expect(s.from <= s.to).toBe(true);
	expect(s.provinces.every((p) => SYRIA_PCODES.includes(p))).toBe(true);
	expect(s.targets.every((t) => (TARGET_TYPES as readonly string[]).includes(t))).toBe(true);
	expect(s.attacks.every((t) => (ATTACK_TYPES as readonly string[]).includes(t))).toBe(true);
	expect(s.sources.every((t) => (SOURCE_DATASETS as readonly string[]).includes(t))).toBe(true);
	expect(s.perpetrators.every((p) => typeof p === 'string' && p.trim().length > 0 && p.length <= 200)).toBe(true);
	for (const list of [s.provinces, s.targets, s.attacks, s.perpetrators, s.sources]) expect(new Set(list).size).toBe(list.length);
	expect(s.minCasualties === null || (Number.isInteger(s.minCasualties) && s.minCasualties >= 0)).toBe(true);
	expect(s.q).toBe(s.q.trim());
	expect(s.q.length).toBeLessThanOrEqual(200);
	expect(GRAINS).toContain(s.grain);
	expect(STACKS).toContain(s.stack);
	expect(MEASURES).toContain(s.measure);
	expect(SORT_KEYS).toContain(s.sort);
	expect(['asc', 'desc']).toContain(s.sortDir);
	expect(Number.isInteger(s.page) && s.page >= 1).toBe(true);
	expect([null, ...LANGS]).toContain(s.lang);
	expect(DIGITS).toContain(s.digits);
	expect([null, ...THEMES]).toContain(s.theme);
	expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
	expect(viewStateProblems(s)).toEqual([]);
}

describe('serialiseViewState', () => {
	it('is empty for the default view', () => {
		expect(serialiseViewState(DEFAULT_VIEW)).toBe('');
	});
	it('writes parameters in a fixed order, defaults omitted, each list value encoded on its own', () => {
		const s = view({
			page: 3,
			q: 'car bomb',
			perpetrators: ['Front of the North, Eastern Sector', 'A+B'],
			targets: ['Private Citizens & Property', 'Police'],
			provinces: ['SY02', 'SY01'],
			from: '2023-01-01',
			to: '2023-12-31',
			grain: 'week',
			measure: 'killed',
			minCasualties: 0
		});
		expect(serialiseViewState(s)).toBe(
			'?from=2023-01-01&to=2023-12-31&province=SY02,SY01&target=Private%20Citizens%20%26%20Property,Police' +
				'&perp=Front%20of%20the%20North%2C%20Eastern%20Sector,A%2BB&min=0&q=car%20bomb&grain=week&measure=killed&page=3'
		);
	});
	it('writes the display settings last, and only when chosen', () => {
		expect(serialiseViewState(view({ lang: 'ar' }))).toBe('?lang=ar');
		expect(serialiseViewState(view({ lang: 'en', digits: 'latn', theme: null }))).toBe('?lang=en');
		expect(serialiseViewState(view({ grain: 'week', lang: 'ar', digits: 'arab', theme: 'dark' }))).toBe('?grain=week&lang=ar&digits=arab&theme=dark');
		expect(serialiseViewState(view({ theme: 'light' }))).toBe('?theme=light');
	});
});

describe('parseViewState', () => {
	it('reads the incident overlay: a well-formed id is kept as it is, anything else is ignored with a notice', () => {
		expect(parse('?province=SY11&incident=synthetic%3A4924')).toEqual({ state: view({ provinces: ['SY11'], incident: 'synthetic:4924' }), notices: [] });
		expect(serialiseViewState(view({ provinces: ['SY11'], incident: 'synthetic:4924' }))).toBe('?province=SY11&incident=synthetic%3A4924');
		expect(parse('?incident=csv%3Adesk-log.csv%3A12').state.incident).toBe('csv:desk-log.csv:12');
		for (const bad of ['4924', 'bogus:1', 'synthetic:', 'synthetic:%20x', 'synthetic:a%0Ab', 'synthetic:a%E2%80%AEb', `synthetic:${'9'.repeat(300)}`, '%D8%00']) {
			const { state, notices } = parse(`?incident=${bad}`);
			expect(state.incident, bad).toBe(null);
			expect(notices.join(' '), bad).toMatch(/incident/);
		}
	});

	it('reads a hand-written URL, with or without "?"', () => {
		const search = 'from=2023-01-01&province=SY07&target=police,NGO&attack=bombing/explosion&perp=Group+Alpha&source=ACLED&min=5&q=caf%C3%A9+%D8%AD%D9%84%D8%A8&stack=target&sort=killed&dir=asc';
		const expected = view({
			from: '2023-01-01',
			provinces: ['SY07'],
			targets: ['Police', 'NGO'],
			attacks: ['Bombing/Explosion'],
			perpetrators: ['Group Alpha'],
			sources: ['acled'],
			minCasualties: 5,
			q: 'café حلب',
			stack: 'target',
			sort: 'killed',
			sortDir: 'asc'
		});
		expect(parse(search)).toEqual({ state: expected, notices: [] });
		expect(parse(`?${search}`)).toEqual({ state: expected, notices: [] });
	});

	it('reads the display settings, case-insensitively; absent means browser language, Latin digits, system theme', () => {
		expect(parse('?lang=AR&digits=Arab&theme=dark')).toEqual({ state: view({ lang: 'ar', digits: 'arab', theme: 'dark' }), notices: [] });
		expect(parse('?lang=en&theme=light')).toEqual({ state: view({ lang: 'en', theme: 'light' }), notices: [] });
		const { state } = parse('');
		expect([state.lang, state.digits, state.theme]).toEqual([null, 'latn', null]);
	});

	it('writes its notices in the language it is given', () => {
		const arabic = makeLocale('ar', 'arab');
		const { state, notices } = parse('?grain=decade&lang=ar&bogus=1&province=SY99', arabic);
		expect(state.lang).toBe('ar');
		expect(notices).toEqual([
			'تم تجاهل grain: "decade" ليس من الخيارات: day, week, month, quarter, year.',
			'تم تجاهل معامل غير معروف: "bogus".',
			'تم تجاهل القيمة "SY99" في province: ليست من رموز المحافظات (SY01-SY14) المعروفة.'
		]);
		// English stays word for word what it was before notices became translatable.
		expect(parse('?grain=decade&min=x').notices).toEqual([
			'Ignored grain: "decade" is not one of day, week, month, quarter, year.',
			'Ignored min: "x" is not a whole number from 0 to 1000000.'
		]);
		const many = parse(Array.from({ length: 40 }, (_, i) => `x${i}=1`).join('&'), arabic);
		expect(many.notices[9]).toBe('…و٣١ من المعاملات أو القيم الأخرى التي تم تجاهلها.');
	});

	it('keeps a comma inside a perpetrator name apart from the separator', () => {
		const { state } = parse('?perp=Front%20of%20the%20North%2C%20Eastern%20Sector,Group%20Beta');
		expect(state.perpetrators).toEqual(['Front of the North, Eastern Sector', 'Group Beta']);
	});

	it.each([
		['?foo=1', /unknown parameter "foo"/],
		['?lang=fr', /lang: "fr" is not one of en, ar/],
		['?digits=roman', /digits: "roman" is not one of latn, arab/],
		['?theme=blue', /theme: "blue" is not one of light, dark/],
		['?lang=ar&lang=en', /repeated "lang"/],
		['?from=2023-02-30', /from: "2023-02-30" is not a date/],
		['?to=yesterday', /to: "yesterday" is not a date/],
		['?from=2023-05-01&to=2023-01-01', /from \(2023-05-01\) is after to \(2023-01-01\)/],
		['?province=SY15', /province value "SY15"/],
		['?province=Aleppo', /province value "Aleppo"/],
		['?target=Banks', /target value "Banks"/],
		['?attack=Arson', /attack value "Arson"/],
		['?source=twitter', /source value "twitter"/],
		['?min=-1', /min: "-1" is not a whole number/],
		['?min=2.5', /min: "2.5" is not a whole number/],
		['?grain=decade', /grain: "decade" is not one of day, week, month, quarter, year/],
		['?stack=country', /stack: "country"/],
		['?measure=wounded', /measure: "wounded"/],
		['?sort=summary', /sort: "summary"/],
		['?dir=up', /dir: "up"/],
		['?dedupe=yes', /dedupe: "yes" is not one of 0, 1/],
		['?page=0', /page: "0" is not a page number/],
		['?page=abc', /page: "abc"/],
		['?q=%E0%A4%A', /q: it is not valid percent-encoding/],
		['?perp=%', /perp value "%"/],
		['?grain=week&grain=day', /repeated "grain"/],
		["?q=x'%3B%20DROP%20TABLE%20incidents&%3Cscript%3E=1", /unknown parameter "<script>"/]
	])('%s is ignored with a notice', (search, notice) => {
		const { state, notices } = parse(search);
		expect(notices.some((n) => notice.test(n))).toBe(true);
		assertValid(state);
	});

	it('reads the dedupe switch: 1 on, 0 or absent off (written only when on)', () => {
		expect(parse('?dedupe=1').state.dedupe).toBe(true);
		expect(parse('?dedupe=0').state.dedupe).toBe(false);
		expect(parse('').state.dedupe).toBe(false);
		expect(serialiseViewState({ ...DEFAULT_VIEW, dedupe: true, from: '2019-01-01' })).toBe('?from=2019-01-01&dedupe=1');
		expect(serialiseViewState({ ...DEFAULT_VIEW, dedupe: false })).toBe('');
	});

	it('keeps the valid values of a list and drops the rest', () => {
		const { state, notices } = parse('?province=SY01,SY99,sy02,SY01&target=Police,Nope');
		expect(state.provinces).toEqual(['SY01', 'SY02']);
		expect(state.targets).toEqual(['Police']);
		expect(notices).toHaveLength(2);
	});

	it('treats an empty value as unset, silently', () => {
		expect(parse('?q=&from=&province=')).toEqual({ state: DEFAULT_VIEW, notices: [] });
	});

	it('cuts an over-long search with a notice and caps the number of notices', () => {
		const long = parse(`?q=${'a'.repeat(300)}`);
		expect(long.state.q).toBe('a'.repeat(200));
		expect(long.notices[0]).toMatch(/cut to 200/);
		const many = parse(Array.from({ length: 40 }, (_, i) => `x${i}=1`).join('&'));
		expect(many.notices).toHaveLength(10);
		expect(many.notices[9]).toMatch(/31 more/);
	});

	it('never throws and always yields a valid state on arbitrary input', () => {
		const names = ['from', 'to', 'province', 'target', 'attack', 'perp', 'source', 'min', 'q', 'grain', 'stack', 'measure', 'sort', 'dir', 'page', 'lang', 'digits', 'theme', 'x'];
		const piece = fc.tuple(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 30 })).map(([k, v]) => `${k}=${v}`);
		const structured = fc.array(piece, { maxLength: 8 }).map((ps) => `?${ps.join('&')}`);
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), structured), (search) => {
				const { state, notices } = parse(search);
				assertValid(state);
				expect(notices.every((n) => typeof n === 'string' && n.length < 300)).toBe(true);
				// Whatever was read serialises to a URL that reads back to the same state, without notices.
				expect(parse(serialiseViewState(state))).toEqual({ state, notices: [] });
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('round trip', () => {
	const isoDate = fc
		.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));
	const word = fc.oneof(
		fc.constantFrom('bomb', 'café', 'حلب', 'إِدلب', '50%', 'a_b', 'a+b', 'x&y=z', '#hash', "it's", '"q"', 'a,b', '?', '%2C'),
		fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && !/\s/.test(s))
	);
	const perp = fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
		.filter((s) => s.trim() !== '');
	const state: fc.Arbitrary<ViewState> = fc
		.record({
			dates: fc.tuple(fc.option(isoDate), fc.option(isoDate)),
			provinces: fc.uniqueArray(fc.constantFrom(...SYRIA_PCODES), { maxLength: 5 }),
			targets: fc.uniqueArray(fc.constantFrom(...TARGET_TYPES), { maxLength: 4 }),
			attacks: fc.uniqueArray(fc.constantFrom(...ATTACK_TYPES), { maxLength: 3 }),
			perpetrators: fc.uniqueArray(perp, { maxLength: 4 }),
			sources: fc.uniqueArray(fc.constantFrom(...SOURCE_DATASETS), { maxLength: 3 }),
			events: fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { maxLength: 3 }),
			subevents: fc.uniqueArray(fc.constantFrom(...ACLED_SUB_EVENT_TYPES), { maxLength: 3 }),
			countries: fc.uniqueArray(fc.constantFrom('SYR', 'IRQ', 'YEM', 'AFG'), { maxLength: 2 }),
			districts: fc.uniqueArray(fc.oneof(fc.constantFrom('SY1101', 'SY0200', 'SY0703'), perp.filter((s) => !/^SY\d{4}$/i.test(s))), { maxLength: 3 }),
			precisions: fc.uniqueArray(fc.constantFrom(...DATE_PRECISIONS), { maxLength: 2 }),
			actors: fc.uniqueArray(fc.constantFrom('islamic-state', 'sdf', 'other'), { maxLength: 2 }),
			minCasualties: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
			q: fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' ')),
			// Boxes in canonical form: 4 decimals, min <= max.
			bbox: fc.option(
				fc
					.tuple(...[180, 90, 180, 90].map((m) => fc.integer({ min: -m * 10_000, max: m * 10_000 })))
					.map(([a, b, c, d]) => ({ minLon: Math.min(a, c) / 1e4 || 0, minLat: Math.min(b, d) / 1e4 || 0, maxLon: Math.max(a, c) / 1e4 || 0, maxLat: Math.max(b, d) / 1e4 || 0 }))
			),
			dedupe: fc.boolean(),
			map: fc.constantFrom(...MAP_MODES),
			changeUnit: fc.constantFrom(...CHANGE_UNITS),
			changeTerm: fc.constantFrom(...CHANGE_TERMS),
			changeMeasure: fc.constantFrom(...CHANGE_MEASURES),
			colour: fc.constantFrom(...COLOUR_BY),
			rolling: fc.boolean(),
			multiples: fc.boolean(),
			grain: fc.constantFrom(...GRAINS),
			stack: fc.constantFrom(...STACKS),
			measure: fc.constantFrom(...MEASURES),
			sort: fc.constantFrom(...SORT_KEYS),
			sortDir: fc.constantFrom('asc' as const, 'desc' as const),
			page: fc.integer({ min: 1, max: 100_000 }),
			lang: fc.constantFrom(null, ...LANGS),
			digits: fc.constantFrom(...DIGITS),
			theme: fc.constantFrom(null, ...THEMES),
			incident: fc.constantFrom(null, 'synthetic:1', 'ucdp:4924', 'csv:desk-log.csv:12', 'manual:SY24-3', 'acled:SYR 1/2&x=y'),
			// A fingerprint travels only with local data (data=local|both).
			dataset: fc.oneof(
				fc.constant({ data: 'published' as const, local: null }),
				fc.record({ data: fc.constantFrom('local' as const, 'both' as const), local: fc.constantFrom(null, '0123456789abcdef', 'ffffffffffffffff') })
			)
		})
		.map(({ dates: [a, b], dataset, ...rest }) => {
			const [from, to] = a !== null && b !== null && a > b ? [b, a] : [a, b];
			return { ...rest, ...dataset, from, to };
		});

	it('parse(serialise(s)) equals s, without notices', () => {
		fc.assert(
			fc.property(state, (s) => {
				expect(viewStateProblems(s)).toEqual([]);
				expect(parse(serialiseViewState(s))).toEqual({ state: s, notices: [] });
			}),
			{ numRuns: 1000 }
		);
	});

	it('equal states serialise equally (the URL is canonical)', () => {
		fc.assert(
			fc.property(state, (s) => {
				const copy = JSON.parse(JSON.stringify(s)) as ViewState;
				expect(serialiseViewState(copy)).toBe(serialiseViewState(s));
			}),
			{ numRuns: 200 }
		);
	});
});
