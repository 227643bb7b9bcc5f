// The analyst's local dataset in this browser: loaded from IndexedDB when the page starts, grown by imports (run in
// the import worker) and by saved report drafts, deleted by its button. What the dashboard shows of it is
// data-source.svelte.ts's job.
import type { Incident } from '../data/schema';
import type { FileSummary } from '../import/run';
import { deleteDataset, loadDataset, saveDataset, type StoredDataset } from '../workspace/store';
import { keepFreshBytes } from '../workspace/fresh-bytes';
import { askWorker, type Progress } from '../workspace/worker-client';

export interface LastImport {
	summary: FileSummary;
	rejectsCsv: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Workspace {
	dataset: StoredDataset | null = $state.raw(null);
	/** IndexedDB has been read (until then a `data=local` link cannot be judged). */
	loaded = $state(false);
	/** The file being read, and how far. */
	busy: (Progress & { name: string }) | null = $state.raw(null);
	lastImport: LastImport | null = $state.raw(null);
	error: string | null = $state(null);

	/** Called after the dataset changed (imported, added to, deleted): the page keeps the URL's fingerprint in step. */
	constructor(private readonly changed: (d: StoredDataset | null, imported: boolean) => void = () => undefined) {}

	async load(): Promise<void> {
		try {
			this.dataset = await loadDataset();
		} catch (e) {
			this.error = message(e);
		} finally {
			this.loaded = true;
		}
	}

	async importFile(file: File): Promise<void> {
		this.error = null;
		this.busy = { name: file.name, read: 0, total: file.size, rows: 0 };
		try {
			const reply = await askWorker({ kind: 'import', file, existing: this.dataset?.blob ?? null }, (p) => (this.busy = { name: file.name, ...p }));
			if (reply.kind === 'error') throw new Error(reply.message);
			if (reply.kind !== 'imported') throw new Error('unexpected answer from the import worker');
			const { blob, bytes, rows, fingerprint, summary, rejectsCsv } = reply.result;
			keepFreshBytes(blob, bytes);
			await this.store({ blob, rows, fingerprint, imports: [...(this.dataset?.imports ?? []), summary], savedAt: new Date().toISOString() }, true);
			this.lastImport = { summary, rejectsCsv };
		} catch (e) {
			this.error = message(e);
		} finally {
			this.busy = null;
		}
	}

	/** Adds checked incidents (saved drafts); resolves to how many were new. */
	async addRows(rows: Incident[]): Promise<{ added: number; duplicates: number }> {
		const reply = await askWorker({ kind: 'add', rows, existing: this.dataset?.blob ?? null });
		if (reply.kind === 'error') throw new Error(reply.message);
		if (reply.kind !== 'added') throw new Error('unexpected answer from the import worker');
		const { blob, bytes, rows: n, fingerprint, added, duplicates } = reply.result;
		keepFreshBytes(blob, bytes);
		await this.store({ blob, rows: n, fingerprint, imports: this.dataset?.imports ?? [], savedAt: new Date().toISOString() }, false);
		return { added, duplicates };
	}

	async remove(): Promise<void> {
		await deleteDataset();
		this.dataset = null;
		this.lastImport = null;
		this.changed(null, false);
	}

	/** Shows the new dataset at once (the engine starts building it) while IndexedDB writes it. */
	private async store(d: StoredDataset, imported: boolean): Promise<void> {
		const saved = saveDataset(d);
		this.dataset = d;
		this.changed(d, imported);
		await saved;
	}
}
