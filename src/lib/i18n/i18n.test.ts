// The translations are complete and consistent (same keys, same placeholders, every Arabic plural form, nothing
// left in English by mistake), the codebook categories are all translated, and the locale formats numbers, dates
// and time buckets with Intl in the chosen language and digits.
import { describe, expect, it } from 'vitest';
import { SYRIA_GOVERNORATES } from '../data/gazetteer';
import { ACLED_EVENT_TYPES, ATTACK_TYPES, SOURCE_DATASETS, TARGET_TYPES } from '../data/taxonomy';
import { ar } from './ar';
import { AR_ATTACK_TYPES, AR_EVENT_TYPES, AR_SOURCES, AR_TARGET_TYPES, categoryLabel } from './categories';
import { en } from './en';
import { detectLang, makeLocale } from './locale';
import { placeholders } from './message';

const ARABIC_LETTER = /[\u0621-\u064A]/;
/** Keys whose Arabic text is rightly not Arabic: the English name, file-type abbreviations, a dash, placeholders only. */
const NOT_ARABIC = new Set(['app.altName', 'app.altLang', 'lang.en', 'actions.chartCsv', 'actions.chartPng', 'detail.empty', 'chart.scaleMin', 'filters.chip.named']);

describe('translation tables', () => {
	it('have the same keys, and each message is a text or plural forms in both', () => {
		expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(typeof ar[key], key).toBe(typeof en[key]);
		}
	});

	it('use the same placeholders in both languages', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect([...placeholders(ar[key])].sort(), key).toEqual([...placeholders(en[key])].sort());
		}
	});

	it('give every plural category each language needs', () => {
		const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
		expect(categories('ar')).toHaveLength(6);
		for (const [table, lang] of [[en, 'en'], [ar, 'ar']] as const) {
			for (const [key, message] of Object.entries(table)) {
				if (typeof message === 'string') continue;
				for (const c of categories(lang)) expect(message[c as keyof typeof message], `${lang} ${key} ${c}`).toBeTypeOf('string');
			}
		}
	});

	it('leave nothing in English in the Arabic table', () => {
		const left = Object.entries(ar)
			.filter(([key]) => !NOT_ARABIC.has(key))
			.filter(([, m]) => !(typeof m === 'string' ? [m] : Object.values(m)).every((s) => ARABIC_LETTER.test(s)))
			.map(([key]) => key);
		expect(left).toEqual([]);
	});
});

describe('category names', () => {
	it('translate every GTD attack and target type and every ACLED event type, each to its own name', () => {
		for (const [codebook, table] of [
			[ATTACK_TYPES, AR_ATTACK_TYPES],
			[TARGET_TYPES, AR_TARGET_TYPES],
			[ACLED_EVENT_TYPES, AR_EVENT_TYPES]
		] as const) {
			const names = codebook.map((v) => (table as Record<string, string>)[v]);
			expect(Object.keys(table).sort()).toEqual([...codebook].sort());
			expect(names.every((n) => ARABIC_LETTER.test(n))).toBe(true);
			expect(new Set(names).size).toBe(codebook.length);
		}
		expect(Object.keys(AR_SOURCES).sort()).toEqual([...SOURCE_DATASETS].sort());
	});

	it('use the terms of Arab media and NGOs for the common categories', () => {
		expect(categoryLabel('ar', 'attack', 'Armed Assault')).toBe('هجوم مسلح');
		expect(categoryLabel('ar', 'attack', 'Bombing/Explosion')).toBe('تفجير');
		expect(categoryLabel('ar', 'target', 'Military')).toBe('عسكري');
		expect(categoryLabel('ar', 'target', 'Private Citizens & Property')).toBe('مدنيون وممتلكات خاصة');
		expect(categoryLabel('ar', 'event', 'Violence against civilians')).toBe('عنف ضد المدنيين');
	});

	it('show English labels as they are, and values outside the codebook unchanged', () => {
		expect(categoryLabel('en', 'target', 'Military')).toBe('Military');
		expect(categoryLabel('ar', 'target', 'Checkpoints')).toBe('Checkpoints');
		expect(categoryLabel('ar', 'target', 'toString')).toBe('toString');
	});
});

describe('locale', () => {
	const enL = makeLocale('en', 'latn');
	const arL = makeLocale('ar', 'latn');
	const arA = makeLocale('ar', 'arab');

	it('detects the language from the browser preferences: the first English or Arabic one', () => {
		expect(detectLang(['ar-SY', 'en'])).toBe('ar');
		expect(detectLang(['fr-FR', 'AR'])).toBe('ar');
		expect(detectLang(['en-GB', 'ar'])).toBe('en');
		expect(detectLang(['de'])).toBe('en');
		expect(detectLang(undefined)).toBe('en');
	});

	it('has a direction and an Intl tag with explicit digits', () => {
		expect([enL.dir, arL.dir]).toEqual(['ltr', 'rtl']);
		expect(arA.tag).toBe('ar-SY-u-nu-arab');
		expect(arL.tag).toBe('ar-SY-u-nu-latn');
	});

	it('writes numbers in the chosen digits', () => {
		expect(enL.int(1234567)).toBe('1,234,567');
		expect(arL.int(1234567)).toBe('1,234,567');
		expect(arA.int(1234567)).toBe('١٬٢٣٤٬٥٦٧');
		expect(arA.int(null)).toBe('—');
		expect(enL.change(50)).toBe('+50%');
		expect(enL.change(-3.14)).toBe('-3.1%');
		expect(arA.change(12)).toMatch(/^\+?.*١٢/);
	});

	it('writes dates with Syrian month names in Arabic, in UTC whatever the time zone', () => {
		expect(enL.date('2023-01-05')).toBe('5 Jan 2023');
		expect(arL.date('2023-01-05')).toBe('5 كانون الثاني 2023');
		expect(arA.date('2023-02-28')).toBe('٢٨ شباط ٢٠٢٣');
		expect(arA.date('not a date')).toBe('not a date');
	});

	it('labels time buckets in each language', () => {
		expect(['day', 'week', 'month', 'quarter', 'year'].map((g) => enL.chart.bucketLabel('2023-01-02', g as never))).toEqual([
			'2 Jan 2023',
			'week of 2 Jan 2023',
			'Jan 2023',
			'Q1 2023',
			'2023'
		]);
		// Issue 12: weeks read as the day they start, not as ISO codes.
		expect(arA.chart.bucketLabel('2023-01-02', 'week')).toBe('أسبوع ٢ كانون الثاني ٢٠٢٣');
		expect(arA.chart.bucketLabel('2023-04-01', 'quarter')).toBe('الربع ٢ من ٢٠٢٣');
		expect(arL.chart.bucketLabel('2023-03-01', 'month')).toBe('آذار 2023');
		expect(arL.chart.bucketTitle('2023-01-02', 'week')).toBe('أسبوع 2 كانون الثاني 2023');
		// A date inside a week names the week's Monday (2021-01-03 is in the week of 28 Dec 2020).
		expect(enL.chart.bucketLabel('2021-01-03', 'week')).toBe('week of 28 Dec 2020');
		expect(enL.chart.bucketTitle('2023-01-02', 'week')).toBe('Week of 2 Jan 2023');
	});

	it('chooses Arabic plural forms by the count and writes the count in the chosen digits', () => {
		const forms = [0, 1, 2, 3, 10, 11, 100, 1234].map((n) => arA.tn('table.count', n));
		expect(forms).toEqual(['لا حوادث', 'حادثة واحدة', 'حادثتان', '٣ حوادث', '١٠ حوادث', '١١ حادثة', '١٠٠ حادثة', '١٬٢٣٤ حادثة']);
		expect([1, 2].map((n) => enL.tn('live.count', n))).toEqual(['1 incident matches', '2 incidents match']);
	});

	it('fills number values in the locale and names governorates from the gazetteer', () => {
		expect(arA.t('filters.selected', { n: 12 })).toBe('تم اختيار ١٢');
		expect(enL.t('filters.selected', { n: 1200 })).toBe('1,200 selected');
		for (const g of SYRIA_GOVERNORATES) {
			expect(arL.province(g.pcode)).toBe(g.ar);
			expect(enL.province(g.pcode)).toBe(g.en);
		}
		expect(arL.province('Nineveh')).toBe('Nineveh');
		expect(arL.province(null)).toBe('محافظة غير معروفة');
		expect(arL.measure('killed')).toBe('القتلى');
	});
});
