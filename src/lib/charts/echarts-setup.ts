// ECharts through echarts/core with only the parts the option builders use (a far smaller bundle than `echarts`):
// timeline = bar / line + legend (scroll) + tooltip + dataZoom (inside, slider); ranked lists = bar;
// tile map = heatmap on a category grid + visualMap; choropleth = map + visualMap; the map panel = geo + map +
// scatter (the point layer) + visualMap + graphic (the attribution drawn into PNGs) + brush (box and lasso selection).
// Browser only and loaded with a dynamic import from the chart component's onMount: echarts.init needs a DOM.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
	BrushComponent,
	DataZoomComponent,
	GeoComponent,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// Canvas (not SVG) because chart PNG export uses getDataURL({ type: 'png' }).
echarts.use([
	BarChart,
	LineChart,
	HeatmapChart,
	MapChart,
	ScatterChart,
	BrushComponent,
	GeoComponent,
	GraphicComponent,
	DataZoomComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent,
	LabelLayout,
	CanvasRenderer
]);

/** Registers an admin-1 GeoJSON once under `name` (registering twice would only waste work). */
export function registerBoundaries(name: string, geoJson: object): void {
	if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

export { echarts };
export type EChartsInstance = ReturnType<typeof echarts.init>;
