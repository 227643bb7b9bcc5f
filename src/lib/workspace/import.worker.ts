// The import worker: reads and maps a file (or adds saved drafts) off the page's main thread, so the page stays
// responsive while a 200,000-row export loads. Messages: src/lib/workspace/worker-client.ts.
import { addLocalRows, importLocalFile } from './local-import';
import type { WorkerRequest, WorkerReply } from './worker-client';

// The dataset's bytes are moved, not copied, to the page (the Blob holds its own copy).
const reply = (m: WorkerReply) => (self as unknown as Worker).postMessage(m, 'result' in m ? [m.result.bytes.buffer] : []);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	const m = e.data;
	try {
		const existing = m.existing ? await m.existing.text() : '';
		if (m.kind === 'import') {
			const r = await importLocalFile(m.file, existing, { onProgress: (read, total, counts) => reply({ kind: 'progress', read, total, rows: counts.read }) });
			reply({ kind: 'imported', result: r });
		} else {
			const r = await addLocalRows(existing, m.rows);
			reply({ kind: 'added', result: r });
		}
	} catch (err) {
		reply({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
