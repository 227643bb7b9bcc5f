import { describe, expect, it } from 'vitest';
import { makeLocale } from '../i18n/locale';
import { DEFAULT_VIEW } from '../query/filters';
import { safeHttpUrl } from '../components/format';
import { chartFooter, citeView, filtersInWords } from './citation';
import {
	datePrecisionWords,
	figureText,
	geoPrecisionWords,
	incidentCitation,
	incidentRow,
	incidentTitle,
	placeText,
	recordView,
	whenText,
	type IncidentRow
} from './incident-record';

const en = makeLocale('en');
const ar = makeLocale('ar');

const ROW: IncidentRow = {
	incident_id: 'ucdp:4924',
	source_dataset: 'ucdp',
	source_record_id: '4924',
	event_date: '2024-06-05',
	date_precision: 'day',
	date_end: null,
	country_iso3: 'SYR',
	country: 'Syria',
	admin1: 'Ar-Raqqa',
	admin1_pcode: 'SY11',
	admin2: 'Ar-Raqqa',
	admin2_pcode: 'SY1101',
	location: "al-Dir'iya",
	latitude: 35.95,
	longitude: 39.01,
	geo_precision: 'town',
	event_type: 'State-based conflict',
	sub_event_type: null,
	attack_type: 'Armed Assault',
	target_type: 'Military',
	perpetrator: 'IS',
	target_actor: 'Government of Syria',
	actor_group: 'islamic-state',
	killed: 12,
	killed_low: 10,
	killed_high: 15,
	injured: null,
	summary: 'Attack on a military headquarters.\nهجوم على مقر عسكري.',
	source_name: 'Syrian Observatory',
	source_url: 'javascript:alert(1)',
	raw_date: 'date_start=2024-06-05; date_end=2024-06-05; date_prec=1',
	raw_admin1: 'Ar Raqqah Governorate',
	raw_attack_type: null,
	raw_target_type: null
};

describe('incident record', () => {
	it('titles an incident with what, where and when, in both languages', () => {
		expect(incidentTitle(ROW, en)).toBe("Armed Assault against Military, al-Dir'iya, Ar-Raqqa, Syria, Wed, 5 Jun 2024");
		const title = incidentTitle(ROW, ar);
		// Arabic names of the category, district, governorate and country; the town as the source wrote it.
		for (const part of ['هجوم مسلح', 'عسكري', 'مركز الرقة', 'الرقة', 'سوريا', 'الأربعاء']) expect(title).toContain(part);
		expect(title).not.toMatch(/Ar-Raqqa|Military|Syria/);
	});

	it('says the date at its precision and the precision in words', () => {
		expect(whenText({ ...ROW, date_precision: 'year', event_date: '2024-01-01', date_end: '2024-12-31' }, en)).toBe('2024');
		expect(whenText({ ...ROW, date_precision: 'month', event_date: '2024-06-01', date_end: '2024-06-30' }, en)).toBe('June 2024');
		expect(whenText({ ...ROW, date_precision: 'week', event_date: '2024-06-03', date_end: '2024-06-09' }, en)).toBe('3 Jun 2024 to 9 Jun 2024');
		expect(whenText({ ...ROW, date_precision: 'week', date_end: null }, en)).toBe('week of 5 Jun 2024');
		expect(datePrecisionWords('month', en)).toBe('date known to the month');
		expect(datePrecisionWords('month', ar)).toBe('التاريخ معروف بالشهر');
		expect(geoPrecisionWords('admin1', en)).toBe('located only to the governorate');
		expect(geoPrecisionWords(null, en)).toBe('location precision not recorded');
	});

	it('leaves the country out of the place when one country is in view, and repeats no part', () => {
		expect(placeText(ROW, en, { omitCountry: true })).toBe("al-Dir'iya, Ar-Raqqa");
		expect(placeText({ ...ROW, location: null, admin2_pcode: 'SY1102' }, en, { omitCountry: true })).toBe('Tell Abiad, Ar-Raqqa');
		expect(placeText({ ...ROW, admin1_pcode: null, admin2_pcode: null, country_iso3: null, admin1: 'Kabul', admin2: null, location: null, country: 'Narnia' }, en)).toBe('Kabul, Narnia');
	});

	it('shows a range only where the source gives one, and unknown as unknown', () => {
		expect(figureText(12, 10, 15, en)).toBe('12 (range 10 to 15)');
		expect(figureText(12, null, null, en)).toBe('12');
		expect(figureText(12, 12, 12, en)).toBe('12');
		expect(figureText(null, null, null, en)).toBe('unknown');
		expect(figureText(1234, 1000, 1500, makeLocale('ar', 'arab'))).toBe('١٬٢٣٤ (بين ١٬٠٠٠ و١٬٥٠٠)');
	});

	it('builds the record: fields in order, raw fields apart, unsafe links dropped, bilingual summary by paragraph', () => {
		const v = recordView(ROW, en, safeHttpUrl);
		expect(v.fields.map((f) => f.id)).toEqual(['place', 'coordinates', 'date', 'killed', 'injured', 'event', 'attack', 'perpetrator', 'target', 'source', 'dataset', 'incident_id']);
		const field = (id: string) => v.fields.find((f) => f.id === id)!;
		expect(field('place').note).toBe('located to the town');
		expect(field('date').note).toBe('date known to the day');
		expect(field('killed').value).toBe('12 (range 10 to 15)');
		expect(field('injured').value).toBe('unknown');
		expect(field('perpetrator').note).toBe('actor group: Islamic State (ISIS)');
		expect(field('dataset').note).toMatch(/Sundberg/);
		expect(v.raw.map((f) => f.id)).toEqual(['raw_date', 'raw_admin1', 'source_record_id']);
		expect(v.sourceUrl).toBe(null);
		expect(v.summary).toEqual(['Attack on a military headquarters.', 'هجوم على مقر عسكري.']);
		expect(recordView(ROW, ar, safeHttpUrl).fields[0].label).toBe('المكان');
	});

	it('reads the first row of a detail answer; an empty answer is no incident', () => {
		expect(incidentRow({ names: ['incident_id'], columns: { incident_id: ['x:1'] }, rowCount: 1 })).toEqual({ incident_id: 'x:1' });
		expect(incidentRow({ names: ['incident_id'], columns: { incident_id: [] }, rowCount: 0 })).toBe(null);
	});

	it('cites an incident with its source, dataset, id, Rasd version and link', () => {
		const c = incidentCitation(ROW, en, 'https://rasd.example/?incident=ucdp%3A4924', '0.1.0', '2026-12-07');
		expect(c).toContain('Reported by Syrian Observatory.');
		expect(c).toContain('record ucdp:4924');
		expect(c).toContain('Via Rasd 0.1.0, https://rasd.example/?incident=ucdp%3A4924 (accessed 2026-12-07).');
		expect(incidentCitation(ROW, ar, 'u', '0.1.0', '2026-12-07')).toContain('عبر رصد 0.1.0');
	});
});

describe('cite this view', () => {
	const filters = { ...DEFAULT_VIEW, from: '2023-01-01', to: '2023-12-31', provinces: ['SY11', 'SY09'], targets: ['Military'] };
	it('writes the filters in words, in the page language', () => {
		expect(filtersInWords(filters, en)).toBe('Date range: From 1 Jan 2023, To 31 Dec 2023; Provinces: Ar-Raqqa, Deir-ez-Zor; Target types: Military');
		expect(filtersInWords(DEFAULT_VIEW, en)).toBe('none (every incident in the data)');
		const words = filtersInWords(filters, ar);
		for (const part of ['الرقة', 'دير الزور', 'عسكري']) expect(words).toContain(part);
	});

	it('gives link, filters, date, row count, each dataset citation in view and Rasd with its version', () => {
		const lines = citeView(
			{ url: 'https://rasd.example/?from=2023-01-01', filters, madeAt: '2026-12-07T10:11:12.345Z', rows: 1234, sources: ['acled', 'ucdp'], version: '0.1.0', sha256: 'ab'.repeat(32) },
			en
		);
		expect(lines).toEqual([
			'Rasd view of security incidents, made 7 Dec 2026 (2026-12-07T10:11:12Z).',
			'Link: https://rasd.example/?from=2023-01-01',
			`Filters: ${filtersInWords(filters, en)}`,
			'Rows: 1,234 incidents',
			'Sources:',
			'- Armed Conflict Location & Event Data (ACLED); www.acleddata.com',
			expect.stringContaining('Uppsala Conflict Data Program (UCDP)'),
			'- Rasd 0.1.0, open-source security-incident dashboard.',
			`Data file sha256: ${'ab'.repeat(32)}`
		]);
		const arabic = citeView({ url: 'u', filters, madeAt: '2026-12-07T10:11:12Z', rows: 1, sources: ['synthetic'], version: '0.1.0' }, ar);
		expect(arabic[3]).toBe('الصفوف: حادثة واحدة');
		expect(arabic.join('\n')).toContain('SYNTHETIC');
		expect(chartFooter({ url: 'u', madeAt: '2026-12-07T10:11:12Z', sources: ['acled', 'gtd'], version: '0.1.0' }, en)).toEqual(['Rasd 0.1.0 · ACLED, GTD · 2026-12-07', 'u']);
	});
});
