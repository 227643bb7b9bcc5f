// Debian's Chromium as the end-to-end tests and the benchmark drive it (playwright-core cannot download a browser
// here). RASD_CHROMIUM overrides the path.
export const CHROMIUM = process.env.RASD_CHROMIUM || '/usr/bin/chromium';

/** The flags of DESIGN.md: headless, no sandbox (containers), no GPU, nothing that phones home. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
