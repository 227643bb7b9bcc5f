// Every report fixture: drafts that are well formed (codebook values, valid p-codes, evidence inside the text)
// and that become valid data/manual rows, and the number of drafts each report should give. Field accuracy is
// measured by `npm run report:accuracy`, not asserted here, apart from a floor that catches a broken extractor.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateManualRecord } from '../../scripts/lib/manual-incidents';
import { csvMapper } from '../../src/lib/import/csv';
import { recordFactory } from '../../src/lib/import/record';
import { parseCsvRecords } from '../../scripts/lib/manual-incidents';
import { ATTACK_TYPES, TARGET_TYPES, ACLED_EVENT_TYPES } from '../../src/lib/data/taxonomy';
import { SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { SCORED_FIELDS, scoreFixture } from '../../src/lib/report/accuracy';
import { ACTOR_GROUPS } from '../../src/lib/report/types';
import { draftToIncident, extractIncidents, manualIncidentsCsv } from '../../src/lib/report';
import { loadFixtures } from './helpers';

const fixtures = loadFixtures().filter((f) => f.text !== null);

describe('report fixtures', () => {
	it('has at least 15 reports of our own besides the seed, in both languages', () => {
		const own = fixtures.filter((f) => f.id !== 'sy24');
		expect(own.length).toBeGreaterThanOrEqual(15);
		expect(own.some((f) => /[\u0600-\u06ff]/.test(f.text!))).toBe(true);
		expect(own.some((f) => /^[\x00-\x7f\u2019\u201c\u201d]*$/.test(f.text!))).toBe(true);
	});

	for (const fx of fixtures) {
		it(`${fx.id}: gives ${fx.expected.length} well-formed draft(s) that are valid manual incidents`, () => {
			const drafts = extractIncidents(fx.text!, { publishedOn: fx.publishedOn, outlet: fx.outlet, url: fx.url });
			expect(drafts).toHaveLength(fx.expected.length);
			for (const d of drafts) {
				if (d.attackType.value) expect(ATTACK_TYPES).toContain(d.attackType.value);
				expect(TARGET_TYPES).toContain(d.targetType.value);
				if (d.eventType.value) expect(ACLED_EVENT_TYPES).toContain(d.eventType.value);
				expect(ACTOR_GROUPS).toContain(d.perpetrator.value.group);
				if (d.governorate.value) expect(SYRIA_PCODES).toContain(d.governorate.value.pcode);
				for (const field of [d.date, d.governorate, d.district, d.location, d.killed, d.injured, d.perpetrator, d.attackType, d.targetType]) {
					for (const [s, e] of field.evidence) {
						expect(0 <= s && s < e && e <= fx.text!.length).toBe(true);
						expect(fx.text!.slice(s, e).trim()).not.toBe('');
					}
				}
				const row = draftToIncident(d);
				const asText = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));
				expect(validateManualRecord(asText)).toEqual([]);
			}
		});
	}

	it('writes a CSV that the importer (`--source manual`) maps without a rejection', () => {
		const rows = fixtures.flatMap((fx) =>
			extractIncidents(fx.text!, { publishedOn: fx.publishedOn, outlet: fx.outlet, url: fx.url }).map((d) => draftToIncident(d)));
		const [header, ...records] = parseCsvRecords(manualIncidentsCsv(rows));
		const factory = recordFactory(header.fields);
		// Drafts carry their own ids (source_record_id), so the content digest for id-less rows is never needed.
		const map = csvMapper(header.fields, { source: 'manual', contentDigest: (c) => createHash('sha256').update(c).digest('hex') });
		const results = records.map((r) => map(factory.make(r.fields, r.line)));
		expect(results.filter((r) => !r.ok)).toEqual([]);
		expect(results.map((r) => (r.ok ? r.incident.incident_id : ''))).toEqual(rows.map((r) => r.incident_id));
	});

	it('stays above a floor of field accuracy (the figures themselves come from npm run report:accuracy)', () => {
		const pairs = fixtures.flatMap((fx) =>
			scoreFixture(fx.id, extractIncidents(fx.text!, { publishedOn: fx.publishedOn }), fx.expected).pairs);
		for (const f of SCORED_FIELDS) {
			const share = pairs.filter((p) => p.fields[f]).length / pairs.length;
			expect(share, f).toBeGreaterThanOrEqual(0.7);
		}
	});
});
