// Fixture loading for the report tests: tests/fixtures/reports/*.json, the SY24 seed read in place.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedDraft } from '../../src/lib/report/accuracy';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(repoRoot, 'tests/fixtures/reports');

export interface ReportFixture {
	id: string;
	set: string;
	text: string | null;
	/** Why the text is missing (a seed read in place that is absent here). */
	missing?: string;
	publishedOn: string;
	outlet?: string;
	url?: string;
	expected: ExpectedDraft[];
}

export function loadFixtures(): ReportFixture[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
			let text: string | null = raw.text ?? null;
			let missing: string | undefined;
			if (raw.textFile) {
				const path = resolve(repoRoot, raw.textFile);
				if (existsSync(path)) text = readFileSync(path, 'utf8');
				else missing = `${raw.textFile} is absent (the project's seeds live beside the repository)`;
			}
			return { id: raw.id, set: raw.set ?? 'dev', text, missing, publishedOn: raw.publishedOn, outlet: raw.outlet, url: raw.url ?? undefined, expected: raw.expected };
		});
}
