import type { CartItem } from '../../schema/events';
import { isObj } from '../../lib/obj';
import type { CartOptions } from '../../types/platform';
import { parseQuantity } from '../../lib/number';
import { productKey } from './common';

/** Platform JSON: read with `&&` chains and checked at each use, never trusted. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** Most lines read from one cart: a larger one is someone else's data, not a shopper's basket. */
export const MAX_LINES = 200;

/** An ISO 4217 code ("usd" → "USD"), else the config's `currency`, else undefined. */
export const currencyOf = (v: unknown, o: CartOptions) =>
  typeof v === 'string' && /^[a-z]{3}$/i.test(v) ? v.toUpperCase() : o.currency;

/**
 * One StatusCart line: the key in the config's `productKey` order (SKU first, then the id the
 * platform's ProductPage uses, so both events name the product alike), the unit price already in
 * major units, a positive quantity. Undefined when the line has no key or no quantity.
 */
export function cartLine(o: CartOptions, sku: unknown, id: unknown, price: string | undefined, quantity: unknown, currency: string | undefined): CartItem | undefined {
  const key = productKey(o, undefined, sku, id);
  const q = parseQuantity(quantity);
  if (!key || !q) return undefined;
  const item = { productKey: key } as CartItem;
  if (price) item.price = price;
  item.quantity = q;
  if (currency) item.currency = currency;
  return item;
}

/** The objects of a platform's line list (at most MAX_LINES) mapped through `fn`, the unreadable ones left out. */
export function cartLines(list: unknown, fn: (line: Loose) => CartItem | undefined): CartItem[] {
  const out: CartItem[] = [];
  if (!Array.isArray(list)) return out;
  for (const l of list.slice(0, MAX_LINES)) {
    const item = l && typeof l === 'object' ? fn(l) : undefined;
    if (item) out.push(item);
  }
  return out;
}

/** The first value given (not null or undefined): a field present but unreadable is not replaced by a fallback. */
export const firstGiven = (...v: unknown[]) => v.filter((x) => x != null)[0];

/** A plain object (not null, not an array), so `&&` chains can read its fields. */
/** A plain object of untrusted JSON (lib/obj.ts). */
export { isObj as isObject };
