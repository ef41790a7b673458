import type { Evidence, SourceOptions } from '../types/evidence';
import { readJson } from '../lib/json';
import { segment } from './url';
import { at, crumbName, isA, lastCrumb, mainProduct, noted, objects, own, pageOf, path, PRODUCT, type Candidate, type Entity, type Get, type Notes, type Page } from './schemaOrg';

const MAX_BLOCKS = 50;
const MAX_CHARS = 200_000;
const MAX_NODES = 5000;

// Anything else in a list (SiteNavigationElement menus, …) does not make a listing page.
const ENTRY = /^(ListItem|(Individual)?Product(Group)?)$/;
// A blog post or news story: its products are what it writes about, not what the page sells.
const ARTICLE = /^(Blog|BlogPosting|(\w+)?Article)$/;
const SEARCH_URL = /\/search\b|[?&](q|s|query|search|search_query|keywords?)=/i;

/** What the JSON-LD blocks of a page hold, sorted by what they say about the page. */
interface Graph {
  /** Typed nodes by @id, for references. */
  _ids: Map<string, Entity>;
  /** @ids a WebPage names as its mainEntity. */
  _mains: Set<unknown>;
  /** @ids listed in an ItemList. */
  _listed: Set<unknown>;
  _cands: Candidate[];
  _lists: Entity[];
  /** The last BreadcrumbList. */
  _crumbs?: Entity;
  /** What the page says it is: a SearchResultsPage, a CollectionPage, an article. */
  _search?: boolean;
  _collection?: boolean;
  _article?: boolean;
}

/**
 * Every block parsed (broken JSON repaired where it safely can be) and walked through `@graph`,
 * arrays, a WebPage's `mainEntity` / `hasPart` and lists' entries. `found`: elements from a walk of
 * the page shared with the other readers, the scripts among them.
 */
function collect(doc: Document, opts: SourceOptions, found?: ArrayLike<Element>): Graph {
  const g: Graph = { _ids: new Map(), _mains: new Set(), _listed: new Set(), _cands: [], _lists: [] };
  let nodes = 0;
  const mark = (set: Set<unknown>, e: Entity) => typeof e['@id'] === 'string' && set.add(e['@id']);
  const walk = (v: unknown, main: boolean): void => {
    if (!v || typeof v !== 'object' || ++nodes > MAX_NODES) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, main));
    const e = v as Entity;
    const id = e['@id'];
    // A bare {"@id": …} is a reference; the typed node is the definition.
    if (typeof id === 'string' && e['@type'] && !g._ids.has(id)) g._ids.set(id, e);
    if (main) mark(g._mains, e);
    walk(e['@graph'], main);
    if (isA(e, PRODUCT)) g._cands.push({ e, main });
    else if (isA(e, /Page$/)) {
      g._search = g._search || isA(e, /^SearchResultsPage$/);
      g._collection = g._collection || isA(e, /^CollectionPage$/);
      walk(e.mainEntity, true);
      walk(e.hasPart, false);
    } else if (isA(e, /^BreadcrumbList$/)) g._crumbs = e;
    else if (isA(e, /^(ItemList|OfferCatalog)$/)) {
      g._lists.push(e);
      for (const x of objects(e.itemListElement)) mark(g._listed, x), objects(x.item).forEach((i) => mark(g._listed, i));
    } else if (isA(e, ARTICLE)) g._article = true;
  };
  const blocks = found || doc.querySelectorAll('script[type]');
  for (let i = 0, n = 0; i < blocks.length; i++) {
    if (blocks[i].tagName !== 'SCRIPT' || !/^\s*application\/ld\+json\s*(;|$)/i.test(blocks[i].getAttribute('type') || '')) continue;
    const name = __DEBUG__ && 'JSON-LD block #' + (n + 1);
    const body = blocks[i].textContent || '';
    if (++n > MAX_BLOCKS) {
      __DEBUG__ && opts.problem('capped', `JSON-LD: over ${MAX_BLOCKS} blocks, the rest skipped`);
      break;
    }
    if (body.length > MAX_CHARS) __DEBUG__ && opts.problem('capped', name + ': over 200 KB, skipped');
    else walk(readJson(body, (why, read) => void (__DEBUG__ && opts.problem(read ? 'jsonld-repaired' : 'jsonld-unreadable', name + ': ' + why))), false);
  }
  return g;
}

/** The results list of a search page: its numberOfItems, else its entries, tells whether anything was found. */
const resultsFound = (l: Entity) => ((typeof l.numberOfItems === 'number' ? l.numberOfItems : objects(l.itemListElement).length) > 0 ? 1 : 0);

/**
 * A category page's key: a CollectionPage, or an ItemList of products with a breadcrumb or the
 * page's own URL; key from the canonical URL, else og:url, else the breadcrumb's last item, else
 * the address. Never on the home page, a search URL, or beside a Product that may be the page's own.
 */
function category(g: Graph, list: Entity | undefined, last: Entity | undefined, products: Candidate[], pg: Page, opts: SourceOptions): string | undefined {
  // A Product that points to no other page may be this page's own: then the lists are its related products.
  const loose = products.some((c) => !own(c.e).some((u) => path(u, pg.url)));
  if (pg.home || loose || SEARCH_URL.test(opts.url) || !(g._collection || (list && (g._crumbs || at(pg, list.url))))) return undefined;
  const item = last && (last.item && typeof last.item === 'object' ? (last.item as Entity)['@id'] || (last.item as Entity).url : last.item || last.url);
  for (const u of [pg.urls[0], pg.urls[1], item, opts.url]) {
    const key = segment(u, opts.url);
    if (key) return key;
  }
  return undefined;
}

/**
 * What the page's JSON-LD says: a product page when its main entity is a Product (see
 * mainProduct); a search page for a SearchResultsPage; a category page (see category). Site-wide
 * blocks (Organization, WebSite + SearchAction, BreadcrumbList alone) say nothing about the page type.
 */
export function readJsonLd(doc: Document, opts: SourceOptions, found?: ArrayLike<Element>): Evidence {
  const ev: Evidence = { source: 'json-ld' };
  try {
    const g = collect(doc, opts, found);
    const last = g._crumbs && lastCrumb(g._crumbs);
    const crumb = crumbName(last);
    if (crumb) ev.crumb = crumb;
    if (g._search) {
      ev.pageType = 'search';
      if (g._lists[0]) ev.search = { found: resultsFound(g._lists[0]) };
      return ev;
    }
    const list = g._lists.find((l) => objects(l.itemListElement).some((x) => !x['@type'] || isA(x, ENTRY)));
    const products = g._cands.filter((c) => !g._listed.has(c.e['@id'])).map((c) => ({ e: c.e, main: c.main || g._mains.has(c.e['@id']) }));
    const get: Get = (v) => objects(v).map((o) => g._ids.get(o['@id'] as string) || o);
    const n: Notes = [];
    const other = g._article ? 'article' : list || g._collection ? 'listing' : '';
    const pg = pageOf(doc, opts.url);
    const product = mainProduct(products, pg, opts, get, other, n);
    if (product) {
      ev.pageType = 'product';
      ev.product = product;
      noted(ev, n);
      return ev;
    }
    if (__DEBUG__ && products.length) opts.problem('product-not-own', `JSON-LD: ${products.length} Product(s), none of them the page's own`);
    // A product list on a search URL is the results: whether anything was found, not a category.
    if (SEARCH_URL.test(opts.url) && list) ev.search = { found: resultsFound(list) };
    const key = category(g, list, last, products, pg, opts);
    if (key) (ev.pageType = 'category'), (ev.category = key);
  } catch (e) {
    __DEBUG__ && opts.problem('source-failed', 'JSON-LD: ' + e);
  }
  return ev;
}
