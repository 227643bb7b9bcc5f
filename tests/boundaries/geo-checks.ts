// Geometry checks for the shipped boundary files, written independently of mapshaper: rings closed and long
// enough, coordinates finite and inside a box, rings without self-crossings, and a measure of border consistency.
type Position = [number, number];
type Ring = Position[];

export interface GeoFeature<P = Record<string, unknown>> {
	type: string;
	properties: P;
	geometry: { type: string; coordinates: unknown };
}

export function polygonsOf(geometry: GeoFeature['geometry']): Ring[][] {
	if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
	throw new Error(`geometry ${geometry.type} is not a polygon`);
}

/** Twice the signed area (shoelace), in square degrees. */
export function ringArea2(ring: Ring): number {
	let s = 0;
	for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return s;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
	const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
	const o1 = orient(a, b, c);
	const o2 = orient(a, b, d);
	const o3 = orient(c, d, a);
	const o4 = orient(c, d, b);
	// Proper crossings only: touching at a shared vertex is how simplified rings legitimately pinch.
	return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Number of pairs of non-adjacent edges of a ring that cross. */
export function selfCrossings(ring: Ring): number {
	let n = 0;
	const m = ring.length - 1;
	for (let i = 0; i < m; i++) {
		for (let j = i + 2; j < m; j++) {
			if (i === 0 && j === m - 1) continue;
			if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) n++;
		}
	}
	return n;
}

/** Problems of one feature's geometry ('' when none). */
export function geometryProblems(f: Pick<GeoFeature, 'geometry'>, box: [number, number, number, number]): string[] {
	const out: string[] = [];
	let polygons: Ring[][];
	try {
		polygons = polygonsOf(f.geometry);
	} catch (e) {
		return [(e as Error).message];
	}
	if (polygons.length === 0) out.push('no polygon');
	for (const rings of polygons) {
		rings.forEach((ring, r) => {
			if (ring.length < 4) out.push(`ring of ${ring.length} positions`);
			const [x0, y0] = ring[0];
			const [x1, y1] = ring[ring.length - 1];
			if (x0 !== x1 || y0 !== y1) out.push('ring not closed');
			for (const [x, y] of ring) {
				if (!Number.isFinite(x) || !Number.isFinite(y) || x < box[0] || y < box[1] || x > box[2] || y > box[3]) {
					out.push(`position ${x},${y} outside ${box.join(',')}`);
					break;
				}
			}
			if (r === 0 && ringArea2(ring) === 0) out.push('outer ring without area');
		});
	}
	return out;
}

const edgeKey = (a: Position, b: Position) => {
	const p = `${a[0]},${a[1]}`;
	const q = `${b[0]},${b[1]}`;
	return p < q ? `${p}|${q}` : `${q}|${p}`;
};

/**
 * Lengths (degrees) of the edges used by one feature only (outline, or a border drawn twice differently) and by
 * two (a shared border drawn once). In a layer whose shared borders are consistent, the once-used edges are the
 * layer's outer outline and nothing else.
 */
export function edgeUse(features: readonly Pick<GeoFeature, 'geometry'>[]): { once: number; shared: number } {
	const count = new Map<string, number>();
	const length = new Map<string, number>();
	for (const f of features) {
		for (const rings of polygonsOf(f.geometry)) {
			for (const ring of rings) {
				for (let i = 0; i < ring.length - 1; i++) {
					const k = edgeKey(ring[i], ring[i + 1]);
					count.set(k, (count.get(k) ?? 0) + 1);
					length.set(k, Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]));
				}
			}
		}
	}
	let once = 0;
	let shared = 0;
	for (const [k, n] of count) {
		if (n === 1) once += length.get(k)!;
		else shared += length.get(k)!;
	}
	return { once, shared };
}
