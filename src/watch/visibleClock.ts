import { guard } from '../lib/guard';

/** One observed item's visible time. */
export interface Timed {
  /** Visible time gathered so far in this page view. */
  acc: number;
  /** Since when it has been counting (in view, tab shown). */
  since?: number;
  /** In view per the observer, whatever the tab's visibility. */
  inView?: boolean;
}

export interface VisibleClock {
  /** The observer's entries: each item in view (enough of it) counts from now, the others pause. */
  entries(list: IntersectionObserverEntry[]): void;
  /** Stops counting an item; its time so far is kept. */
  pause(el: Element, it: Timed): void;
  /** The tab was hidden or shown: every counting item pauses, or every item in view resumes. */
  shown(yes: boolean): void;
  /** A new page view: nothing counts any more. */
  clear(): void;
}

/**
 * Visible time of the observed items, with one timer for all of them, set for the item due first:
 * an item is in view once `threshold` of it (or, for an item taller than the viewport, that share
 * of the viewport) is visible, and due once it has been in view `minMs` in total. Items come and
 * go in batches (a block scrolled into view, a route rendered): an observer's batch is one call,
 * and the work per item in it a few field writes.
 */
export function createClock(
  o: { minVisibleMs: number; threshold: number },
  items: Map<Element, Timed>,
  due: (el: Element, it: Timed) => void,
): VisibleClock {
  const minMs = o.minVisibleMs;
  const counting = new Map<Element, Timed>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let shown = document.visibilityState !== 'hidden';

  const pause = (el: Element, it: Timed) => {
    if (it.since === undefined) return;
    it.acc += Date.now() - it.since;
    it.since = undefined;
    counting.delete(el);
  };

  /** The timer goes off at `at` unless it already does sooner. */
  const armAt = (at: number) => {
    if (at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, Math.max(0, at - Date.now()));
  };

  const tick = guard(() => {
    timer = undefined;
    timerAt = Infinity;
    const t = Date.now();
    let next = Infinity;
    for (const [el, it] of counting) {
      const at = it.since! + minMs - it.acc;
      if (at > t) next = Math.min(next, at);
      else pause(el, it), due(el, it);
    }
    armAt(next);
  }, __DEBUG__ && 'impression timer');

  return {
    entries(list) {
      const t = Date.now();
      let next = Infinity;
      for (const e of list) {
        const it = items.get(e.target);
        if (!it) continue;
        const r = e.intersectionRect;
        const vp = e.rootBounds;
        it.inView = e.isIntersecting && (e.intersectionRatio >= o.threshold - 1e-3 || (!!vp && r.width * r.height >= o.threshold * vp.width * vp.height));
        if (!it.inView || !shown) pause(e.target, it);
        else if (it.since === undefined) (it.since = t), counting.set(e.target, it), (next = Math.min(next, t + minMs - it.acc));
      }
      armAt(next);
    },
    pause,
    shown(yes) {
      shown = yes;
      const t = Date.now();
      let next = Infinity;
      for (const [el, it] of items)
        if (!yes || !it.inView) pause(el, it);
        else if (it.since === undefined) (it.since = t), counting.set(el, it), (next = Math.min(next, t + minMs - it.acc));
      armAt(next);
    },
    clear() {
      counting.clear();
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerAt = Infinity;
    },
  };
}
