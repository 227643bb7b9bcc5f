// Runs the report extractor over every fixture in tests/fixtures/reports and prints per-field accuracy, drafts
// found vs expected, and each disagreement. The fixtures were written before the extractor; this measures it, it
// does not test it (tests/report asserts the SY24 drafts and a few key fields).
//   npm run report:accuracy [-- --verbose] [-- --json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCORED_FIELDS, scoreFixture, type ExpectedDraft, type FixtureScore } from '../src/lib/report/accuracy';
import { extractIncidents } from '../src/lib/report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests/fixtures/reports');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

interface Fixture {
	id: string;
	/** `dev` (written before the extractor, then used to tune it) or `held-out` (written after it, never tuned on). */
	set?: string;
	text?: string;
	textFile?: string;
	publishedOn: string;
	outlet?: string;
	url?: string | null;
	expected: ExpectedDraft[];
}

const scores: (FixtureScore & { set: string })[] = [];
const skipped: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
	const fx = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
	let text = fx.text;
	if (fx.textFile) {
		const path = resolve(root, fx.textFile);
		if (!existsSync(path)) {
			skipped.push(`${fx.id}: ${fx.textFile} is absent`);
			continue;
		}
		text = readFileSync(path, 'utf8');
	}
	const drafts = extractIncidents(text ?? '', { publishedOn: fx.publishedOn, outlet: fx.outlet, url: fx.url ?? undefined });
	scores.push({ ...scoreFixture(fx.id, drafts, fx.expected), set: fx.set ?? 'dev' });
}

function summary(subset: typeof scores) {
	const pairs = subset.flatMap((x) => x.pairs);
	return {
		reports: subset.length,
		expected: subset.reduce((n, x) => n + x.expected, 0),
		found: subset.reduce((n, x) => n + x.found, 0),
		reportsWithRightCount: subset.filter((x) => x.found === x.expected).length,
		pairs: pairs.length,
		perField: Object.fromEntries(SCORED_FIELDS.map((f) => [f, pairs.filter((p) => p.fields[f]).length])) as Record<string, number>
	};
}

const sets = [
	['all fixtures', scores],
	['dev (written before the extractor, tuned on)', scores.filter((x) => x.set === 'dev')],
	// Measured once untuned (figures in src/lib/report/README.md); the extractor was fixed after that run.
	['held-out (written after the extractor; tuned on after its first run)', scores.filter((x) => x.set === 'held-out')]
] as const;

if (asJson) {
	console.log(JSON.stringify({ skipped, sets: Object.fromEntries(sets.map(([name, sub]) => [name, summary(sub)])) }));
} else {
	if (skipped.length) console.log(`skipped: ${skipped.join('; ')}`);
	for (const [name, sub] of sets) {
		const r = summary(sub);
		if (r.reports === 0) continue;
		console.log(`\n${name}: ${r.reports} reports; drafts found ${r.found}, expected ${r.expected}; right number of drafts in ${r.reportsWithRightCount}/${r.reports}`);
		for (const f of SCORED_FIELDS) {
			const n = r.perField[f];
			console.log(`  ${f.padEnd(13)} ${String(n).padStart(3)}/${r.pairs}  ${((100 * n) / r.pairs).toFixed(0).padStart(3)}%`);
		}
	}
	const misses = scores.flatMap((s) => s.pairs.flatMap((p, i) => SCORED_FIELDS.filter((f) => !p.fields[f]).map((f) => ({ id: `${s.id}#${i + 1}`, f, p }))));
	if (verbose || misses.length <= 60) {
		console.log('\ndisagreements (field: got | expected):');
		const key: Record<string, keyof ExpectedDraft | [keyof ExpectedDraft, keyof ExpectedDraft]> = {
			date: ['event_date', 'date_end'], precision: 'date_precision', weekday_flag: 'weekday_mismatch', governorate: 'admin1_pcode',
			district: 'admin2_pcode', location: 'location', killed: 'killed', injured: 'injured', perpetrator: 'perpetrator',
			actor_group: 'actor_group', attack_type: 'attack_type', target_type: 'target_type', event_type: 'event_type'
		};
		const show = (d: ExpectedDraft | undefined, k: (typeof key)[string]) =>
			!d ? '(no draft)' : Array.isArray(k) ? k.map((x) => JSON.stringify(d[x] ?? null)).join('..') : JSON.stringify(d[k] ?? null);
		for (const { id, f, p } of misses) console.log(`  ${id.padEnd(36)} ${f.padEnd(13)} ${show(p.got, key[f])} | ${show(p.want, key[f])}`);
	}
}
