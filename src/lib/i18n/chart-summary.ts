// The one-sentence summaries of the charts (their text alternative, with the "show as table" switch), from the
// figures of the same table the switch shows.
import { tableFacts, type AltTable } from '../charts/alt-table';
import type { Measure } from '../data/display';
import type { Locale } from './locale';

/** "Incidents: 2,345 from Jan 2017 to Dec 2025; most in Idleb (1,512); peak Mar 2020 (81)." */
export function timelineSummary(table: AltTable, loc: Locale, measure: Measure): string {
	const f = tableFacts(table);
	if (f.total === 0 || !f.topColumn || !f.topRow) return loc.t('alt.empty');
	return loc.t('alt.timeline', {
		measure: loc.measure(measure),
		total: loc.int(f.total),
		from: f.first ?? '',
		to: f.last ?? '',
		top: f.topColumn.label,
		topValue: loc.int(f.topColumn.value),
		peak: f.topRow.label,
		peakValue: loc.int(f.topRow.value)
	});
}

/** "Incidents: 2,345 in all; highest: Military (1,200)." */
export function rankedSummary(table: AltTable, loc: Locale, measure: Measure): string {
	const f = tableFacts(table);
	if (f.total === 0 || !f.topRow) return loc.t('alt.empty');
	return loc.t('alt.ranked', { measure: loc.measure(measure), total: loc.int(f.total), top: f.topRow.label, topValue: loc.int(f.topRow.value) });
}

/** "Incidents: 2,345 in Syria's governorates; highest in Idleb (1,512)." */
export function mapSummary(table: AltTable, loc: Locale, measure: Measure, units: 'governorates' | 'other' = 'governorates'): string {
	const f = tableFacts(table);
	if (f.total === 0 || !f.topRow) return loc.t('alt.empty');
	// 'other': districts, or other countries' provinces (the sentence must not say "Syria's governorates").
	return loc.t(units === 'governorates' ? 'alt.map' : 'alt.mapUnits', { measure: loc.measure(measure), total: loc.int(f.total), top: f.topRow.label, topValue: loc.int(f.topRow.value) });
}
