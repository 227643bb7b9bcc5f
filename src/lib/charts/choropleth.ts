// Real choropleth of Syria's governorates over a GeoJSON the app registered (echarts.registerMap) whose features
// carry the OCHA p-code in a property (ADM1_PCODE in OCHA's COD-AB files). Regions are matched by p-code, never
// by name, so any spelling in the file is fine. Each region's name in events is its p-code.
import type { EChartsOption } from 'echarts';
import { SYRIA_PCODES } from '../data/gazetteer';
import type { ChartInput } from './data';
import { labelColour, mapBasics, type MapOptions } from './tile-map';

export interface ChoroplethOptions extends MapOptions {
	/** Name the GeoJSON was registered under. */
	mapName: string;
	/** Feature property holding the p-code. */
	nameProperty?: string;
}

export function choroplethOption(input: ChartInput, options: ChoroplethOptions): EChartsOption {
	const { values, visual, name, tooltip } = mapBasics(input, options);
	return {
		tooltip,
		visualMap: { ...visual, seriesIndex: 0 },
		series: [
			{
				type: 'map',
				map: options.mapName,
				nameProperty: options.nameProperty ?? 'ADM1_PCODE',
				roam: false,
				selectedMode: false,
				data: SYRIA_PCODES.map((pcode) => {
					const value = values.get(pcode) ?? 0;
					return { name: pcode, value, label: { color: labelColour(value, visual.max) } };
				}),
				label: { show: true, fontSize: 10, formatter: (p: unknown) => name((p as { name: string }).name) },
				emphasis: { label: { show: true }, itemStyle: { borderColor: '#000000', borderWidth: 1.5 } },
				itemStyle: { borderColor: '#FFFFFF', borderWidth: 1 }
			}
		]
	};
}
