// Splits the province query's rows (pcode, admin1, country, value) between the Syria map (by p-code) and the
// ranked list of everything else (other countries' provinces, Syrian rows whose governorate is unknown).
import { SYRIA_PCODES } from '../data/gazetteer';
import { num, rowsOf, str, type ChartInput, type Row } from './data';

/** Value per governorate p-code; all 14 present (0 when no row), rows without a p-code left out. */
export function syriaValues(input: ChartInput): Map<string, number> {
	const out = new Map<string, number>(SYRIA_PCODES.map((p) => [p, 0]));
	for (const row of rowsOf(input)) {
		const pcode = str(row.pcode);
		if (pcode !== null && out.has(pcode)) out.set(pcode, (out.get(pcode) ?? 0) + num(row.value));
	}
	return out;
}

/**
 * Rows without a Syrian p-code, as key/value rows for barListOption, largest first. The key is the display text
 * "admin1, country" (they cannot be filtered on: the province filter takes p-codes).
 */
export function otherProvinceRows(input: ChartInput, unknown = { province: 'Unknown province', country: 'unknown country' }): Row[] {
	const sums = new Map<string, number>();
	for (const row of rowsOf(input)) {
		const pcode = str(row.pcode);
		if (pcode !== null && SYRIA_PCODES.includes(pcode)) continue;
		const key = `${str(row.admin1) ?? unknown.province}, ${str(row.country) ?? unknown.country}`;
		sums.set(key, (sums.get(key) ?? 0) + num(row.value));
	}
	return [...sums]
		.map(([key, value]) => ({ key, value }))
		.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
}
