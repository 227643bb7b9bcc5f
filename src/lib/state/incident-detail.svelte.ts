// The incident dialog's data: which incident is open (the URL's `incident` key, src/lib/url), its record once the
// engine answers, or why it failed. An answer for an incident that is no longer open is dropped. An id the data
// does not hold is not an error: the dialog closes and a notice says so (a message key, written by the page).
import type { QueryResult } from '../query/engine';
import type { UrlMessage } from '../url/view-url';

export class IncidentDetailState {
	id: string | null = $state(null);
	record: QueryResult | null = $state.raw(null);
	error: string | null = $state(null);
	/** Notices about ids that are not in the data (untranslated). */
	notices: UrlMessage[] = $state.raw([]);

	/**
	 * @param load the detail query (zero or one row)
	 * @param onMissing called when the open id is not in the data (the page drops it from the URL)
	 */
	constructor(
		private readonly load: (id: string) => Promise<QueryResult>,
		private readonly onMissing: (id: string) => void = () => undefined
	) {}

	/** Shows the incident the URL names (null closes); the same id again changes nothing. */
	show(id: string | null): void {
		if (id === this.id) return;
		if (id === null) this.close();
		else void this.open(id);
	}

	async open(id: string): Promise<void> {
		this.id = id;
		this.record = null;
		this.error = null;
		try {
			const record = await this.load(id);
			if (this.id !== id) return;
			if (record.rowCount === 0) {
				this.id = null;
				this.notices = [...this.notices, { key: 'notices.incidentUnknown', values: { id: JSON.stringify(id.length > 60 ? `${id.slice(0, 57)}…` : id) } }];
				this.onMissing(id);
			} else this.record = record;
		} catch (e) {
			if (this.id === id) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	close(): void {
		this.id = null;
		this.record = null;
	}

	dismissNotices(): void {
		this.notices = [];
	}
}
