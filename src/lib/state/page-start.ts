// What the page starts as it hydrates: the wasm engine (the long pole: worker, 34 MB of wasm, the artifact), and the
// default view's precomputed figures with the deployer's boundary file, which paint before the engine is up.
import { DISPLAY_DEFAULTS, type ViewState } from '../query/filters';
import { parseDefaultViewAsset } from '../query/default-view-asset';
import { loadBoundaries, type Boundaries } from './boundaries';
import type { Dashboard } from './dashboard.svelte';
import type { DataSource } from './data-source.svelte';

/** Starts the engine before the page exists (startWasmEngine shares one start, so startEngine then waits for the
 *  same one); a failure here is reported by startEngine's own call. */
export function prestartEngine(artifactUrl: string): void {
	import('../engine/wasm-engine').then(({ startWasmEngine }) => startWasmEngine(artifactUrl)).catch(() => undefined);
}

/** Starts the engine and hands it to the data source, which attaches it to the dashboard on the data the view
 *  asks for; a failure fails the dashboard's engine state. */
export function startEngine(dash: Dashboard, data: DataSource, artifactUrl: string): void {
	dash.status = 'loading';
	import('../engine/wasm-engine')
		.then(({ startWasmEngine }) => startWasmEngine(artifactUrl))
		.then((engine) => data.started(engine))
		.catch((e: unknown) => dash.fail(e));
}

/**
 * Paints the default view from its precomputed file (when the page opened on it) and loads the deployer's boundary
 * file, if any; resolves to the boundaries, or null. A missing or stale file is not an error: the engine answers
 * everything (a dev server before the build step has none). A boundary file that fails to load calls `onError`.
 */
export async function loadDefaultView(
	request: Promise<Response>,
	dash: Dashboard,
	view: ViewState,
	dataUrl: (file: string) => string,
	onError: (message: string) => void
): Promise<Boundaries | null> {
	const response = await request.catch(() => null);
	const asset = response?.ok ? parseDefaultViewAsset(await response.json().catch(() => null)) : null;
	if (!asset) return null;
	// The precomputed figures hold for the default filters in any language, digits or theme.
	dash.usePrecomputed(asset, { ...view, ...DISPLAY_DEFAULTS });
	if (!asset.boundaries) return null;
	const { registerBoundaries } = await import('../charts/echarts-setup');
	return loadBoundaries(dataUrl(asset.boundaries), asset.boundariesPcodeProperty ?? 'ADM1_PCODE', registerBoundaries).catch(
		(e: unknown) => {
			onError(e instanceof Error ? e.message : String(e));
			return null;
		}
	);
}
