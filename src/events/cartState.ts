import type { CartItem } from '../schema/events';
import { revive, type Store } from '../lib/storage';
import { serialize } from '../lib/serialize';
import type { Outgoing } from '../types/model';
import type { Report } from '../types/problems';
import { guid } from '../lib/guid';
import { parseNumber, parseQuantity } from '../lib/number';
import { text } from '../lib/text';
import { MAX_ITEMS } from '../lib/limits';

/** What we remember of the last cart sent: its fingerprint and the GUID it went out with. */
export interface CartMemo {
  fp: string;
  guid?: string;
  /** The lines themselves, so a dataLayer add/remove can be applied to them on a later page. */
  items?: CartItem[];
  /**
   * While the cart is empty: the last cart that had lines, and its GUID. A purchase may be what
   * emptied it (Magento reloads the cart section on the checkout page, before the success page).
   */
  was?: { guid?: string; items: CartItem[] };
}

/** The cart memo's storage key (the Shopify pixel reads its GUID). */
export const KEY = 'cart';

/**
 * Order-insensitive fingerprint of a cart: reordering lines is not a change. Written by
 * lib/serialize.ts, so a page's `Array#toJSON` (Prototype.js 1.6) cannot make one cart two; on a
 * page without it, it is what `JSON.stringify` wrote before.
 */
export function cartFingerprint(items: CartItem[]): string {
  return items
    .map((i) => serialize([i.productKey, i.price, i.quantity, i.currency, i.discount, Object.keys(i).filter((k) => k.indexOf('tag_') === 0).sort().map((k) => [k, (i as Record<string, unknown>)[k]])])!)
    .sort()
    .join('|');
}

/**
 * The StatusCart to send for this cart, or undefined when Yespo already has it (same fingerprint
 * as the last one sent, or a new visitor's first cart is empty). The memo is updated. The third
 * element is its exactly-once key (events/once.ts): from the last StatusCart sent (its GUID) to
 * this cart, so two tabs that read the same new cart send one StatusCart.
 */
export function cartChange(store: Store, items: CartItem[]): Outgoing | undefined {
  const fp = cartFingerprint(items);
  const last = store.get<CartMemo>(KEY);
  if (last ? last.fp === fp : !items.length) {
    if (!last) store.set(KEY, { fp });
    return undefined;
  }
  const once = 'cart:' + ((last && typeof last.guid === 'string' && last.guid) || '') + '>' + fp;
  const id = guid();
  const memo: CartMemo = { fp, guid: id, items };
  if (!items.length && last) memo.was = lines(last.items).length ? { guid: last.guid, items: lines(last.items) } : last.was;
  store.set(KEY, memo);
  return ['StatusCart', { StatusCart: items, GUID: id }, once];
}

const lines = (items: unknown): CartItem[] => {
  const v = revive(items);
  return Array.isArray(v) ? v : [];
};
const guidOf = (m: { guid?: unknown } | undefined) => (m && typeof m.guid === 'string' ? m.guid : undefined);

/** The last cart sent from this browser ([] when none). */
export const lastCart = (store: Store): CartItem[] => {
  const m = store.get<CartMemo>(KEY);
  return lines(m && m.items);
};

/**
 * The cart a purchase bought: the last cart sent and its GUID, or, when that is the emptied cart,
 * the one with lines before it.
 */
export function boughtCart(store: Store): { guid?: string; items: CartItem[] } {
  const m = store.get<CartMemo>(KEY);
  const items = lines(m && m.items);
  const was = !items.length && m && m.was;
  return was ? { guid: guidOf(was), items: lines(was.items) } : { guid: guidOf(m), items };
}

/** After a purchase the cart is done: an empty cart on the thank-you page is not news. */
export const cartPurchased = (store: Store) => store.set(KEY, { fp: cartFingerprint([]) });

/**
 * `yespo.setCart([...])` input → cart lines. Accepts `productKey` (or `id` / `sku`), `price`,
 * `quantity`, `currency`, `discount` and `tag_*` arrays; lines without a key are skipped.
 */
export function cartFromInput(input: unknown, currency: string | undefined, problem: Report): CartItem[] | undefined {
  if (!Array.isArray(input)) return __DEBUG__ && problem('api-input', 'setCart expects an array of items'), undefined;
  const out: CartItem[] = [];
  for (const raw of input.slice(0, MAX_ITEMS)) {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const key = text(r.productKey) || text(r.sku) || text(r.id);
    if (!key) {
      __DEBUG__ && problem('api-input', 'setCart: an item without productKey; skipped');
      continue;
    }
    const item: CartItem = { productKey: key, quantity: parseQuantity(r.quantity) || '1' };
    const price = parseNumber(r.price);
    if (price !== undefined) item.price = price;
    else __DEBUG__ && problem('price-invalid', `setCart: item "${key}" has no usable price`);
    const cur = text(r.currency) || currency;
    if (cur) item.currency = cur;
    const d = parseNumber(r.discount);
    if (d !== undefined) item.discount = d;
    for (const k of Object.keys(r))
      if (/^tag_[a-z0-9_]{1,64}$/i.test(k) && Array.isArray(r[k])) {
        const v = (r[k] as unknown[]).map((x) => text(x)).filter((x): x is string => !!x);
        if (v.length) (item as Record<string, unknown>)[k] = v;
      }
    out.push(item);
  }
  // Lines given but none usable is bad input, not an emptied cart.
  return input.length && !out.length ? undefined : out;
}
