// Date-range presets. They are anchored on the latest incident date in the data (or today when that is not known
// yet) so that "last 30 days" of a dataset that ends last year still shows something; the resolved dates are
// what goes into the URL, so a shared link never drifts.
import { format, parseISO, startOfYear, subDays } from 'date-fns';

export const DATE_PRESETS = ['30d', '90d', '365d', 'ytd', 'all'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export function presetRange(preset: DatePreset, anchor: string): { from: string | null; to: string | null } {
	if (preset === 'all') return { from: null, to: null };
	const end = parseISO(anchor);
	if (preset === 'ytd') return { from: iso(startOfYear(end)), to: anchor };
	const days = preset === '30d' ? 30 : preset === '90d' ? 90 : 365;
	// Inclusive on both ends: the last 30 days are the anchor day and the 29 before it.
	return { from: iso(subDays(end, days - 1)), to: anchor };
}

/** Which preset, if any, a range is (to highlight the active preset button). */
export function matchPreset(from: string | null, to: string | null, anchor: string): DatePreset | null {
	for (const p of DATE_PRESETS) {
		const r = presetRange(p, anchor);
		if (r.from === from && r.to === to) return p;
	}
	return null;
}
