// The page builds a local dataset's search index after its dashboard has been drawn (local-data.ts): the index is
// about two fifths of the build of a 200,000-row export. Until it is built, a statement that reads it (a `q`
// filter) waits here; every other statement goes ahead.
import { SEARCH_POSTINGS_TABLE } from '../data/artifact';

interface Waiting {
	ready: Promise<void>;
	resolve: () => void;
	reject: (e: unknown) => void;
	build: () => Promise<void>;
	running: Promise<void> | null;
}

export class SearchIndexGate {
	private waiting: Waiting | null = null;

	/** From now on, statements that read the index wait until `build` has run (buildNow starts it). */
	defer(build: () => Promise<void>): void {
		let resolve!: () => void;
		let reject!: (e: unknown) => void;
		const ready = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
		ready.catch(() => undefined); // reported to the statements that wait, not as an unhandled rejection
		this.waiting = { ready, resolve, reject, build, running: null };
	}

	/** What a statement must wait for before it runs; null when it may run now. The search conditions are the only
	 *  SQL that names the postings (search-index.ts). */
	waitFor(sql: string): Promise<void> | null {
		return this.waiting && sql.includes(SEARCH_POSTINGS_TABLE) ? this.waiting.ready : null;
	}

	/** Builds the deferred index (once); resolves when it is built. A failed build fails the statements that wait,
	 *  and every later search on this data. */
	buildNow(): Promise<void> {
		const w = this.waiting;
		if (!w) return Promise.resolve();
		w.running ??= w.build().then(
			() => {
				if (this.waiting === w) this.waiting = null;
				w.resolve();
			},
			(e: unknown) => {
				// Kept: later searches fail with this error too, not with a missing table.
				w.reject(e);
				throw e;
			}
		);
		return w.running;
	}

	/** The data is about to change: a build in progress is let finish (it shares the connection), and statements
	 *  still waiting fail with `reason` (their view is gone with the data). */
	async drop(reason: Error): Promise<void> {
		const w = this.waiting;
		if (!w) return;
		this.waiting = null;
		if (w.running) await w.running.catch(() => undefined);
		w.reject(reason);
	}
}
