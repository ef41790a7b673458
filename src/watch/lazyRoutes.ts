import { inOrder } from '../chunks/inOrder';
import { modules } from '../chunks/modules';
import type { Log } from '../lib/log';
import { followRoutes, type PageViewContext, type PageViews } from './pageViews';
import type { Route } from './route';

/**
 * SPA page views. The core file has them in a chunk, loaded at the first route change (or
 * `yespo.page()`): this stands in until then, and a route change waiting for it is unsettled, so
 * the old view's reads hold back. Builds without chunks follow routes at once.
 */
export function lazyRoutes(c: PageViewContext, log: Log): PageViews {
  // A ternary, not an early return: the bundler keeps only the branch a build takes.
  return __CHUNKS__ && !__ZERO__ ? whenRouted(c, log) : followRoutes(c);
}

/** The core file's stand-in (exported for its unit test). */
export function whenRouted(c: PageViewContext, log: Log): PageViews {
  let pv: PageViews | undefined;
  const order = inOrder('routes', log);
  /** `f` with the route, once the chunk is in (not at all when it cannot be had: needChunk said so). */
  const use = (f: (r: Route) => void) =>
    order.need(() => {
      const m = modules.routes;
      if (m) f((pv = pv || m.followRoutes(c)).route);
    });
  return {
    route: {
      change: () => use((r) => r.change()),
      now: () => use((r) => r.now()),
      touched: () => pv && pv.route.touched(),
      unsettled: () => (pv ? pv.route.unsettled() : order.holding()),
      stop: () => pv && pv.route.stop(),
    },
    views: () => (pv ? pv.views() : 1),
  };
}
