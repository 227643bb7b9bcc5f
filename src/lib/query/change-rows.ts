// The change panel's result as typed rows (src/lib/query/change-levels.ts writes the SQL; engines hand back columns).
import { CHANGE_LEVELS, type ChangeLevel } from './change-levels';
import type { QueryResult } from './engine';

export interface ChangeRow {
	referenceDay: string;
	unit: string;
	name: string;
	current: number;
	baseline: number;
	baselineWeeks: number;
	/** null when the baseline is 0. */
	changePct: number | null;
	level: ChangeLevel;
	newActivity: boolean;
	surge: boolean;
	threat: boolean;
	killed30d: number;
	highestYears: 0 | 1 | 3;
	/** Incidents left out because their date is known only to the month or year. */
	imprecise: number;
}

const LEVELS: ReadonlySet<string> = new Set(CHANGE_LEVELS);

/** Rows of a changeLevelsQuery result, in its order; a value of the wrong kind throws rather than passing as 0. */
export function changeRowsOf(r: QueryResult): ChangeRow[] {
	const col = (name: string) => {
		const c = r.columns[name];
		if (!c) throw new Error(`change result has no column ${name}`);
		return c;
	};
	const text = (name: string, i: number) => {
		const v = col(name)[i];
		if (typeof v !== 'string') throw new Error(`change result: ${name} is not text`);
		return v;
	};
	const number = (name: string, i: number) => {
		const v = col(name)[i];
		if (typeof v !== 'number') throw new Error(`change result: ${name} is not a number`);
		return v;
	};
	return Array.from({ length: r.rowCount }, (_, i) => {
		const level = text('level', i);
		if (!LEVELS.has(level)) throw new Error(`change result: unknown level ${level}`);
		const years = number('highest_years', i);
		if (years !== 0 && years !== 1 && years !== 3) throw new Error(`change result: highest_years ${years}`);
		const pct = col('change_pct')[i];
		return {
			referenceDay: text('reference_day', i),
			unit: text('unit', i),
			name: text('name', i),
			current: number('current', i),
			baseline: number('baseline', i),
			baselineWeeks: number('baseline_weeks', i),
			changePct: pct === null ? null : number('change_pct', i),
			level: level as ChangeLevel,
			newActivity: number('new_activity', i) === 1,
			surge: number('surge', i) === 1,
			threat: number('threat', i) === 1,
			killed30d: number('killed_30d', i),
			highestYears: years,
			imprecise: number('imprecise', i)
		};
	});
}
