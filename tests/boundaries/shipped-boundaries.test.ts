// The committed boundary files (static/boundaries/) are what users get, so they are checked as files: unit counts,
// p-codes against the gazetteer, names, valid polygons, consistent shared borders, sizes, and the licence notes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBoundaries, DEFAULT_SHARED } from '../../scripts/build-boundaries';
import {
	UN_DISCLAIMER,
	type SyriaUnitProperties,
	type WorldAdmin1Index,
	type WorldAdmin1Properties
} from '../../src/lib/data/boundary-files';
import { SYRIA_GOVERNORATES, SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { edgeUse, geometryProblems, polygonsOf, selfCrossings, type GeoFeature } from './geo-checks';

const DIR = resolve(__dirname, '../../static/boundaries');
const read = <P>(name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { type: string; features: GeoFeature<P>[] };
const SYRIA_BOX: [number, number, number, number] = [35.5, 32.3, 42.5, 37.4];
const ARABIC = /[\u0600-\u06FF]/;

describe('syria-admin1.json and syria-admin2.json (OCHA COD-AB)', () => {
	const admin1 = read<SyriaUnitProperties>('syria-admin1.json');
	const admin2 = read<SyriaUnitProperties>('syria-admin2.json');

	it('has the 14 governorates with the gazetteer p-codes and names, and nothing else', () => {
		expect(admin1.type).toBe('FeatureCollection');
		expect(admin1.features.map((f) => f.properties.pcode).sort()).toEqual([...SYRIA_PCODES]);
		for (const f of admin1.features) {
			const g = SYRIA_GOVERNORATES.find((x) => x.pcode === f.properties.pcode)!;
			expect(f.properties).toEqual({ pcode: g.pcode, parent_pcode: 'SY', name_en: g.en, name_ar: g.ar });
		}
	});

	it('has 62 districts, each under a governorate, with English and Arabic names', () => {
		expect(admin2.features).toHaveLength(62);
		const pcodes = admin2.features.map((f) => f.properties.pcode);
		expect(new Set(pcodes).size).toBe(62);
		for (const { properties: p } of admin2.features) {
			expect(Object.keys(p).sort()).toEqual(['name_ar', 'name_en', 'parent_pcode', 'pcode']);
			expect(SYRIA_PCODES).toContain(p.parent_pcode);
			expect(p.pcode).toMatch(new RegExp(`^${p.parent_pcode}\\d\\d$`));
			expect(p.name_en).not.toBe('');
			expect(p.name_ar).toMatch(ARABIC);
		}
		// Every governorate has at least one district.
		expect(new Set(admin2.features.map((f) => f.properties.parent_pcode)).size).toBe(14);
	});

	it('has valid polygons inside Syria, without self-crossing rings', () => {
		for (const f of [...admin1.features, ...admin2.features]) {
			expect(geometryProblems(f, SYRIA_BOX), f.properties.pcode).toEqual([]);
			for (const rings of polygonsOf(f.geometry)) for (const ring of rings) expect(selfCrossings(ring)).toBe(0);
		}
	});

	it('draws each shared border once: only the country outline is used by a single unit', () => {
		const a1 = edgeUse(admin1.features);
		const a2 = edgeUse(admin2.features);
		// Had neighbours been simplified apart, their borders would appear as single-use edges on both sides.
		expect(a1.shared).toBeGreaterThan(20);
		expect(a2.shared).toBeGreaterThan(a1.shared);
		expect(Math.abs(a2.once - a1.once) / a1.once).toBeLessThan(0.02);
	});

	it('is small', () => {
		expect(statSync(join(DIR, 'syria-admin1.json')).size).toBeLessThan(100_000);
		expect(statSync(join(DIR, 'syria-admin2.json')).size).toBeLessThan(300_000);
	});
});

describe('admin1/<ISO3>.json (Natural Earth)', () => {
	const index = JSON.parse(readFileSync(join(DIR, 'admin1', 'index.json'), 'utf8')) as WorldAdmin1Index;
	const files = readdirSync(join(DIR, 'admin1')).filter((n) => n !== 'index.json');

	it('lists exactly the files there are, and no Syria (OCHA is the source for Syria)', () => {
		expect(index.countries.map((c) => `${c.iso3}.json`).sort()).toEqual(files.sort());
		expect(files).not.toContain('SYR.json');
		expect(index.countries.length).toBeGreaterThan(200);
		for (const iso3 of ['YEM', 'IRQ', 'AFG', 'SOM', 'SSD', 'PSE', 'XKX', 'LBN', 'TUR']) expect(files).toContain(`${iso3}.json`);
	});

	it('has unique unit ids, names, the file country, valid polygons, and sizes within budget', () => {
		const ids = new Set<string>();
		let units = 0;
		let arabic = 0;
		for (const entry of index.countries) {
			const name = `admin1/${entry.iso3}.json`;
			const fc = read<WorldAdmin1Properties>(name);
			expect(fc.features, name).toHaveLength(entry.units);
			expect(statSync(join(DIR, name)).size).toBe(entry.bytes);
			expect(entry.bytes, name).toBeLessThanOrEqual(130_000);
			for (const f of fc.features) {
				const p = f.properties;
				expect(Object.keys(p).sort()).toEqual(['alt', 'id', 'iso3', 'iso_3166_2', 'name', 'name_ar', 'region']);
				expect(p.iso3).toBe(entry.iso3);
				expect(p.name).not.toBe('');
				expect(ids.has(p.id), p.id).toBe(false);
				ids.add(p.id);
				if (ARABIC.test(p.name_ar)) arabic++;
				expect(geometryProblems(f, [-180, -90, 180, 90]), p.id).toEqual([]);
			}
			units += entry.units;
		}
		expect(units).toBeGreaterThan(4500);
		expect(arabic / units).toBeGreaterThan(0.99);
	});

	it('keeps the units sources name in conflict countries (Yemen 21, Iraq 18 with Arabic names)', () => {
		const yem = read<WorldAdmin1Properties>('admin1/YEM.json');
		const irq = read<WorldAdmin1Properties>('admin1/IRQ.json');
		expect(yem.features).toHaveLength(21);
		expect(irq.features).toHaveLength(18);
		expect(irq.features.find((f) => f.properties.iso_3166_2 === 'IQ-NI')?.properties.name_ar).toMatch(ARABIC);
	});
});

describe('static/boundaries/README.md', () => {
	it('carries the OCHA attribution, the UN disclaimer and the Natural Earth note', () => {
		const text = readFileSync(join(DIR, 'README.md'), 'utf8').replace(/\s*\n>?\s*/g, ' ');
		expect(text).toContain('OCHA / UN Cartographic Section');
		expect(text).toContain('CC BY-IGO 3.0');
		expect(text).toContain(UN_DISCLAIMER);
		expect(text).toMatch(/Natural Earth is in the public domain/);
	});
});

describe('npm run data:boundaries', () => {
	const tmp = mkdtempSync(join(tmpdir(), 'rasd-boundaries-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	it('skips with a message and writes nothing when the shared folder is absent', async () => {
		const log: string[] = [];
		const report = await buildBoundaries({ shared: join(tmp, 'absent'), out: join(tmp, 'out-absent'), log: (l) => log.push(l) });
		expect(report.skipped).toMatch(/absent/);
		expect(log.join('\n')).toMatch(/data:boundaries skipped/);
		expect(existsSync(join(tmp, 'out-absent'))).toBe(false);
	});

	const present = existsSync(DEFAULT_SHARED);
	if (!present) console.warn(`boundary rebuild check skipped: ${DEFAULT_SHARED} is absent`);
	it.skipIf(!present)('rebuilds the committed files byte for byte from the shared originals', async () => {
		const out = join(tmp, 'out');
		const report = await buildBoundaries({ out, log: () => {} });
		for (const name of Object.keys(report.files)) {
			expect(readFileSync(join(out, name)).equals(readFileSync(join(DIR, name))), name).toBe(true);
		}
		expect(Object.keys(report.files).length).toBe(2 + 1 + readdirSync(join(DIR, 'admin1')).length - 1);
	});
});
