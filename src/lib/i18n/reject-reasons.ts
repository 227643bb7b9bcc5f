// The page names an import's reject reasons in its own language; the rejects file keeps the CLI's English wording
// (the same file as `npm run import` writes), so the label is looked up from that wording.
import { REJECT_REASONS } from '../import/types';
import type { MessageKey } from './en';

const KEYS: ReadonlyMap<string, MessageKey> = new Map(Object.entries(REJECT_REASONS).map(([name, reason]) => [reason, `ws.reason.${name}` as MessageKey]));

/** The message naming a reject reason, or null for a reason this table does not know (shown as written). */
export function rejectReasonKey(reason: string): MessageKey | null {
	return KEYS.get(reason) ?? null;
}
