import type { CartItem, ProductPagePayload } from '../schema/events';
import type { Evidence } from '../types/evidence';
import { applyDelta, type DlSignal } from '../sources/datalayer';

/** What a dataLayer entry means: new page evidence, or something to act on at once. */
export type Folded =
  | { evidence: Evidence }
  | { wishlist: ProductPagePayload }
  | { identity: unknown }
  | undefined;

/** What fold needs to know beyond the entry: whether the page marks up its own cart, and the last cart sent. */
export interface FoldContext {
  ownCart: boolean;
  lastCart: () => CartItem[];
}

/**
 * Folds one dataLayer signal into what the dataLayer has said so far (pure: a new Evidence is
 * returned). Cart deltas apply to the last cart known, unless the page has a `data-yespo-cart`
 * of its own, which outranks them.
 */
export function fold(dl: Evidence, s: DlSignal, c: FoldContext): Folded {
  const e: Evidence = { ...dl };
  switch (s.kind) {
    case 'product':
      return { evidence: { ...e, product: s.product, pageType: 'product' } };
    case 'list':
      return s.category ? { evidence: { ...e, category: s.category } } : { evidence: e };
    case 'cart':
      return { evidence: { ...e, cart: s.items, pageType: s.page || 'cart' } };
    case 'add':
    case 'remove':
      return c.ownCart ? undefined : { evidence: { ...e, cart: applyDelta(dl.cart || c.lastCart(), s) } };
    case 'purchase':
      return { evidence: { ...e, order: s.order, pageType: 'purchase' } };
    case 'search':
      return { evidence: { ...e, search: s.found === undefined ? { query: s.query } : { query: s.query, found: s.found }, pageType: 'search' } };
    case 'wishlist':
      return { wishlist: s.product };
    case 'customer':
      return { identity: s.identity };
    default:
      return undefined;
  }
}

/** A new page view keeps only the dataLayer's cart (a mini-cart is on every page). */
export const freshDataLayer = (dl?: Evidence): Evidence => ({ source: 'dataLayer', cart: dl && dl.cart });
