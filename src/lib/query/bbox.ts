// The area filter: a bounding box drawn on the map (URL key `bbox=minLon,minLat,maxLon,maxLat`). It selects the
// incidents whose own place lies inside the box: only those located precisely enough to be drawn as points
// (map-grid.ts PRECISE_SQL). An incident known only to its district or governorate carries the unit's centroid,
// not a place, so a box drawn over that centroid must not claim it; the map says how many such incidents there are.
import type { Params } from './params';
import { PRECISE_SQL, checkBbox, type Bbox } from './map-grid';

export type { Bbox } from './map-grid';

/** Decimals kept: 4 (about 11 m), so a box drawn with the mouse gives a short, stable URL. */
const DECIMALS = 4;
const NUMBER = /^-?\d{1,3}(\.\d{1,10})?$/;

const round = (n: number) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS || 0; // `|| 0`: no "-0" in URLs

/** A box as the filter keeps it: rounded, within the globe, min <= max on both axes (no antimeridian boxes). */
export function normaliseBbox(b: Bbox): Bbox | null {
	const r = { minLon: round(b.minLon), minLat: round(b.minLat), maxLon: round(b.maxLon), maxLat: round(b.maxLat) };
	try {
		checkBbox(r);
	} catch {
		return null;
	}
	return r.minLon <= r.maxLon ? r : null;
}

/** `minLon,minLat,maxLon,maxLat` -> a box, or null when it is not four plain decimal numbers forming a valid box. */
export function parseBbox(text: string): Bbox | null {
	const parts = text.split(',');
	if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p.trim()))) return null;
	const [minLon, minLat, maxLon, maxLat] = parts.map(Number);
	return normaliseBbox({ minLon, minLat, maxLon, maxLat });
}

export function formatBbox(b: Bbox): string {
	return [b.minLon, b.minLat, b.maxLon, b.maxLat].map(round).join(',');
}

/** A box is valid state when it is its own canonical form. */
export function isCanonicalBbox(b: Bbox | null): boolean {
	if (b === null) return true;
	const n = normaliseBbox(b);
	return n !== null && n.minLon === b.minLon && n.minLat === b.minLat && n.maxLon === b.maxLon && n.maxLat === b.maxLat;
}

/** The condition: precisely located, and longitude and latitude inside the box (bounds inclusive, bound params). */
export function bboxConditionSql(b: Bbox, p: Params): string {
	const num = (n: number) => `CAST(${p.bind(n)} AS DOUBLE)`;
	return (
		`${PRECISE_SQL} AND i.longitude BETWEEN ${num(b.minLon)} AND ${num(b.maxLon)} ` +
		`AND i.latitude BETWEEN ${num(b.minLat)} AND ${num(b.maxLat)}`
	);
}
