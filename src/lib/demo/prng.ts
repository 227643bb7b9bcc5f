// Seeded pseudo-random numbers. Every demo row gets its own generator seeded from (seed, row index), so row i is a
// pure function of (seed, i): rows can be produced in any order or in parallel and stay byte-identical.

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function mix32(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}

/** Accepts a non-negative integer below 2^32; anything else is a usage error, not something to round quietly. */
export function checkSeed(seed: number): number {
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer in 0..4294967295, got ${seed}`);
	return seed;
}

/**
 * SFC32 (Chris Doty-Humphrey's small fast counting generator): 128-bit state, passes PractRand, only 32-bit integer
 * operations, so it is fast in V8 and gives the same sequence on every platform.
 */
export class Rng {
	private a = 0;
	private b = 0;
	private c = 0;
	private d = 1;

	constructor(seed = 0, stream = 0) {
		this.reseed(seed, stream);
	}

	/** Re-seeds in place (the generator reuses one Rng for all rows instead of allocating one per row). */
	reseed(seed: number, stream: number): this {
		const s = mix32(seed ^ 0x9e3779b9);
		const lo = stream >>> 0;
		const hi = Math.floor(stream / 0x100000000) >>> 0;
		this.a = mix32(s ^ mix32(lo + 0x6a09e667));
		this.b = mix32(this.a ^ mix32(hi + 0xbb67ae85));
		this.c = mix32(this.b ^ s ^ 0x3c6ef372);
		this.d = 1;
		// A few rounds decorrelate neighbouring streams (row i and row i + 1).
		for (let k = 0; k < 12; k++) this.u32();
		return this;
	}

	u32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.u32() / 4294967296;
	}

	/** Uniform integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}

	/** Standard normal (Box-Muller; one value per call keeps the draw count per row fixed). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}
}
