// data/README.md documents the schema by hand: this keeps its table identical to INCIDENT_COLUMNS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INCIDENT_COLUMNS } from '../../src/lib/data/schema';
import { repoRoot } from './helpers';

describe('data/README.md', () => {
	it('lists every schema column in order, with its type, required flag and meaning', () => {
		const text = readFileSync(`${repoRoot}/data/README.md`, 'utf8');
		const rows = text
			.split('\n')
			.filter((l) => /^\| `[a-z0-9_]+` \| (VARCHAR|DATE|DOUBLE|INTEGER) \|/.test(l))
			.map((l) => l.split(' | ').map((c) => c.replace(/^\| ?|`| ?\|$/g, '').trim()));
		expect(rows).toEqual(INCIDENT_COLUMNS.map((c) => [c.name, c.type, c.notNull ? 'yes' : '', c.doc.replace(/`/g, '')]));
	});
});
