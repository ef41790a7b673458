import type { CartItem } from '../../schema/events';
import type { CartOptions, Platform } from '../../types/platform';
import { normalizeIdentity } from '../../lib/identity';
import { parseNumber } from '../../lib/number';
import { text } from '../../lib/text';
import { lastSegment } from '../url';
import { cartLine, cartLines, currencyOf, firstGiven, isObject } from './cartLine';
import { found, pick } from './common';

/** Whether the page is prestashop's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ win }) => !!(win.prestashop && typeof win.prestashop === 'object');

export const prestashop: Platform = {
  name: 'prestashop',
  detect,
  page: ({ win, url }) =>
    found(
      pick('product category cart checkout order-confirmation index pagenotfound search', [win.prestashop.page && win.prestashop.page.page_name]),
      lastSegment(url.pathname),
      // The order reference is shared by all orders of one cart; id_order is unique.
      text(url.searchParams.get('id_order')),
    ),
  cart: {
    // The front object PrestaShop prints on every page: the cart at page load and the currency.
    inPage: ({ win }) => (isObject(win.prestashop) ? { cart: win.prestashop.cart, currency: win.prestashop.currency } : undefined),
    parse: parseCart,
    emitter: ({ win }) => (win.prestashop && typeof win.prestashop.on === 'function' ? win.prestashop : undefined),
    events: ['updateCart'],
    // Themes emit `updateCart` with the cart controller's answer as `resp` (or, for quantity
    // buttons, as `reason`); its `cart` is the new cart. The global `prestashop.cart` is not refreshed.
    fromEvent: (e, { win }) => {
      const ev = isObject(e) ? e : {};
      const cart = (isObject(ev.resp) && ev.resp.cart) || (isObject(ev.reason) && ev.reason.cart);
      return isObject(cart) ? { cart, currency: win.prestashop && win.prestashop.currency } : undefined;
    },
  },
  customer({ win }) {
    const c = isObject(win.prestashop) && win.prestashop.customer;
    // Guests who only ordered once are customers too, but not signed in: the checkout form tells of them.
    if (!isObject(c) || c.is_logged !== true) return undefined;
    const name = [text(c.firstname), text(c.lastname)].filter(Boolean).join(' ');
    const id = normalizeIdentity({ externalCustomerId: c.id, email: c.email, name });
    return id.externalCustomerId || id.email ? id : undefined;
  },
};

/**
 * `{ cart: prestashop.cart, currency: prestashop.currency }` (CartPresenter.php): `price_amount` is
 * the unit price after catalog reductions (vouchers are cart rules, not in it), with tax when the
 * shop shows prices with tax; `reference` is the combination's reference when it has one.
 */
function parseCart(data: unknown, o: CartOptions): CartItem[] | undefined {
  const cart = isObject(data) ? data.cart : undefined;
  if (!isObject(data) || !isObject(cart) || !Array.isArray(cart.products)) return undefined;
  const cur = currencyOf(isObject(data.currency) ? data.currency.iso_code : undefined, o);
  return cartLines(cart.products, (l) =>
    // `price` is the formatted price ("€19.12") once presented: read only when there is no amount.
    cartLine(o, l.reference, l.id_product, parseNumber(firstGiven(l.price_amount, l.price)), firstGiven(l.quantity, l.cart_quantity), cur),
  );
}
