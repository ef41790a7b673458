import type { Evidence, SourceOptions } from './evidence';
import type { OrderItem, ProductPagePayload } from '../schema/events';
import { PAGE_TYPES, type PageType } from '../lib/pageTypes';
import { parseNumber, parseQuantity } from '../lib/number';
import { text } from '../lib/text';
import { lastSegment } from './url';

type Found = Omit<Evidence, 'source'>;
/** Platform globals are loose JSON from another script: read with `&&` chains, never trusted. */
type Adapter = (doc: Document, win: any, o: SourceOptions, url: URL, cls: string[]) => Found | undefined;

/**
 * Page-type names in PAGE_TYPES order (product category cart checkout purchase main 404 search; "-"
 * where the platform has none) → the type of the last one found in `keys` (body classes or a page name).
 */
const pick = (names: string, keys: unknown[]) => {
  let t: PageType | undefined;
  names.split(' ').forEach((n, i) => keys.indexOf(n) >= 0 && (t = PAGE_TYPES[i]));
  return t;
};

/** The captured part of the first body class matching `re`. */
const classValue = (cls: string[], re: RegExp) => {
  for (const c of cls) {
    const m = re.exec(c);
    if (m) return text(m[1]);
  }
  return undefined;
};

const textOf = (doc: Document, sel: string) => {
  const el = doc.querySelector(sel);
  return el ? text(el.textContent) : undefined;
};


/**
 * productKey in the config's `productKey` order: the platform's SKU, its product id (`id`,
 * `productID`), or the page URL (`url`, only for the page's own product; platforms print no mpn/gtin).
 */
function product(o: SourceOptions, url: URL | undefined, sku: unknown, id: unknown, price: unknown, stock?: unknown) {
  for (const k of o.productKey) {
    const key = text(k === 'sku' ? sku : k === 'url' ? url && lastSegment(url.pathname) : /id/i.test(k) ? id : undefined);
    if (!key) continue;
    const p: ProductPagePayload = { productKey: key };
    const pr = parseNumber(price);
    if (pr) p.price = pr;
    if (typeof stock === 'boolean') p.isInStock = stock ? 1 : 0;
    return p;
  }
  return undefined;
}

const shopify: Adapter = (_d, w, o, url) => {
  const meta = w.ShopifyAnalytics && w.ShopifyAnalytics.meta;
  const co = w.Shopify && w.Shopify.checkout;
  if (!meta && !w.Shopify) return undefined;
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
  // Shopify's thank-you (order status) page prints the order as Shopify.checkout.
  if (co && co.order_id) {
    const items: OrderItem[] = [];
    const cur = text(co.currency, 8) || o.currency;
    for (const l of Array.isArray(co.line_items) ? co.line_items.slice(0, 200) : []) {
      const i = l && (product(o, undefined, l.sku, l.product_id || l.variant_id, l.price) as OrderItem);
      if (!i) continue;
      i.quantity = parseQuantity(l.quantity) || '1';
      if (cur) i.currency = cur;
      items.push(i);
    }
    e.pageType = 'purchase';
    e.order = { number: String(co.order_id), items };
  }
  return e.pageType && e;
};

/** Body-class platforms: the page type, the category key on category pages, the order number on thank-you pages. */
function found(t: PageType | undefined, category: string | undefined, n: string | undefined): Found | undefined {
  if (!t) return undefined;
  const e: Found = { pageType: t };
  if (t === 'category' && category) e.category = category;
  if (t === 'purchase' && n) e.order = { number: n, items: [] };
  return e;
}

const woocommerce: Adapter = (doc, _w, _o, url, cls) =>
  cls.some((c) => !c.indexOf('woocommerce'))
    ? found(
        // The order-received page also has "woocommerce-checkout": it comes later in the list, so it wins.
        pick('single-product tax-product_cat woocommerce-cart woocommerce-checkout woocommerce-order-received home error404 search-results', cls),
        // WooCommerce prints both "term-<slug>" and "term-<id>"; the slug is the category URL's last segment.
        classValue(cls, /^term-(?!\d+$)(.+)/),
        (cls.indexOf('woocommerce-order-received') < 0 ? undefined : textOf(doc, '.woocommerce-order-overview__order strong')) ||
          text((/order-received\/(\d+)/.exec(url.pathname) || [])[1]),
      )
    : undefined;

const magento: Adapter = (doc, _w, _o, _u, cls) =>
  found(
    pick('catalog-product-view catalog-category-view checkout-cart-index checkout-index-index checkout-onepage-success cms-index-index cms-noroute-index catalogsearch-result-index', cls),
    // Magento 2 adds "category-<url_key>" beside "categorypath-<path>".
    classValue(cls, /^category-(.+)/),
    // Signed-in customers get a link to the order, guests a span. Looked for on the success page
    // only: a selector that matches nothing walks the whole page.
    cls.indexOf('checkout-onepage-success') < 0 ? undefined : textOf(doc, '.checkout-success .order-number strong') || textOf(doc, '.checkout-success p span'),
  );

const prestashop: Adapter = (_d, w, _o, url) =>
  found(
    pick('product category cart checkout order-confirmation index pagenotfound search', [w.prestashop && w.prestashop.page && w.prestashop.page.page_name]),
    lastSegment(url.pathname),
    // The order reference is shared by all orders of one cart; id_order is unique.
    text(url.searchParams.get('id_order')),
  );

const bigcommerce: Adapter = (doc, w, o, url) => {
  if (!w.BCData && !w.stencilBootstrap) return undefined;
  // BigCommerce prints BCData on every Stencil page, with product_attributes on product pages; Cornerstone's cart page has [data-cart].
  const a = w.BCData && w.BCData.product_attributes;
  if (!a) return found(doc.querySelector('[data-cart]') ? 'cart' : undefined, '', '');
  const id = doc.querySelector<HTMLInputElement>('form[data-cart-item-add] [name=product_id]');
  const p = product(o, url, a.sku, id && id.value, a.price && (a.price.with_tax || a.price.without_tax || {}).value, a.instock);
  return p ? { pageType: 'product', product: p } : { pageType: 'product' };
};

const ADAPTERS: Record<string, Adapter> = { shopify, woocommerce, magento, prestashop, bigcommerce };

/**
 * What the big shop platforms print on every page (globals and body classes): one Evidence per
 * platform detected on a page type it knows. Read-only, nothing is patched. `off` lists adapters
 * the config switched off.
 * An order's `items` may be empty: the platform gives the number, the lines come from elsewhere.
 */
export function readPlatforms(doc: Document, win: Window, opts: SourceOptions, off: string[] = []): Evidence[] {
  const out: Evidence[] = [];
  for (const k in ADAPTERS)
    if (off.indexOf(k) < 0)
      try {
        const f = ADAPTERS[k](doc, win, opts, new URL(opts.url, 'http://x'), doc.body ? Array.from(doc.body.classList) : []);
        if (f) out.push({ source: k, ...f });
      } catch {
        __DEBUG__ && opts.problem(k + ': page data unreadable');
      }
  return out;
}
