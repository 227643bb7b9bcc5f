// The one view state of the page. Its value is $state; reading and writing the URL is injected, so this module
// never imports SvelteKit (the page wires it to shallow-routing pushState and popstate) and is testable in Node.
import { DIMENSION_KEYS, type DimensionKey } from '../query/dimensions';
import { DEFAULT_VIEW, EMPTY_FILTERS, FILTER_KEYS, copyView, type ViewState } from '../query/filters';
import { parseViewState, serialiseViewState, type UrlMessage } from '../url/view-url';
export { filtersOf } from '../query/filters';

export interface UrlAccess {
	/** The current query string, e.g. `?from=2023-01-01` or ''. */
	read(): string;
	/** Records a new history entry whose query string is `search` ('' = the default view). */
	push(search: string): void;
	/** Rewrites the current history entry (no new entry). */
	replace?(search: string): void;
	/** Goes back one history entry (the browser then reports it, and the page calls load()). */
	back?(): void;
}

export interface ViewCodec {
	parse(search: string): { state: ViewState; notices: UrlMessage[] };
	serialise(state: ViewState): string;
}

const defaultCodec: ViewCodec = { parse: parseViewState, serialise: serialiseViewState };

/**
 * `next` with each list filter that holds the same values as in `prev` replaced by prev's array: a component that
 * reads one list (a chart's highlighted bars) sees no change when another filter changes, and draws nothing again.
 */
export function shareLists(prev: ViewState, next: ViewState): ViewState {
	for (const k of DIMENSION_KEYS) {
		const a = prev[k];
		const b = next[k];
		if (a !== b && a.length === b.length && a.every((x, i) => x === b[i])) next[k] = a;
	}
	return next;
}

/** Any list filter (a dimension of src/lib/query/dimensions.ts). */
export type ListFilterKey = DimensionKey;

export class ViewStateStore {
	/** Replaced as a whole on every change ($state.raw): views compare keys, never deep-watch. */
	value: ViewState = $state.raw(copyView(DEFAULT_VIEW));
	/** Notices about URL parameters that were ignored (untranslated: the page writes them in its language). */
	notices: UrlMessage[] = $state.raw([]);

	constructor(
		private readonly url: UrlAccess,
		private readonly codec: ViewCodec = defaultCodec
	) {}

	/** The query string of the current state ('' for the default view). */
	get search(): string {
		return this.codec.serialise(this.value);
	}

	/** The open incident's history entry was pushed by openIncident (so closing can go back to the view). */
	private overlayPushed = false;

	/** Reads the state from the URL: on first load and on back/forward. Never records history. */
	load(): void {
		const { state, notices } = this.codec.parse(this.url.read());
		this.value = shareLists(this.value, copyView(state));
		this.notices = notices;
		if (state.incident === null) this.overlayPushed = false;
	}

	/** Opens an incident's record over the view, as a history entry of its own: Back closes it. */
	openIncident(id: string): void {
		if (this.value.incident === id) return;
		const wasOpen = this.value.incident !== null;
		this.set({ incident: id });
		this.overlayPushed = !wasOpen || this.overlayPushed;
	}

	/**
	 * Closes the record and returns to the view: back to the entry before it when this page opened it (so Back and
	 * Forward stay meaningful), else (a link that opened on the record) the same entry without it.
	 */
	closeIncident(): void {
		if (this.value.incident === null) return;
		// The value changes at once (the dialog must not reopen while the browser goes back).
		const next = copyView({ ...this.value, incident: null });
		this.value = next;
		if (this.overlayPushed && this.url.back) {
			this.overlayPushed = false;
			this.url.back();
			return;
		}
		const search = this.codec.serialise(next);
		if (this.url.replace) this.url.replace(search);
		else this.url.push(search);
	}

	/**
	 * Applies a change and records one history entry. A change to any filter (or to the sort) returns the table to
	 * page 1 unless the patch sets the page itself. A change that leaves the URL as it is records nothing.
	 */
	set(patch: Partial<ViewState>): void {
		const next = copyView({ ...this.value, ...patch });
		const resets = FILTER_KEYS.some((k) => k in patch) || 'sort' in patch || 'sortDir' in patch;
		if (resets && !('page' in patch)) next.page = 1;
		const search = this.codec.serialise(next);
		if (search === this.search) return;
		this.value = shareLists(this.value, next);
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
