// What the chart builders write: numbers, time-bucket labels, measure names, the few fixed words, and whether the
// page reads right to left. The app passes one built from the chosen language and digits (src/lib/i18n/locale.ts);
// the default is English with Latin digits, which keeps the builders usable (and tested) on their own.
import type { Grain, Measure } from '../query/filters';
import { bucketLabel, bucketTitle } from './buckets';
import { MEASURE_LABELS, formatNumber, provinceLabel } from './data';

export interface ChartText {
	/** Right-to-left page: legends, tooltips, value axes and ranked bars mirror; time does not (docs/i18n-a11y.md). */
	rtl: boolean;
	/** An exact figure with the locale's grouping and digits. */
	number(n: number): string;
	/** Short axis label of a bucket starting on `start` ('YYYY-MM-DD'). */
	bucketLabel(start: string, grain: Grain): string;
	/** Long label for tooltips and tables. */
	bucketTitle(start: string, grain: Grain): string;
	measure(m: Measure): string;
	/** Display name of a province key: a governorate p-code, '(unknown)' or another key. */
	province(key: string): string;
	/** The merged series of the smallest ones. */
	other: string;
	notRecorded: string;
	/** Tooltip line of the bucket total, e.g. "Incidents, total". */
	total(measure: string): string;
	/** The range of a total where sources give one, e.g. "range 55,100 to 70,300 where sources give one". */
	range(low: string, high: string): string;
	/** Low end of the map's colour scale, e.g. "0 incidents". */
	scaleMin(measure: string): string;
	unknownProvince: string;
	unknownCountry: string;
}

export const ENGLISH_TEXT: ChartText = {
	rtl: false,
	number: (n) => formatNumber(n),
	bucketLabel,
	bucketTitle,
	measure: (m) => MEASURE_LABELS[m],
	province: provinceLabel,
	other: 'Other',
	notRecorded: 'Not recorded',
	total: (measure) => `${measure}, total`,
	range: (low, high) => `range ${low} to ${high} where sources give one`,
	scaleMin: (measure) => `0 ${measure.toLowerCase()}`,
	unknownProvince: 'Unknown province',
	unknownCountry: 'unknown country'
};

/** ECharts tooltip box styles for the page direction (the tooltip is HTML inside the chart's element). */
export function tooltipDirection(text: ChartText): { extraCssText?: string } {
	return text.rtl ? { extraCssText: 'direction: rtl; text-align: right;' } : {};
}
