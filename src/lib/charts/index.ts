// The chart option builders: pure functions from query results to ECharts options (the app registers the
// ECharts parts it uses and calls setOption).
export { timelineOption, timelineBuckets, tooltipHtml, OTHER_SERIES, type TimelineOptions } from './timeline';
export { barListOption, NULL_KEY, type BarListOptions } from './bar-list';
export { tileMapOption, mapVisual, TILE_COLUMNS, TILE_ROWS, type MapOptions } from './tile-map';
export { choroplethOption, type ChoroplethOptions } from './choropleth';
export { syriaValues, otherProvinceRows } from './province-rows';
export { bucketStart, bucketSequence, bucketLabel, bucketTitle, MAX_BUCKETS } from './buckets';
export { rowsOf, formatNumber, provinceLabel, MEASURE_LABELS, escapeHtml, type ChartInput, type Row, type Labels } from './data';
export * from './palette';
export { ENGLISH_TEXT, tooltipDirection, type ChartText } from './text';
export { timelineTable, barListTable, mapTable, tableFacts, type AltTable, type AltFacts } from './alt-table';
