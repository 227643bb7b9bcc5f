// Colour-blind-safe colours. Categorical: Okabe & Ito's eight (without black) followed by Paul Tol's "muted"
// scheme, so the first seven series are the most distinguishable under every common colour-vision deficiency.
// Sequential: Tol's YlOrBr, for the map (light = few, dark = many).
import { SYRIA_PCODES } from '../data/gazetteer';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;
export const TOL_MUTED = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'] as const;

/** 16 distinct colours for series; series beyond 16 repeat (the timeline merges them into "Other" first). */
export const CATEGORICAL: readonly string[] = [...OKABE_ITO, ...TOL_MUTED];

/** Tol YlOrBr, light to dark. */
export const SEQUENTIAL: readonly string[] = [
	'#FFFFE5', '#FFF7BC', '#FEE391', '#FEC44F', '#FB9A29', '#EC7014', '#CC4C02', '#993404', '#662506'
];

/** Neutral colours: "other" / unknown series, and bars that are not highlighted. */
export const OTHER_COLOUR = '#BBBBBB';
export const MUTED_COLOUR = '#DDDDDD';

export function categoricalColour(index: number): string {
	return CATEGORICAL[((index % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length];
}

/**
 * Colours for a list of series keys. Syria's governorates keep one colour each whatever the filter (their
 * p-code's place in the gazetteer), so a province does not change colour when another one is filtered out. Keys
 * listed in `neutral` (unknown, other) are grey; the remaining keys take, in order, the colours no present
 * governorate uses, then cycle.
 */
export function seriesColours(keys: readonly string[], neutral: readonly string[] = []): Map<string, string> {
	const out = new Map<string, string>();
	const taken = new Set<number>();
	for (const key of keys) {
		const i = SYRIA_PCODES.indexOf(key);
		if (i >= 0) {
			out.set(key, categoricalColour(i));
			taken.add(i % CATEGORICAL.length);
		}
	}
	const free = CATEGORICAL.map((_, i) => i).filter((i) => !taken.has(i));
	let next = 0;
	for (const key of keys) {
		if (out.has(key)) continue;
		if (neutral.includes(key)) out.set(key, OTHER_COLOUR);
		else out.set(key, categoricalColour(free.length > 0 ? free[next++ % free.length] : next++));
	}
	return out;
}
