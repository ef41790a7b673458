import { guard } from '../lib/guard';

export interface RouteHooks {
  /** A route change began: the old view ends, PageView goes out. */
  begin(): void;
  /** The new view's content is there: read it. */
  settle(): void;
}

/**
 * SPA settle timing: after a route change the page's own events wait until the DOM has been quiet
 * for 300 ms (3 s at most), so the new route's content is read, not the old one's.
 */
export function createRoute(h: RouteHooks) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let last = 0;
  const settle = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    h.settle();
  };
  return {
    /** A route change (history or the API's `page()`). */
    change() {
      if (timer) clearInterval(timer);
      h.begin();
      const began = (last = Date.now());
      timer = setInterval(
        guard(() => {
          const t = Date.now();
          if (t - last >= 300 || t - began >= 3000) settle();
        }, __DEBUG__ && 'route settle'),
        100,
      );
    },
    /** `yespo.page()`: a virtual page view, read at once (or now, when a route change is waiting). */
    now() {
      if (!timer) h.begin();
      settle();
    },
    /** Any DOM change: the quiet-period clock starts again. */
    touched: () => void (last = Date.now()),
    /** A route change is waiting for its content: reading the page now could take the old route's content for the new one. */
    unsettled: () => !!timer,
    stop: () => timer && clearInterval(timer),
  };
}

export type Route = ReturnType<typeof createRoute>;
