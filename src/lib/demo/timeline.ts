// The demo's calendar: 2017-01 .. 2025-12 as month indexes, the long-run trend, seasonality and escalation periods.
// Escalations are named after real phases of the conflict so the demo charts look like the analysts' reality;
// the figures themselves are invented.
import type { ActorKey } from './actors';

export const DEMO_FIRST_YEAR = 2017;
export const DEMO_LAST_YEAR = 2025;
export const DEMO_MONTHS = (DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1) * 12;
export const DEMO_DATE_MIN = '2017-01-01';
export const DEMO_DATE_MAX = '2025-12-31';

/** 'YYYY-MM' -> month index (0 = 2017-01); throws on a month outside the demo range. */
export function monthIndex(ym: string): number {
	const m = /^(\d{4})-(\d{2})$/.exec(ym);
	if (!m) throw new Error(`bad month ${ym}`);
	const index = (Number(m[1]) - DEMO_FIRST_YEAR) * 12 + Number(m[2]) - 1;
	if (index < 0 || index >= DEMO_MONTHS) throw new Error(`month ${ym} outside the demo range`);
	return index;
}

export const yearOf = (m: number) => DEMO_FIRST_YEAR + Math.floor(m / 12);
export const monthOf = (m: number) => (m % 12) + 1;

/** Overall violence by year: the high-intensity war of 2017-2019, the frozen front lines after the 2020 ceasefire. */
const YEAR_FACTOR: Record<number, number> = {
	2017: 1.6, 2018: 1.45, 2019: 1.25, 2020: 1.0, 2021: 0.8, 2022: 0.75, 2023: 0.8, 2024: 0.85, 2025: 0.9
};

/** Mild fighting season: more incidents in late spring and summer, fewer in the winter rains. */
export function seasonFactor(month1to12: number): number {
	return 1 + 0.15 * Math.cos((2 * Math.PI * (month1to12 - 6)) / 12);
}

export function trendFactor(m: number): number {
	return YEAR_FACTOR[yearOf(m)] * seasonFactor(monthOf(m));
}

export interface Escalation {
	name: string;
	from: string;
	to: string;
	/** Multiplier of the governorate's incident rate during the period. */
	factor: Partial<Record<string, number>>;
	/** Multiplier of the named actors' presence in those governorates (who does the fighting). */
	boost: Partial<Record<ActorKey, number>>;
}

export const ESCALATIONS: readonly Escalation[] = [
	{ name: 'Palmyra fighting', from: '2017-01', to: '2017-03', factor: { SY04: 2 }, boost: { isis: 2, gov: 1.5, russia: 2 } },
	{ name: 'Battle of Raqqa', from: '2017-03', to: '2017-10', factor: { SY11: 3 }, boost: { isis: 1.5, sdf: 2, coalition: 3 } },
	{ name: 'Raqqa city, final months', from: '2017-06', to: '2017-10', factor: { SY11: 1.5 }, boost: {} },
	{ name: 'Deir-ez-Zor offensives', from: '2017-08', to: '2017-12', factor: { SY09: 3 }, boost: { isis: 1.5, gov: 1.5, russia: 2, sdf: 1.5 } },
	{ name: 'Afrin (Olive Branch)', from: '2018-01', to: '2018-03', factor: { SY02: 1.8 }, boost: { turkey: 5, sna: 3, sdf: 2 } },
	{ name: 'Eastern Ghouta', from: '2018-02', to: '2018-04', factor: { SY03: 3.5 }, boost: { gov: 2, russia: 2, opposition: 1.5 } },
	{ name: 'Southern offensive', from: '2018-06', to: '2018-07', factor: { SY12: 4, SY14: 3 }, boost: { gov: 2, russia: 2, opposition: 1.5 } },
	{ name: 'Hajin and Baghuz', from: '2018-09', to: '2019-03', factor: { SY09: 2 }, boost: { isis: 2, sdf: 2, coalition: 2 } },
	{ name: 'Idleb-Hama offensive', from: '2019-04', to: '2020-03', factor: { SY07: 2.5, SY05: 2.5 }, boost: { gov: 2, russia: 2 } },
	{ name: 'Turkish offensive in the north-east (Peace Spring)', from: '2019-10', to: '2019-11', factor: { SY08: 3.5, SY11: 3.5 }, boost: { turkey: 6, sna: 4, sdf: 1.5 } },
	{ name: 'Idleb winter offensive', from: '2019-12', to: '2020-02', factor: { SY07: 1.5, SY02: 1.8 }, boost: { gov: 1.5, russia: 1.5, turkey: 2 } },
	{ name: "Dar'a al-Balad siege", from: '2021-07', to: '2021-09', factor: { SY12: 2.5 }, boost: { gov: 2, opposition: 2 } },
	{ name: 'Deir-ez-Zor tribal clashes', from: '2023-08', to: '2023-09', factor: { SY09: 2 }, boost: { tribal: 6, sdf: 2 } },
	{ name: 'Offensive on Aleppo, Hama and Homs', from: '2024-11', to: '2024-12', factor: { SY02: 4, SY07: 3, SY05: 4, SY04: 3 }, boost: { hts: 3, opposition: 2, gov: 1.5, russia: 1.5 } },
	{ name: 'Fall of the government', from: '2024-12', to: '2024-12', factor: { SY01: 2, SY03: 2, SY12: 2, SY13: 1.5, SY14: 2 }, boost: { israel: 4, opposition: 2 } },
	{ name: 'Manbij and Tishreen dam fighting', from: '2024-12', to: '2025-02', factor: { SY02: 1.5 }, boost: { sna: 4, sdf: 3, turkey: 2 } },
	{ name: 'Coastal violence', from: '2025-03', to: '2025-03', factor: { SY06: 6, SY10: 6 }, boost: { remnants: 4, transitional: 4 } },
	{ name: 'As-Sweida clashes', from: '2025-07', to: '2025-07', factor: { SY13: 8 }, boost: { tribal: 4, local: 3, transitional: 3, israel: 3 } }
];
