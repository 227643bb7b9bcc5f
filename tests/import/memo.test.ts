// The mappers' memoised lookups (src/lib/import/memo.ts) give what the lookups give, call after call, whatever the
// arguments; the key never joins two argument lists into one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYRIA_GOVERNORATES } from '../../src/lib/data/gazetteer';
import { parseSourceDay } from '../../src/lib/import/dates';
import { resolveAdmin1, resolveAdmin2, resolveCountry } from '../../src/lib/import/location';
import { argsKey, memoByKey } from '../../src/lib/import/memo';
import { sourceDay } from '../../src/lib/import/values';

const text = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.constantFrom('Syria', 'SYR', 'Aleppo', 'Halab', 'Ar-Raqqa', 'Unknown', 'Raqqa', 'A‘zaz', ' Damascus '));

describe('memoised lookups', () => {
	it('argsKey never gives two argument lists the same key', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 4 }), fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 4 }), (a, b) => {
				fc.pre(JSON.stringify(a) !== JSON.stringify(b));
				expect(argsKey(...a)).not.toBe(argsKey(...b));
			})
		);
	});

	it('a memoised function returns what the function returns, before and after its cache is emptied', () => {
		let calls = 0;
		const f = (a: string | null, b: string | null) => ({ v: `${a}/${b}`, n: ++calls });
		const m = memoByKey(f, argsKey, 3);
		fc.assert(fc.property(fc.array(fc.tuple(text, text), { maxLength: 20 }), (pairs) => {
			for (const [a, b] of pairs) expect(m(a, b).v).toBe(f(a, b).v);
		}));
		expect(Object.isFrozen(m('x', 'y'))).toBe(true);
	});

	it('the location resolvers give the same fields on every call, equal to a fresh lookup in another order', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(text, fc.option(fc.constantFrom('760', '4', '0', 'x'), { nil: null }), text, text), { maxLength: 30 }), (rows) => {
				const first = rows.map(([c, iso, a1, a2]) => {
					const country = resolveCountry(c, iso);
					const admin1 = resolveAdmin1(country.country_iso3, a1);
					return { country, admin1, admin2: resolveAdmin2(country.country_iso3, admin1.admin1_pcode, a2) };
				});
				const again = [...rows].reverse().map(([c, iso, a1, a2]) => {
					const country = resolveCountry(c, iso);
					const admin1 = resolveAdmin1(country.country_iso3, a1);
					return { country, admin1, admin2: resolveAdmin2(country.country_iso3, admin1.admin1_pcode, a2) };
				});
				expect(again.reverse()).toEqual(first);
			})
		);
		expect(resolveAdmin1('SYR', 'Aleppo').admin1_pcode).toBe(SYRIA_GOVERNORATES.find((g) => g.en === 'Aleppo')?.pcode);
	});

	it('sourceDay gives parseSourceDay’s date or its rejection, for every order', () => {
		const day = fc.oneof(fc.string({ maxLength: 12 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('02 June 2023', '3/4/2020', '13/4/2020', '٢٠٢٣-٠٦-٠٢'));
		fc.assert(
			fc.property(day, fc.constantFrom(undefined, 'dmy' as const, 'mdy' as const), (v, order) => {
				const direct = parseSourceDay(v.trim(), order);
				let got: string | null = null;
				try {
					got = sourceDay(v, 'event_date', { dateOrder: order });
				} catch {
					got = null;
				}
				expect(got).toBe(direct.ok && v.trim() !== '' ? direct.date : null);
			})
		);
	});
});
