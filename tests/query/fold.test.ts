// The TS folding of the search text and the SQL folding of the columns must agree character for character:
// checked on DuckDB for chosen strings and for random strings over Latin, accented, Arabic and LIKE characters.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeLike, foldSql, foldText, searchTerms } from '../../src/lib/text/fold';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	conn = await instance.connect();
});
afterAll(() => {
	conn?.closeSync();
	instance?.closeSync();
});

async function sqlFold(text: string | null): Promise<unknown> {
	const stmt = await conn.prepare(`SELECT ${foldSql('CAST(? AS VARCHAR)')} AS f`);
	if (text === null) stmt.bindNull(1);
	else stmt.bindVarchar(1, text);
	return (await stmt.runAndReadAll()).getRowObjectsJS()[0].f;
}

async function sqlLike(haystack: string, needle: string): Promise<unknown> {
	const stmt = await conn.prepare(`SELECT CAST(? AS VARCHAR) LIKE CAST(? AS VARCHAR) ESCAPE '\\' AS m`);
	stmt.bindVarchar(1, haystack);
	stmt.bindVarchar(2, `%${escapeLike(needle)}%`);
	return (await stmt.runAndReadAll()).getRowObjectsJS()[0].m;
}

describe('foldText', () => {
	it.each([
		['Café', 'cafe'],
		['ÉCOLE Ünïcödé', 'ecole unicode'],
		['Dar`a', 'dar`a'],
		['أحمد إبراهيم آمنة', 'احمد ابراهيم امنه'], // alef with hamza above / below / madda -> bare alef; ta marbuta
		['مُحَمَّدٌ', 'محمد'], // harakat (damma, fatha, shadda, dammatan)
		['مستشفى', 'مستشفي'], // alef maqsura -> ya
		['الرقـــة', 'الرقه'], // tatweel removed
		['ٱلله', 'الله'], // alef wasla
		['50% a_b \\', '50% a_b \\']
	])('%j -> %j', (input, expected) => {
		expect(foldText(input)).toBe(expected);
	});
});

describe('foldSql agrees with foldText', () => {
	it.each([
		'Café', 'ÉCOLE Ünïcödé', 'أحمد إبراهيم آمنة', 'مُحَمَّدٌ', 'مستشفى', 'الرقـــة', 'ٱلله', 'İstanbul', "O'Brien", 'ß straße', 'x'
	])('%j', async (text) => {
		expect(await sqlFold(text)).toBe(foldText(text));
	});
	it('keeps NULL as NULL', async () => {
		expect(await sqlFold(null)).toBeNull();
	});
	it('on random Latin / accented / Arabic text', async () => {
		const alphabet = [
			...'abcXYZ019 -\'",.%_\\',
			...'éÉèçÇñÑöÖüÜåÅøØłŁ',
			...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
			...'أإآٱةىءؤئ',
			...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640',
			...'٠١٢'
		];
		await fc.assert(
			fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), async (chars) => {
				const text = chars.join('');
				expect(await sqlFold(text)).toBe(foldText(text));
			}),
			{ numRuns: 150 }
		);
	});
});

describe('escapeLike', () => {
	it('makes % _ and \\ literal', async () => {
		expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
		expect(await sqlLike('500 rounds', '50%')).toBe(false);
		expect(await sqlLike('Discount of 50% off', '50%')).toBe(true);
		expect(await sqlLike('axb', 'a_b')).toBe(false);
		expect(await sqlLike('back\\slash', '\\')).toBe(true);
	});
	it('LIKE %escaped% is exactly substring search', async () => {
		const chars = fc.constantFrom(...'ab%_\\x');
		await fc.assert(
			fc.asyncProperty(fc.array(chars, { maxLength: 10 }), fc.array(chars, { minLength: 1, maxLength: 3 }), async (h, n) => {
				const haystack = h.join('');
				const needle = n.join('');
				expect(await sqlLike(haystack, needle)).toBe(haystack.includes(needle));
			}),
			{ numRuns: 150 }
		);
	});
});

describe('searchTerms', () => {
	it('folds and splits on white space', () => {
		expect(searchTerms('  Café   إِدلب\tX ')).toEqual(['cafe', 'ادلب', 'x']);
		expect(searchTerms('   ')).toEqual([]);
	});
});
