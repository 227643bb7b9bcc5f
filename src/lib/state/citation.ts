// "Cite this view": where a figure, an annex or a link came from, in the page's language. Pure: the view's filters
// in words, the link, when it was made, how many incidents, every source dataset in view with its required
// citation, and Rasd with its version. The same lines go into the dialog, the XLSX "about" sheet and (shortened)
// the footer line of a chart's PNG.
import { DIMENSIONS, DIMENSION_KEYS } from '../query/dimensions';
import type { Filters } from '../query/filters';
import type { Locale } from '../i18n/locale';
import { datasetCitation, sourceName } from './incident-record';

export { sourceName } from './incident-record';

/** The filters as a reader would say them: "Date range: from 1 Jan 2023, to 31 Dec 2023; Governorates: ...". */
export function filtersInWords(f: Filters, l: Locale): string {
	const groups: string[] = [];
	const sep = l.lang === 'ar' ? '، ' : ', ';
	const dates = [f.from && l.t('filters.chip.from', { value: l.date(f.from) }), f.to && l.t('filters.chip.to', { value: l.date(f.to) })].filter(Boolean);
	if (dates.length) groups.push(`${l.t('filters.dates')}: ${dates.join(sep)}`);
	for (const key of DIMENSION_KEYS) {
		const d = DIMENSIONS[key];
		if (f[key].length) groups.push(`${l.t(d.label)}: ${f[key].map((v) => l.value(d.chip, v)).join(sep)}`);
	}
	if (f.minCasualties !== null) groups.push(l.t('filters.chip.min', { value: f.minCasualties }));
	if (f.q) groups.push(l.t('filters.chip.q', { value: f.q }));
	if (f.dedupe) groups.push(l.t('filters.chip.dedupe'));
	return groups.length ? groups.join(l.lang === 'ar' ? '؛ ' : '; ') : l.t('cite.noFilters');
}

export interface CiteInput {
	/** The view's link (its query string is the view). */
	url: string;
	filters: Filters;
	/** When the citation was made, ISO 8601 (UTC). */
	madeAt: string;
	/** Incidents in view. */
	rows: number;
	/** Source datasets with at least one incident in view. */
	sources: readonly string[];
	version: string;
	/** sha256 of the data file the artifact was built from, when known. */
	sha256?: string | null;
}

/** The "Cite this view" block, one line per entry (dataset citations keep their required English wording). */
export function citeView(c: CiteInput, l: Locale): string[] {
	const made = c.madeAt.slice(0, 10);
	const lines = [
		l.t('cite.intro', { date: `${l.date(made)} (${c.madeAt.replace(/\.\d+Z$/, 'Z')})` }),
		l.t('cite.link', { url: c.url }),
		l.t('cite.filters', { filters: filtersInWords(c.filters, l) }),
		l.tn('cite.rows', c.rows),
		l.t('cite.sources'),
		...c.sources.map((s) => `- ${datasetCitation(s)}`),
		`- ${l.t('cite.rasd', { version: c.version })}`
	];
	if (c.sha256) lines.push(l.t('cite.sha', { sha: c.sha256 }));
	return lines;
}

/** A chart image's footer, two short lines: Rasd and its version, the sources in view and the date; then the view's
 *  link (kept on a line of its own so that a narrow chart does not cut it). */
export function chartFooter(c: Pick<CiteInput, 'url' | 'madeAt' | 'sources' | 'version'>, l: Locale): [string, string] {
	const sources = c.sources.map((s) => sourceName(s, l)).join(', ');
	return [l.t('cite.footer', { version: c.version, sources, date: c.madeAt.slice(0, 10) }), c.url];
}
