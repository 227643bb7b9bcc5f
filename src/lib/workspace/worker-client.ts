// The page's side of the import worker (import.worker.ts): one request at a time, progress through a callback.
import type { Incident } from '../data/schema';
import type { LocalDataset, LocalImportResult } from './local-import';

export type WorkerRequest = { kind: 'import'; file: File; existing: Blob | null } | { kind: 'add'; rows: Incident[]; existing: Blob | null };
export type WorkerReply =
	| { kind: 'progress'; read: number; total: number; rows: number }
	| { kind: 'imported'; result: LocalImportResult }
	| { kind: 'added'; result: LocalDataset & { added: number; duplicates: number } }
	| { kind: 'error'; message: string };

export interface Progress {
	read: number;
	total: number;
	rows: number;
}

/** Runs one request in a fresh worker (ended afterwards, so a big file's memory goes with it). */
export async function askWorker(request: WorkerRequest, onProgress: (p: Progress) => void = () => undefined): Promise<WorkerReply> {
	const { default: ImportWorker } = await import('./import.worker?worker');
	const worker: Worker = new ImportWorker();
	try {
		return await new Promise<WorkerReply>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<WorkerReply>) => {
				if (e.data.kind === 'progress') onProgress(e.data);
				else {
					// The worker's steps, as measures on the page's timeline (the large-file test and the benchmark read them).
					if (e.data.kind === 'imported') for (const [step, ms] of Object.entries(e.data.result.timings)) performance.measure(`rasd-worker:${step}`, { start: performance.now() - ms, duration: ms });
					resolve(e.data);
				}
			};
			worker.onerror = (e) => {
				e.preventDefault();
				reject(new Error(e.message || 'the import worker failed'));
			};
			worker.postMessage(request);
		});
	} finally {
		worker.terminate();
	}
}
