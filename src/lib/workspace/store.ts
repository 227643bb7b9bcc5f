// The local dataset's home in this browser: one IndexedDB record holding the dataset's CSV as a Blob, its row count,
// fingerprint and the summaries of the files it came from. IndexedDB rather than OPFS: DuckDB-WASM's OPFS support
// has open bugs (files reopening empty, lock errors), and the page rebuilds its in-memory database from the CSV on
// load anyway. Nothing here leaves the browser.
import type { FileSummary } from '../import/run';

export interface StoredDataset {
	blob: Blob;
	rows: number;
	fingerprint: string;
	/** The imports that made it, newest last (summaries as the CLI prints them). */
	imports: FileSummary[];
	savedAt: string;
}

const DB = 'rasd-workspace';
const STORE = 'datasets';
const KEY = 'local';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
	});
}

async function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = run(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result as T);
			tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
			tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		});
	} finally {
		db.close();
	}
}

export const loadDataset = async (): Promise<StoredDataset | null> => (await request<StoredDataset | undefined>('readonly', (s) => s.get(KEY))) ?? null;
export const saveDataset = (d: StoredDataset): Promise<void> => request('readwrite', (s) => s.put(d, KEY));
export const deleteDataset = (): Promise<void> => request('readwrite', (s) => s.delete(KEY));
