import { describe, expect, it } from 'vitest';
import {
	countryExtentKm,
	countryInterval,
	neAltNames,
	neCountryIso3,
	neUnitProperties,
	ochaAdmin2Properties
} from '../../scripts/lib/boundary-layers';

describe('boundary layer properties', () => {
	it('keeps p-code, parent p-code and both names of an OCHA district', () => {
		expect(
			ochaAdmin2Properties({ ADM2_PCODE: 'SY0204', ADM1_PCODE: 'SY02', ADM2_EN: "A'zaz", ADM2_AR: 'اعزاز', Shape_Area: 0.1 })
		).toEqual({ pcode: 'SY0204', parent_pcode: 'SY02', name_en: "A'zaz", name_ar: 'اعزاز' });
	});

	it('turns Natural Earth country codes into ISO 3166-1 alpha-3, or drops them', () => {
		expect(neCountryIso3('YEM')).toBe('YEM');
		expect(neCountryIso3('SDS')).toBe('SSD');
		expect(neCountryIso3('KOS')).toBe('XKX');
		expect(neCountryIso3('SOL')).toBe('SOM');
		expect(neCountryIso3('PGA')).toBeNull();
		expect(neCountryIso3('-99')).toBeNull();
	});

	it('ships a unit with its id, ISO codes, names and other names; never Syria, never a nameless unit', () => {
		const p = {
			adm1_code: 'YEM-1503', iso_3166_2: 'YE-SA', adm0_a3: 'YEM', name: "Amanat Al Asimah", name_en: 'Sanaa',
			name_ar: 'أمانة العاصمة', name_alt: "Sana'a|Amanat Al Asimah", name_local: '', fips: 'YM26'
		};
		expect(neUnitProperties(p)).toEqual({
			id: 'YEM-1503', iso_3166_2: 'YE-SA', iso3: 'YEM', name: 'Amanat Al Asimah', name_ar: 'أمانة العاصمة', alt: "Sana'a|Sanaa", region: ''
		});
		expect(neUnitProperties({ ...p, adm0_a3: 'SYR' })).toBeNull();
		expect(neUnitProperties({ ...p, name: '', name_en: '' })).toBeNull();
		expect(neAltNames({ name: 'A', name_alt: 'B| A |', name_en: 'B', name_local: 'C' })).toEqual(['B', 'C']);
	});
});

describe('simplification interval', () => {
	const square = (lon: number, lat: number, size: number) => ({
		type: 'Polygon',
		coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]
	});

	it('measures a country by its polygons, so one across the antimeridian is not the whole world wide', () => {
		const fiji = { type: 'MultiPolygon', coordinates: [square(179, -17, 1).coordinates, square(-180, -17, 0.5).coordinates] };
		expect(countryExtentKm([fiji])).toBeLessThan(150);
		expect(countryExtentKm([square(40, 0, 10)])).toBeCloseTo(1111.1, 0) // 10 degrees at 5 N;
	});

	it('is about 1/1000 of the extent, between 250 m and 5 km, in steps of 50 m', () => {
		expect(countryInterval(900)).toBe(900);
		expect(countryInterval(123)).toBe(250);
		expect(countryInterval(20_000)).toBe(5000);
		expect(countryInterval(1234) % 50).toBe(0);
	});
});
