// Sizes on the command line: `1048576`, `512K`, `1MB`, `2GiB` (K, M, G are powers of 1024; a trailing B or iB is
// optional). Returns null for anything else, so the CLI can say which option is wrong.
const UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

export function parseByteSize(text: string): number | null {
	const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
	if (!m) return null;
	const bytes = Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]);
	return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}
