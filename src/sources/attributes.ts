import type { ProductPagePayload } from '../schema/events';
import { describe } from '../lib/describe';
import { parseCount } from '../lib/number';
import { isPageType } from '../lib/pageTypes';
import { normalizeIdentity, type Identity } from '../lib/identity';
import type { Evidence } from '../types/evidence';
import type { Report } from '../types/problems';
import { scContent } from './url';
import { modules } from '../chunks/modules';
import { A, attr, readProduct } from './attributeParts';

/** The attributes' name as a source of evidence. */
export const SOURCE = 'data-yespo-*';

const NOT_PAGE_PRODUCT = '[data-yespo-cart],[data-yespo-order],[data-yespo-recs]';
/** `product` second: kinds() collects every product, the first of each other kind. */
const KINDS = ['page', 'product', 'category', 'cart', 'order', 'customer', 'search', 'results'];

/** The attributes whose elements, added or removed, mean "read the page again" (WATCHED: their selectors). */
export const TRACKED = KINDS.concat('cart-item', 'order-item');
export const WATCHED = TRACKED.map((n) => '[' + A + n + ']').join(',');
/** Every kind's attribute, and their selector for the one pass over the document. */
const KIND_ATTRS = KINDS.map((k) => A + k);
const KIND_SELECTOR = KIND_ATTRS.map((a) => '[' + a + ']').join(',');

type Problem = Report;

/**
 * The cart's and the order's lines (attributeLines.ts, in the cart module). The core file loads that
 * module as a chunk: until it is in, a cart or an order is only known to be there, and the reader
 * loads the chunk before it reads on (reader.ts).
 */
const PENDING = { readCart: () => [], readOrder: (el: Element) => ({ number: attr(el, 'order') || '', items: [] }) };
const lines = () => modules.cart || PENDING;

/**
 * One pass over the document for every kind of element (each selector of its own would be a walk
 * of a large page): the first of each kind, and every product candidate.
 */
function kinds(doc: Document) {
  const first: Record<string, Element> = {};
  const products: Element[] = [];
  const all = doc.querySelectorAll(KIND_SELECTOR);
  for (let i = 0; i < all.length; i++)
    for (let j = 0; j < KINDS.length; j++)
      if (all[i].hasAttribute(KIND_ATTRS[j])) {
        if (j === 1) products.push(all[i]);
        else if (!first[KINDS[j]]) first[KINDS[j]] = all[i];
      }
  return { first, products };
}

/** The page's own product: the first `data-yespo-product` outside a cart, order or recommendation block. */
function pageProduct(products: Element[], problem: Problem): ProductPagePayload | undefined {
  for (const el of products) {
    if ((el.parentElement && el.parentElement.closest(NOT_PAGE_PRODUCT)) || el.matches(NOT_PAGE_PRODUCT)) continue;
    const p = readProduct(el, problem);
    if (p) return p;
    __DEBUG__ && problem('key-empty', `${describe(el)}: empty data-yespo-product; ignored`);
  }
  return undefined;
}

/** The signed-in customer; the core file leaves it as written, for its visitor chunk to normalise when it learns it. */
function customer(el: Element) {
  const get = (n: string) => el.getAttribute(A + n);
  const raw = { email: get('email'), phone: get('phone'), name: get('name'), externalCustomerId: get('external-id'), contactId: get('contact-id'), city: get('city') };
  return __CHUNKS__ && !__ZERO__ ? (raw as Identity) : normalizeIdentity(raw);
}

function search(f: Evidence, searchEl: Element | undefined, resultsEl: Element | undefined, problem: Problem) {
  f.search = {};
  f.searchPage = !!searchEl;
  const q = searchEl && attr(searchEl, 'search');
  if (q) f.search.query = q;
  const n = resultsEl ? parseCount(resultsEl.getAttribute(A + 'results')) : undefined;
  if (n !== undefined) f.search.found = n > 0 ? 1 : 0;
  else if (resultsEl) __DEBUG__ && problem('results-invalid', `${describe(resultsEl)}: data-yespo-results is not a number`);
}

/** Reads every `data-yespo-*` fact of the page. Pure reading: sends nothing. */
export function readAttributes(doc: Document, problem: Problem, currency?: string): Evidence {
  const f: Evidence = { source: SOURCE };
  const { first, products } = kinds(doc);
  const pt = first.page && attr(first.page, 'page');
  if (pt && isPageType(pt)) f.pageType = pt;
  else if (pt) __DEBUG__ && problem('page-type-unknown', `${describe(first.page)}: unknown page type "${pt.slice(0, 40)}"; expected one of product, category, cart, checkout, purchase, main, 404, search, other`);
  const p = pageProduct(products, problem);
  if (p) f.product = p;
  if (first.category) f.category = attr(first.category, 'category');
  f.cart = first.cart && lines().readCart(doc, problem, currency, first.cart);
  const o = first.order && lines().readOrder(first.order, problem, currency);
  if (o) f.order = o;
  if (first.customer) f.customer = customer(first.customer);
  if (first.search || first.results) search(f, first.search, first.results, problem);
  return f;
}

/** `sc_content` of an element's own or first inner link: Yespo's widget puts the block id there. */
export function linkScContent(el: Element): string | undefined {
  const a = el.closest('a[href*="sc_content="]') || el.querySelector('a[href*="sc_content="]');
  const href = a && a.getAttribute('href');
  return href ? scContent(href.slice(href.indexOf('?'))) : undefined;
}
