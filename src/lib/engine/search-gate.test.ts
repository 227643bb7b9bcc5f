import { describe, expect, it } from 'vitest';
import { SearchIndexGate } from './search-gate';

const SEARCH = 'SELECT count(*) FROM rasd.incidents AS i WHERE i.row_key IN (SELECT unnest(list(s.row_key)) FROM rasd.search_postings AS s)';
const PLAIN = 'SELECT count(*) FROM rasd.incidents';

describe('SearchIndexGate', () => {
	it('lets every statement through when nothing is deferred', () => {
		const gate = new SearchIndexGate();
		expect(gate.waitFor(SEARCH)).toBeNull();
		expect(gate.waitFor(PLAIN)).toBeNull();
	});

	it('holds statements that read the postings until the deferred build has run, once', async () => {
		const gate = new SearchIndexGate();
		let builds = 0;
		let finish!: () => void;
		gate.defer(() => new Promise<void>((r) => ((builds++), (finish = r))));
		expect(gate.waitFor(PLAIN)).toBeNull();
		const wait = gate.waitFor(SEARCH);
		expect(wait).not.toBeNull();
		let released = false;
		void wait!.then(() => (released = true));
		const first = gate.buildNow();
		const second = gate.buildNow();
		await Promise.resolve();
		expect(released).toBe(false);
		finish();
		await Promise.all([first, second]);
		expect(released).toBe(true);
		expect(builds).toBe(1);
		expect(gate.waitFor(SEARCH)).toBeNull();
	});

	it('a failed build fails the waiting statements and later searches, not other statements', async () => {
		const gate = new SearchIndexGate();
		gate.defer(() => Promise.reject(new Error('out of memory')));
		const wait = gate.waitFor(SEARCH)!;
		await expect(gate.buildNow()).rejects.toThrow('out of memory');
		await expect(wait).rejects.toThrow('out of memory');
		await expect(gate.waitFor(SEARCH)!).rejects.toThrow('out of memory');
		expect(gate.waitFor(PLAIN)).toBeNull();
	});

	it('drop() lets a build in progress finish, then fails what still waited on the old data', async () => {
		const gate = new SearchIndexGate();
		const order: string[] = [];
		let finish!: () => void;
		gate.defer(() => new Promise<void>((r) => (finish = r)).then(() => void order.push('built')));
		const building = gate.buildNow();
		const dropped = gate.drop(new Error('the data changed')).then(() => order.push('dropped'));
		await Promise.resolve();
		expect(order).toEqual([]);
		finish();
		await Promise.all([building, dropped]);
		expect(order).toEqual(['built', 'dropped']);
		expect(gate.waitFor(SEARCH)).toBeNull();

		gate.defer(() => Promise.resolve());
		const stale = gate.waitFor(SEARCH)!;
		await gate.drop(new Error('the data changed'));
		await expect(stale).rejects.toThrow('the data changed');
		expect(gate.waitFor(SEARCH)).toBeNull();
	});
});
