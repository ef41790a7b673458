import type { ResolvedConfig } from '../config/types';
import { describe } from '../lib/describe';
import { guard } from '../lib/guard';
import type { Report } from '../types/problems';
import { text } from '../lib/text';
import { recPlace } from '../sources/recs';
import { createClock, type Timed, type VisibleClock } from './visibleClock';

export interface Impression {
  product_id: string;
  container_type: string;
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

type Recs = ResolvedConfig['impressions'];

/**
 * Recommendation impressions: an item counts as seen once at least `threshold` of it (or, for an
 * item taller than the viewport, that share of the viewport) has been visible for `minVisibleMs`
 * in total, with the clock paused while the tab is hidden. Each (container_type, product_id) is
 * reported once per page view; everything seen within `flushMs` goes out in one call.
 */
export function createImpressions(o: Recs, send: (list: Impression[]) => void, problem: Report): Impressions {
  const items = new Map<Element, Timed>();
  const batch = createBatch(o.flushMs, send);
  const clock = createClock(o, items, (el, it) => {
    drop(el, it);
    const imp = place(el, o, quiet);
    if (imp) batch.add(imp);
  });
  const io = validSelectors(o, problem) ? observer(o, clock) : undefined;
  const drop = (el: Element, it: Timed) => {
    clock.pause(el, it);
    items.delete(el);
    io && io.unobserve(el);
  };
  const add = (root: ParentNode) => io && findItems(root, o, problem, items, io);

  const onVisibility = guard(() => {
    const shown = document.visibilityState !== 'hidden';
    clock.shown(shown);
    if (!shown) batch.flush();
  }, __DEBUG__ && 'visibilitychange');
  const onHide = guard(batch.flush, __DEBUG__ && 'pagehide');
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onHide);
  const forget = () => {
    clock.clear();
    items.clear();
    io && io.disconnect();
  };

  return {
    add,
    sweep() {
      for (const [el, it] of items) if (!el.isConnected) drop(el, it);
    },
    reset() {
      batch.reset();
      forget();
      add(document);
    },
    flush: batch.flush,
    stop() {
      batch.flush();
      forget();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
    },
    size: () => items.size,
  };
}

const quiet: Report = () => undefined;

/** The seen items of a page view, each (container, product) once, sent `flushMs` after the first. */
function createBatch(flushMs: number, send: (list: Impression[]) => void) {
  let seen: Record<string, 1> = {};
  const list: Impression[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (list.length) send(list.splice(0));
  };
  const onTimer = guard(flush, __DEBUG__ && 'impressions flush');
  return {
    add(imp: Impression) {
      const key = imp.container_type + '\n' + imp.product_id;
      if (seen[key]) return;
      seen[key] = 1;
      list.push(imp);
      if (!timer) timer = setTimeout(onTimer, flushMs);
    },
    flush,
    reset() {
      flush();
      seen = {};
    },
  };
}

/** One IntersectionObserver for every item; its entries start or pause the items' visible time. */
function observer(o: Recs, clock: VisibleClock): IntersectionObserver | undefined {
  if (typeof IntersectionObserver !== 'function') return undefined;
  const onEntries = guard(clock.entries, __DEBUG__ && 'intersection observer');
  return new IntersectionObserver(onEntries, { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, o.threshold] });
}

/** Both selectors parse; an invalid one is reported once, and the engine observes nothing. */
function validSelectors(o: Recs, problem: Report): boolean {
  for (const sel of [o.itemSelector, o.blockSelector])
    try {
      document.querySelector(sel);
    } catch {
      return __DEBUG__ && problem('selector-invalid', `impressions: "${sel}" is not a valid selector`), false;
    }
  return true;
}

/**
 * Where an item sits: its product id, and its container type — the block's own id first, else the
 * `sc_content` of the item's link. Undefined (and reported) when the item has no block or either id.
 */
function place(el: Element, o: Recs, problem: Report): Impression | undefined {
  const block = el.closest(o.blockSelector);
  if (!block) return undefined;
  const pid = text(el.getAttribute(o.productAttr));
  const at = recPlace(el, block, o);
  const ct = at.attr || at.link;
  if (!pid) __DEBUG__ && problem('recs-incomplete', `${describe(el)}: recommendation item without a product id (${o.productAttr})`);
  else if (!ct) __DEBUG__ && problem('recs-incomplete', `${describe(block)}: recommendation block without a container type (${o.containerAttr} or sc_content in its links)`);
  else return { product_id: pid, container_type: ct };
  return undefined;
}

/**
 * Observes the items under `root` (itself included) not observed yet. An item's ids are read when
 * it has been seen, not here: a route or a long page can hold many more items than a visitor sees.
 * Debug builds read them at once, to report an incomplete item as soon as it is there.
 */
function findItems(root: ParentNode, o: Recs, problem: Report, items: Map<Element, Timed>, io: IntersectionObserver) {
  const list: Element[] = Array.prototype.slice.call(root.querySelectorAll(o.itemSelector));
  if ((root as Element).matches && (root as Element).matches(o.itemSelector)) list.push(root as Element);
  for (const el of list)
    if (!items.has(el) && (!__DEBUG__ || place(el, o, problem))) {
      items.set(el, { acc: 0 });
      io.observe(el);
    }
}
