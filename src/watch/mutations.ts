import { guard } from '../lib/guard';
import { TRACKED, WATCHED } from '../sources/attributes';

const CART = '[data-yespo-cart]';
const CART_PARTS = '[data-yespo-cart],[data-yespo-cart-item]';
const ATTRS = TRACKED.concat('price', 'quantity', 'currency', 'discount', 'in-stock').map((n) => 'data-yespo-' + n);
/**
 * Structured data rendered or changed after start (headless shops, SPAs, tag managers): JSON-LD
 * blocks, microdata items and OpenGraph product tags. Nothing else in a late change can carry page data.
 */
const LATE = __ZERO__ ? 'script[type="application/ld+json"],[itemscope],[itemprop],meta[property^="og:"],meta[property^="product:"]' : '';
const LD = 'script[type="application/ld+json"]';

const holds = (n: Node, sel: string) => n.nodeType === 1 && ((n as Element).matches(sel) || !!(n as Element).querySelector(sel));

function within(n: Node, sel: string) {
  const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
  return !!el && !!el.closest(sel);
}

export interface MutationHandlers {
  /** Tracked content changed; `cart` when the cart container was touched. Debounced. */
  change(cart: boolean): void;
  /** Elements were added (at once, not debounced): impressions observe new items. */
  added(el: Element): void;
  /** Elements were removed: observers let go of them. */
  removed(): void;
  /** Any DOM change at all: the SPA quiet-period clock. */
  any(): void;
}

/**
 * One MutationObserver for the whole tracker. Calls `change(cartTouched)` once the DOM has been
 * quiet for `delay` ms after changes that matter: tracked attributes set or changed, tracked
 * elements added or removed. Content rendered after load (a mini-cart filled by script, a product
 * block rendered late) is read this way.
 */
export function watchMutations(h: MutationHandlers, delay = 60) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cart = false;
  let other = false;
  const flush = guard(() => {
    timer = undefined;
    const c = cart;
    cart = other = false;
    h.change(c);
  }, __DEBUG__ && 'mutation flush');
  const take = (list: MutationRecord[]) => {
    let gone = false;
    h.any();
    for (const m of list) {
      for (let i = 0; i < m.addedNodes.length; i++) if (m.addedNodes[i].nodeType === 1) h.added(m.addedNodes[i] as Element);
      if (m.removedNodes.length) gone = true;
      if (m.type === 'attributes') {
        if (m.attributeName === 'data-yespo-cart' || within(m.target, CART)) cart = true;
        // A `content` change counts only on a structured-data tag (og:price:amount, itemprop=price).
        else if (!__ZERO__ || m.attributeName !== 'content' || (m.target as Element).matches(LATE)) other = true;
        continue;
      }
      // A JSON-LD block whose text was replaced.
      if (__ZERO__ && within(m.target, LD)) {
        other = true;
        continue;
      }
      if (within(m.target, CART)) {
        cart = true;
        continue;
      }
      const nodes = [m.addedNodes, m.removedNodes];
      for (const ns of nodes)
        for (let i = 0; i < ns.length; i++) {
          if (holds(ns[i], CART_PARTS)) cart = true;
          else if (!other && (holds(ns[i], WATCHED) || (__ZERO__ && holds(ns[i], LATE)))) other = true;
        }
    }
    if (gone) h.removed();
    if ((cart || other) && !timer) timer = setTimeout(flush, delay);
  };
  const mo = new MutationObserver(guard(take, __DEBUG__ && 'mutation observer'));
  mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: __ZERO__ ? ATTRS.concat('content') : ATTRS });
  return {
    /** A route's full read and impressions reset are about to run: changes so far are in them, so their records are dropped and a waiting re-read too. */
    reading() {
      mo.takeRecords();
      clearTimeout(timer);
      timer = undefined;
      cart = other = false;
    },
    stop() {
      mo.disconnect();
      clearTimeout(timer);
    },
  };
}
