// Worker time of the page's channel statements per filter change, in native DuckDB (one thread), without a browser:
// the benchmark's script (bench/lib/interactions.ts) replayed as view states, each step asking the channels whose
// key changed, as the dashboard does (src/lib/state/dashboard.svelte.ts). Each statement is prepared and run once
// untimed, then timed `--reps` times (the least is kept). The time is the process's CPU time (user + system), not
// the wall clock: with one DuckDB thread it is the statement's work, and it stays steady on a machine loaded by
// other jobs (wall times there vary 2-5x). Prints the time per kind and per step; with --out, JSON.
//   npx tsx bench/statements.ts --artifact /tmp/a200k.duckdb [--reps 3] [--out file.json]
import { writeFileSync } from 'node:fs';
import { queryName } from '../src/lib/query/engine';
import { DEFAULT_VIEW, type ViewState } from '../src/lib/query/filters';
import { presetRange } from '../src/lib/state/date-presets';
import { CHANNELS, channelActive, channelKey, channelQuery } from '../src/lib/state/channels';
import { DuckDBInstance, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import { ARTIFACT_ALIAS } from '../src/lib/data/artifact';

const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const artifact = arg('artifact');
if (!artifact) throw new Error('--artifact <file.duckdb> is required');
const reps = Number(arg('reps') ?? 3);
const out = arg('out');

type Patch = (v: ViewState, dateMax: string) => Partial<ViewState>;
const add = (k: 'provinces' | 'targets' | 'attacks', x: string): Patch => (v) => ({ [k]: [...v[k], x] });
const drop = (k: 'provinces' | 'targets' | 'attacks', x: string): Patch => (v) => ({ [k]: v[k].filter((y) => y !== x) });
const clear: Patch = () => ({ ...DEFAULT_VIEW });

/** The script's steps as changes of the view state (pcodes: Aleppo SY02, Idleb SY07, Deir-ez-Zor SY09, Hama SY05). */
const SCRIPT: [string, Patch][] = [
	['+ Aleppo', add('provinces', 'SY02')],
	['+ Idleb', add('provinces', 'SY07')],
	['+ Deir-ez-Zor', add('provinces', 'SY09')],
	['- Aleppo', drop('provinces', 'SY02')],
	['from = 2019-01-01', () => ({ from: '2019-01-01', page: 1 })],
	['to = 2020-12-31', () => ({ to: '2020-12-31', page: 1 })],
	['page 2', () => ({ page: 2 })],
	['page 3', () => ({ page: 3 })],
	['first page', () => ({ page: 1 })],
	['+ Military', add('targets', 'Military')],
	['+ Private Citizens & Property', add('targets', 'Private Citizens & Property')],
	['grain = week', () => ({ grain: 'week' })],
	['stack = target', () => ({ stack: 'target' })],
	['search "explosion"', () => ({ q: 'explosion', page: 1 })],
	['page 2 of the search', () => ({ page: 2 })],
	['search cleared', () => ({ q: '', page: 1 })],
	['grain = day', () => ({ grain: 'day' })],
	['measure = killed', () => ({ measure: 'killed' })],
	['+ Bombing/Explosion', add('attacks', 'Bombing/Explosion')],
	['stack = province', () => ({ stack: 'province' })],
	['- Military', drop('targets', 'Military')],
	['- Idleb', drop('provinces', 'SY07')],
	['sort by killed', () => ({ sort: 'killed', page: 1 })],
	['casualties >= 5', () => ({ minCasualties: 5 })],
	['last 365 days', (_, max) => presetRange('365d', max)],
	['grain = quarter', () => ({ grain: 'quarter' })],
	['search "انفجار" (Arabic)', () => ({ q: 'انفجار' })],
	['measure = incidents', () => ({ measure: 'incidents' })],
	['clear all filters', clear],
	['+ Hama', add('provinces', 'SY05')],
	['grain = year', () => ({ grain: 'year' })],
	['page 2 of Hama', () => ({ page: 2 })]
];

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await instance.connect();
// The path is the caller's own file, quoted as a SQL string literal.
await conn.run(`ATTACH '${artifact.replace(/'/g, "''")}' AS ${ARTIFACT_ALIAS} (READ_ONLY)`);
const prepared = new Map<string, DuckDBPreparedStatement>();
/** CPU ms of each of `reps` runs after one untimed run, and the rows of the answer. */
async function time(sql: string, params: readonly unknown[]): Promise<{ ms: number[]; rows: number }> {
	let stmt = prepared.get(sql);
	if (!stmt) prepared.set(sql, (stmt = await conn.prepare(sql)));
	const ms: number[] = [];
	let rows = 0;
	for (let i = 0; i <= reps; i++) {
		stmt.clearBindings();
		if (params.length) stmt.bind(params as DuckDBValue[]);
		const t = process.cpuUsage();
		const reader = await stmt.runAndReadAll();
		const u = process.cpuUsage(t);
		rows = reader.currentRowCount;
		if (i > 0) ms.push((u.user + u.system) / 1000);
	}
	return { ms, rows };
}
const meta = (await conn.runAndReadAll(`SELECT strftime(date_min, '%Y-%m-%d'), strftime(date_max, '%Y-%m-%d') FROM ${ARTIFACT_ALIAS}.meta`)).getRowsJS()[0];
const [dateMin, dateMax] = meta.map(String);
const range = { min: dateMin, max: dateMax };

const byKind: Record<string, number> = {};
const steps: { name: string; ms: number; queries: { kind: string; ms: number; rows: number }[] }[] = [];
const issued = new Map<string, string>();
let v: ViewState = { ...DEFAULT_VIEW };
const ask = async (name: string) => {
	const queries: { kind: string; ms: number; rows: number }[] = [];
	for (const c of CHANNELS) {
		if (!channelActive(c, v)) continue;
		const key = channelKey(c, v, range);
		if (issued.get(c) === key) continue;
		issued.set(c, key);
		const q = channelQuery(c, v, range);
		const t = await time(q.sql, q.params);
		const kind = queryName(q.sql) ?? c;
		const ms = Math.min(...t.ms);
		queries.push({ kind, ms, rows: t.rows });
		byKind[kind] = (byKind[kind] ?? 0) + ms;
	}
	steps.push({ name, ms: queries.reduce((s, q) => s + q.ms, 0), queries });
};
await ask('start');
byKind.start = 0;
for (const k of Object.keys(byKind)) byKind[k] = 0; // the default view is precomputed: only changes count
for (const [name, patch] of SCRIPT) {
	v = { ...v, ...patch(v, dateMax) };
	await ask(name);
}
conn.closeSync();
instance.closeSync();

const total = steps.slice(1).reduce((s, x) => s + x.ms, 0);
const sorted = steps
	.slice(1)
	.map((s) => s.ms)
	.sort((a, b) => a - b);
const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const kinds = Object.entries(byKind)
	.filter(([k]) => k !== 'start')
	.sort((a, b) => b[1] - a[1]);
console.log(`${artifact}: ${SCRIPT.length} steps, CPU ms total ${total.toFixed(0)}, per step p50 ${pick(0.5).toFixed(1)} p95 ${pick(0.95).toFixed(1)} max ${sorted.at(-1)!.toFixed(1)}`);
console.log(kinds.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', '));
for (const s of steps.slice(1)) console.log(`  ${s.name.padEnd(32)} ${s.ms.toFixed(1).padStart(7)}  ${s.queries.map((q) => `${q.kind}:${q.ms.toFixed(1)}`).join(' ')}`);
if (out) writeFileSync(out, JSON.stringify({ artifact, reps, total, byKind, steps }, null, 2));
