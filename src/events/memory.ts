import type { Store } from '../lib/storage';

/**
 * A storage-backed "remember the last `keep`": order numbers sent, customers sent. `first(x)` is
 * true the first time `x` is seen in this browser (and remembers it), false ever after.
 */
export function remembered(store: Store, key: string, keep: number) {
  return {
    first(x: string): boolean {
      const seen = store.get<string[]>(key);
      const list = Array.isArray(seen) ? seen : [];
      if (list.indexOf(x) >= 0) return false;
      list.push(x);
      store.set(key, list.slice(-keep));
      return true;
    },
  };
}

export type Remembered = ReturnType<typeof remembered>;

/** What the tracker remembers across page views: orders sent, customers sent (the cart memo is in cartState.ts). */
export interface Memory {
  /** Order numbers, for PurchasedItems once per order ever; a thank-you page is revisited far less often than 100 orders. */
  orders: Remembered;
  /** CustomerData fingerprints, once per distinct identity. */
  customers: Remembered;
  store: Store;
}

/** Storage key and how many are kept, of each list; the Shopify pixel keeps the same lists. */
export const LISTS = { orders: ['orders', 100], customers: ['customers', 20] } as const;

export const createMemory = (store: Store): Memory => ({
  orders: remembered(store, ...LISTS.orders),
  customers: remembered(store, ...LISTS.customers),
  store,
});
