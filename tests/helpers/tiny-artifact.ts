// Test helper: an artifact from invented incidents, built by the project's own Parquet writer and artifact build, so
// engine, build-script and query tests (tests/query/fixture-db.ts) run on exactly what the browser gets. Node only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArtifact } from '../../scripts/lib/artifact-build';
import { IncidentParquetWriter } from '../../scripts/lib/incident-parquet-writer';
import type { Incident } from '../../src/lib/data/schema';
import type { SearchIndexLayout } from '../../src/lib/query/search-index';

const base: Incident = {
	incident_id: '',
	source_dataset: 'synthetic',
	source_record_id: '',
	event_date: '',
	date_precision: 'day',
	date_end: null,
	country_iso3: 'SYR',
	country: 'Syria',
	admin1: null,
	admin1_pcode: null,
	admin2: null,
	admin2_pcode: null,
	location: null,
	latitude: null,
	longitude: null,
	geo_precision: 'town',
	event_type: null,
	sub_event_type: null,
	attack_type: null,
	target_type: 'Unknown',
	perpetrator: null,
	target_actor: null,
	killed: null,
	killed_low: null,
	killed_high: null,
	injured: null,
	summary: null,
	source_name: null,
	source_url: null,
	raw_date: null,
	raw_admin1: null,
	raw_attack_type: null,
	raw_target_type: null
};

/** Invented rows: three Syrian governorates, one row abroad, unknown figures, an Arabic summary. */
export const TINY_INCIDENTS: Incident[] = [
	{ ...base, incident_id: 'synthetic:1', source_record_id: '1', event_date: '2023-01-02', admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', target_type: 'Military', attack_type: 'Armed Assault', perpetrator: 'Group A', killed: 3, injured: 1, summary: 'Invented clash near a checkpoint', source_url: 'https://example.org/1' },
	{ ...base, incident_id: 'synthetic:2', source_record_id: '2', event_date: '2023-01-09', admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', target_type: 'Police', attack_type: 'Bombing/Explosion', perpetrator: 'Group B', killed: null, injured: 4 },
	{ ...base, incident_id: 'synthetic:3', source_record_id: '3', event_date: '2023-02-15', admin1: 'Deir-ez-Zor', admin1_pcode: 'SY09', target_type: 'Military', attack_type: 'Armed Assault', perpetrator: 'Group A', killed: 7, injured: null, summary: 'حادثة مختلقة' },
	{ ...base, incident_id: 'manual:4', source_dataset: 'manual', source_record_id: '4', event_date: '2023-03-31', date_precision: 'month', admin1: 'Aleppo', admin1_pcode: 'SY02', target_type: 'Private Citizens & Property', attack_type: 'Unknown', killed: 0, injured: 0 },
	{ ...base, incident_id: 'synthetic:5', source_record_id: '5', event_date: '2022-12-20', country_iso3: 'IRQ', country: 'Iraq', admin1: 'Nineveh', target_type: 'Military', perpetrator: 'Group A', killed: 2, injured: 2 }
];

/** Writes the rows to a Parquet and compiles it with the real artifact build (scripts/lib/artifact-build.ts). */
export async function writeTinyArtifact(
	rows: readonly Incident[] = TINY_INCIDENTS,
	dir = mkdtempSync(join(tmpdir(), 'rasd-tiny-')),
	searchLayout: SearchIndexLayout = 'file'
): Promise<string> {
	const parquet = join(dir, 'incidents.parquet');
	const writer = await IncidentParquetWriter.open(parquet, { merge: false });
	for (const r of rows) await writer.add(r);
	await writer.finish();
	const output = join(dir, 'rasd.duckdb');
	await buildArtifact({ input: parquet, output, builtAt: new Date(Date.UTC(2025, 0, 1)), threads: 1, allowMixed: true, searchLayout });
	return output;
}
