import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { IncidentParquetWriter } from '../../scripts/lib/incident-parquet-writer';
import type { Incident } from '../../src/lib/data/schema';
import { INCIDENT_COLUMN_NAMES } from '../../src/lib/data/schema';

function incident(id: string, overrides: Partial<Incident> = {}): Incident {
	return {
		incident_id: `manual:${id}`, source_dataset: 'manual', source_record_id: id, event_date: '2024-01-03',
		date_precision: 'day', date_end: null, country_iso3: 'SYR', country: 'Syria', admin1: 'Ar-Raqqa',
		admin1_pcode: 'SY11', admin2: null, admin2_pcode: null, location: 'Raqqa', latitude: 35.95, longitude: 39.01, geo_precision: 'town',
		event_type: null, sub_event_type: null, attack_type: 'Armed Assault', target_type: 'Military',
		perpetrator: 'ISIS cells (suspected)', target_actor: null, killed: 2, killed_low: null, killed_high: null, injured: null, summary: 'x',
		source_name: 'SY24', source_url: null, raw_date: null, raw_admin1: null, raw_attack_type: null,
		raw_target_type: null, ...overrides
	};
}

async function readBack(file: string): Promise<Record<string, unknown>[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const reader = await conn.runAndReadAll(
		`SELECT * REPLACE (strftime(event_date, '%Y-%m-%d') AS event_date, strftime(date_end, '%Y-%m-%d') AS date_end)
		 FROM read_parquet('${file}') ORDER BY incident_id`
	);
	const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
	conn.closeSync();
	db.closeSync();
	return rows;
}

describe('IncidentParquetWriter', () => {
	it('round-trips awkward text, nulls and numbers exactly, in schema column order', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'rasd-writer-')), 'out.parquet');
		const tricky = incident('1', {
			summary: 'هجوم مسلح، "مقر" المجلس\nsecond line, with comma\r\nand CRLF',
			location: ' leading space',
			perpetrator: '=cmd|x',
			killed: 0,
			injured: 1,
			latitude: -12.5,
			date_end: '2024-01-04'
		});
		const w = await IncidentParquetWriter.open(out);
		expect(await w.add(tricky)).toBe(true);
		expect(await w.add(incident('2', { killed: null }))).toBe(true);
		expect(await w.finish()).toEqual({ total: 2, added: 2 });
		const rows = await readBack(out);
		expect(Object.keys(rows[0])).toEqual(INCIDENT_COLUMN_NAMES);
		expect(rows[0]).toEqual(tricky);
		expect(rows[1].killed).toBeNull();
	});

	it('merges with the existing file and never adds an id twice', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'rasd-writer-')), 'out.parquet');
		const first = await IncidentParquetWriter.open(out);
		await first.add(incident('1'));
		expect(await first.add(incident('1', { killed: 9 }))).toBe(false);
		await first.finish();
		const second = await IncidentParquetWriter.open(out);
		expect(second.has('manual:1')).toBe(true);
		expect(await second.add(incident('1'))).toBe(false);
		expect(await second.add(incident('3'))).toBe(true);
		expect(await second.finish()).toEqual({ total: 2, added: 1 });
		const rows = await readBack(out);
		expect(rows.map((r) => [r.incident_id, r.killed])).toEqual([['manual:1', 2], ['manual:3', 2]]);
	});

	it('abort leaves an existing output byte-identical and no temporary files behind', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rasd-writer-'));
		const out = join(dir, 'out.parquet');
		const w = await IncidentParquetWriter.open(out);
		await w.add(incident('1'));
		await w.finish();
		const before = readFileSync(out);
		const failed = await IncidentParquetWriter.open(out);
		await failed.add(incident('2'));
		await failed.abort();
		expect(readFileSync(out).equals(before)).toBe(true);
		expect(readdirSync(dir)).toEqual(['out.parquet']);
		expect(existsSync(out)).toBe(true);
	});
});
