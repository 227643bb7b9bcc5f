import type { Answer } from './dashboard.svelte';

export type PanelStatus = 'loading' | 'ready' | 'stale' | 'error' | 'empty';

/** What a panel shows: nothing yet, an error, the last answer while a newer one is computed, nothing found, data. */
export function panelStatus(answer: Answer | undefined, current: boolean): PanelStatus {
	if (!answer) return 'loading';
	if (answer.error) return current ? 'error' : 'stale';
	if (!current) return 'stale';
	return answer.result && answer.result.rowCount > 0 ? 'ready' : 'empty';
}
