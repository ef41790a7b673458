import { platforms } from './platforms';
import { createRest } from '../transport/rest';
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
export const modules: Modules = {
  structured: __ZERO__ && !__CHUNKS__ ? { structured } : undefined,
  platforms: __ZERO__ && !__CHUNKS__ ? platforms : undefined,
  // REST stays in the main file: on a page whose CSP refuses the tracker's Trusted Types policy
  // no script can be inserted, and REST is then the one way events still go out.
  rest: __REST__ ? { createRest } : undefined,
};
