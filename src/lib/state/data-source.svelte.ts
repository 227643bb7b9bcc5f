// Which data the dashboard reads (the URL's `data` and `local`), applied to the page's engine: the published
// artifact as it starts, or the local dataset (alone or with the published rows) built into the engine's in-memory
// database by the artifact build's statements. A link made on local data that this browser does not hold shows no
// figures: the dashboard is left without an engine and the page says why.
import type { DataChoice } from '../data/display';
import type { PageEngine } from '../engine/wasm-engine';
import type { StoredDataset } from '../workspace/store';
import type { DataSelection } from '../query/filters';
import type { Dashboard } from './dashboard.svelte';
import { Workspace } from './workspace.svelte';

export type DataState = 'published' | 'building' | 'local' | 'absent' | 'error';

interface Wanted {
	choice: DataChoice;
	fingerprint: string | null;
	dataset: StoredDataset | null;
	loaded: boolean;
}

export class DataSource {
	state: DataState = $state('published');
	error: string | null = $state(null);
	/** The fingerprint a link asked for that this browser does not hold. */
	missing: string | null = $state(null);
	/** The local data's search index is still being built (searches wait for it). */
	searchPreparing = $state(false);

	private engine: PageEngine | null = null;
	private wanted: Wanted | null = null;
	/** What the engine's `rasd` holds (null: nothing attached to the dashboard yet). */
	private applied: string | null = null;
	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly dash: Dashboard) {}

	/** The engine has started (with the published artifact as `rasd`). */
	started(engine: PageEngine): void {
		this.engine = engine;
		this.applied = null;
		this.sync();
	}

	want(w: Wanted): void {
		this.wanted = w;
		this.sync();
	}

	private sync(): void {
		const engine = this.engine;
		const w = this.wanted;
		if (!engine || !w) return;
		if (w.choice !== 'published') {
			if (!w.loaded) return;
			if (!w.dataset || (w.fingerprint !== null && w.fingerprint !== w.dataset.fingerprint)) {
				this.missing = w.fingerprint ?? '';
				if (this.state !== 'absent') this.dash.reset();
				this.state = 'absent';
				this.applied = 'absent';
				return;
			}
		}
		this.missing = null;
		const key = w.choice === 'published' ? 'published' : `${w.choice}:${w.dataset!.fingerprint}`;
		if (key === this.applied) return;
		const first = this.applied === null;
		this.applied = key;
		const dataset = w.dataset;
		this.queue = this.queue.then(() => this.apply(engine, key, w.choice, dataset, first));
	}

	private async apply(engine: PageEngine, key: string, choice: DataChoice, dataset: StoredDataset | null, first: boolean): Promise<void> {
		if (this.applied !== key) return;
		if (choice === 'published' && first) {
			// The engine started on the published artifact: nothing to switch.
			this.state = 'published';
			await this.dash.attach(engine);
			return;
		}
		this.dash.reset();
		this.searchPreparing = false;
		this.state = choice === 'published' ? 'published' : 'building';
		this.error = null;
		try {
			await engine.setData(choice, dataset && { blob: dataset.blob, fingerprint: dataset.fingerprint });
		} catch (e) {
			if (this.applied !== key) return;
			this.state = 'error';
			this.error = e instanceof Error ? e.message : String(e);
			this.dash.fail(e);
			return;
		}
		if (this.applied !== key) return;
		this.state = choice === 'published' ? 'published' : 'local';
		await this.dash.attach(engine);
		if (choice !== 'published') void this.completeSearchIndex(engine, key);
	}

	/**
	 * Builds the local data's search index once the dashboard's first statements have answered (or a search is
	 * asked): it would otherwise hold them back by about two seconds at 200,000 rows; searches wait for it meanwhile.
	 * Outside the queue, so that a change of data is applied at once (its build waits for this one to end).
	 */
	private async completeSearchIndex(engine: PageEngine, key: string): Promise<void> {
		this.searchPreparing = true;
		try {
			await this.dash.settledOrSearching();
			if (this.applied !== key) return;
			await engine.completeSearchIndex().catch(() => undefined); // a failure is reported by the searches that wait
		} finally {
			if (this.applied === key) this.searchPreparing = false;
		}
	}
}

/**
 * The page's "Your data" wiring in one place: the local dataset (Workspace, read from IndexedDB as soon as the page
 * runs in a browser) and the data source that applies the URL's `data` / `local` to the engine. A changed local
 * dataset changes its fingerprint, so the URL follows it (an import also switches a published view to local data).
 */
export class LocalWorkspace {
	readonly source: DataSource;
	readonly ws: Workspace;

	constructor(
		dash: Dashboard,
		private readonly store: { value: DataSelection; set(patch: Partial<DataSelection>): void }
	) {
		this.source = new DataSource(dash);
		this.ws = new Workspace((d, imported) =>
			store.set(d ? { data: imported && store.value.data === 'published' ? 'local' : store.value.data, local: d.fingerprint } : { data: 'published', local: null })
		);
		if (typeof indexedDB !== 'undefined') void this.ws.load();
	}

	/** The view's data selection, once the page has read its URL. */
	want(v: DataSelection): void {
		this.source.want({ choice: v.data, fingerprint: v.local, dataset: this.ws.dataset, loaded: this.ws.loaded });
	}

	choose(choice: DataChoice): void {
		this.store.set({ data: choice, local: choice === 'published' ? null : (this.ws.dataset?.fingerprint ?? null) });
	}
}
