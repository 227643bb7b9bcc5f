// The change panel's CSV (issue 12): fixed English columns and values whatever the page's language, so a script or
// a test can read it: unit (p-code, else name), current, baseline (2 decimals), change_pct (1 decimal, empty when the
// baseline is 0), level (one of the four level phrases), surge and threat (true / false), highest_years (0, 1, 3).
import type { ChangeRow } from '../query/change-rows';
import { csvLine, UTF8_BOM, type CsvValue } from './csv';

export const CHANGE_CSV_COLUMNS = ['unit', 'current', 'baseline', 'change_pct', 'level', 'surge', 'threat', 'highest_years'] as const;

/** x rounded to `digits` decimals on its exact decimal value (toFixed; x * 100 would turn 1.005 into 100.4999...),
 *  halves away from zero, without a "-0". */
export function roundTo(x: number, digits: number): number {
	const r = Math.sign(x) * Number(Math.abs(x).toFixed(digits));
	return r === 0 ? 0 : r;
}

export function changeCsvRow(row: ChangeRow): CsvValue[] {
	return [
		row.unit,
		row.current,
		roundTo(row.baseline, 2),
		row.changePct === null ? null : roundTo(row.changePct, 1),
		row.level,
		row.surge ? 'true' : 'false',
		row.threat ? 'true' : 'false',
		row.highestYears
	];
}

/** The whole document, rows in the panel's order; formula-looking unit names are guarded like every export. */
export function changeCsv(rows: readonly ChangeRow[], options: { bom?: boolean } = {}): string {
	const lines = [CHANGE_CSV_COLUMNS, ...rows.map(changeCsvRow)].map((cells) => csvLine(cells, { guardFormulas: true }));
	return (options.bom ? UTF8_BOM : '') + lines.join('');
}
