// The documented crosswalks (ACLED target and attack types, UCDP target type), the country table, date and value
// parsers: each rule, its order, and the values that must be refused.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryByNumeric, lookupCountry } from '../../src/lib/data/countries';
import { ATTACK_TYPES, TARGET_TYPES } from '../../src/lib/data/taxonomy';
import { acledActorCode, acledAttackType, acledTargetType } from '../../src/lib/import/acled-target';
import { coarser, daySpan, parseCsvDate, parseDay, precisionOfSpan } from '../../src/lib/import/dates';
import { detectFormat } from '../../src/lib/import/detect';
import { RowRejection } from '../../src/lib/import/types';
import { ucdpTargetType } from '../../src/lib/import/ucdp-target';
import { coordinate, count, httpUrl } from '../../src/lib/import/values';

describe('ACLED target-type crosswalk', () => {
	const t = (inter2: string, actor2: string | null, civilianTargeting: string | null = null) =>
		acledTargetType({ inter2: acledActorCode(inter2) ?? null, actor2, civilianTargeting });

	it('civilian targeting wins over everything', () => {
		expect(t('1', 'Police Forces of Syria (2000-)', 'Civilian targeting')).toBe('Private Citizens & Property');
	});
	it('no second actor -> Unknown', () => {
		expect(t('0', null)).toBe('Unknown');
		expect(t('', '')).toBe('Unknown');
	});
	it('actor2 names beat the actor type', () => {
		expect(t('1', 'Police Forces of Nigeria (2015-2023)')).toBe('Police');
		expect(t('8', 'Military Forces of Turkey (2016-)')).toBe('Military');
		expect(t('1', 'Government of Yemen (2017-)')).toBe('Government (General)');
		expect(t('8', 'Private Security Forces (Nigeria)')).toBe('Business');
		expect(t('7', 'Journalists (Mexico)')).toBe('Journalists & Media');
	});
	it('actor types 1-8 by code and by label', () => {
		const expected = ['Military', 'Terrorists/Non-State Militia', 'Terrorists/Non-State Militia', 'Terrorists/Non-State Militia',
			'Private Citizens & Property', 'Private Citizens & Property', 'Private Citizens & Property', 'Other'];
		const labels = ['State forces', 'Rebel group', 'Political militia', 'Identity militia', 'Rioters', 'Protesters', 'Civilians', 'External/Other forces'];
		expected.forEach((target, i) => {
			expect(t(String(i + 1), 'Some Actor (X)')).toBe(target);
			expect(t(labels[i].toUpperCase(), 'Some Actor (X)')).toBe(target);
		});
		for (const v of expected) expect(TARGET_TYPES).toContain(v);
	});
	it('actor codes: blank is null, anything else unknown is undefined', () => {
		expect(acledActorCode(' ')).toBeNull();
		expect(acledActorCode('9')).toBeUndefined();
		expect(acledActorCode('Gang')).toBeUndefined();
		expect(acledActorCode('3.0')).toBe(3);
	});
});

describe('ACLED attack-type crosswalk', () => {
	it('maps violent sub-event types', () => {
		expect(acledAttackType('Armed clash', 'Battles')).toBe('Armed Assault');
		expect(acledAttackType('Attack', 'Violence against civilians')).toBe('Armed Assault');
		for (const s of ['Remote explosive/landmine/IED', 'Suicide bomb', 'Air/drone strike', 'Shelling/artillery/missile attack', 'Grenade']) {
			expect(acledAttackType(s, 'Explosions/Remote violence')).toBe('Bombing/Explosion');
		}
		expect(acledAttackType('abduction/forced disappearance', null)).toBe('Hostage Taking (Kidnapping)');
	});
	it('protests, riots, strategic developments and unlisted sub-events give null', () => {
		for (const s of ['Peaceful protest', 'Mob violence', 'Violent demonstration', 'Looting/property destruction', 'Arrests', 'Agreement', 'Sexual violence', 'Disrupted weapons use', 'constructor']) {
			expect(acledAttackType(s, 'Battles')).toBeNull();
		}
	});
	it('old exports without sub-event types fall back to the event type', () => {
		expect(acledAttackType(null, 'Battle-Government regains territory')).toBe('Armed Assault');
		expect(acledAttackType('', 'Remote violence')).toBe('Bombing/Explosion');
		expect(acledAttackType(null, 'Riots/Protests')).toBeNull();
		expect(acledAttackType(null, 'Violence against civilians')).toBeNull();
		expect(ATTACK_TYPES).toContain(acledAttackType(null, 'Remote violence'));
	});
});

describe('UCDP target-type crosswalk', () => {
	it('one-sided -> civilians; government side_b -> Military; else non-state', () => {
		expect(ucdpTargetType(3, 'Civilians')).toBe('Private Citizens & Property');
		expect(ucdpTargetType(1, 'Government of Israel')).toBe('Military');
		expect(ucdpTargetType(1, 'Syrian insurgents')).toBe('Terrorists/Non-State Militia');
		expect(ucdpTargetType(2, 'SDF')).toBe('Terrorists/Non-State Militia');
		expect(ucdpTargetType(2, null)).toBe('Terrorists/Non-State Militia');
	});
});

describe('country table', () => {
	it('has every ISO 3166-1 country once (249) plus Kosovo', () => {
		const iso = COUNTRIES.filter((c) => c.numeric !== null);
		expect(iso.length).toBe(249);
		expect(new Set(iso.map((c) => c.numeric)).size).toBe(249);
		expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(250);
		for (const c of COUNTRIES) expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
	});
	it('no spelling points at two countries', () => {
		const seen = new Map<string, string>();
		for (const c of COUNTRIES) {
			for (const name of [c.name, ...c.aliases]) {
				const key = name.toLowerCase();
				expect(seen.get(key) ?? c.alpha3, name).toBe(c.alpha3);
				seen.set(key, c.alpha3);
			}
		}
	});
	it('reads the spellings the three sources use', () => {
		expect(countryByNumeric(760)?.alpha3).toBe('SYR');
		expect(countryByNumeric(0)).toBeNull();
		expect(lookupCountry('Democratic Republic of Congo')?.alpha3).toBe('COD');
		expect(lookupCountry('DR Congo (Zaire)')?.alpha3).toBe('COD');
		expect(lookupCountry('West Bank and Gaza Strip')?.alpha3).toBe('PSE');
		expect(lookupCountry('COTE D’IVOIRE')?.alpha3).toBe('CIV');
		expect(lookupCountry("cote d'ivoire")?.alpha3).toBe('CIV');
		expect(lookupCountry('eSwatini')?.alpha3).toBe('SWZ');
		expect(lookupCountry('Bailiwick of Guernsey')?.alpha3).toBe('GGY');
		expect(lookupCountry('Yemen (North Yemen)')?.alpha3).toBe('YEM');
		expect(lookupCountry('syr')?.name).toBe('Syria');
		expect(lookupCountry('Soviet Union')).toBeNull();
	});
});

describe('dates', () => {
	it('reads ISO, export-tool and old ACLED forms, strictly', () => {
		expect(parseDay('2022-02-23')).toBe('2022-02-23');
		expect(parseDay('02 June 2023')).toBe('2023-06-02');
		expect(parseDay('2 Jun 2023')).toBe('2023-06-02');
		expect(parseDay('01-January-2015')).toBe('2015-01-01');
		expect(parseDay('01-JANUARY-2015')).toBe('2015-01-01');
		expect(parseDay('2023-06-02T00:00:00Z')).toBe('2023-06-02');
		for (const bad of ['31 June 2023', '29-February-2015', '2023-13-01', '02 Junk 2023', '02 June 23', '02-June 2023', '1850-01-01', '', '06/02/2023']) {
			expect(parseDay(bad), bad).toBeNull();
		}
		expect(parseDay('29 February 2016')).toBe('2016-02-29');
	});
	it('spreadsheet dates: month and year precision, day/month order only when told', () => {
		expect(parseCsvDate('2024-01')).toEqual({ ok: true, date: '2024-01-01', precision: 'month', bothWays: false });
		expect(parseCsvDate('2024')).toEqual({ ok: true, date: '2024-01-01', precision: 'year', bothWays: false });
		expect(parseCsvDate('03/04/2023')).toEqual({ ok: false, ambiguous: true, contradicts: false });
		expect(parseCsvDate('25/12/2023')).toEqual({ ok: false, ambiguous: true, contradicts: false });
		expect(parseCsvDate('25/12/2023', 'dmy')).toEqual({ ok: true, date: '2023-12-25', precision: 'day', bothWays: false });
		// Only day-first reads it: the file contradicts --date-format mdy.
		expect(parseCsvDate('25/12/2023', 'mdy')).toEqual({ ok: false, ambiguous: false, contradicts: true });
		expect(parseCsvDate('12.25.2023', 'mdy')).toEqual({ ok: true, date: '2023-12-25', precision: 'day', bothWays: false });
		expect(parseCsvDate('03/04/2023', 'dmy')).toEqual({ ok: true, date: '2023-04-03', precision: 'day', bothWays: true });
		expect(parseCsvDate('31/02/2023', 'dmy')).toEqual({ ok: false, ambiguous: false, contradicts: false });
		expect(parseCsvDate('yesterday')).toEqual({ ok: false, ambiguous: false, contradicts: false });
	});
	it('spans and precisions', () => {
		expect(daySpan('2017-05-01', '2017-05-31')).toBe(31);
		expect(daySpan('2016-12-31', '2017-01-01')).toBe(2);
		expect(daySpan('2017-05-02', '2017-05-01')).toBe(0);
		expect([1, 2, 7, 8, 31, 32].map(precisionOfSpan)).toEqual(['day', 'week', 'week', 'month', 'month', 'year']);
		expect(coarser('week', 'day')).toBe('week');
		expect(coarser('month', 'year')).toBe('year');
	});
});

describe('values', () => {
	const reason = (f: () => unknown) => {
		try {
			f();
		} catch (e) {
			if (e instanceof RowRejection) return e.reason;
			throw e;
		}
		return 'accepted';
	};
	it('casualties: blank is null (never 0), whole numbers only', () => {
		expect(count('', 'k')).toBeNull();
		expect(count(' 0 ', 'k')).toBe(0);
		expect(count('12.0', 'k')).toBe(12);
		for (const bad of ['-1', '1.5', 'NA', '3 dead', '1e3', '99999999999']) expect(reason(() => count(bad, 'k')), bad).toBe('invalid casualty figure');
	});
	it('coordinates in range', () => {
		expect(coordinate('', 'lat', 'latitude')).toBeNull();
		expect(coordinate('-33.5', 'lat', 'latitude')).toBe(-33.5);
		expect(coordinate('179.9', 'lon', 'longitude')).toBe(179.9);
		for (const bad of ['91', 'north', '1,5']) expect(reason(() => coordinate(bad, 'lat', 'latitude'))).toBe('invalid coordinates');
	});
	it('source_url only for http(s)', () => {
		expect(httpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
		expect(httpUrl('HTTP://EXAMPLE.ORG')).toBe('HTTP://EXAMPLE.ORG');
		for (const bad of ['javascript:alert(1)', 'ftp://x.org/f', 'SOHR', 'https://a b', null]) expect(httpUrl(bad)).toBeNull();
	});
});

describe('format detection', () => {
	it('by signature columns, in any case', () => {
		expect(detectFormat(['EVENT_ID_CNTY', 'EVENT_DATE', 'YEAR'])).toBe('acled');
		expect(detectFormat(['eventid', 'iyear', 'imonth', 'iday', 'approxdate'])).toBe('gtd');
		expect(detectFormat(['id', 'year', 'type_of_violence', 'date_start', 'date_end', 'best'])).toBe('ucdp');
		expect(detectFormat(['event_date', 'country', 'killed'])).toBe('csv');
		expect(detectFormat(['event_date', 'country', 'Casualties'])).toBeNull();
		expect(detectFormat(['Date', 'Place'])).toBeNull();
	});
});
