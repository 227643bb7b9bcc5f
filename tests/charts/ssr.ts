// Renders an option with ECharts' server-side SVG renderer, as the browser would draw it, and returns the SVG.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function renderSvg(option: EChartsOption, width = 800, height = 400): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ animation: false, ...option });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/** Text of every <text> element of an SVG (ECharts writes labels as text nodes, escaped). */
export function svgTexts(svg: string): string[] {
	const unescape = (s: string) =>
		s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
	return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
}

export { echarts };
