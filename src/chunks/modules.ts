import { platforms } from './platforms';
import { structured } from './structured';

/** What the full build reads with beyond the main file. */
export interface Modules {
  structured?: { structured: typeof structured };
  platforms?: typeof platforms;
}

/**
 * The full build's readers: bundled in (debug, readable and ESM builds, tests), or in the shop
 * bundle filled in by chunks loaded where a page needs them (`__CHUNKS__`).
 */
export const modules: Modules = __CHUNKS__ ? {} : { structured: { structured }, platforms };
