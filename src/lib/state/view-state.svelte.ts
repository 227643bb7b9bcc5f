// The one view state of the page. Its value is $state; reading and writing the URL is injected, so this module
// never imports SvelteKit (the page wires it to shallow-routing pushState and popstate) and is testable in Node.
import { DEFAULT_VIEW, EMPTY_FILTERS, type Filters, type ViewState } from '../query/filters';
import { parseViewState, serialiseViewState } from '../url/view-url';
export { filtersOf } from './filters-of';

export interface UrlAccess {
	/** The current query string, e.g. `?from=2023-01-01` or ''. */
	read(): string;
	/** Records a new history entry whose query string is `search` ('' = the default view). */
	push(search: string): void;
}

export interface ViewCodec {
	parse(search: string): { state: ViewState; notices: string[] };
	serialise(state: ViewState): string;
}

const defaultCodec: ViewCodec = { parse: parseViewState, serialise: serialiseViewState };

/** Keys whose change narrows or widens the incident set (and so sends the table back to page 1). */
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof Filters)[];
const LIST_KEYS = ['provinces', 'targets', 'attacks', 'perpetrators', 'sources'] as const;
export type ListFilterKey = (typeof LIST_KEYS)[number];

/** True when any filter differs from "no filter". */
export function hasActiveFilters(v: Filters): boolean {
	return (
		v.from !== null ||
		v.to !== null ||
		LIST_KEYS.some((k) => v[k].length > 0) ||
		v.minCasualties !== null ||
		v.q.trim() !== ''
	);
}

function copy(v: ViewState): ViewState {
	return {
		...v,
		provinces: [...v.provinces],
		targets: [...v.targets],
		attacks: [...v.attacks],
		perpetrators: [...v.perpetrators],
		sources: [...v.sources]
	};
}

export class ViewStateStore {
	/** Replaced as a whole on every change ($state.raw): views compare keys, never deep-watch. */
	value: ViewState = $state.raw(copy(DEFAULT_VIEW));
	/** Human-readable notices about URL parameters that were ignored. */
	notices: string[] = $state.raw([]);

	constructor(
		private readonly url: UrlAccess,
		private readonly codec: ViewCodec = defaultCodec
	) {}

	/** The query string of the current state ('' for the default view). */
	get search(): string {
		return this.codec.serialise(this.value);
	}

	/** Reads the state from the URL: on first load and on back/forward. Never records history. */
	load(): void {
		const { state, notices } = this.codec.parse(this.url.read());
		this.value = copy(state);
		this.notices = notices;
	}

	/**
	 * Applies a change and records one history entry. A change to any filter (or to the sort) returns the table to
	 * page 1 unless the patch sets the page itself. A change that leaves the URL as it is records nothing.
	 */
	set(patch: Partial<ViewState>): void {
		const next = copy({ ...this.value, ...patch });
		const resets = FILTER_KEYS.some((k) => k in patch) || 'sort' in patch || 'sortDir' in patch;
		if (resets && !('page' in patch)) next.page = 1;
		const search = this.codec.serialise(next);
		if (search === this.search) return;
		this.value = next;
		this.url.push(search);
	}

	/** Adds a value to a list filter, or removes it when present (clicking a bar or tile twice undoes it). */
	toggle(key: ListFilterKey, value: string): void {
		const list = this.value[key];
		this.set({ [key]: list.includes(value) ? list.filter((x) => x !== value) : [...list, value] });
	}

	remove(key: ListFilterKey, value: string): void {
		this.set({ [key]: this.value[key].filter((x) => x !== value) });
	}

	clearAll(): void {
		this.set({ ...EMPTY_FILTERS });
	}

	dismissNotices(): void {
		this.notices = [];
	}
}
