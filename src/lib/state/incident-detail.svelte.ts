// The incident dialog's data: which incident is open, its record once the engine answers, or why it failed.
// An answer for an incident that is no longer open is dropped.
import type { QueryResult } from '../query/engine';

export class IncidentDetailState {
	id: string | null = $state(null);
	record: QueryResult | null = $state.raw(null);
	error: string | null = $state(null);

	constructor(private readonly load: (id: string) => Promise<QueryResult>) {}

	async open(id: string): Promise<void> {
		this.id = id;
		this.record = null;
		this.error = null;
		try {
			const record = await this.load(id);
			if (this.id === id) this.record = record;
		} catch (e) {
			if (this.id === id) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	close(): void {
		this.id = null;
	}
}
