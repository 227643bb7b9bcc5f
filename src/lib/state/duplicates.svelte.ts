// Probable duplicates across sources, as the page shows them (issue 13 part 4): how many records in view are probable
// duplicates (the count channel's `duplicates`, so the default view's figure is precomputed), and the review list of
// groups with their records side by side, read page by page through the query layer (duplicateGroupsQuery). The
// dialog (src/lib/components/DuplicatesPanel.svelte) only lays out what this module shapes.
import { duplicateGroupsQuery, DUPLICATE_PAGE_GROUPS } from '../query/duplicates';
import type { BoundQuery, QueryResult } from '../query/engine';
import type { Filters } from '../query/filters';
import type { Locale } from '../i18n/locale';
import { figureText, placeText, sourceName, whatAgainst, whenText, type IncidentRow } from './incident-record';

/** The number of probable duplicates in view from the count channel's answer, or null while unknown. */
export function duplicatesInView(count: QueryResult | null | undefined): number | null {
	const n = count?.columns.duplicates?.[0];
	return typeof n === 'number' ? n : null;
}

export interface DuplicateRecord {
	id: string;
	/** Counted when each probable event is counted once. */
	keep: boolean;
	source: string;
	when: string;
	place: string;
	what: string;
	perpetrator: string;
	killed: string;
	summary: string;
}

export interface DuplicateGroup {
	id: number;
	/** Best pair score of the group, 0..1. */
	score: number;
	records: DuplicateRecord[];
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const num = (v: string | number | null | undefined) => (typeof v === 'number' ? v : null);

/** The review query's rows as groups of records, each field written in the page's language. */
export function duplicateGroups(result: QueryResult | null, l: Locale): DuplicateGroup[] {
	if (!result) return [];
	const out: DuplicateGroup[] = [];
	for (let k = 0; k < result.rowCount; k++) {
		const row: IncidentRow = Object.fromEntries(result.names.map((n) => [n, result.columns[n]?.[k] ?? null]));
		const id = Number(row.group_id);
		let group = out[out.length - 1];
		if (!group || group.id !== id) out.push((group = { id, score: 0, records: [] }));
		group.score = Math.max(group.score, num(row.dup_score) ?? 0);
		group.records.push({
			id: text(row.incident_id),
			keep: row.dup_keep === 1,
			source: sourceName(text(row.source_dataset), l),
			when: whenText(row, l),
			place: placeText(row, l),
			what: whatAgainst(row, l),
			perpetrator: [text(row.perpetrator), text(row.target_actor)].filter(Boolean).join(' / '),
			killed: figureText(num(row.killed), null, null, l),
			summary: text(row.summary)
		});
	}
	return out;
}

/** The review list: groups loaded so far for one set of filters, and whether more may follow. */
export class DuplicateReview {
	groups: QueryResult[] = $state.raw([]);
	loading = $state(false);
	error: string | null = $state(null);
	more = $state(false);
	private key = '';

	constructor(private readonly run: (q: BoundQuery) => Promise<QueryResult | null>) {}

	/** The first page for these filters (again when they changed), or the next page. */
	async load(f: Filters, next = false): Promise<void> {
		const key = JSON.stringify({ ...f, dedupe: false });
		if (!next && key === this.key && this.groups.length) return;
		if (!next || key !== this.key) this.groups = [];
		this.key = key;
		this.loading = true;
		this.error = null;
		const pages = this.groups.length;
		try {
			const r = await this.run(duplicateGroupsQuery(f, DUPLICATE_PAGE_GROUPS, pages * DUPLICATE_PAGE_GROUPS));
			if (this.key !== key) return;
			if (!r) throw new Error('engine not ready');
			this.groups = [...this.groups, r];
			this.more = new Set(r.columns.group_id ?? []).size === DUPLICATE_PAGE_GROUPS;
		} catch (e) {
			if (this.key === key) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (this.key === key) this.loading = false;
		}
	}
}
