import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// RASD_BUILD_DIR: where the static site goes (tests/e2e/harness.ts serves the same folder).
const out = process.env.RASD_BUILD_DIR ?? 'build';
// A build into its own folder also gets its own SvelteKit work folder, so parallel builds do not overwrite each
// other's .svelte-kit/output mid-build (measured: "Cannot find module .svelte-kit/output/server/internal.js").
// Only for `vite build` (tests and svelte-check keep the default folder that tsconfig.json extends); the flag goes
// through the environment because the prerendering worker loads this file again without the `build` argument.
// The build then warns that tsconfig.json does not extend this folder's tsconfig: harmless, the default exists.
if (process.env.RASD_BUILD_DIR && process.argv.includes('build')) process.env.RASD_KIT_OWN_DIR = '1';
const workDir = process.env.RASD_KIT_OWN_DIR ? `.svelte-kit/builds/${out.replace(/[^\w.-]+/g, '_')}` : '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, precompress: false, strict: true }),
		outDir: workDir,
		prerender: { entries: ['*'] },
		// Registered by the engine itself, before DuckDB's worker starts (src/lib/engine/artifact-source.ts), not at
		// the window's load event: a worker started before the page is controlled would not have its reads kept.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
