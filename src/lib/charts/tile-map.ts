// Syria's 14 governorates as equal tiles at the gazetteer's rough geographic positions (5 x 5 grid, north at the
// top), coloured by the measure. Used when no boundary file is configured; every governorate gets the same area,
// which also keeps small, busy ones (Damascus, Quneitra) readable. Each item's name is its p-code (click -> filter).
import type { EChartsOption } from 'echarts';
import { SYRIA_GOVERNORATES } from '../data/gazetteer';
import type { Measure } from '../query/filters';
import { escapeHtml, labelOf, type ChartInput, type Labels } from './data';
import { SEQUENTIAL } from './palette';
import { syriaValues } from './province-rows';
import { ENGLISH_TEXT, tooltipDirection, type ChartText } from './text';

export interface MapOptions {
	measure: Measure;
	/** Display names by p-code (default: text.province, the gazetteer's names). */
	labels?: Labels;
	/** Language, digits and direction (default English). Maps are never mirrored: north stays up, west left. */
	text?: ChartText;
}

export const TILE_COLUMNS = 5;
export const TILE_ROWS = 5;

/** Continuous colour scale from 0 to the largest value (at least 1, so an all-zero map is pale, not dark). */
export function mapVisual(values: Iterable<number>, measure: Measure, text: ChartText = ENGLISH_TEXT) {
	const max = Math.max(1, ...values);
	return {
		type: 'continuous' as const,
		min: 0,
		max,
		inRange: { color: [...SEQUENTIAL] },
		orient: 'horizontal' as const,
		left: 'center',
		bottom: 0,
		itemHeight: 160,
		text: [text.number(max), text.scaleMin(text.measure(measure))],
		calculable: false
	};
}

/** What both maps share: the values by p-code, the colour scale, display names and the tooltip. */
export function mapBasics(input: ChartInput, options: MapOptions) {
	const text = options.text ?? ENGLISH_TEXT;
	const values = syriaValues(input);
	const visual = mapVisual(values.values(), options.measure, text);
	const name = (pcode: string) => labelOf(options.labels, pcode, text.province);
	const measure = text.measure(options.measure);
	const tooltip = {
		trigger: 'item' as const,
		formatter: (p: unknown) => {
			const { name: pcode } = p as { name: string };
			return `${escapeHtml(name(pcode))}<br>${escapeHtml(measure)}: <b>${text.number(values.get(pcode) ?? 0)}</b>`;
		},
		...tooltipDirection(text)
	};
	return { text, values, visual, name, tooltip };
}

/** Dark text on light tiles, white on the darkest third of the scale. */
export const labelColour = (value: number, max: number) => (max > 0 && value / max > 0.6 ? '#FFFFFF' : '#1A1A1A');

export function tileMapOption(input: ChartInput, options: MapOptions): EChartsOption {
	const { text, values, visual, name, tooltip } = mapBasics(input, options);
	return {
		tooltip,
		grid: { left: 4, right: 4, top: 4, bottom: 44 },
		xAxis: { type: 'category', data: [...Array(TILE_COLUMNS).keys()].map(String), show: false, splitArea: { show: false } },
		yAxis: { type: 'category', data: [...Array(TILE_ROWS).keys()].map(String), show: false, inverse: true },
		visualMap: { ...visual, dimension: 2, seriesIndex: 0 },
		series: [
			{
				type: 'heatmap',
				data: SYRIA_GOVERNORATES.map((g) => {
					const value = values.get(g.pcode) ?? 0;
					return {
						name: g.pcode,
						value: [g.tile[0], g.tile[1], value],
						label: { color: labelColour(value, visual.max) }
					};
				}),
				label: {
					show: true,
					fontSize: 11,
					// Explicit: zrender otherwise derives the line height of two-line labels from font metrics that vary.
					lineHeight: 14,
					formatter: (p: unknown) => {
						const { name: pcode } = p as { name: string };
						return `${name(pcode)}\n${text.number(values.get(pcode) ?? 0)}`;
					}
				},
				itemStyle: { borderColor: '#FFFFFF', borderWidth: 3 },
				emphasis: { itemStyle: { borderColor: '#000000', borderWidth: 2 } }
			}
		]
	};
}

/**
 * The tile map or choropleth coloured by change level (issue 12) instead of the measure: the measure's colour scale
 * is dropped and each governorate takes its level's colour (no level: pale grey), with dark names.
 */
export function colourByLevels<T extends { series?: unknown; visualMap?: unknown }>(option: T, levels: ReadonlyMap<string, { colour: string }>): T {
	const series = (option.series as { type?: string; data?: { name: string; itemStyle?: object; label?: object }[] }[]).map((s, i) =>
		i > 0
			? s
			: {
					...s,
					data: s.data?.map((d) => {
						const colour = levels.get(d.name)?.colour ?? '#EEEEEE';
						const fill = s.type === 'map' ? { areaColor: colour } : { color: colour };
						return { ...d, itemStyle: { ...d.itemStyle, ...fill }, label: { ...d.label, color: '#1A1A1A' } };
					})
				}
	);
	const { visualMap: _dropped, ...rest } = option;
	return { ...rest, series } as T;
}
