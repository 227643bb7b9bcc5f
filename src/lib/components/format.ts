// Small presentation helpers shared by the components (pure, tested in Node).
import { governorateByPcode } from '../data/gazetteer';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Exact integer with thousands separators ("12,345"); null (unknown) as an em dash. */
export function formatInt(n: number | null | undefined): string {
	return n === null || n === undefined || !Number.isFinite(n) ? '—' : integer.format(n);
}

/** Change against the previous period as a signed percentage; null when there is nothing to compare with. */
export function percentChange(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return ((current - previous) / previous) * 100;
}

export function formatChange(pct: number): string {
	const rounded = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
	return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded)}%`;
}

/** A link target only when it is an absolute http(s) URL: never javascript:, data: or relative paths. */
export function safeHttpUrl(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** Display name of a province key: the gazetteer's English name for a Syrian p-code, else the key itself. */
export function provinceLabel(key: string | null | undefined, unknown = '(unknown)'): string {
	if (!key) return unknown;
	return governorateByPcode(key)?.en ?? key;
}

/** "Town, Province, Country" from whatever parts are known. */
export function placeLabel(parts: (string | number | null | undefined)[]): string {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const p of parts) {
		if (p === null || p === undefined || p === '') continue;
		const s = String(p);
		if (seen.has(s)) continue;
		seen.add(s);
		out.push(s);
	}
	return out.join(', ');
}

/** Triggers a browser download of text or a data URL. */
export function download(fileName: string, content: Blob | string): void {
	const href = typeof content === 'string' ? content : URL.createObjectURL(content);
	const a = document.createElement('a');
	a.href = href;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
