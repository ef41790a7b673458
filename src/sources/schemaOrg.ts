import type { ProductPagePayload } from '../schema/events';
import { isObj } from '../lib/obj';
import type { Evidence, SourceOptions } from '../types/evidence';
import { parseNumber } from '../lib/number';
import { text } from '../lib/text';
import { canonical, meta } from './head';
import { parse, segment } from './url';

/**
 * The schema.org interpretation JSON-LD, microdata and OpenGraph share: which Product is the page's
 * own, and its key, price and stock. Platforms print schema.org loosely; each tolerance used is
 * written to `notes` so the audit and the debug build can show what was read and how (the shop
 * build compiles the notes out).
 */

/** A schema.org entity, read from JSON-LD or rebuilt from microdata / OpenGraph tags. */
export type Entity = Record<string, unknown>;
/** A Product that may be the page's subject; `main` when a WebPage names it as its mainEntity. */
export interface Candidate {
  e: Entity;
  main?: boolean;
}
/** Where the page says it is, and what it says it is (og:type). */
export interface Page {
  url: string;
  /** canonical link, og:url, the address itself. */
  urls: Array<string | null>;
  paths: string[];
  home: boolean;
  og: string;
  /** The address looks like a product's own (see PRODUCT_URL). */
  shaped: boolean;
}
/** The tolerances used to read an entity, in plain words. */
export type Notes = string[];
export type Get = (v: unknown) => Entity[];

export const PRODUCT = /^(Individual)?Product(Group|Model)?$/;
// priceType of a crossed-out price: ListPrice, StrikethroughPrice, MSRP, SRP, MinimumAdvertisedPrice.
const NOT_SELLING = /list|strike|srp|minimum/i;
/**
 * Product addresses as platforms print them: /product(s)/slug (Shopify, WooCommerce, Next.js
 * Commerce), /product-page/ (Wix), /p/ (Squarespace), /item/, /dp/, /p123 and -p-123 (marketplaces,
 * osCommerce), *.html (Magento, Salesforce SFRA, OpenCart SEO URLs).
 */
const PRODUCT_URL = /\/(products?(-page)?|item|dp|p)\/[^/]|\/p\d+|-p-\d+|[^/]\.html?$/i;
const PLAIN = /^\d+(\.\d+)?$/;

/** One value or an array of them → the objects among them. */
export const objects: Get = (v) => ([] as unknown[]).concat(v).filter((x): x is Entity => isObj(x));

/** `"Product"`, `["Product","Car"]`, `"http://schema.org/Product"`, `"schema:Product"` → bare names. */
export const isA = (e: Entity, re: RegExp) =>
  ([] as unknown[]).concat(e['@type']).some((t) => typeof t === 'string' && re.test(t.replace(/^.*[/#:]/, '')));

/** A BreadcrumbList's last entry: the highest `position`, else the last listed. */
export function lastCrumb(list: Entity): Entity | undefined {
  let last: Entity | undefined;
  for (const x of objects(list.itemListElement)) if (!last || !(Number(x.position) < Number(last.position))) last = x;
  return last;
}

/** The name a breadcrumb entry shows: its own, or its item's. */
export const crumbName = (x: Entity | undefined) => x && (text(x.name) || (isObj<Entity>(x.item) ? text(x.item.name) : undefined));

/**
 * `e[k]`, else the one key that differs from it only in case: Wix prints `Offers` and
 * `Availability`, Salesforce SFRA `lowprice`. Two such keys are ambiguous and read as none.
 */
export function val(e: Entity, k: string, n: Notes): unknown {
  if (e[k] != null) return e[k];
  const ks = Object.keys(e).filter((x) => x.toLowerCase() === k.toLowerCase());
  if (ks.length !== 1) return undefined;
  __DEBUG__ && n.push(ks[0] + ' read as ' + k);
  return e[ks[0]];
}

/** A comparable path: lower case, no trailing slash; with the query where the path alone names nothing (`/`, `*.php`). */
export function path(u: unknown, base: string): string {
  const x = typeof u === 'string' && /^(https?:|\/|#)/i.test(u) && parse(u, base);
  if (!x) return '';
  const p = x.pathname.replace(/\/+$/, '').toLowerCase();
  return !p || /\.php$/.test(p) ? p + x.search : p;
}

export function pageOf(doc: Document, url: string): Page {
  const urls = [canonical(doc), meta(doc, 'og:url'), url];
  const at = parse(url, url);
  return {
    url,
    urls,
    paths: urls.map((u) => path(u, url)).filter(Boolean),
    // The address or the canonical link is the site root, whatever the query (?utm_source=…).
    home: [urls[0], url].some((u) => {
      const x = parse(u, url);
      return !!x && x.pathname === '/';
    }),
    og: (meta(doc, 'og:type') || '').toLowerCase(),
    shaped: !!at && PRODUCT_URL.test(at.pathname),
  };
}

/** Does this URL (or @id) name the page itself? Paths compare by suffix: `/collections/x/products/y` is `/products/y`. */
export const at = (pg: Page, u: unknown) => {
  const p = path(u, pg.url);
  return !!p && pg.paths.some((q) => q.slice(-p.length) === p || p.slice(-q.length) === q);
};

/** The URLs by which an entity names its own page. */
export const own = (e: Entity) => [e.url, e['@id'], e.mainEntityOfPage].concat(objects(e.mainEntityOfPage).map((m) => m['@id'] || m.url));

/**
 * `InStock`, `https://schema.org/InStock`, `in stock`, `oos` → 1/0. The shop takes orders for
 * PreOrder, PreSale, BackOrder, MadeToOrder and LimitedAvailability items, so they count as 1.
 */
export function inStock(v: unknown): 0 | 1 | undefined {
  const s = (text(v) || '').replace(/^.*[/:]/, '').replace(/[\s_-]/g, '').toLowerCase();
  return /^(out|oos|sold|disc|unav)/.test(s) ? 0 : /^(instock|instore|online|limited|pre|back|made|avail)/.test(s) ? 1 : undefined;
}

/**
 * A price value: a number, a numeric string, or as platforms also print it, `"1 299,00 ₴"` (a
 * marketplace in hryvnia), `"$24.00"` (Squarespace) or `{ "value": 12 }` (headless shops).
 */
function amount(v: unknown, n: Notes): string | undefined {
  if (isObj<Entity>(v)) {
    const p = amount(v.value || v.amount, n);
    if (__DEBUG__ && p) n.push('price read from an object');
    return p;
  }
  const p = parseNumber(v);
  if (__DEBUG__ && p && typeof v === 'string' && !PLAIN.test(v.trim())) n.push('price read from a string');
  return p;
}

/** The selling price of an Offer / AggregateOffer / PriceSpecification; never a list or strikethrough price. */
function price(o: Entity, n: Notes, spec = true): string | undefined {
  let p = amount(val(o, 'price', n), n);
  if (!p && spec)
    for (const s of objects(o.priceSpecification))
      if (!NOT_SELLING.test(text(s.priceType) || '') && !s.referenceQuantity && (p = price(s, n, false))) break;
  // minPrice: BigCommerce Cornerstone prints it on an Offer for a price range.
  return p || amount(val(o, 'lowPrice', n), n) || amount(o.minPrice, n);
}

/** The productKey in the config's order; for `id` and `url` the last path segment. */
function keyOf(e: Entity, opts: SourceOptions, n: Notes): string | undefined {
  for (const k of opts.productKey) {
    const v =
      k === 'id' || k === 'url'
        ? segment(k === 'id' ? e['@id'] : val(e, 'url', n), opts.url)
        : k === 'gtin'
          ? e.gtin || e.gtin13 || e.gtin14 || e.gtin12 || e.gtin8
          : val(e, k, n) || (k === 'sku' ? e.productGroupID : undefined);
    const t = text(v);
    if (t) return t;
  }
  return undefined;
}

/** Does a variant's URL carry query parameters that the page's URL has too (`?variant=123`, `?size=s&color=green`)? */
function selects(u: unknown, q: URLSearchParams, base: string) {
  const x = parse(u, base);
  let m = 0;
  if (x) x.searchParams.forEach((v, k) => (m += q.get(k) === v ? 1 : -1e9));
  return m > 0;
}

/**
 * ProductPage data of one product: for a ProductGroup the variant the URL selects, else the group
 * itself (key: sku, then productGroupID); the price and stock of the offer whose sku or URL matches.
 * A product with no key of its own takes the offer's (Hydrogen, SFRA cartridges put sku and url there).
 */
export function payload(e: Entity, opts: SourceOptions, get: Get = objects, n: Notes = []): ProductPagePayload | undefined {
  const v = (o: Entity, k: string) => val(o, k, n);
  const offersOf = (o: Entity) => get(v(o, 'offers'));
  const q = new URLSearchParams(opts.url.split('#')[0].split('?')[1]);
  const id = q.get('variant');
  const hit = (o: Entity) => [o.url, o['@id']].some((u) => selects(u, q, opts.url));
  const vs = get(e.hasVariant);
  const pick = vs.find((x) => (id && (text(v(x, 'sku')) === id || text(x.productID) === id)) || hit(x) || offersOf(x).some(hit));
  const src = pick || e;
  let offers = offersOf(src);
  if (!offers.length) offers = pick ? offersOf(e) : offers.concat(...vs.map(offersOf));
  offers = offers.concat(...offers.map(offersOf));
  const sku = text(v(src, 'sku'));
  const mine = offers.filter((o) => (sku && text(v(o, 'sku')) === sku) || hit(o));
  const use = mine.length ? mine : offers;
  let productKey = keyOf(src, opts, n) || keyOf(e, opts, n);
  if (!productKey && use[0] && (productKey = keyOf(use[0], opts, n))) __DEBUG__ && n.push('key taken from the offer');
  if (!productKey) return undefined;
  const p: ProductPagePayload = { productKey };
  for (const o of use.concat(src)) if ((p.price = price(o, n))) break;
  if (!p.price) delete p.price;
  const s = use.concat(src).map((o) => inStock(v(o, 'availability')));
  if (s.indexOf(1) >= 0) p.isInStock = 1;
  else if (s.indexOf(0) >= 0) p.isInStock = 0;
  return p;
}

/**
 * The page's own product, never a widget's or a list's: one a WebPage names as its mainEntity or
 * whose url / @id / mainEntityOfPage is this page. Failing that (and never on the home page): with
 * og:type product, the one product on the page; with no og:type and nothing else on the page (a
 * listing, an article), the one product that points to no other page; on a product-shaped address
 * (not an article), the only Product there is, when it has an offer and points to no other page —
 * keyed by the address when it has no key of its own. Candidates with the same key are one product
 * seen twice. `n` receives the tolerances used for the product returned.
 */
export function mainProduct(cands: Candidate[], pg: Page, opts: SourceOptions, get: Get = objects, other: '' | 'listing' | 'article' = '', n: Notes = []) {
  const named = cands.filter((c) => c.main || own(c.e).some((u) => at(pg, u)));
  const loose = cands.filter((c) => !own(c.e).some((u) => path(u, pg.url)));
  const only = pg.shaped && !/article/.test(pg.og + other) && !cands[1] && !!loose[0] && get(val(loose[0].e, 'offers', [])).length > 0;
  const pool = named.length ? named : pg.home ? [] : /product/.test(pg.og) ? cands : (!pg.og && !other) || only ? loose : [];
  if (__DEBUG__ && only && pool === loose && (pg.og || other)) n.push("product taken as the page's own: only Product on a product-shaped URL");
  let out: ProductPagePayload | undefined;
  for (const c of pool) {
    const cn: Notes = [];
    let p = payload(c.e, opts, get, cn);
    if (!p && only && (p = payload({ ...c.e, url: pg.url }, opts, get, cn))) __DEBUG__ && cn.push('url taken from the page address');
    if (!p) continue;
    if (!out || p.productKey === out.productKey) (out = { ...p, ...out }), n.push(...cn);
    else if (!named.length) return undefined;
  }
  return out;
}

/** Notes without repeats on the evidence, when a tolerance was needed (debug build and tests only). */
export const noted = (ev: Evidence, n: Notes) => {
  if (__DEBUG__ && n.length) ev.notes = n.filter((x, i) => n.indexOf(x) === i);
};
