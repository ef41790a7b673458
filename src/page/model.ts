import type { ResolvedConfig } from '../config/types';
import type { PageType } from '../lib/pageTypes';
import type { Evidence } from '../types/evidence';
import type { PageModel } from '../types/model';
import type { Report } from '../types/problems';
import { why } from '../lib/log';
import { SOURCE } from '../sources/attributes';
import { canonical } from '../sources/head';
import { looksLikeSearch, lastSegment, urlPageType, urlSearchQuery } from '../sources/url';

export type { PageModel };

type Fact = 'product' | 'category' | 'cart' | 'customer' | 'search';
const FACTS: Fact[] = ['product', 'category', 'cart', 'customer', 'search'];
const ONE = [...FACTS, 'order'] as const;
/** Debug build: whether two sources say the same. */
const SAME: Record<Fact, (a: any, b: any) => boolean> = {
  product: (a, b) => a.productKey === b.productKey,
  category: (a, b) => a === b,
  cart: () => true,
  customer: () => true,
  search: (a, b) => a.query === b.query,
};

/** The `data-yespo-*` attributes' evidence: first in precedence, when there is any. */
const attributes = (ev: Evidence[]): Evidence => (ev[0] && ev[0].source === SOURCE ? ev[0] : { source: SOURCE });

/**
 * The page type, from the first signal that has one: an explicit `data-yespo-page`, an HTTP 404
 * response, the entity attributes (order → purchase, search, product, category), each source's own
 * view in precedence order, the `pages` URL rules, a search URL, else 'other'.
 */
function decideType(ev: Evidence[], loc: Location, cfg: ResolvedConfig, problem: Report, status?: number) {
  const a = attributes(ev);
  let type: PageType | undefined;
  let typeFrom = why('data-yespo-page');
  const pick = (t: PageType | undefined, from: string, quiet?: boolean) => {
    // Where the type came from is debug output only.
    if (!type && t) (type = t), __DEBUG__ && (typeFrom = from);
    else if (__DEBUG__ && t && t !== type && !quiet) problem('sources-disagree', `${from} says this is a ${t} page; ${typeFrom} (${type}) wins`);
  };
  pick(a.pageType, typeFrom);
  pick(status === 404 ? '404' : undefined, why('HTTP status 404'));
  pick(a.order ? 'purchase' : undefined, why('data-yespo-order'));
  pick(a.searchPage ? 'search' : undefined, why('data-yespo-search'));
  pick(a.product ? 'product' : undefined, why('data-yespo-product'));
  pick(a.category ? 'category' : undefined, why('data-yespo-category'));
  if (__ZERO__) for (const e of ev) if (e !== a) pick(e.pageType, e.source);
  // The URL's own signals speak only when nothing else did (they are quiet about disagreeing anyway).
  if (!type) pick(urlPageType(loc.pathname, cfg.pages), why('URL rule'), true);
  if (!type) pick(looksLikeSearch(loc.pathname, loc.search, cfg.search.params) ? 'search' : undefined, why('search URL'), true);
  pick('other', why('no signal'), true);
  return { type: type as PageType, typeFrom };
}

/** Debug build: where a fact of the model came from (the overlay, the summary and inspect() show it). Callers gate it on __DEBUG__, so the shop files make no call. */
const note = (m: PageModel, k: string, from: string) => void (m.from[k] = from);

/** Each fact from the first source that has it; later sources that disagree are noted. */
function pickFacts(m: PageModel, ev: Evidence[], problem: Report) {
  for (const k of FACTS) {
    let v: unknown;
    let from = '';
    for (const e of ev) {
      const w = e[k];
      if (w === undefined) continue;
      if (v === undefined) (v = w), __DEBUG__ && (from = e.source);
      else if (__DEBUG__ && !SAME[k](v, w)) problem('sources-disagree', `${e.source} disagrees on the ${k} (${from} wins)`);
    }
    if (v === undefined) continue;
    (m as unknown as Record<string, unknown>)[k] = v;
    if (__DEBUG__) note(m, k, from);
  }
}

/**
 * An order: its number from the first source that names one, its lines from the first that lists
 * them. A platform that gives only the number leaves the lines empty (derive fills them in).
 */
function pickOrder(m: PageModel, ev: Evidence[]) {
  const named = ev.filter((e) => e.order);
  if (!named.length) return;
  const lines = named.filter((e) => e.order!.items.length)[0];
  m.order = { number: named[0].order!.number, items: lines ? lines.order!.items : [] };
  if (__DEBUG__) note(m, 'order', named[0].source);
}

/**
 * The core file reads one source, the attributes: its facts are the model's (its own fields, such as
 * `source`, come along unread). The debug file takes them one by one, to note where each came from.
 */
function oneSource(m: PageModel, a: Evidence | undefined) {
  if (!__DEBUG__) return void Object.assign(m, a);
  for (const k of ONE) {
    const v = a && a[k];
    if (v === undefined) continue;
    (m as unknown as Record<string, unknown>)[k] = v;
    note(m, k, SOURCE);
  }
}

/** A category page's key: the attribute, the breadcrumb (`categoryKey: 'breadcrumb'`), a source's key, else the URL. */
function categoryKey(m: PageModel, ev: Evidence[], doc: Document, loc: Location, cfg: ResolvedConfig) {
  const crumb = __ZERO__ && cfg.categoryKey === 'breadcrumb' && attributes(ev).category === undefined ? ev.find((e) => e.crumb) : undefined;
  if (crumb) {
    m.category = crumb.crumb;
    if (__DEBUG__) note(m, 'category', crumb.source + ' breadcrumb');
  }
  if (m.category) return;
  const canon = canonical(doc);
  let path = loc.pathname;
  try {
    if (canon) path = new URL(canon, loc.href).pathname;
  } catch {
    /* a broken canonical link: the page's own path */
  }
  m.category = lastSegment(path);
  if (__DEBUG__) note(m, 'category', canon ? 'canonical URL' : 'URL');
}

/**
 * Folds the sources' evidence (`ev`, in precedence order: `data-yespo-*` attributes first) into the
 * page model and decides the page type. Each fact comes from the first source that has it;
 * disagreements are debug lines. Pure but for the canonical link it may read.
 */
export function readPage(doc: Document, loc: Location, cfg: ResolvedConfig, ev: Evidence[], problem: Report, status?: number): PageModel {
  const m: PageModel = { ...decideType(ev, loc, cfg, problem, status), from: {} };
  if (__ZERO__) pickFacts(m, ev, problem), pickOrder(m, ev);
  else oneSource(m, ev[0]);
  // Tolerances are the structured-data readers' (full build): the attributes need none.
  const notes = __ZERO__ && ([] as string[]).concat(...ev.map((e) => e.notes || []));
  if (notes && notes.length) m.notes = notes;
  if (m.type === 'category') categoryKey(m, ev, doc, loc, cfg);
  if (m.type === 'search') {
    const s = (m.search = m.search || {});
    if (!s.query) {
      s.query = urlSearchQuery(loc.search, cfg.search.params);
      if (__DEBUG__ && s.query) note(m, 'search', 'URL');
    }
  }
  return m;
}
