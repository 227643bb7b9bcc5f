// Where the benchmark reads and writes. The cache (generated datasets, artifacts) lives outside git in .cache/bench;
// the real exports are read in place from ../shared/data/real and never copied into the repository.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache', 'bench');
/** The built app to serve; RASD_BUILD_DIR as in svelte.config.js (a private build the run cannot see change). */
export const BUILD_DIR = resolve(REPO_ROOT, process.env.RASD_BUILD_DIR ?? 'build');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
export const REAL_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
export { CHROMIUM } from '../../scripts/lib/chromium';
