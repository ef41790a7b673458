import type { CartItem, OrderItem } from '../../schema/events';
import type { CartOptions, Found, Platform, PlatformContext } from '../../types/platform';
import { parseQuantity } from '../../lib/number';
import { text } from '../../lib/text';
import { cartLine, cartLines, currencyOf, firstGiven, isObject } from './cartLine';
import { pick, product } from './common';
import { fromMinor } from './money';

/** Shopify's thank-you (order status) page prints the order as `Shopify.checkout`. */
function order(co: any, o: PlatformContext['o']): Found['order'] {
  const items: OrderItem[] = [];
  const cur = text(co.currency, 8) || o.currency;
  for (const l of Array.isArray(co.line_items) ? co.line_items.slice(0, 200) : []) {
    const i = l && (product(o, undefined, l.sku, l.product_id || l.variant_id, l.price) as OrderItem);
    if (!i) continue;
    i.quantity = parseQuantity(l.quantity) || '1';
    if (cur) i.currency = cur;
    items.push(i);
  }
  return { number: String(co.order_id), items };
}

/** Whether the page is shopify's (cheap: a global, a body class or a head tag); in the main file, the adapter in a chunk. */
export const detect: Platform['detect'] = ({ win }) => !!((win.ShopifyAnalytics && win.ShopifyAnalytics.meta) || win.Shopify);

export const shopify: Platform = {
  name: 'shopify',
  detect,
  page({ win, url, o }) {
    const meta = win.ShopifyAnalytics && win.ShopifyAnalytics.meta;
    const co = win.Shopify && win.Shopify.checkout;
    const p = url.pathname;
    const c = /\/collections\/([^/]+)/.exec(p);
    const mp = meta && meta.product;
    const e: Found = {};
    const t = pick('product collection cart - - home - searchresults', [meta && meta.page && meta.page.pageType]) || (/\/products\//.test(p) ? 'product' : c ? 'category' : undefined);
    if (t) e.pageType = t;
    if (e.pageType === 'product' && mp) {
      const vs = Array.isArray(mp.variants) ? mp.variants : [];
      const want = url.searchParams.get('variant');
      const v = vs.filter((x: { id?: unknown }) => x && String(x.id) === want)[0] || vs[0] || {};
      // ShopifyAnalytics.meta prices are integer cents.
      e.product = product(o, url, v.sku, mp.id, v.price / 100);
    }
    if (e.pageType === 'category' && c) e.category = text(c[1]);
    if (co && co.order_id) {
      e.pageType = 'purchase';
      e.order = order(co, o);
    }
    return e.pageType && e;
  },
  cart: {
    url: ({ win }) => root(win) + 'cart.js',
    parse: parseCart,
    // The Ajax API's writes, with or without `.js`, under any locale root; never `/cart.js`, our own read.
    signal: /\/cart\/(?:add|change|update|clear)(?:\.js(?:on)?)?(?:[?#]|$)/,
  },
  customer({ win }) {
    const page = win.ShopifyAnalytics && win.ShopifyAnalytics.meta && win.ShopifyAnalytics.meta.page;
    const id = text(page && page.customerId);
    return id ? { externalCustomerId: id } : undefined;
  },
};

/** Shopify Markets serve a locale under its own root (`Shopify.routes.root`, e.g. "/en-gb/"); its cart answers in that market's currency. */
function root(win: PlatformContext['win']): string {
  const r = win.Shopify && win.Shopify.routes && win.Shopify.routes.root;
  // A same-origin path only: "//host/" would send the read to another site.
  return typeof r === 'string' && /^\/(?!\/)[\w/-]{0,64}$/.test(r) ? r.replace(/\/?$/, '/') : '/';
}

/** `/cart.js` (Ajax API): amounts in cents; `final_price` is the unit price after line-level discounts. */
function parseCart(data: unknown, o: CartOptions): CartItem[] | undefined {
  if (!isObject(data) || !Array.isArray(data.items)) return undefined;
  const cur = currencyOf(data.currency, o);
  // The product id, as ProductPage (ShopifyAnalytics.meta.product.id) and the thank-you page use.
  return cartLines(data.items, (l) =>
    cartLine(o, l.sku, l.product_id || l.variant_id, fromMinor(firstGiven(l.final_price, l.discounted_price, l.price)), l.quantity, cur),
  );
}
