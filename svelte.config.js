import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// RASD_BUILD_DIR: where the static site goes (tests/e2e/harness.ts serves the same folder).
const out = process.env.RASD_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, precompress: false, strict: true }),
		prerender: { entries: ['*'] }
	}
};

export default config;
