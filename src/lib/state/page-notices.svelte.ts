// The page's notices in one place: what the URL reader ignored (kept as message keys and written in the page's
// current language), the engine's failure, the figures' and table's query errors (charts show theirs in their own
// panels), and the page's own (copy, export). Dismissed ones stay hidden; the same text is shown once.
import type { Locale } from '../i18n/locale';
import type { UrlMessage } from '../url/view-url';
import type { ChannelName } from './channels';
import type { Answer } from './dashboard.svelte';
import { notice, type Notice } from './notices';

/** What the notices are made from, read when the list is computed. */
export interface NoticeSources {
	urlNotices: readonly UrlMessage[];
	engine: { failed: boolean; stopped: boolean; error: string | null };
	answer(c: ChannelName): Answer | undefined;
}

/** Channels without a panel of their own, whose errors become notices, and the view named in the notice. */
const PANELLESS: readonly [ChannelName, 'kpi.incidents' | 'table.title'][] = [
	['kpis', 'kpi.incidents'],
	['count', 'table.title'],
	['rows', 'table.title']
];

/** The merged list (pure): URL notices, engine, query errors, then own notices; dismissed and repeated text out. */
export function mergeNotices(
	from: NoticeSources,
	own: readonly Notice[],
	dismissed: readonly string[],
	locale: Locale
): Notice[] {
	const { t } = locale;
	const list: Notice[] = from.urlNotices.map((m, i) => {
		const text = locale.message(m);
		return notice(text, 'warning', `url-${i}-${text}`);
	});
	if (from.engine.failed) {
		list.push(notice(t(from.engine.stopped ? 'engine.stopped' : 'engine.error', { error: from.engine.error ?? '' }), 'error', 'engine'));
	}
	for (const [c, key] of PANELLESS) {
		const error = from.answer(c)?.error;
		if (error) list.push(notice(t('notices.queryError', { view: t(key), error }), 'error', `query-${c}-${error}`));
	}
	list.push(...own);
	// The figures and the table often fail for one cause: say it once.
	return list.filter((n, i) => !dismissed.includes(n.id) && list.findIndex((m) => m.text === n.text) === i);
}

export class PageNotices {
	own: Notice[] = $state.raw([]);
	dismissed: string[] = $state.raw([]);

	constructor(private readonly onDismissUrl: () => void) {}

	add(text: string, kind: Notice['kind'] = 'info'): void {
		this.own = [...this.own, notice(text, kind)];
	}

	dismiss(id: string): void {
		if (id.startsWith('url-')) this.onDismissUrl();
		else if (this.own.some((n) => n.id === id)) this.own = this.own.filter((n) => n.id !== id);
		else this.dismissed = [...this.dismissed, id];
	}

	/** Shows the engine's notice again (a retry that fails again must say so). */
	undismissEngine(): void {
		this.dismissed = this.dismissed.filter((d) => d !== 'engine');
	}
}
