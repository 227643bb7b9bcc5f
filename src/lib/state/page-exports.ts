// What the page's export buttons do: the filtered incidents as CSV (written from the engine's Arrow buffers when it
// offers them; the module loads on first click, not at start-up), a chart's figures as CSV, a chart as PNG.
import type { EChartsInstance } from '../charts/echarts-setup';
import type { Filters } from '../query/filters';
import type { DataRange } from '../query/views';
import { aggregateCsv, aggregateFileName, exportFileName } from '../export/incident-csv';
import type { ChannelName } from './channels';
import type { Dashboard } from './dashboard.svelte';

/** Saves a file in the browser (src/lib/components/format.ts `download`). */
export type Download = (fileName: string, content: Blob | string) => void;

export async function exportIncidents(dash: Dashboard, filters: Filters, range: DataRange | null, download: Download): Promise<void> {
	const { incidentCsvBlob } = await import('../export/incident-export');
	download(exportFileName(filters, range), await incidentCsvBlob(dash, filters));
}

export interface ChartExport {
	/** File name stem ('timeline', 'provinces', ...). */
	name: string;
	channel: ChannelName;
	kind: 'csv' | 'png';
	chart: EChartsInstance | null;
}

/** A chart's figures (its channel's answer) as CSV, or the chart drawn as PNG on the panel's own colour. */
export function exportChart(e: ChartExport, dash: Dashboard, filters: Filters, range: DataRange | null, download: Download): void {
	const csvName = aggregateFileName(e.name, filters, range);
	if (e.kind === 'csv') {
		const result = dash.answer(e.channel)?.result;
		if (result) download(csvName, new Blob([aggregateCsv(result)], { type: 'text/csv;charset=utf-8' }));
	} else if (e.chart) {
		// The panel's own colour behind the chart, so the PNG reads the same in light and dark mode.
		const background = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
		download(csvName.replace(/\.csv$/, '.png'), e.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }));
	}
}
