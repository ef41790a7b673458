import { platforms } from './platforms';
import { createRest } from './rest';
import { structured } from './structured';

/** What the full build reads and sends with beyond the main file. */
export interface Modules {
  structured?: { structured: typeof structured };
  platforms?: typeof platforms;
  rest?: { createRest: typeof createRest };
}

/**
 * Bundled in (debug, readable and ESM builds, tests), or in the shop bundle filled in by chunks
 * loaded where a page needs them (`__CHUNKS__`). A build without a feature has none of it.
 */
export const modules: Modules = __CHUNKS__
  ? {}
  : { structured: __ZERO__ ? { structured } : undefined, platforms: __ZERO__ ? platforms : undefined, rest: __REST__ ? { createRest } : undefined };
