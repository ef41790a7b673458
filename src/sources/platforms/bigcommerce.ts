import type { CartItem } from '../../schema/events';
import type { CartOptions, Platform } from '../../types/platform';
import { parseNumber } from '../../lib/number';
import { cartLine, cartLines, currencyOf, isObject, MAX_LINES } from './cartLine';
import { found, product } from './common';

/**
 * A documented `include` (line-item options) that marks our own read: a POST to the bare
 * `/api/storefront/carts` creates a cart, and a resource entry does not tell the method.
 */
const READ = '/api/storefront/carts?include=lineItems.digitalItems.options,lineItems.physicalItems.options';

/** Whether the page is bigcommerce's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ win }) => !!(win.BCData || win.stencilBootstrap);

export const bigcommerce: Platform = {
  name: 'bigcommerce',
  detect,
  page({ doc, win, url, o }) {
    // BigCommerce prints BCData on every Stencil page, with product_attributes on product pages; Cornerstone's cart page has [data-cart].
    const a = win.BCData && win.BCData.product_attributes;
    if (!a) return found(doc.querySelector('[data-cart]') ? 'cart' : undefined, '', '');
    const id = doc.querySelector<HTMLInputElement>('form[data-cart-item-add] [name=product_id]');
    const p = product(o, url, a.sku, id && id.value, a.price && (a.price.with_tax || a.price.without_tax || {}).value, a.instock);
    return p ? { pageType: 'product', product: p } : { pageType: 'product' };
  },
  cart: {
    url: () => READ,
    parse: parseCart,
    // Stencil themes change the cart through `/remote/v1/cart/…` (stencil-utils); scripts through the
    // Storefront API's `carts` routes. Our own read (READ, exactly) never matches.
    signal: /\/remote\/v1\/cart\/|\/api\/storefront\/carts(?!\?include=lineItems\.digitalItems\.options,lineItems\.physicalItems\.options(?:[&#]|$))(?:[/?#]|$)/,
  },
};

/**
 * Storefront Carts API: an array holding the visitor's cart, or none (an empty array: no cart yet).
 * `salePrice` is the unit price after discounts, in major units; bundle parts (with a `parentId`)
 * belong to their parent line and are left out.
 */
function parseCart(data: unknown, o: CartOptions): CartItem[] | undefined {
  if (!Array.isArray(data)) return undefined;
  if (!data.length) return [];
  const cart = data[0];
  const li = isObject(cart) && cart.lineItems;
  if (!isObject(cart) || !isObject(li)) return undefined;
  const cur = currencyOf(isObject(cart.currency) ? cart.currency.code : undefined, o);
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_LINES) : []);
  // productId, as ProductPage reads it from the add-to-cart form's product_id.
  return cartLines(list(li.physicalItems).concat(list(li.digitalItems)), (l) => (l.parentId == null ? cartLine(o, l.sku, l.productId, parseNumber(l.salePrice), l.quantity, cur) : undefined));
}
