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

export interface VisibleClock<T extends Timed> {
  /** An item in view: it counts from now, while the tab is shown. */
  start(el: Element, it: T): void;
  /** Stops counting an item; its time so far is kept. */
  pause(el: Element, it: T): void;
  /** The tab was hidden or shown: every counting item pauses, or every item in view resumes. */
  shown(yes: boolean, items: Map<Element, T>): void;
  /** A new page view: nothing counts any more. */
  clear(): void;
}

/**
 * Visible time of the items in view, with one timer for all of them, set for the item due first:
 * an item is due once it has been visible `minMs` in total. Items come and go in batches (a
 * block scrolled into view, a route rendered), so the work per item is a few field writes.
 */
export function createClock<T extends Timed>(minMs: number, due: (el: Element, it: T) => void): VisibleClock<T> {
  const counting = new Map<Element, T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let shown = document.visibilityState !== 'hidden';

  const pause = (el: Element, it: T) => {
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

  const start = (el: Element, it: T) => {
    if (!shown || it.since !== undefined) return;
    it.since = Date.now();
    counting.set(el, it);
    armAt(it.since + minMs - it.acc);
  };

  return {
    start,
    pause,
    shown(yes, items) {
      shown = yes;
      for (const [el, it] of items) yes && it.inView ? start(el, it) : pause(el, it);
    },
    clear() {
      counting.clear();
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerAt = Infinity;
    },
  };
}
