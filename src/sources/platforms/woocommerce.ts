import type { CartItem } from '../../schema/events';
import type { CartOptions, Platform, PlatformContext } from '../../types/platform';
import { normalizeIdentity } from '../../lib/identity';
import { text } from '../../lib/text';
import { cartLine, cartLines, currencyOf, isObject } from './cartLine';
import { classValue, found, pick, textOf } from './common';
import { fromMinor } from './money';

const CART = 'wc/store/v1/cart';

/**
 * Requests that change the cart: classic `?wc-ajax=` actions (the mini-cart's fragment refresh
 * follows every change) and the Store API's `cart/<action>` and `batch` routes, in the `/wp-json/`
 * and the `?rest_route=` form (its slashes may arrive encoded). Our own read (`…/cart` alone) never matches.
 */
const WRITES =
  /[?&]wc-ajax=(?:add_to_cart|remove_from_cart|get_refreshed_fragments|update_order_review)(?:[&#]|$)|wc(?:\/|%2F)store(?:(?:\/|%2F)v1)?(?:\/|%2F)(?:cart(?:\/|%2F)[\w-]|batch)/i;

/** Whether the page is woocommerce's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ cls }) => cls.some((c) => !c.indexOf('woocommerce'));

export const woocommerce: Platform = {
  name: 'woocommerce',
  detect,
  page: ({ doc, url, cls }) =>
    found(
      // The order-received page also has "woocommerce-checkout": it comes later in the list, so it wins.
      pick('single-product tax-product_cat woocommerce-cart woocommerce-checkout woocommerce-order-received home error404 search-results', cls),
      // WooCommerce prints both "term-<slug>" and "term-<id>"; the slug is the category URL's last segment.
      classValue(cls, /^term-(?!\d+$)(.+)/),
      (cls.indexOf('woocommerce-order-received') < 0 ? undefined : textOf(doc, '.woocommerce-order-overview__order strong')) ||
        text((/order-received\/(\d+)/.exec(url.pathname) || [])[1]),
    ),
  cart: {
    url: storeApiCart,
    parse: parseCart,
    signal: WRITES,
    // Dispatched by the Cart and Mini-Cart blocks (also for classic add-to-cart buttons the Mini-Cart
    // block hears). jQuery's own `added_to_cart` / `removed_from_cart` never reach addEventListener:
    // the `wc-ajax` requests behind them are heard as `signal` instead.
    events: ['wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart'],
  },
  customer: (_c, cart) => {
    const b = isObject(cart) && isObject(cart.billing_address) ? cart.billing_address : undefined;
    if (!b) return undefined;
    const name = [text(b.first_name), text(b.last_name)].filter(Boolean).join(' ');
    const id = normalizeIdentity({ email: b.email, phone: b.phone, name, city: b.city });
    // A name or a city alone (the checkout may fill them before the email) names no one.
    return id.email || id.phone ? id : undefined;
  },
};

/**
 * The Store API cart under the site's REST root as WordPress prints it in every page's head
 * (`<link rel="https://api.w.org/">`: `…/wp-json/` with pretty permalinks, `…/?rest_route=/` without,
 * under the site's own path), else `wpApiSettings.root`, else `/?rest_route=`, which answers
 * with either permalink setting on a site at the domain root.
 */
function storeApiCart({ doc, win, url }: PlatformContext): string {
  const link = doc.querySelector('link[rel="https://api.w.org/"]');
  const href = (link && link.getAttribute('href')) || (win.wpApiSettings && win.wpApiSettings.root);
  let root: URL | undefined;
  try {
    root = typeof href === 'string' && href.length < 2048 ? new URL(href, url) : undefined;
  } catch {
    root = undefined;
  }
  if (!root || root.origin !== url.origin) return '/?rest_route=/' + CART;
  if (/[?&]rest_route=/.test(root.search)) return root.pathname + root.search.replace(/([?&]rest_route=)[^&]*/, '$1/' + CART);
  return root.pathname.replace(/\/?$/, '/') + CART;
}

/** Store API cart: `prices.price` is the unit price (sale included, coupons not) as a string in minor units. */
function parseCart(data: unknown, o: CartOptions): CartItem[] | undefined {
  if (!isObject(data) || !Array.isArray(data.items)) return undefined;
  const totals = isObject(data.totals) ? data.totals : {};
  // `id` is the product's, or for a variation the variation's id.
  return cartLines(data.items, (l) => {
    const p = isObject(l.prices) ? l.prices : {};
    return cartLine(o, l.sku, l.id, fromMinor(p.price, p.currency_minor_unit), l.quantity, currencyOf(p.currency_code || totals.currency_code, o));
  });
}
