import { ENGLISH } from '../i18n/locale';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VIEW, copyView } from '../query/filters';
import { ViewStateStore, shareLists } from './view-state.svelte';

function fakeUrl(initial = '') {
	const history: string[] = [initial];
	return {
		history,
		access: {
			read: () => history[history.length - 1],
			push: (search: string) => void history.push(search)
		}
	};
}

describe('ViewStateStore', () => {
	it('reads the URL on load without recording history, with notices for ignored parameters', () => {
		const url = fakeUrl('?province=SY11,SY99&grain=week&bogus=1');
		const store = new ViewStateStore(url.access);
		store.load();
		expect(store.value.provinces).toEqual(['SY11']);
		expect(store.value.grain).toBe('week');
		expect(store.notices.length).toBeGreaterThanOrEqual(2);
		// Notices are message keys; written as the page writes them in English.
		const text = store.notices.map((m) => ENGLISH.message(m)).join(' ');
		expect(text).toMatch(/SY99/);
		expect(text).toMatch(/bogus/);
		expect(url.history).toHaveLength(1);
	});

	it('pushes one history entry per change and none when nothing changes', () => {
		const url = fakeUrl('');
		const store = new ViewStateStore(url.access);
		store.load();
		store.set({ provinces: ['SY11'] });
		store.set({ provinces: ['SY11'] });
		store.set({ grain: 'week' });
		expect(url.history).toHaveLength(3);
		expect(url.history[1]).toMatch(/province=SY11/);
		expect(url.history[2]).toMatch(/grain=week/);
		expect(store.search).toBe(url.history[2]);
	});

	it('sends the table back to page 1 on a filter or sort change, not on a page change', () => {
		const url = fakeUrl('?page=4');
		const store = new ViewStateStore(url.access);
		store.load();
		expect(store.value.page).toBe(4);
		store.set({ grain: 'year' });
		expect(store.value.page).toBe(4);
		store.set({ targets: ['Military'] });
		expect(store.value.page).toBe(1);
		store.set({ page: 3 });
		store.set({ sort: 'killed' });
		expect(store.value.page).toBe(1);
	});

	it('toggles list values, removes them, and clears all filters in one step', () => {
		const url = fakeUrl('');
		const store = new ViewStateStore(url.access);
		store.load();
		store.toggle('provinces', 'SY09');
		store.toggle('provinces', 'SY11');
		store.toggle('provinces', 'SY09');
		expect(store.value.provinces).toEqual(['SY11']);
		store.set({ q: 'checkpoint', minCasualties: 3, grain: 'week' });
		store.clearAll();
		expect({ ...store.value, grain: DEFAULT_VIEW.grain }).toEqual(DEFAULT_VIEW);
		expect(store.value.grain).toBe('week');
		expect(url.history[url.history.length - 1]).toBe('?grain=week');
	});

	it('back/forward: load() follows the URL it is given', () => {
		const url = fakeUrl('');
		const store = new ViewStateStore(url.access);
		store.load();
		store.set({ from: '2023-01-01' });
		store.set({ to: '2023-12-31' });
		url.history.pop();
		store.load();
		expect(store.value.from).toBe('2023-01-01');
		expect(store.value.to).toBe(null);
	});

	it('opens an incident as its own history entry and closes it by going back; a linked record closes in place', () => {
		const history: string[] = ['?province=SY11'];
		let backs = 0;
		const access = {
			read: () => history[history.length - 1],
			push: (search: string) => void history.push(search),
			replace: (search: string) => void (history[history.length - 1] = search),
			back: () => {
				backs++;
				history.pop();
			}
		};
		const store = new ViewStateStore(access);
		store.load();
		store.openIncident('synthetic:7');
		expect(history).toEqual(['?province=SY11', '?province=SY11&incident=synthetic%3A7']);
		expect(store.value.page).toBe(1);
		store.closeIncident();
		expect([backs, store.value.incident, history]).toEqual([1, null, ['?province=SY11']]);

		// Opened from a link: closing rewrites the entry rather than leaving the page.
		history.splice(0, history.length, '?incident=synthetic%3A9');
		store.load();
		expect(store.value.incident).toBe('synthetic:9');
		store.closeIncident();
		expect([backs, store.value.incident, history]).toEqual([1, null, ['']]);
	});
});

describe('ViewStateStore keeps unchanged lists', () => {
	it('hands out the same array for a list a change did not touch, and a new one for the list it changed', () => {
		const url = fakeUrl('?province=SY11&target=Military');
		const store = new ViewStateStore(url.access);
		store.load();
		const before = store.value;
		store.set({ grain: 'week' });
		expect(store.value).not.toBe(before);
		expect(store.value.provinces).toBe(before.provinces);
		expect(store.value.targets).toBe(before.targets);
		store.toggle('provinces', 'SY02');
		expect(store.value.provinces).not.toBe(before.provinces);
		expect(store.value.provinces).toEqual(['SY11', 'SY02']);
		expect(store.value.targets).toBe(before.targets);
		// Back to the same values (Back, or a toggle undone) keeps the lists equal, whatever their identity.
		store.toggle('provinces', 'SY02');
		expect(store.value.provinces).toEqual(before.provinces);
	});

	it('shares nothing that differs: the shared view equals the unshared one over random changes', () => {
		const keys = ['provinces', 'targets', 'attacks'] as const;
		const values = ['a', 'b', 'c'];
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.subarray(values)), { maxLength: 12 }), (patches) => {
				let prev = copyView(DEFAULT_VIEW);
				for (const [k, list] of patches) {
					const next = copyView({ ...prev, [k]: list });
					const expected = copyView(next);
					const shared = shareLists(prev, next);
					expect(shared).toEqual(expected);
					for (const key of keys) if (shared[key] !== prev[key]) expect(shared[key]).not.toEqual(prev[key]);
					prev = shared;
				}
			})
		);
	});
});
