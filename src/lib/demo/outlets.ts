// Invented news outlets for the demo's source_name, so that the list and the record show what real data shows (who
// reported each incident) while nobody could mistake them for real ones: every name says it is a demo. Any
// resemblance to a real outlet's name is avoided on purpose (no real agency, channel or observatory names).
import type { Rng } from './prng';

export const DEMO_OUTLETS: readonly string[] = [
	'Euphrates Demo Herald',
	'Orontes Demo Wire',
	'Levant Sample Ledger',
	'Jazira Demo Dispatch',
	'Badia Demo Bulletin',
	'Khabur Sample Courier',
	'نشرة الفرات التجريبية',
	'مرصد البادية التجريبي',
	'وكالة العاصي التجريبية'
];

/** One outlet for a row, drawn last from the row's own stream so that no other value of the row changes. */
export function demoOutlet(r: Rng): string {
	return DEMO_OUTLETS[Math.floor(r.next() * DEMO_OUTLETS.length)];
}
