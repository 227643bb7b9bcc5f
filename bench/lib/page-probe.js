// Injected into the page before any of its scripts (playwright addInitScript), as plain JavaScript: it runs in
// the browser, not in Node. It observes the app from outside, through what the app already exposes:
// - data-state on [data-testid="app"] ("ready" when every view answered the current state) and data-painted on
//   the charts, recorded with performance.now() (milliseconds since navigation start);
// - the DuckDB-WASM worker protocol: Worker is wrapped so that every request the app posts ({messageId, type,
//   data}) and its reply ({requestId, type, data}) is timed, prepared SQL is remembered by statement id, and the
//   same prepared statements can be re-run later (replay) on the app's own worker with the same parameters;
// - URL.createObjectURL, which the app calls once the CSV export blob is complete;
// - input events after arm(): the last one before the view starts loading is the start of an interaction.
(() => {
	if (window.__rasdBench) return;
	const REPLAY_BASE = 1e9; // request ids the app never reaches
	const now = () => performance.now();
	const marks = { firstPaintedAt: null, firstPaintedId: null, firstReadyAt: null, workerAt: null };
	const states = [];
	const messages = [];
	const pending = new Map();
	const statements = new Map();
	const objectUrls = [];
	const replies = new Map();
	let worker = null;
	let armed = null;
	let replaySeq = 0;

	const onState = (el, t) => {
		const s = el.getAttribute('data-state');
		states.push([s, t]);
		if (s === 'ready' && marks.firstReadyAt === null) marks.firstReadyAt = t;
		const a = armed;
		if (!a || a.readyAt !== null) return;
		if (s !== 'ready' && a.loadingAt === null) a.loadingAt = t;
		if (s === 'ready' && a.loadingAt !== null) {
			a.readyAt = t;
			// The charts drew synchronously in the flush that set data-state; the next frame shows them.
			requestAnimationFrame(() => {
				a.frameAt = now();
				a.resolve();
			});
		}
	};
	const onPainted = (el, t) => {
		if (marks.firstPaintedAt === null && el.getAttribute('data-painted') === 'true') {
			marks.firstPaintedAt = t;
			marks.firstPaintedId = el.getAttribute('data-testid');
		}
	};
	const visit = (el, t) => {
		if (el.nodeType !== 1) return;
		if (el.hasAttribute('data-painted')) onPainted(el, t);
		if (el.getAttribute('data-testid') === 'app' && el.hasAttribute('data-state')) onState(el, t);
		for (const child of el.querySelectorAll('[data-painted], [data-testid="app"]')) {
			if (child.hasAttribute('data-painted')) onPainted(child, t);
			else onState(child, t);
		}
	};
	new MutationObserver((records) => {
		const t = now();
		for (const r of records) {
			if (r.type === 'attributes') {
				if (r.attributeName === 'data-painted') onPainted(r.target, t);
				else if (r.target.getAttribute('data-testid') === 'app') onState(r.target, t);
			} else for (const n of r.addedNodes) visit(n, t);
		}
	}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-painted'] });
	document.addEventListener('DOMContentLoaded', () => visit(document.documentElement, now()));

	for (const type of ['pointerdown', 'mousedown', 'keydown', 'click', 'input', 'change', 'submit']) {
		window.addEventListener(
			type,
			(e) => {
				// The interaction starts at the event that changed the view: the last one before data-state left
				// "ready" (a click's change, an Enter's submit), not the pointerdown that playwright sends one
				// protocol round trip earlier. The first event is kept too.
				if (armed && armed.clickAt === null && type === 'click') armed.clickAt = e.timeStamp;
				if (armed && armed.loadingAt === null) {
					if (armed.firstEventAt === null) {
						armed.firstEventAt = e.timeStamp;
						armed.firstEventType = type;
					}
					armed.eventAt = e.timeStamp;
					armed.eventType = type;
				}
			},
			{ capture: true }
		);
	}

	const createObjectURL = URL.createObjectURL.bind(URL);
	URL.createObjectURL = (obj) => {
		const at = now();
		objectUrls.push({ at, size: obj && typeof obj.size === 'number' ? obj.size : null, type: obj && obj.type ? obj.type : null });
		return createObjectURL(obj);
	};

	const NativeWorker = window.Worker;
	const probe = (w) => {
		worker = w;
		if (marks.workerAt === null) marks.workerAt = now();
		const post = w.postMessage.bind(w);
		w.postMessage = (msg, transfer) => {
			if (msg && typeof msg.messageId === 'number' && msg.messageId < REPLAY_BASE) {
				const d = Array.isArray(msg.data) ? msg.data : [];
				const entry = { id: msg.messageId, type: msg.type, sentAt: now(), repliedAt: null, reply: null, bytes: null, conn: null, stmt: null, sql: null, params: null };
				if (msg.type === 'CREATE_PREPARED' || msg.type === 'RUN_QUERY') {
					entry.conn = d[0];
					entry.sql = d[1];
				} else if (msg.type === 'RUN_PREPARED') {
					entry.conn = d[0];
					entry.stmt = d[1];
					entry.params = JSON.parse(JSON.stringify(d[2] ?? []));
					entry.sql = statements.get(d[0] + ':' + d[1]) ?? null;
				}
				messages.push(entry);
				pending.set(msg.messageId, entry);
			}
			return transfer === undefined ? post(msg) : post(msg, transfer);
		};
		// Registered before the app's AsyncDuckDB listens, so replies to replayed requests can be kept from it.
		w.addEventListener('message', (e) => {
			const r = e.data;
			if (!r || typeof r.requestId !== 'number') return;
			if (r.type === 'LOG' || r.type === 'PROGRESS_UPDATE' || r.type === 'INSTANTIATE_PROGRESS') return;
			if (r.requestId >= REPLAY_BASE) {
				e.stopImmediatePropagation();
				const done = replies.get(r.requestId);
				replies.delete(r.requestId);
				if (done) done(r, now());
				return;
			}
			const entry = pending.get(r.requestId);
			if (!entry) return;
			pending.delete(r.requestId);
			entry.repliedAt = now();
			entry.reply = r.type;
			if (r.data && typeof r.data.byteLength === 'number') entry.bytes = r.data.byteLength;
			if (r.type === 'PREPARED_STATEMENT_ID') statements.set(entry.conn + ':' + r.data, entry.sql);
		});
	};
	class ProbedWorker extends NativeWorker {
		constructor(...args) {
			super(...args);
			probe(this);
		}
	}
	window.Worker = ProbedWorker;

	window.__rasdBench = {
		marks,
		/** Starts an interaction: the next input event is its start, the next loading -> ready its end. */
		arm() {
			let resolve;
			const done = new Promise((ok) => (resolve = ok));
			armed = { armedAt: now(), clickAt: null, firstEventAt: null, firstEventType: null, eventAt: null, eventType: null, loadingAt: null, readyAt: null, frameAt: null, messageFrom: messages.length, objectUrlFrom: objectUrls.length, resolve, done };
			return true;
		},
		/** Waits for the armed interaction to settle; returns its timestamps, or why it did not settle: the view
		 *  never left "ready" within noChangeMs (the event changed nothing), or it did not come back in timeoutMs. */
		async settled(timeoutMs, noChangeMs) {
			const a = armed;
			if (!a) throw new Error('not armed');
			const timer = new Promise((ok) => setTimeout(() => ok('timeout'), timeoutMs));
			const unchanged = new Promise((ok) => setTimeout(() => a.loadingAt === null && ok('no-change'), noChangeMs));
			const outcome = await Promise.race([a.done.then(() => 'ok'), timer, unchanged]);
			const { resolve, done, ...times } = a;
			return { ...times, outcome, state: document.querySelector('[data-testid="app"]')?.getAttribute('data-state') ?? null };
		},
		/** Waits until the app hands a blob to URL.createObjectURL after arm() (the export's end); the export's
		 *  start is the first click after arm() (the download's own anchor click comes later). */
		async exported(timeoutMs) {
			const a = armed;
			if (!a) throw new Error('not armed');
			const deadline = now() + timeoutMs;
			while (objectUrls.length <= a.objectUrlFrom && now() < deadline) await new Promise((ok) => setTimeout(ok, 5));
			const { resolve, done, ...times } = a;
			return { ...times, blob: objectUrls[a.objectUrlFrom] ?? null };
		},
		messagesFrom(index) {
			return messages.slice(index);
		},
		messageCount() {
			return messages.length;
		},
		snapshot() {
			return { marks: { ...marks }, states: states.slice(), messages: messages.slice(), objectUrls: objectUrls.slice() };
		},
		/** Re-runs prepared statements on the app's worker, one at a time, `reps` times each (+1 untimed warm-up). */
		async replay(items, reps) {
			if (!worker) throw new Error('no DuckDB worker in this page');
			const once = (item) =>
				new Promise((ok) => {
					const id = REPLAY_BASE + replaySeq++;
					const t0 = now();
					replies.set(id, (r, t) => ok({ r, ms: t - t0 }));
					worker.postMessage({ messageId: id, type: 'RUN_PREPARED', data: [item.conn, item.stmt, item.params] });
				});
			const out = [];
			for (const item of items) {
				const times = [];
				let bytes = null;
				let error = null;
				for (let i = 0; i <= reps; i++) {
					const { r, ms } = await once(item);
					if (r.type === 'ERROR') {
						error = (r.data && r.data.message) || 'error';
						break;
					}
					bytes = r.data && typeof r.data.byteLength === 'number' ? r.data.byteLength : null;
					if (i > 0) times.push(ms);
				}
				out.push({ times, bytes, error });
			}
			return out;
		}
	};
})();
