// @ts-check
// Scripts the bench adds to every document before the page's own (Playwright init scripts).

/** Long tasks and long animation frames, with each frame's script attribution, in `window.__bench`. */
export const LONG_TASKS = `(() => {
  const b = (window.__bench = { longtasks: [], loaf: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) for (const s of e.scripts || []) b.loaf.push({ url: s.sourceURL, dur: s.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
})();`;

/**
 * Live observers, observed targets and pending timers, in `window.__live` (SPA sessions only: the
 * wrappers cost a little on every call, the same for every variant). An observation counts from
 * `observe` to `unobserve` / `disconnect`; a timer from `setTimeout` / `setInterval` until it
 * fires (timeouts) or is cleared.
 */
export const LIVE_COUNTS = `(() => {
  const live = (window.__live = { observers: 0, targets: 0, timers: 0 });
  const seen = new WeakMap();
  for (const name of ['IntersectionObserver', 'MutationObserver', 'ResizeObserver']) {
    const C = window[name];
    if (!C) continue;
    const p = C.prototype, observe = p.observe, unobserve = p.unobserve, disconnect = p.disconnect;
    p.observe = function (t) {
      let s = seen.get(this);
      if (!s) seen.set(this, (s = { n: 0, targets: new WeakSet() })), live.observers++;
      if (!s.targets.has(t)) s.targets.add(t), s.n++, live.targets++;
      return observe.apply(this, arguments);
    };
    if (unobserve) p.unobserve = function (t) {
      const s = seen.get(this);
      if (s && s.targets.has(t)) s.targets.delete(t), s.n--, live.targets--;
      return unobserve.apply(this, arguments);
    };
    p.disconnect = function () {
      const s = seen.get(this);
      if (s) live.targets -= s.n, live.observers--, seen.delete(this);
      return disconnect.apply(this, arguments);
    };
  }
  const pending = new Set();
  const wrap = (set, clear, once) => {
    window[set] = ((orig) => function (fn) {
      if (typeof fn !== 'function') return orig.apply(this, arguments);
      const args = Array.prototype.slice.call(arguments);
      let id;
      args[0] = function () { if (once) pending.delete(id), (live.timers = pending.size); return fn.apply(this, arguments); };
      id = orig.apply(this, args);
      pending.add(id);
      live.timers = pending.size;
      return id;
    })(window[set]);
    window[clear] = ((orig) => function (id) { pending.delete(id); live.timers = pending.size; return orig.apply(this, arguments); })(window[clear]);
  };
  wrap('setTimeout', 'clearTimeout', true);
  wrap('setInterval', 'clearInterval', false);
})();`;
