// Small presentation helpers shared by the components (pure, tested in Node). Numbers, dates and names in the
// reader's language are the locale's (src/lib/i18n/locale.ts).

/** Change against the previous period as a signed percentage; null when there is nothing to compare with. */
export function percentChange(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return ((current - previous) / previous) * 100;
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
