import { platforms } from './platforms';
import { createRest } from '../transport/rest';
import type { createImpressions } from '../watch/impressions';
import type { readRecAddToCart } from '../sources/recs';
import { fold } from '../page/fold';
import { readDataLayerEntry } from '../sources/datalayer';
import { structured } from './structured';
import type { configMessage } from '../config/messages';
import { cart } from './cart';
import { visitor } from './visitor';
import { routes } from './routes';

/** What the shop files read, send and say with beyond the main file. */
export interface Modules {
  structured?: { structured: typeof structured };
  platforms?: typeof platforms;
  rest?: { createRest: typeof createRest };
  impressions?: { createImpressions: typeof createImpressions; readRecAddToCart: typeof readRecAddToCart };
  datalayer?: { readDataLayerEntry: typeof readDataLayerEntry; fold: typeof fold };
  /** The config problems' wording: loaded only when the config has a problem. */
  config?: { configMessage: typeof configMessage };
  /** The cart's and the order's events (core file: a chunk, loaded where a page has a cart or an order, or calls setCart). */
  cart?: typeof cart;
  /** Identities, customer forms and wishlist buttons (core file: a chunk, loaded where a page has any of them). */
  visitor?: typeof visitor;
  /** SPA page views (core file: a chunk, loaded at the first route change or `yespo.page()`). */
  routes?: typeof routes;
}

/**
 * Bundled in (debug, readable and ESM builds, tests), or in the shop bundle filled in by chunks
 * loaded where a page needs them (`__CHUNKS__`). A build without a feature has none of it.
 */
export const modules: Modules = {
  // The core file's chunks: filled in by its chunks where a page needs them.
  ...(__CHUNKS__ && !__ZERO__ ? {} : { cart, visitor, routes }),
  ...(__ZERO__ || __REST__
    ? {
        structured: __CHUNKS__ ? undefined : { structured },
        platforms: __CHUNKS__ ? undefined : platforms,
        // REST stays in the main file: on a page whose CSP refuses the tracker's Trusted Types policy
        // no script can be inserted, and REST is then the one way events still go out.
        rest: __REST__ ? { createRest } : undefined,
        datalayer: __CHUNKS__ ? undefined : { readDataLayerEntry, fold },
      }
    : {}),
};
