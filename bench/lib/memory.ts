// Peak memory of the browser: every ~100 ms, the resident set (RSS, from /proc/<pid>/statm) of every Chromium
// process descended from this Node process, summed. The proportional set (PSS, /proc/<pid>/smaps_rollup) is read
// sparingly, because reading smaps_rollup walks the page tables of Chromium's huge address spaces (25 ms of kernel
// time per sweep of 10 processes at 200k rows, more with more memory; once a second it still cost 75 s of CPU over
// the 10M session): at phase marks, and otherwise at most every 2 s while RSS has grown 2% since the last reading
// (PSS peaks where RSS peaks), or every 15 s.
// RSS counts pages shared between Chromium's processes once per process (an overcount); PSS splits them, so the
// PSS sum is the honest footprint and the RSS sum the conservative one. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

interface ProcInfo {
	ppid: number;
	comm: string;
}

function readProc(pid: number): ProcInfo | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// comm is in parentheses and may contain spaces; the fields after the last ')' are fixed.
		const close = stat.lastIndexOf(')');
		const comm = stat.slice(stat.indexOf('(') + 1, close);
		const ppid = Number(stat.slice(close + 2).split(' ')[1]);
		return { ppid, comm };
	} catch {
		return null; // the process ended between listing and reading
	}
}

/** Pids of every process descended from `root` (not root itself). */
export function descendants(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const info = readProc(Number(name));
		if (!info) continue;
		const list = children.get(info.ppid) ?? [];
		list.push(Number(name));
		children.set(info.ppid, list);
	}
	const out: number[] = [];
	const queue = [...(children.get(root) ?? [])];
	while (queue.length) {
		const pid = queue.shift()!;
		out.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return out;
}

function rssBytes(pid: number): number {
	try {
		return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
	} catch {
		return 0;
	}
}

function pssBytes(pid: number): number {
	try {
		const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export interface MemoryPeak {
	rssMB: number;
	pssMB: number;
	processes: number;
}

export interface MemoryReport {
	/** Peak of the summed RSS over the whole session. */
	peakRssMB: number;
	peakPssMB: number;
	samples: number;
	/** Peaks per phase (load, interactions, export, ...), in the order the phases were marked. */
	phases: Record<string, MemoryPeak>;
	/** CPU time the sampling itself took (user + system), to show it did not disturb the measurement. */
	samplerCpuMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export class MemorySampler {
	private timer: ReturnType<typeof setInterval> | null = null;
	private peakRss = 0;
	private peakPss = 0;
	private samples = 0;
	private phase = 'start';
	private readonly phases: Record<string, MemoryPeak> = {};
	private pids: number[] = [];
	private lastScan = 0;
	private lastPss = 0;
	private rssAtPss = 0;
	private pss = 0;
	private cpuMicros = 0;

	constructor(
		private readonly root: number = process.pid,
		private readonly match: (comm: string) => boolean = (comm) => /chrom/i.test(comm),
		private readonly intervalMs = 100,
		private readonly pssMinIntervalMs = 2_000,
		private readonly pssMaxIntervalMs = 15_000
	) {}

	start(): void {
		this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
	}

	/** Starts a new phase; later samples count towards it. */
	mark(phase: string): void {
		this.sample(true);
		this.phase = phase;
	}

	sample(forcePss = false): void {
		const cpu = process.cpuUsage();
		const now = Date.now();
		// The process tree changes rarely (a renderer per page): rescan it every 500 ms, not every sample.
		if (now - this.lastScan > 500) {
			this.pids = descendants(this.root).filter((pid) => {
				const info = readProc(pid);
				return info !== null && this.match(info.comm);
			});
			this.lastScan = now;
		}
		let rss = 0;
		for (const pid of this.pids) rss += rssBytes(pid);
		const since = now - this.lastPss;
		if (forcePss || since >= this.pssMaxIntervalMs || (since >= this.pssMinIntervalMs && rss >= this.rssAtPss * 1.02)) {
			this.pss = 0;
			for (const pid of this.pids) this.pss += pssBytes(pid);
			this.lastPss = now;
			this.rssAtPss = rss;
		}
		const pss = this.pss;
		this.samples++;
		this.peakRss = Math.max(this.peakRss, rss);
		this.peakPss = Math.max(this.peakPss, pss);
		const p = (this.phases[this.phase] ??= { rssMB: 0, pssMB: 0, processes: 0 });
		p.rssMB = Math.max(p.rssMB, mb(rss));
		p.pssMB = Math.max(p.pssMB, mb(pss));
		p.processes = Math.max(p.processes, this.pids.length);
		const used = process.cpuUsage(cpu);
		this.cpuMicros += used.user + used.system;
	}

	stop(): MemoryReport {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		return {
			peakRssMB: mb(this.peakRss),
			peakPssMB: mb(this.peakPss),
			samples: this.samples,
			phases: { ...this.phases },
			samplerCpuMs: Math.round(this.cpuMicros / 1000)
		};
	}
}
