import type { ResolvedConfig } from '../config';
import type { PageType } from '../lib/pageTypes';
import { readAttributes, type Found, type Problem } from '../sources/attributes';
import type { Evidence, SourceOptions } from '../sources/evidence';
import { readJsonLd } from '../sources/jsonld';
import { readMicrodata } from '../sources/microdata';
import { readOpenGraph } from '../sources/opengraph';
import { canonical } from '../sources/head';
import { readPlatforms } from '../sources/platforms';
import { looksLikeSearch, lastSegment, navigationStatus, urlPageType, urlSearchQuery } from '../sources/url';

/** Everything the tracker knows about the page it is on. */
export interface PageModel extends Found {
  type: PageType;
  /** Which signal decided the type, for debug output. */
  typeFrom: string;
  /** Which source each fact came from (debug output, the audit command). */
  from: Record<string, string>;
}


/**
 * Reads the page and decides its type. Sources in order of precedence: `data-yespo-*` attributes
 * (an explicit `data-yespo-page`, then an HTTP 404 response, then the entity attributes: order →
 * purchase, search, product, category), JSON-LD, microdata, OpenGraph, the dataLayer (`extra`),
 * the platform adapters, and last the `pages` URL rules. Each fact comes from the first source
 * that has it; disagreements are debug lines.
 */
export function readPage(
  doc: Document,
  loc: Location,
  cfg: ResolvedConfig,
  problem: Problem,
  extra: Evidence[] = [],
  status = navigationStatus(),
  f: Found = readAttributes(doc, problem, cfg.currency),
): PageModel {
  const opts: SourceOptions = { productKey: cfg.productKey, currency: cfg.currency, url: loc.href, problem };
  // The core build (`__ZERO__` off) reads attributes and URL rules only. One walk of the page finds
  // the microdata items and the JSON-LD blocks; the attribute reader (`f`, maybe read a task
  // earlier) made its own: a selector list costs about as much per selector in it as per walk, so
  // two walks of half the selectors cost what one walk of all of them does, and can be two tasks.
  const all = __ZERO__ ? doc.querySelectorAll('[itemscope],script[type]') : undefined;
  const ev: Evidence[] = __ZERO__ ? [readJsonLd(doc, opts, all), readMicrodata(doc, opts, all), readOpenGraph(doc, opts), ...extra] : [];
  if (__ZERO__ && cfg.platforms) ev.push(...readPlatforms(doc, window, opts, cfg.platforms));

  let type: PageType | undefined = f.pageType;
  let typeFrom = 'data-yespo-page';
  const pick = (t: PageType | undefined, from: string) => {
    if (!type && t) {
      type = t;
      typeFrom = from;
    } else if (__DEBUG__ && t && t !== type && from !== 'URL rule' && from !== 'search URL' && from !== 'no signal') problem(`${from} says this is a ${t} page; ${typeFrom} (${type}) wins`);
  };
  pick(status === 404 ? '404' : undefined, 'HTTP status 404');
  pick(f.order ? 'purchase' : undefined, 'data-yespo-order');
  pick(f.searchPage ? 'search' : undefined, 'data-yespo-search');
  pick(f.product ? 'product' : undefined, 'data-yespo-product');
  pick(f.category ? 'category' : undefined, 'data-yespo-category');
  for (const e of ev) pick(e.pageType, e.source);
  pick(urlPageType(loc.pathname, cfg.pages), 'URL rule');
  pick(looksLikeSearch(loc.pathname, loc.search, cfg.search.params) ? 'search' : undefined, 'search URL');
  pick('other', 'no signal');
  const m: PageModel = { ...f, type: type as PageType, typeFrom, from: {} };

  /** The first source's value of a fact, attributes first; later disagreeing sources are noted. */
  const first = <K extends 'product' | 'category' | 'cart' | 'customer' | 'search'>(k: K, same: (a: NonNullable<Evidence[K]>, b: NonNullable<Evidence[K]>) => boolean) => {
    let v = m[k] as Evidence[K];
    let from = 'data-yespo-*';
    for (const e of ev) {
      const w = e[k];
      if (w === undefined) continue;
      if (v === undefined) {
        v = w;
        from = e.source;
      } else if (__DEBUG__ && !same(v as NonNullable<Evidence[K]>, w as NonNullable<Evidence[K]>)) problem(`${e.source} disagrees on the ${k} (${from} wins)`);
    }
    (m as unknown as Evidence)[k] = v;
    if (v !== undefined) m.from[k] = from;
  };
  first('product', (a, b) => a.productKey === b.productKey);
  first('category', (a, b) => a === b);
  first('cart', () => true);
  first('customer', () => true);
  first('search', (a, b) => a.query === b.query);

  // An order: its number from the first source that names one, its lines from the first that lists them.
  if (!m.order) {
    const named = ev.filter((e) => e.order);
    const withItems = named.filter((e) => e.order!.items.length);
    if (named.length && withItems.length) {
      m.order = { number: named[0].order!.number, items: withItems[0].order!.items };
      m.from.order = named[0].source;
    }
  } else m.from.order = 'data-yespo-*';

  // `categoryKey: 'breadcrumb'`: the last breadcrumb's name outranks every source's key but the attribute.
  const crumb = __ZERO__ && cfg.categoryKey === 'breadcrumb' && m.type === 'category' && m.from.category !== 'data-yespo-*' ? ev.find((e) => e.crumb) : undefined;
  if (crumb) {
    m.category = crumb.crumb;
    m.from.category = crumb.source + ' breadcrumb';
  }
  if (m.type === 'category' && !m.category) {
    const canon = canonical(doc);
    let path = loc.pathname;
    try {
      if (canon) path = new URL(canon, loc.href).pathname;
    } catch {
      /* a broken canonical link: the page's own path */
    }
    m.category = lastSegment(path);
    m.from.category = canon ? 'canonical URL' : 'URL';
  }
  if (m.type === 'search') {
    const s = (m.search = m.search || {});
    if (!s.query && (s.query = urlSearchQuery(loc.search, cfg.search.params))) m.from.search = 'URL';
  }
  return m;
}
