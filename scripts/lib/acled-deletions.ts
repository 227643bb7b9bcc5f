// ACLED's deletions export: the events ACLED has removed from its dataset since they were published (columns
// `event_id_cnty` and `deleted_timestamp`). A weekly refresh passes it with --deletions so that the output loses
// them too; an input row with a deleted id is rejected rather than brought back.
import { headerKey } from '../../src/lib/import/record';
import { openTable, TableReadError } from './read-table';

export interface Deletions {
	file: string;
	/** incident_id of every deleted event (`acled:<event_id_cnty>`). */
	ids: Set<string>;
}

export async function readDeletions(file: string): Promise<Deletions> {
	const table = await openTable(file);
	try {
		const column = table.header.map(headerKey).indexOf('event_id_cnty');
		if (column < 0) {
			throw new TableReadError(file, `is not an ACLED deletions file (no event_id_cnty column; header starts: ${table.header.slice(0, 4).join(', ')})`);
		}
		const ids = new Set<string>();
		for await (const rec of table.records) {
			const id = rec.values[column]?.trim();
			if (!rec.tooLarge && id) ids.add(`acled:${id}`);
		}
		return { file, ids };
	} finally {
		table.close();
	}
}
