import type { ResolvedConfig } from '../config/types';
import { describe } from '../lib/describe';
import { guard } from '../lib/guard';
import type { Report } from '../types/problems';
import { text } from '../lib/text';
import { recPlace } from '../sources/recs';

export interface Impression {
  product_id: string;
  container_type: string;
}

interface Item {
  imp: Impression;
  /** Visible time gathered so far in this page view. */
  acc: number;
  /** Since when it has been visible, while it is (and the tab is shown). */
  since?: number;
  /** Currently in view per the observer, whatever the tab's visibility. */
  inView?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export interface Impressions {
  /** Observes the items under `root` not observed yet. */
  add(root: ParentNode): void;
  /** Stops observing items no longer in the document. */
  sweep(): void;
  /** A new page view: sends what is pending, forgets what was seen, observes afresh. */
  reset(): void;
  flush(): void;
  stop(): void;
  /** How many elements are observed now (flat over SPA navigations). */
  size(): number;
}

/**
 * Recommendation impressions: an item counts as seen once at least `threshold` of it (or, for an
 * item taller than the viewport, that share of the viewport) has been visible for `minVisibleMs`
 * in total, with the clock paused while the tab is hidden. Each (container_type, product_id) is
 * reported once per page view; everything seen within `flushMs` goes out in one call.
 */
export function createImpressions(
  o: ResolvedConfig['impressions'],
  send: (list: Impression[]) => void,
  problem: Report,
): Impressions {
  const items = new Map<Element, Item>();
  let seen: Record<string, 1> = {};
  let batch: Impression[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let shown = document.visibilityState !== 'hidden';
  const now = () => Date.now();

  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (batch.length) send(batch.splice(0));
  };

  const done = (el: Element, it: Item) => {
    drop(el, it);
    const key = it.imp.container_type + '\n' + it.imp.product_id;
    if (seen[key]) return;
    seen[key] = 1;
    batch.push(it.imp);
    if (!flushTimer) flushTimer = setTimeout(guard(flush, __DEBUG__ && 'impressions flush'), o.flushMs);
  };

  const pause = (it: Item) => {
    if (it.since !== undefined) it.acc += now() - it.since;
    it.since = undefined;
    if (it.timer) clearTimeout(it.timer);
    it.timer = undefined;
  };

  const run = (el: Element, it: Item) => {
    if (!it.inView || !shown || it.since !== undefined) return;
    it.since = now();
    const check = guard(() => {
      pause(it);
      if (it.acc >= o.minVisibleMs) done(el, it);
      else run(el, it);
    }, __DEBUG__ && 'impression timer');
    it.timer = setTimeout(check, Math.max(0, o.minVisibleMs - it.acc));
  };

  const steps = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, o.threshold];
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          guard((entries: IntersectionObserverEntry[]) => {
            for (const e of entries) {
              const it = items.get(e.target);
              if (!it) continue;
              const r = e.intersectionRect;
              const vp = e.rootBounds;
              it.inView =
                e.isIntersecting &&
                (e.intersectionRatio >= o.threshold - 1e-3 || (!!vp && r.width * r.height >= o.threshold * vp.width * vp.height));
              if (it.inView) run(e.target, it);
              else pause(it);
            }
          }, __DEBUG__ && 'intersection observer'),
          { threshold: steps },
        )
      : undefined;

  function drop(el: Element, it: Item) {
    pause(it);
    items.delete(el);
    io && io.unobserve(el);
  }

  const add = (root: ParentNode) => {
    if (!io) return;
    let list: Element[];
    try {
      list = Array.prototype.slice.call(root.querySelectorAll(o.itemSelector));
      if ((root as Element).matches && (root as Element).matches(o.itemSelector)) list.push(root as Element);
    } catch {
      return __DEBUG__ && problem('selector-invalid', `impressions: "${o.itemSelector}" is not a valid selector`);
    }
    for (const el of list) {
      if (items.has(el)) continue;
      let block: Element | null = null;
      try {
        block = el.closest(o.blockSelector);
      } catch {
        return __DEBUG__ && problem('selector-invalid', `impressions: "${o.blockSelector}" is not a valid selector`);
      }
      if (!block) continue;
      const pid = text(el.getAttribute(o.productAttr));
      // The container type is the block's own id first; its items' links name it too.
      const at = recPlace(el, block, o);
      const ct = at.attr || at.link;
      if (!pid) __DEBUG__ && problem('recs-incomplete', `${describe(el)}: recommendation item without a product id (${o.productAttr})`);
      else if (!ct) __DEBUG__ && problem('recs-incomplete', `${describe(block)}: recommendation block without a container type (${o.containerAttr} or sc_content in its links)`);
      else {
        items.set(el, { imp: { product_id: pid, container_type: ct }, acc: 0 });
        io.observe(el);
      }
    }
  };

  const onVisibility = guard(() => {
    shown = document.visibilityState !== 'hidden';
    items.forEach((it, el) => (shown ? run(el, it) : pause(it)));
    if (!shown) flush();
  }, __DEBUG__ && 'visibilitychange');
  const onHide = guard(flush, __DEBUG__ && 'pagehide');
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onHide);

  return {
    add,
    sweep() {
      items.forEach((it, el) => !el.isConnected && drop(el, it));
    },
    reset() {
      flush();
      seen = {};
      items.forEach((it, el) => drop(el, it));
      add(document);
    },
    flush,
    stop() {
      flush();
      items.forEach((it, el) => drop(el, it));
      io && io.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
    },
    size: () => items.size,
  };
}
