import type { ProductPagePayload } from '../schema/events';
import type { Evidence, SourceOptions } from './evidence';
import { readJson } from '../lib/json';
import { parseNumber } from '../lib/number';
import { text } from '../lib/text';
import { canonical, meta, freshHead } from './head';
import { parse, segment } from './url';

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
}
type Get = (v: unknown) => Entity[];

const MAX_BLOCKS = 50;
const MAX_CHARS = 200_000;
const MAX_NODES = 5000;

export const PRODUCT = /^(Individual)?Product(Group|Model)?$/;
// Anything else in a list (SiteNavigationElement menus, …) does not make a listing page.
const ENTRY = /^(ListItem|(Individual)?Product(Group)?)$/;
const SEARCH_URL = /\/search\b|[?&](q|s|query|search|search_query|keywords?)=/i;
// priceType of a crossed-out price: ListPrice, StrikethroughPrice, MSRP, SRP, MinimumAdvertisedPrice.
const NOT_SELLING = /list|strike|srp|minimum/i;

const isObj = (v: unknown): v is Entity => !!v && typeof v === 'object' && !Array.isArray(v);
/** One value or an array of them → the objects among them. */
export const objects: Get = (v) => ([] as unknown[]).concat(v).filter(isObj);

/** A BreadcrumbList's last entry: the highest `position`, else the last listed. */
export function lastCrumb(list: Entity): Entity | undefined {
  let last: Entity | undefined;
  for (const x of objects(list.itemListElement)) if (!last || !(Number(x.position) < Number(last.position))) last = x;
  return last;
}

/** The name a breadcrumb entry shows: its own, or its item's. */
export const crumbName = (x: Entity | undefined) => x && (text(x.name) || (isObj(x.item) ? text(x.item.name) : undefined));
/** `"Product"`, `["Product","Car"]`, `"http://schema.org/Product"`, `"schema:Product"` → bare names. */
export const isA = (e: Entity, re: RegExp) =>
  ([] as unknown[]).concat(e['@type']).some((t) => typeof t === 'string' && re.test(t.replace(/^.*[/#:]/, '')));



/** A comparable path: lower case, no trailing slash; with the query where the path alone names nothing (`/`, `*.php`). */
function path(u: unknown, base: string): string {
  const x = typeof u === 'string' && /^(https?:|\/|#)/i.test(u) && parse(u, base);
  if (!x) return '';
  const p = x.pathname.replace(/\/+$/, '').toLowerCase();
  return !p || /\.php$/.test(p) ? p + x.search : p;
}


export function pageOf(doc: Document, url: string): Page {
  const urls = [canonical(doc), meta(doc, 'og:url'), url];
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
  };
}

/** Does this URL (or @id) name the page itself? Paths compare by suffix: `/collections/x/products/y` is `/products/y`. */
const at = (pg: Page, u: unknown) => {
  const p = path(u, pg.url);
  return !!p && pg.paths.some((q) => q.slice(-p.length) === p || p.slice(-q.length) === q);
};

const own = (e: Entity) => [e.url, e['@id'], e.mainEntityOfPage].concat(objects(e.mainEntityOfPage).map((m) => m['@id'] || m.url));

/**
 * `InStock`, `https://schema.org/InStock`, `in stock`, `oos` → 1/0. The shop takes orders for
 * PreOrder, PreSale, BackOrder, MadeToOrder and LimitedAvailability items, so they count as 1.
 */
export function inStock(v: unknown): 0 | 1 | undefined {
  const s = (text(v) || '').replace(/^.*[/:]/, '').replace(/[\s_-]/g, '').toLowerCase();
  return /^(out|oos|sold|disc|unav)/.test(s) ? 0 : /^(instock|instore|online|limited|pre|back|made|avail)/.test(s) ? 1 : undefined;
}

/** The selling price of an Offer / AggregateOffer / PriceSpecification; never a list or strikethrough price. */
function price(o: Entity, spec = true): string | undefined {
  let p = parseNumber(o.price);
  if (!p && spec)
    for (const s of objects(o.priceSpecification))
      if (!NOT_SELLING.test(text(s.priceType) || '') && !s.referenceQuantity && (p = price(s, false))) break;
  // minPrice: BigCommerce Cornerstone prints it on an Offer for a price range.
  return p || parseNumber(o.lowPrice) || parseNumber(o.minPrice);
}

function keyOf(e: Entity, opts: SourceOptions): string | undefined {
  for (const k of opts.productKey) {
    const v =
      k === 'id' || k === 'url'
        ? segment(e[k === 'id' ? '@id' : 'url'], opts.url)
        : k === 'gtin'
          ? e.gtin || e.gtin13 || e.gtin14 || e.gtin12 || e.gtin8
          : e[k] || (k === 'sku' ? e.productGroupID : undefined);
    const t = text(v);
    if (t) return t;
  }
  return undefined;
}

/** Does a variant's URL carry query parameters that the page's URL has too (`?variant=123`, `?size=s&color=green`)? */
function selects(u: unknown, q: URLSearchParams, base: string) {
  const x = parse(u, base);
  let n = 0;
  if (x) x.searchParams.forEach((v, k) => (n += q.get(k) === v ? 1 : -1e9));
  return n > 0;
}

/**
 * ProductPage data of one product: for a ProductGroup the variant the URL selects, else the group
 * itself (key: sku, then productGroupID); the price and stock of the offer whose sku or URL matches.
 */
export function payload(e: Entity, opts: SourceOptions, get: Get = objects): ProductPagePayload | undefined {
  const q = new URLSearchParams(opts.url.split('#')[0].split('?')[1]);
  const id = q.get('variant');
  const hit = (o: Entity) => [o.url, o['@id']].some((u) => selects(u, q, opts.url));
  const v = get(e.hasVariant).find(
    (x) => (id && (text(x.sku) === id || text(x.productID) === id)) || hit(x) || get(x.offers).some(hit),
  );
  const src = v || e;
  const productKey = keyOf(src, opts) || keyOf(e, opts);
  if (!productKey) return undefined;
  let offers = get(src.offers);
  if (!offers.length) offers = v ? get(e.offers) : offers.concat(...get(e.hasVariant).map((x) => get(x.offers)));
  offers = offers.concat(...offers.map((o) => get(o.offers)));
  const sku = text(src.sku);
  const mine = offers.filter((o) => (sku && text(o.sku) === sku) || hit(o));
  const use = (mine.length ? mine : offers).concat(src);
  const p: ProductPagePayload = { productKey };
  for (const o of use) if ((p.price = price(o))) break;
  if (!p.price) delete p.price;
  const s = use.map((o) => inStock(o.availability));
  if (s.indexOf(1) >= 0) p.isInStock = 1;
  else if (s.indexOf(0) >= 0) p.isInStock = 0;
  return p;
}

/**
 * The page's own product, never a widget's or a list's: one a WebPage names as its mainEntity or
 * whose url / @id / mainEntityOfPage is this page. Failing that (and never on the home page): with
 * og:type product, the one product on the page; with no og:type and no listing, the one product
 * that points to no other page. Candidates with the same key are one product seen twice.
 */
export function mainProduct(cands: Candidate[], pg: Page, opts: SourceOptions, get: Get = objects, listing = false) {
  const named = cands.filter((c) => c.main || own(c.e).some((u) => at(pg, u)));
  const pool = named.length
    ? named
    : pg.home
      ? []
      : pg.og
        ? /product/.test(pg.og) ? cands : []
        : listing
          ? []
          : cands.filter((c) => !own(c.e).some((u) => path(u, pg.url)));
  let out: ProductPagePayload | undefined;
  for (const c of pool) {
    const p = payload(c.e, opts, get);
    if (!p) continue;
    if (!out || p.productKey === out.productKey) out = { ...p, ...out };
    else if (!named.length) return undefined;
  }
  return out;
}

/**
 * What the page's JSON-LD says: a product page when its main entity is a Product; a search page for
 * a SearchResultsPage; a category page for a CollectionPage, or an ItemList of products with a
 * breadcrumb or the page's own URL (key: last path segment of the canonical URL, else og:url, else
 * the breadcrumb's last item, else the address). Site-wide blocks (Organization,
 * WebSite + SearchAction, BreadcrumbList alone) say nothing about the page type.
 */
export function readJsonLd(doc: Document, opts: SourceOptions, found?: ArrayLike<Element>): Evidence {
  freshHead(doc);
  const ev: Evidence = { source: 'json-ld' };
  try {
    const ids = new Map<string, Entity>();
    const mains = new Set<unknown>();
    const listed = new Set<unknown>();
    const cands: Candidate[] = [];
    const pages: Entity[] = [];
    const lists: Entity[] = [];
    const crumbs: Entity[] = [];
    let nodes = 0;
    const mark = (set: Set<unknown>, e: Entity) => typeof e['@id'] === 'string' && set.add(e['@id']);
    const walk = (v: unknown, main: boolean): void => {
      if (!v || typeof v !== 'object' || ++nodes > MAX_NODES) return;
      if (!isObj(v)) return (v as unknown[]).forEach((x) => walk(x, main));
      const id = v['@id'];
      // A bare {"@id": …} is a reference; the typed node is the definition.
      if (typeof id === 'string' && v['@type'] && !ids.has(id)) ids.set(id, v);
      if (main) mark(mains, v);
      walk(v['@graph'], main);
      if (isA(v, PRODUCT)) cands.push({ e: v, main });
      else if (isA(v, /Page$/)) {
        pages.push(v);
        walk(v.mainEntity, true);
        walk(v.hasPart, false);
      } else if (isA(v, /^BreadcrumbList$/)) crumbs.push(v);
      else if (isA(v, /^(ItemList|OfferCatalog)$/)) {
        lists.push(v);
        for (const x of objects(v.itemListElement)) mark(listed, x), objects(x.item).forEach((i) => mark(listed, i));
      }
    };
    // `found`: elements from a walk of the page shared with the other readers, the scripts among them.
    const blocks = found || doc.querySelectorAll('script[type]');
    for (let i = 0, n = 0; i < blocks.length; i++) {
      if (blocks[i].tagName !== 'SCRIPT' || !/^\s*application\/ld\+json\s*(;|$)/i.test(blocks[i].getAttribute('type') || '')) continue;
      const name = 'JSON-LD block #' + ++n;
      const body = blocks[i].textContent || '';
      if (n > MAX_BLOCKS) return __DEBUG__ && opts.problem(`JSON-LD: over ${MAX_BLOCKS} blocks, the rest skipped`), ev;
      if (body.length > MAX_CHARS) __DEBUG__ && opts.problem(name + ': over 200 KB, skipped');
      else walk(readJson(body, (why) => void (__DEBUG__ && opts.problem(name + ': ' + why))), false);
    }

    const last = crumbs.length ? lastCrumb(crumbs[crumbs.length - 1]) : undefined;
    const crumb = crumbName(last);
    if (crumb) ev.crumb = crumb;
    const pg = pageOf(doc, opts.url);
    const get: Get = (v) => objects(v).map((o) => ids.get(o['@id'] as string) || o);
    const page = (re: RegExp) => pages.find((p) => isA(p, re));
    if (page(/^SearchResultsPage$/)) {
      ev.pageType = 'search';
      // The results list: its numberOfItems, else its entries, tells whether anything was found.
      const l = lists[0];
      if (l) ev.search = { found: (typeof l.numberOfItems === 'number' ? l.numberOfItems : objects(l.itemListElement).length) > 0 ? 1 : 0 };
      return ev;
    }
    const collection = page(/^CollectionPage$/);
    const list = lists.find((l) => objects(l.itemListElement).some((x) => !x['@type'] || isA(x, ENTRY)));
    const products = cands.filter((c) => !listed.has(c.e['@id'])).map((c) => ({ e: c.e, main: c.main || mains.has(c.e['@id']) }));
    const product = mainProduct(products, pg, opts, get, !!(collection || list));
    if (product) return (ev.pageType = 'product'), (ev.product = product), ev;
    if (products.length) __DEBUG__ && opts.problem(`JSON-LD: ${products.length} Product(s), none of them the page's own`);
    // A Product that points to no other page may be this page's own: then the lists are its related products.
    const loose = products.some((c) => !own(c.e).some((u) => path(u, pg.url)));
    // A product list on a search URL is the results: whether anything was found, not a category.
    if (SEARCH_URL.test(opts.url) && list) ev.search = { found: objects(list.itemListElement).length ? 1 : 0 };
    if (pg.home || loose || SEARCH_URL.test(opts.url) || !(collection || (list && (crumbs.length || at(pg, list.url))))) return ev;
    const item = last && (isObj(last.item) ? last.item['@id'] || last.item.url : last.item || last.url);
    const from: unknown[] = [pg.urls[0], pg.urls[1], item, opts.url];
    for (const u of from) {
      const key = segment(u, opts.url);
      if (key) return (ev.pageType = 'category'), (ev.category = key), ev;
    }
  } catch (e) {
    __DEBUG__ && opts.problem('JSON-LD: ' + e);
  }
  return ev;
}
