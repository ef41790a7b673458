import type { CartItem } from '../../schema/events';
import type { CartOptions, Platform, PlatformContext } from '../../types/platform';
import { readJson } from '../../lib/json';
import { parseNumber } from '../../lib/number';
import { text } from '../../lib/text';
import { cartLine, cartLines, currencyOf, isObject } from './cartLine';
import { classValue, found, pick, textOf } from './common';

const TYPES = 'catalog-product-view catalog-category-view checkout-cart-index checkout-index-index checkout-onepage-success cms-index-index cms-noroute-index catalogsearch-result-index';

/** Whether the page is magento's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ cls }) => !!pick(TYPES, cls);

export const magento: Platform = {
  name: 'magento',
  // Magento 2 names every page by its layout handle in the body classes.
  detect,
  page: ({ doc, cls }) =>
    found(
      pick(TYPES, cls),
      // Magento 2 adds "category-<url_key>" beside "categorypath-<path>".
      classValue(cls, /^category-(.+)/),
      // Signed-in customers get a link to the order, guests a span. Looked for on the success page
      // only: a selector that matches nothing walks the whole page.
      cls.indexOf('checkout-onepage-success') < 0 ? undefined : textOf(doc, '.checkout-success .order-number strong') || textOf(doc, '.checkout-success p span'),
    ),
  cart: {
    inPage: sections,
    parse: parseCart,
    // customer-data.js reloads private sections with this request and writes the answer to storage.
    signal: /\/customer\/section\/load\b/,
  },
  customer(c) {
    const s = sections(c);
    // The customer section has a name and nothing else: no email, no id (Customer.php).
    const name = isObject(s) && isObject(s.customer) ? text(s.customer.fullname) || text(s.customer.firstname) : undefined;
    return name ? { name } : undefined;
  },
};

/** Magento 2's private content ("customer sections") as customer-data.js keeps it; undefined when storage is unreadable. */
function sections({ win }: PlatformContext): unknown {
  try {
    const raw = win.localStorage.getItem('mage-cache-storage');
    // A storage value is the visitor's own, but a shop's script may fill it with anything.
    return typeof raw === 'string' && raw.length < 5e6 ? readJson(raw) : undefined;
  } catch {
    // Storage is off (privacy mode, a sandboxed frame): the cart is unknown here.
    return undefined;
  }
}

/**
 * `mage-cache-storage` → `.cart.items` (Checkout/CustomerData/DefaultItem.php). The section has no
 * currency: the config's `currency` is used. `product_price_value` is the unit price Magento
 * calculates (catalog rules applied, cart rules not); with "display both prices" the Tax module
 * makes it `{ incl_tax, excl_tax }`, and the shopper's price, incl_tax, is taken.
 */
function parseCart(data: unknown, o: CartOptions): CartItem[] | undefined {
  const cart = isObject(data) && data.cart;
  if (!isObject(cart) || !Array.isArray(cart.items)) return undefined;
  const cur = currencyOf(undefined, o);
  // product_id is the configurable parent's id, product_sku the chosen child's SKU.
  return cartLines(cart.items, (l) => {
    const v = l.product_price_value;
    return cartLine(o, l.product_sku, l.product_id, parseNumber(isObject(v) ? v.incl_tax : v), l.qty, cur);
  });
}
