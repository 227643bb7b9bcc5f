// What the "What is changing" panel shows (issue 12, section 2), from the change channel's rows: the filter a
// unit's click toggles, the unit's name in the page's language, the level's colour and word, the flags, the
// summary sentence and the rule explanations. Pure; src/lib/components/ChangePanel.svelte only lays it out.
import { CHANGE_EXPLANATIONS, explainChange, type ChangeFigure } from '../query/change-explain';
import type { ChangeLevel, ChangeUnit } from '../query/change-levels';
import { changeRowsOf, type ChangeRow } from '../query/change-rows';
import type { QueryResult } from '../query/engine';
import { dimension, type DimensionKey } from '../query/dimensions';
import type { Locale } from '../i18n/locale';
import type { MessageKey } from '../i18n/en';

/** The list filter a unit of each kind selects. */
export const CHANGE_DIMENSION: Readonly<Record<ChangeUnit, DimensionKey>> = {
	governorate: 'provinces',
	district: 'districts',
	target: 'targets',
	event: 'events',
	actor: 'actors'
};

/** How a unit's key is named (the locale's value kinds). */
const VALUE_KIND = { governorate: 'province', district: 'district', target: 'target', event: 'event', actor: 'actor' } as const;

/** Okabe-Ito colours (colour-blind safe), always shown with the level's word. */
export const LEVEL_COLOURS: Readonly<Record<ChangeLevel, string>> = {
	'large increase': '#D55E00',
	'moderate increase': '#E69F00',
	'limited change': '#999999',
	'large decrease': '#0072B2'
};

/** Whether a unit's key is a value its filter accepts as it is (not '(unknown)', not a name without a p-code). */
export function canFilter(unit: ChangeUnit, key: string): boolean {
	return dimension(CHANGE_DIMENSION[unit]).canonical(key) === key;
}

export function unitName(l: Locale, unit: ChangeUnit, row: Pick<ChangeRow, 'unit' | 'name'>): string {
	if (row.unit === '(unknown)') return unit === 'governorate' ? l.chart.unknownProvince : l.chart.notRecorded;
	const named = l.value(VALUE_KIND[unit], row.unit);
	// A district without an OCHA p-code is keyed by its name already; a governorate outside Syria by its admin1.
	return named === row.unit && row.name ? row.name : named;
}

export const levelWord = (l: Locale, level: ChangeLevel): string => l.t(`change.level.${level}` as MessageKey);

/** The row's flags as words, most telling first. */
export function flagWords(l: Locale, row: ChangeRow): string[] {
	const out: string[] = [];
	if (row.newActivity) out.push(l.t('change.flag.new'));
	if (row.surge) out.push(l.t('change.flag.surge'));
	if (row.threat) out.push(l.t('change.flag.threat'));
	if (row.highestYears === 3) out.push(l.t('change.flag.highest3'));
	else if (row.highestYears === 1) out.push(l.t('change.flag.highest1'));
	return out;
}

/** "+94%", or "no baseline" when the baseline is 0. */
export const changeText = (l: Locale, row: ChangeRow): string => (row.changePct === null ? l.t('change.noChange') : l.change(row.changePct));

export function changeSummary(l: Locale, rows: readonly ChangeRow[]): string {
	const n = (level: ChangeLevel) => rows.filter((r) => r.level === level).length;
	const flagged = rows.filter((r) => r.surge || r.threat || r.highestYears > 0 || r.newActivity).length;
	return l.t('change.summary', {
		large: n('large increase'),
		moderate: n('moderate increase'),
		decrease: n('large decrease'),
		total: rows.length,
		flags: flagged
	});
}

/** The figures of the panel in the order they are explained. */
export const EXPLAINED = Object.keys(CHANGE_EXPLANATIONS) as ChangeFigure[];

const FIGURE_LABEL: Readonly<Record<ChangeFigure, MessageKey>> = {
	current: 'change.col.current',
	baseline: 'change.col.baseline',
	change_pct: 'change.col.change',
	level: 'change.col.level',
	new_activity: 'change.flag.new',
	surge: 'change.flag.surge',
	threat: 'change.flag.threat',
	highest_years: 'change.flag.highest',
	imprecise: 'change.col.imprecise'
};
export const figureLabel = (l: Locale, figure: ChangeFigure): string => l.t(FIGURE_LABEL[figure]);

/** One line per figure, in the page's language. */
export const explanation = (l: Locale, figure: ChangeFigure, weeks: number): string => explainChange(figure, l.lang, weeks);

/** The map's colours by change level: unit key -> the level's colour and word (an empty map for no rows). */
export function mapLevels(l: Locale, result: QueryResult | null | undefined): Map<string, { colour: string; word: string }> | null {
	if (!result) return null;
	if (result.rowCount === 0) return new Map();
	return new Map(changeRowsOf(result).map((r) => [r.unit, { colour: LEVEL_COLOURS[r.level], word: levelWord(l, r.level) }]));
}
