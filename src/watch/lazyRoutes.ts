import { needChunk } from '../chunks/need';
import { modules } from '../chunks/modules';
import { guard } from '../lib/guard';
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
  const waiting: Array<(r: Route) => void> = [];
  /** `f` with the route, once the chunk is in (not at all when it cannot be had: needChunk said so). */
  const use = (f: (r: Route) => void) => {
    if (pv) return f(pv.route);
    if (waiting.push(f) > 1) return;
    void needChunk('routes', log).then(
      guard(() => {
        const m = modules.routes;
        if (m) pv = m.followRoutes(c);
        waiting.splice(0).forEach((g) => pv && g(pv.route));
      }, __DEBUG__ && 'route chunk'),
    );
  };
  return {
    route: {
      change: () => use((r) => r.change()),
      now: () => use((r) => r.now()),
      touched: () => pv && pv.route.touched(),
      unsettled: () => (pv ? pv.route.unsettled() : waiting.length > 0),
      stop: () => pv && pv.route.stop(),
    },
    views: () => (pv ? pv.views() : 1),
  };
}
