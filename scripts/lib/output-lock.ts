// One import at a time per output. Two runs on one Parquet file would each read its ids, each write the old rows
// plus their own, and the last rename would win: rows doubled or lost. So a run holds `<out>.lock` from before it
// reads the output's ids until after its rename.
//
// The lock file is created with O_EXCL (atomic on local disks and on NFS v3+/SMB), holds the owner's pid, host and
// start time, and is touched every few seconds while held. It is stale, and may be broken, when its owner is a
// process of this host that no longer runs, or when it has not been touched for `staleMs` (an owner on another
// machine of a shared folder that crashed). It is released on every exit path: the run's own `finally`, and
// `exit` and signal handlers for a run that is killed or crashes.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export interface LockOptions {
	/** How long to wait for another run to finish before refusing (0: refuse at once). */
	waitMs?: number;
	/** A lock not touched for this long is stale (its owner crashed on another machine). */
	staleMs?: number;
	/** Called once when the run starts waiting, with who holds the lock. */
	onWait?: (holder: string) => void;
}

export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
const DEFAULT_STALE_MS = 2 * 60_000;
const TOUCH_MS = 5_000;
const POLL_MS = 200;

/** The lock is held by another run for longer than the caller would wait. */
export class LockBusy extends Error {}

interface Owner {
	pid: number;
	host: string;
	started: string;
	token: string;
}

export interface HeldLock {
	readonly path: string;
	release(): void;
}

export const lockPath = (out: string) => `${resolve(out)}.lock`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readOwner(path: string): Owner | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Owner;
	} catch {
		// Gone, or being written right now (an empty file for a moment): treat as held and look again.
		return null;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but belongs to someone else.
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function describe(owner: Owner | null): string {
	return owner ? `process ${owner.pid} on ${owner.host}, since ${owner.started}` : 'another run';
}

/** Why the lock at `path` is stale, or null while its owner may still be working. */
function staleness(path: string, owner: Owner | null, staleMs: number): string | null {
	let age: number;
	try {
		age = Date.now() - statSync(path).mtimeMs;
	} catch {
		return null;
	}
	if (owner && owner.host === hostname() && !alive(owner.pid)) return `its process ${owner.pid} is no longer running`;
	if (age > staleMs) return `it has not been touched for ${Math.round(age / 1000)} s`;
	return null;
}

/** Breaks a stale lock without breaking a fresh one another run may have just taken in its place. */
function breakStale(path: string, seen: Owner | null): void {
	const aside = `${path}.stale-${process.pid}-${Date.now()}`;
	try {
		renameSync(path, aside);
	} catch {
		return;
	}
	const moved = readOwner(aside);
	if (seen && moved && moved.token !== seen.token) {
		// Another run broke the stale lock and took a new one between our read and our rename: put it back.
		try {
			renameSync(aside, path);
		} catch {
			rmSync(aside, { force: true });
		}
		return;
	}
	rmSync(aside, { force: true });
}

const held = new Set<() => void>();
let handlersInstalled = false;

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', () => {
		for (const release of [...held]) release();
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			for (const release of [...held]) release();
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		});
	}
}

/** Takes the lock of `out`, waiting up to `waitMs` for another run; throws LockBusy when it cannot. */
export async function acquireOutputLock(out: string, options: LockOptions = {}): Promise<HeldLock> {
	const path = lockPath(out);
	const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
	const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
	const deadline = Date.now() + waitMs;
	const owner: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: `${process.pid}-${Math.random().toString(36).slice(2)}` };
	let told = false;
	for (;;) {
		let fd: number | null = null;
		try {
			fd = openSync(path, 'wx');
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		}
		if (fd !== null) {
			writeSync(fd, JSON.stringify(owner));
			closeSync(fd);
			return hold(path, owner);
		}
		const current = readOwner(path);
		if (staleness(path, current, staleMs) !== null) {
			breakStale(path, current);
			continue;
		}
		if (Date.now() >= deadline) {
			throw new LockBusy(
				`${out} is being written by another import (${describe(current)}; lock file ${path}). ` +
					'Wait for it to finish and run again, or pass --lock-wait SECONDS to wait longer'
			);
		}
		if (!told) {
			options.onWait?.(describe(current));
			told = true;
		}
		await sleep(POLL_MS);
	}
}

function hold(path: string, owner: Owner): HeldLock {
	installExitHandlers();
	// Touching the file tells runs on other machines that the owner is still at work.
	const timer = setInterval(() => {
		try {
			const now = new Date();
			utimesSync(path, now, now);
		} catch {
			// The lock was broken as stale or removed by hand; the rename still checks ownership below.
		}
	}, TOUCH_MS);
	timer.unref();
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		clearInterval(timer);
		held.delete(release);
		// Only our own lock is removed: never one another run took after ours was broken as stale.
		if (readOwner(path)?.token === owner.token) rmSync(path, { force: true });
	};
	held.add(release);
	return { path, release };
}
