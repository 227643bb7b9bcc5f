// The founding seed: the SY24 report gives two drafts (the headquarters attack "أمس الأربعاء" and the coalition/SDF
// operation "قبل أيام"), each with its evidence, and both become valid data/manual rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManualIncidents, validateManualRecord } from '../../scripts/lib/manual-incidents';
import { draftToIncident, extractIncidents, manualIncidentsCsv } from '../../src/lib/report';
import { loadFixtures } from './helpers';

const sy24 = loadFixtures().find((f) => f.id === 'sy24')!;
if (sy24.missing) console.log(`skipping the SY24 tests: ${sy24.missing}`);

describe.skipIf(!!sy24.missing)('SY24 report', () => {
	// The report is undated: the tests read it as published on Thursday 1 February 2024.
	const drafts = extractIncidents(sy24.text ?? '', { publishedOn: '2024-02-01', outlet: 'SY24' });
	const words = (spans: readonly (readonly [number, number])[]) => spans.map(([s, e]) => sy24.text!.slice(s, e));

	it('gives two drafts', () => {
		expect(drafts).toHaveLength(2);
	});

	it('codes the attack on the headquarters in al-Dir\'iya', () => {
		const d = drafts[0];
		expect(d.date.value).toMatchObject({ event_date: '2024-01-31', date_precision: 'day', date_end: null, weekday_mismatch: false });
		expect(words(d.date.evidence).join(' ')).toContain('أمس');
		expect(words(d.date.evidence).join(' ')).toContain('الأربعاء');
		expect(d.governorate.value).toEqual({ pcode: 'SY11', name: 'Ar-Raqqa' });
		expect(d.district.value?.pcode).toBe('SY1101');
		expect(d.location.value?.name).toBe("al-Dir'iya");
		expect(words(d.location.evidence)).toContain('الدرعية');
		expect(d.killed.value).toBe(2);
		expect(words(d.killed.evidence)[0]).toContain('اثنين');
		expect(d.injured.value).toBe(1);
		expect(words(d.injured.evidence)[0]).toContain('مدني');
		expect(d.perpetrator.value).toEqual({ text: 'ISIS cells (suspected)', group: 'islamic-state', attribution: 'suspected' });
		expect(d.attackType.value).toBe('Armed Assault');
		expect(d.targetType.value).toBe('Military');
		for (const f of [d.date, d.governorate, d.killed, d.injured, d.perpetrator, d.attackType, d.targetType]) {
			expect(f.confidence).toBeGreaterThan(0);
			expect(f.confidence).toBeLessThanOrEqual(1);
		}
	});

	it('codes the coalition and SDF operation days earlier', () => {
		const d = drafts[1];
		// "قبل أيام": two to seven days before publication, a window, not an invented day.
		expect(d.date.value).toMatchObject({ event_date: '2024-01-25', date_precision: 'week', date_end: '2024-01-30' });
		expect(words(d.date.evidence)[0]).toBe('قبل أيام');
		expect(d.governorate.value?.pcode).toBe('SY11');
		expect(d.location.value?.name).toBe('Raqqa city');
		expect(d.killed.value).toBe(1);
		expect(d.injured.value).toBeNull();
		expect(d.perpetrator.value).toMatchObject({ text: 'US-led coalition and SDF', group: 'coalition', attribution: 'stated' });
		expect(d.targetType.value).toBe('Terrorists/Non-State Militia');
	});

	it('becomes two valid manual incidents that DuckDB reads back from a data/manual CSV', async () => {
		const rows = drafts.map((d) => draftToIncident(d));
		for (const row of rows) {
			const asText = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));
			expect(validateManualRecord(asText)).toEqual([]);
		}
		expect(rows[0]).toMatchObject({ source_dataset: 'manual', admin1: 'Ar-Raqqa', admin1_pcode: 'SY11', admin2: 'Ar-Raqqa', killed: 2, injured: 1, source_name: 'SY24', source_url: null });
		expect(rows[0].location).toContain('الدرعية');
		const dir = mkdtempSync(join(tmpdir(), 'rasd-report-'));
		try {
			writeFileSync(join(dir, 'sy24-draft.csv'), manualIncidentsCsv(rows));
			const { incidents } = await readManualIncidents(dir);
			expect(incidents.map((r) => r.incident_id)).toEqual(rows.map((r) => r.incident_id));
			expect(incidents[0]).toMatchObject({ event_date: '2024-01-31', date_precision: 'day', killed: 2, injured: 1, perpetrator: 'ISIS cells (suspected)' });
			expect(incidents[1]).toMatchObject({ date_precision: 'week', date_end: '2024-01-30', killed: 1, injured: null });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
