// The charts' text alternatives: tables read from the very options the charts draw hold the same figures as the
// query rows, and the summary sentences state the totals, the largest series and the peak, in either language.
import { describe, expect, it } from 'vitest';
import { barListTable, mapTable, tableFacts, timelineTable } from '../../src/lib/charts/alt-table';
import { barListOption } from '../../src/lib/charts/bar-list';
import { tileMapOption } from '../../src/lib/charts/tile-map';
import { timelineOption } from '../../src/lib/charts/timeline';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { mapSummary, rankedSummary, timelineSummary } from '../../src/lib/i18n/chart-summary';
import { makeLocale } from '../../src/lib/i18n/locale';
import type { QueryResult } from '../../src/lib/query/engine';

function result(names: string[], rows: (string | number | null)[][]): QueryResult {
	return { names, columns: Object.fromEntries(names.map((n, i) => [n, rows.map((r) => r[i])])), rowCount: rows.length };
}

const timelineRows = result(
	['bucket', 'series', 'value'],
	[
		['2023-01-01', 'SY07', 5],
		['2023-01-01', 'SY02', 2],
		['2023-03-01', 'SY07', 1],
		['2023-03-01', 'SY11', 9],
		['2023-04-01', 'SY02', 4]
	]
);
const en = makeLocale('en', 'latn');
const ar = makeLocale('ar', 'arab');

describe('timeline table', () => {
	const option = timelineOption(timelineRows, { grain: 'month', stack: 'province', measure: 'incidents', from: null, to: null, text: en.chart });
	const table = timelineTable(option, 'month', en.chart);

	it('has one row per bucket (empty ones too) and one column per series, with the rows\' figures', () => {
		expect(table.rows.map((r) => r.label)).toEqual(['Jan 2023', 'Feb 2023', 'Mar 2023', 'Apr 2023']);
		expect(table.columns.map((c) => c.key).sort()).toEqual(['SY02', 'SY07', 'SY11']);
		const cell = (bucket: string, pcode: string) =>
			table.rows.find((r) => r.key === bucket)!.values[table.columns.findIndex((c) => c.key === pcode)];
		expect(cell('2023-01-01', 'SY07')).toBe(5);
		expect(cell('2023-03-01', 'SY11')).toBe(9);
		expect(cell('2023-02-01', 'SY02')).toBe(0);
		// Every figure of the query is in the table, once.
		const total = table.rows.flatMap((r) => r.values).reduce((a, b) => a + b, 0);
		expect(total).toBe(21);
	});

	it('summarises total, range, largest series and peak bucket', () => {
		expect(tableFacts(table)).toEqual({
			total: 21,
			topColumn: { label: 'Ar-Raqqa', value: 9 },
			topRow: { label: 'Mar 2023', value: 10 },
			first: 'Jan 2023',
			last: 'Apr 2023'
		});
		expect(timelineSummary(table, en, 'incidents')).toBe('Incidents: 21 from Jan 2023 to Apr 2023; most in Ar-Raqqa (9); peak Mar 2023 (10).');
		const arOption = timelineOption(timelineRows, { grain: 'month', stack: 'province', measure: 'incidents', from: null, to: null, text: ar.chart });
		expect(timelineSummary(timelineTable(arOption, 'month', ar.chart), ar, 'incidents')).toBe(
			'الحوادث: ٢١ من كانون الثاني ٢٠٢٣ إلى نيسان ٢٠٢٣؛ أكثرها في الرقة (٩)؛ الذروة في آذار ٢٠٢٣ (١٠).'
		);
	});

	it('says so when there is nothing', () => {
		const empty = timelineOption(result(['bucket', 'series', 'value'], []), { grain: 'month', stack: 'province', measure: 'killed', from: null, to: null });
		expect(timelineSummary(timelineTable(empty, 'month'), en, 'killed')).toBe('No incidents match these filters.');
	});
});

describe('ranked and map tables', () => {
	const targets = result(['key', 'value'], [['Police', 3], ['Military', 12], [null, 1]]);

	it('list the bars largest first with their raw keys, and summarise the largest', () => {
		const option = barListOption(targets, { measure: 'killed', labels: (k) => ar.category('target', k), text: ar.chart });
		const table = barListTable(option, ar.measure('killed'));
		expect(table.rows.map((r) => [r.key, r.label, r.values[0]])).toEqual([
			['Military', 'عسكري', 12],
			['Police', 'الشرطة', 3],
			['__null__', 'غير مسجّل', 1]
		]);
		expect(rankedSummary(table, ar, 'killed')).toBe('القتلى: ١٦ إجمالاً؛ الأعلى: عسكري (١٢).');
	});

	it('list all 14 governorates by p-code with the map\'s figures', () => {
		const provinces = result(['pcode', 'admin1', 'country', 'value'], [['SY07', 'Idleb', 'Syria', 15], ['SY02', 'Aleppo', 'Syria', 4]]);
		const option = tileMapOption(provinces, { measure: 'incidents', text: en.chart });
		const table = mapTable(option, 'Incidents', (p) => en.province(p));
		expect(table.rows).toHaveLength(14);
		expect(table.rows.map((r) => r.key).sort()).toEqual([...SYRIA_PCODES].sort());
		expect(table.rows.slice(0, 2).map((r) => [r.key, r.label, r.values[0]])).toEqual([
			['SY07', 'Idleb', 15],
			['SY02', 'Aleppo', 4]
		]);
		expect(mapSummary(table, en, 'incidents')).toBe("Incidents: 19 in Syria's governorates; highest in Idleb (15).");
	});
});
