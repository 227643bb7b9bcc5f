// What the page's export and citation buttons do: the filtered incidents as CSV (written from the engine's Arrow
// buffers when it offers them; the module loads on first click) or XLSX (exceljs, loaded on click), a chart's
// figures as CSV and a chart as PNG, every file named after the view, the XLSX and the PNG carrying the view's
// citation; and the "Cite this view" text itself.
import type { EChartsInstance } from '../charts/echarts-setup';
import { RASD_VERSION } from '../data/version';
import type { Locale } from '../i18n/locale';
import { EXPORT_COLUMNS } from '../query/columns';
import type { Filters } from '../query/filters';
import type { DataRange } from '../query/views';
import { aggregateCsv, aggregateFileName, exportFileName } from '../export/incident-csv';
import { changeCsv } from '../export/change-csv';
import { changeRowsOf } from '../query/change-rows';
import type { QueryResult } from '../query/engine';
import type { ChannelName } from './channels';
import { chartFooter, citeView } from './citation';
import type { Dashboard } from './dashboard.svelte';

/** Saves a file in the browser (src/lib/components/format.ts `download`). */
export type Download = (fileName: string, content: Blob | string) => void;

/** What every citation is made from besides the engine: the view's link, filters and the page's language. */
export interface CiteContext {
	url: string;
	filters: Filters;
	range: DataRange | null;
	locale: Locale;
}

/** The "Cite this view" block: the sources in view (and their counts) are asked of the engine. */
export async function viewCitation(dash: Dashboard, c: CiteContext): Promise<string[]> {
	const sources = await dash.sourcesInView(c.filters);
	const rows = sources.reduce((n, s) => n + s.n, 0);
	const input = { url: c.url, filters: c.filters, madeAt: new Date().toISOString(), rows, sources: sources.map((s) => s.source), version: RASD_VERSION, sha256: dash.meta?.sourceSha256 };
	return citeView(input, c.locale);
}

export async function exportIncidents(dash: Dashboard, c: CiteContext, download: Download): Promise<void> {
	const { incidentCsvBlob } = await import('../export/incident-export');
	download(exportFileName(c.filters, c.range), await incidentCsvBlob(dash, c.filters));
}

/** The filtered incidents as XLSX, with an "about" sheet citing the view; the row count is the rows written. */
export async function exportIncidentsXlsx(dash: Dashboard, c: CiteContext, download: Download): Promise<void> {
	const [{ default: excel }, { incidentWorkbook, XLSX_TYPE }, result] = await Promise.all([
		import('exceljs'),
		import('../export/xlsx'),
		dash.exportRows(c.filters)
	]);
	const sources = [...new Set((result.columns.source_dataset ?? []).map(String))].sort();
	const l = c.locale;
	const lines = citeView({ url: c.url, filters: c.filters, madeAt: new Date().toISOString(), rows: result.rowCount, sources, version: RASD_VERSION, sha256: dash.meta?.sourceSha256 }, l);
	const labels = { rows: l.t('xlsx.rows'), sha256: l.t('xlsx.sha256'), cut: l.t('xlsx.cut') };
	const { bytes } = await incidentWorkbook(excel, result, EXPORT_COLUMNS, { lines, labels, sha256: dash.meta?.sourceSha256 ?? null });
	download(exportFileName(c.filters, c.range, 'xlsx'), new Blob([bytes], { type: XLSX_TYPE }));
}

export interface ChartExport {
	/** File name stem ('timeline', 'provinces', ...). */
	name: string;
	channel: ChannelName;
	kind: 'csv' | 'png';
	chart: EChartsInstance | null;
}

/** Height in CSS pixels of one citation line under a chart image. */
const FOOTER_LINE = 18;

/** The chart's image with the view's citation drawn as small lines under it, as a PNG data URL. */
async function withFooter(image: string, lines: readonly string[], background: string, colour: string, rtl: boolean): Promise<string> {
	const img = new Image();
	img.src = image;
	await img.decode();
	const ratio = 2;
	const canvas = document.createElement('canvas');
	canvas.width = img.width;
	canvas.height = img.height + (lines.length * FOOTER_LINE + 6) * ratio;
	const ctx = canvas.getContext('2d');
	if (!ctx) return image;
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0);
	ctx.fillStyle = colour;
	ctx.font = `${11 * ratio}px system-ui, sans-serif`;
	ctx.direction = rtl ? 'rtl' : 'ltr';
	ctx.textAlign = 'start';
	ctx.textBaseline = 'middle';
	const pad = 8 * ratio;
	const room = canvas.width - 2 * pad;
	// A line wider than the chart is cut at its end with an ellipsis (fillText's maxWidth would squeeze the glyphs).
	const fit = (line: string) => {
		if (ctx.measureText(line).width <= room) return line;
		let lo = 0;
		let hi = line.length;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (ctx.measureText(`${line.slice(0, mid)}…`).width <= room) lo = mid;
			else hi = mid - 1;
		}
		return `${line.slice(0, lo)}…`;
	};
	lines.forEach((line, k) => {
		// The link is read left to right in either language.
		ctx.direction = k === lines.length - 1 ? 'ltr' : rtl ? 'rtl' : 'ltr';
		const x = ctx.direction === 'rtl' ? canvas.width - pad : pad;
		ctx.fillText(fit(line), x, img.height + (3 + FOOTER_LINE * k + FOOTER_LINE / 2) * ratio);
	});
	return canvas.toDataURL('image/png');
}

/** A channel's answer as CSV: the change panel's fixed columns (issue 12), else the answer's own columns. */
export function chartCsv(channel: ChannelName, result: QueryResult): string {
	return channel === 'change' ? changeCsv(changeRowsOf(result)) : aggregateCsv(result);
}

/** A chart's figures (its channel's answer) as CSV, or the chart drawn as PNG on the panel's own colour with the
 *  view's citation under it. Both are named after the view. */
export async function exportChart(e: ChartExport, dash: Dashboard, c: CiteContext, download: Download): Promise<void> {
	const csvName = aggregateFileName(e.name, c.filters, c.range);
	if (e.kind === 'csv') {
		const result = dash.answer(e.channel)?.result;
		if (result) download(csvName, new Blob([chartCsv(e.channel, result)], { type: 'text/csv;charset=utf-8' }));
	} else if (e.chart) {
		// The panel's own colour behind the chart, so the PNG reads the same in light and dark mode.
		const style = getComputedStyle(document.documentElement);
		const background = style.getPropertyValue('--panel').trim() || '#ffffff';
		const colour = style.getPropertyValue('--muted').trim() || '#555555';
		const image = e.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
		const sources = (await dash.sourcesInView(c.filters)).map((s) => s.source);
		const lines = chartFooter({ url: c.url, madeAt: new Date().toISOString(), sources, version: RASD_VERSION }, c.locale);
		download(csvName.replace(/\.csv$/, '.png'), await withFooter(image, lines, background, colour, c.locale.dir === 'rtl'));
	}
}
