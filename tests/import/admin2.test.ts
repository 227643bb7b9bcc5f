// District p-codes and death ranges in the row mappers: admin2 resolved within the row's governorate, unknown
// spellings reported (never guessed), UCDP low/high kept as given and other sources' ranges null.
import { describe, expect, it } from 'vitest';
import { mapAcledRecord } from '../../src/lib/import/acled';
import { resolveAdmin2 } from '../../src/lib/import/location';
import { recordFactory } from '../../src/lib/import/record';
import { mapUcdpRecord } from '../../src/lib/import/ucdp';

const record = (fields: Record<string, string>) => recordFactory(Object.keys(fields)).make(Object.values(fields), 2);

const acled = (admin1: string, admin2: string, country = 'Syria', iso = '760') =>
	mapAcledRecord(record({ event_id_cnty: 'X1', event_date: '2023-06-02', country, iso, admin1, admin2, fatalities: '1' }));

describe('admin2_pcode', () => {
	it('resolves ACLED admin2 within its admin1', () => {
		const r = acled('Ar Raqqa', 'Tell Abiad');
		expect(r.ok && r.incident).toMatchObject({ admin2: 'Tell Abiad', admin2_pcode: 'SY1102', killed: 1, killed_low: null, killed_high: null });
		expect(r.ok && r.unrecognisedAdmin2).toBeNull();
	});

	it('keeps an unknown or contradicting district verbatim with a null p-code and reports it', () => {
		for (const [admin1, admin2] of [['Aleppo', 'Tell Abiad'], ['Ar Raqqa', 'Euphrates Plain']]) {
			const r = acled(admin1, admin2);
			expect(r.ok && r.incident.admin2).toBe(admin2);
			expect(r.ok && r.incident.admin2_pcode).toBeNull();
			expect(r.ok && r.unrecognisedAdmin2).toBe(admin2);
		}
	});

	it('gives no p-code and reports nothing outside Syria or for a blank district', () => {
		const abroad = acled('Beirut', 'Beirut', 'Lebanon', '422');
		expect(abroad.ok && [abroad.incident.admin2_pcode, abroad.unrecognisedAdmin2]).toEqual([null, null]);
		expect(resolveAdmin2('SYR', 'SY11', '  ')).toEqual({ admin2: null, admin2_pcode: null, unrecognised: null });
		// Without a known governorate the name alone decides.
		expect(resolveAdmin2('SYR', null, 'Albu Kamal district')).toEqual({ admin2: 'Albu Kamal district', admin2_pcode: 'SY0902', unrecognised: null });
	});
});

describe('killed_low / killed_high', () => {
	const ucdp = (low: string, best: string, high: string) =>
		mapUcdpRecord(record({
			id: '7', date_start: '2017-03-04', date_end: '2017-03-04', type_of_violence: '1', country: 'Syria',
			adm_1: 'Hamah Governorate', adm_2: 'Mintaqat Markaz Hamah district', low, best, high
		}));

	it('takes UCDP low and high as given, blank as null', () => {
		const r = ucdp('2', '3', '9');
		expect(r.ok && r.incident).toMatchObject({ killed_low: 2, killed: 3, killed_high: 9, admin2_pcode: 'SY0501' });
		const blank = ucdp('', '3', '');
		expect(blank.ok && [blank.incident.killed_low, blank.incident.killed_high]).toEqual([null, null]);
		// UCDP's own file has low > best on some rows: kept, not reordered or rejected.
		const odd = ucdp('5', '3', '4');
		expect(odd.ok && [odd.incident.killed_low, odd.incident.killed, odd.incident.killed_high]).toEqual([5, 3, 4]);
	});

	it('rejects a malformed figure like any casualty column', () => {
		const r = ucdp('-1', '3', '4');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.reason).toBe('invalid casualty figure');
	});
});
