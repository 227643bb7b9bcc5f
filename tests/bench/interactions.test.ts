// The benchmark's interaction script against the app it drives: every step's control is a data-testid the
// components render, every select picks one of its control's choices, every list option is the English label of a
// value its filter accepts, the newer panels (map, change panel, further dimensions) are in the script, and the
// export steps come last. A renamed control or an option the app no longer offers fails here, not minutes into a run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_PREP, SCRIPT } from '../../bench/lib/interactions';
import { CHANGE_MEASURES, CHANGE_TERMS, CHANGE_UNITS } from '../../src/lib/query/change-levels';
import { CATEGORY_DIMENSION } from '../../src/lib/query/columns';
import { DIMENSIONS } from '../../src/lib/query/dimensions';
import { COLOUR_BY, GRAINS, MAP_MODES, MEASURES, STACKS } from '../../src/lib/query/filters';
import { OPTION_DIMS } from '../../src/lib/query/sql';
import { ENGLISH } from '../../src/lib/i18n/locale';

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
	);
}

/** Every test id the components write: literal ids, and ids with a `{...}` part as patterns. */
const TESTIDS: RegExp[] = svelteFiles('src').flatMap((file) =>
	[...readFileSync(file, 'utf8').matchAll(/\btestid=(?:"([^"]+)"|\{`([^`]+)`\})/g)].map((m) => {
		const id = m[1] ?? m[2];
		const parts = id.split(/\$?\{[^}]*\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
		return new RegExp(`^${parts.join('[a-z0-9-]+')}$`);
	})
);

/** The select controls of the script and the choices each offers. */
const SELECT_CHOICES: Record<string, readonly string[]> = {
	'control-grain': GRAINS,
	'control-stack': STACKS,
	'control-measure': MEASURES,
	'map-mode': MAP_MODES,
	'map-colour': COLOUR_BY,
	'change-unit': CHANGE_UNITS,
	'change-term': CHANGE_TERMS,
	'change-measure': CHANGE_MEASURES
};

/** The English label of each option a list step picks, from the value its filter takes. */
const LIST_VALUES: Record<string, (label: string) => boolean> = {
	'filter-province': (l) => ['SY02', 'SY07', 'SY09', 'SY05'].some((p) => ENGLISH.value('province', p) === l),
	'filter-target': (l) => DIMENSIONS.targets.canonical(l) === l,
	'filter-attack': (l) => DIMENSIONS.attacks.canonical(l) === l,
	'filter-event': (l) => DIMENSIONS.events.canonical(l) === l && ENGLISH.value('event', l) === l,
	'filter-actor': (l) => ENGLISH.value('actor', 'islamic-state') === l,
	'filter-country': (l) => ENGLISH.value('country', 'SYR') === l,
	// Picked while Hama (SY05) is selected, when the list holds that governorate's districts only.
	'filter-district': (l) => ENGLISH.value('district', 'SY0503') === l && DIMENSIONS.districts.canonical('SY0503') === 'SY0503'
};

const ALL = [...SCRIPT, ...EXPORT_PREP];

describe('the interaction script', () => {
	it('drives only controls the components render', () => {
		for (const step of ALL) expect(TESTIDS.some((re) => re.test(step.control)), `${step.name}: ${step.control}`).toBe(true);
		// The further dimensions' lists are named by their URL key (FilterPanel's `filter-${url}`).
		const lists = new Set(OPTION_DIMS.map((d) => `filter-${DIMENSIONS[CATEGORY_DIMENSION[d]].url}`));
		for (const step of ALL.filter((s) => s.kind === 'dimension')) expect(lists.has(step.control), step.control).toBe(true);
	});

	it('picks choices the controls offer', () => {
		for (const step of ALL) {
			if (step.control in SELECT_CHOICES) expect(SELECT_CHOICES[step.control], step.name).toContain(step.choice);
			else if (step.control in LIST_VALUES) expect(LIST_VALUES[step.control](step.choice ?? ''), `${step.name}`).toBe(true);
			else expect(step.choice, step.name).toBeUndefined();
		}
	});

	it('measures the map, the change panel and the further dimensions', () => {
		const used = (control: string) => SCRIPT.filter((s) => s.control === control).map((s) => s.choice);
		expect(used('map-mode')).toContain('district');
		expect(used('map-colour')).toContain('change');
		for (const control of ['change-unit', 'change-term', 'change-measure']) expect(used(control).length, control).toBeGreaterThan(0);
		for (const control of ['filter-event', 'filter-country', 'filter-district', 'filter-actor']) {
			expect(used(control).length, control).toBeGreaterThan(0);
		}
		// A select step that picked the control's default would not change the view (and be reported as no-change).
		const defaults: Record<string, string> = { 'map-mode': 'governorate', 'map-colour': 'count', 'change-unit': 'governorate', 'change-term': 'short', 'change-measure': 'incidents' };
		for (const [control, value] of Object.entries(defaults)) expect(used(control)[0], control).not.toBe(value);
	});

	it('ends with the export steps, and names every step once', () => {
		expect(EXPORT_PREP.map((s) => s.kind)).toEqual(['clear', 'date']);
		expect(SCRIPT.some((s) => EXPORT_PREP.includes(s))).toBe(false);
		const names = ALL.map((s) => s.name);
		expect(new Set(names).size).toBe(names.length);
	});
});
