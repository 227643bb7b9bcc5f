// The fixed interaction script: what an analyst does in a session, through the page's own controls (the
// data-testid hooks), in a fixed order so every run and every size does the same thing. Each step is prepared
// (a list opened, text typed: nothing that changes the view) and then acted (the one event that changes it);
// the benchmark times from that event to the page being ready again.
import type { Locator, Page } from 'playwright-core';

export type StepKind =
	| 'province'
	| 'date'
	| 'target'
	| 'attack'
	| 'grain'
	| 'stack'
	| 'measure'
	| 'search'
	| 'page'
	| 'sort'
	| 'casualties'
	| 'clear';

export interface ScriptContext {
	/** The `from` date that leaves about 100,000 incidents for the CSV export (null: export everything). */
	exportFrom: string | null;
	/** First incident date, used when exportFrom is null so the last step still changes the view. */
	dateMin: string;
}

export interface Step {
	name: string;
	kind: StepKind;
	/** Gets the control ready without changing the view; returns a reason when the step cannot run on this data. */
	prepare?(page: Page, ctx: ScriptContext): Promise<string | null>;
	act(page: Page, ctx: ScriptContext): Promise<void>;
}

async function openList(page: Page, testid: string): Promise<Locator> {
	const list = page.getByTestId(testid);
	if (!(await list.evaluate((el) => (el as HTMLDetailsElement).open))) await list.locator('summary').click();
	return list;
}

async function presentOption(page: Page, testid: string, label: string): Promise<string | null> {
	const list = await openList(page, testid);
	return (await list.getByLabel(label, { exact: true }).count()) === 1 ? null : `no "${label}" in ${testid}`;
}

const toggle = (testid: string, label: string, kind: StepKind, on: boolean): Step => ({
	name: `${on ? '+' : '-'} ${label}`,
	kind,
	prepare: (page) => presentOption(page, testid, label),
	act: async (page) => {
		await page.getByTestId(testid).getByLabel(label, { exact: true }).click();
	}
});

const dateInput = (which: 'from' | 'to', value: (ctx: ScriptContext) => string, name?: string): Step => ({
	name: name ?? `${which} = ${value({ exportFrom: null, dateMin: '' })}`,
	kind: 'date',
	act: async (page, ctx) => {
		await page.getByTestId(`filter-${which}`).fill(value(ctx));
	}
});

const select = (testid: string, value: string, kind: StepKind): Step => ({
	name: `${kind} = ${value}`,
	kind,
	act: async (page) => {
		await page.getByTestId(testid).selectOption(value);
	}
});

const button = (testid: string, name: string, kind: StepKind): Step => ({
	name,
	kind,
	prepare: async (page) => {
		const b = page.getByTestId(testid);
		if ((await b.count()) === 0) return `no ${testid}`;
		return (await b.isEnabled()) ? null : `${testid} is disabled`;
	},
	act: async (page) => {
		await page.getByTestId(testid).click();
	}
});

/** Text typed first (no view change), committed with Enter (the measured event). */
const typed = (testid: string, text: string, name: string, kind: StepKind): Step => ({
	name,
	kind,
	prepare: async (page) => {
		await page.getByTestId(testid).fill(text);
		return null;
	},
	act: async (page) => {
		await page.getByTestId(testid).press('Enter');
	}
});

/** 33 steps: provinces, dates, paging, target and attack types, grain, stack, measure, search, sort, clear. */
export const SCRIPT: readonly Step[] = [
	toggle('filter-province', 'Aleppo', 'province', true),
	toggle('filter-province', 'Idleb', 'province', true),
	toggle('filter-province', 'Deir-ez-Zor', 'province', true),
	toggle('filter-province', 'Aleppo', 'province', false),
	dateInput('from', () => '2019-01-01'),
	dateInput('to', () => '2020-12-31'),
	button('page-next', 'page 2', 'page'),
	button('page-next', 'page 3', 'page'),
	button('page-last', 'last page', 'page'),
	button('page-first', 'first page', 'page'),
	toggle('filter-target', 'Military', 'target', true),
	toggle('filter-target', 'Private Citizens & Property', 'target', true),
	select('control-grain', 'week', 'grain'),
	select('control-stack', 'target', 'stack'),
	typed('filter-q', 'explosion', 'search "explosion"', 'search'),
	button('page-next', 'page 2 of the search', 'page'),
	typed('filter-q', '', 'search cleared', 'search'),
	select('control-grain', 'day', 'grain'),
	select('control-measure', 'killed', 'measure'),
	toggle('filter-attack', 'Bombing/Explosion', 'attack', true),
	select('control-stack', 'province', 'stack'),
	toggle('filter-target', 'Military', 'target', false),
	toggle('filter-province', 'Idleb', 'province', false),
	button('sort-killed', 'sort by killed', 'sort'),
	typed('filter-min', '5', 'casualties >= 5', 'casualties'),
	button('preset-365d', 'last 365 days', 'date'),
	select('control-grain', 'quarter', 'grain'),
	typed('filter-q', 'انفجار', 'search "انفجار" (Arabic)', 'search'),
	select('control-measure', 'incidents', 'measure'),
	button('clear-all', 'clear all filters', 'clear'),
	toggle('filter-province', 'Hama', 'province', true),
	select('control-grain', 'year', 'grain'),
	button('page-next', 'page 2 of Hama', 'page')
];

/** Always run after the script (also when it is cut short): the view the CSV export is measured on. Timed too. */
export const EXPORT_PREP: readonly Step[] = [
	button('clear-all', 'clear all filters (before export)', 'clear'),
	dateInput('from', (ctx) => ctx.exportFrom ?? ctx.dateMin, 'from = date leaving ~100k rows (export)')
];
