// A bounded cache for the pure lookups a mapper repeats on every row (a country, province or district spelling,
// a date): a 200,000-row export has a few hundred distinct values, so each is resolved once. Results are frozen,
// as every caller shares them. When the cache is full it is emptied (cheap, and keeps memory bounded on a file
// of all-distinct values).
export function memoByKey<A extends unknown[], R extends object>(fn: (...args: A) => R, key: (...args: A) => string, limit = 10_000): (...args: A) => R {
	const cache = new Map<string, R>();
	return (...args: A): R => {
		const k = key(...args);
		let hit = cache.get(k);
		if (hit === undefined) {
			if (cache.size >= limit) cache.clear();
			hit = Object.freeze(fn(...args));
			cache.set(k, hit);
		}
		return hit;
	};
}

/**
 * Joins string-or-null arguments into a key: each is prefixed by its length (or '-' for null), so no two argument
 * lists give the same key whatever characters they hold.
 */
export function argsKey(...args: (string | null | undefined)[]): string {
	let key = '';
	for (const a of args) key += a == null ? '-|' : `${a.length}|${a}`;
	return key;
}
