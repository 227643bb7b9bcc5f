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
	| 'clear'
	| 'map'
	| 'change'
	| 'dimension';

export interface ScriptContext {
	/** The `from` date that leaves about 100,000 incidents for the CSV export (null: export everything). */
	exportFrom: string | null;
	/** First incident date, used when exportFrom is null so the last step still changes the view. */
	dateMin: string;
}

export interface Step {
	name: string;
	kind: StepKind;
	/** The data-testid of the control the step uses (checked against the app's components by the unit test). */
	control: string;
	/** What the step picks: a list's option label, or a select's value (none for buttons and typed text). */
	choice?: string;
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
	// The lists of the further dimensions are drawn only when the data holds values for them.
	if ((await page.getByTestId(testid).count()) === 0) return `no ${testid}`;
	const list = await openList(page, testid);
	return (await list.getByLabel(label, { exact: true }).count()) === 1 ? null : `no "${label}" in ${testid}`;
}

const toggle = (testid: string, label: string, kind: StepKind, on: boolean): Step => ({
	name: `${on ? '+' : '-'} ${label}`,
	kind,
	control: testid,
	choice: label,
	prepare: (page) => presentOption(page, testid, label),
	act: async (page) => {
		await page.getByTestId(testid).getByLabel(label, { exact: true }).click();
	}
});

const dateInput = (which: 'from' | 'to', value: (ctx: ScriptContext) => string, name?: string): Step => ({
	name: name ?? `${which} = ${value({ exportFrom: null, dateMin: '' })}`,
	kind: 'date',
	control: `filter-${which}`,
	act: async (page, ctx) => {
		await page.getByTestId(`filter-${which}`).fill(value(ctx));
	}
});

const select = (testid: string, value: string, kind: StepKind, name = `${kind} = ${value}`): Step => ({
	name,
	kind,
	control: testid,
	choice: value,
	act: async (page) => {
		await page.getByTestId(testid).selectOption(value);
	}
});

const button = (testid: string, name: string, kind: StepKind): Step => ({
	name,
	kind,
	control: testid,
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
	control: testid,
	prepare: async (page) => {
		await page.getByTestId(testid).fill(text);
		return null;
	},
	act: async (page) => {
		await page.getByTestId(testid).press('Enter');
	}
});

/**
 * 42 steps: provinces, dates, paging, target and attack types, grain, stack, measure, search, sort, clear; then the
 * newer panels, last so the steps before keep their earlier figures: the map by districts and coloured by change,
 * the change panel's unit, term and measure, and the event type, actor group, country and district filters.
 */
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
	button('page-next', 'page 2 of Hama', 'page'),
	select('map-mode', 'district', 'map', 'map by districts'),
	select('map-colour', 'change', 'map', 'map coloured by change'),
	select('change-unit', 'district', 'change', 'change by district'),
	select('change-term', 'long', 'change', 'change against 52 weeks'),
	select('change-measure', 'killed', 'change', 'change in killed'),
	toggle('filter-event', 'Explosions/Remote violence', 'dimension', true),
	toggle('filter-actor', 'Islamic State (ISIS)', 'dimension', true),
	toggle('filter-country', 'Syria', 'dimension', true),
	// Hama is selected, so the district list holds Hama's districts only.
	toggle('filter-district', 'As-Salamiyeh', 'dimension', true)
];

/** Always run after the script (also when it is cut short): the view the CSV export is measured on. Timed too. */
export const EXPORT_PREP: readonly Step[] = [
	button('clear-all', 'clear all filters (before export)', 'clear'),
	dateInput('from', (ctx) => ctx.exportFrom ?? ctx.dateMin, 'from = date leaving ~100k rows (export)')
];
