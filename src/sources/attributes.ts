import type { CartItem, OrderItem, ProductPagePayload } from '../schema/events';
import { describe } from '../lib/describe';
import { parseFlag, parseNumber, parseQuantity, parseCount } from '../lib/number';
import { isPageType } from '../lib/pageTypes';
import { MAX_ITEMS } from '../lib/limits';
import { list, text } from '../lib/text';
import { normalizeIdentity } from '../lib/identity';
import { pick } from '../lib/obj';
import type { Evidence } from '../types/evidence';
import type { Report } from '../types/problems';
import { scContent } from './url';

/** The attributes' name as a source of evidence. */
export const SOURCE = 'data-yespo-*';


const A = 'data-yespo-';
const NOT_PAGE_PRODUCT = '[data-yespo-cart],[data-yespo-order],[data-yespo-recs]';
const KINDS = ['page', 'product', 'category', 'cart', 'order', 'customer', 'search', 'results'];

/** The attributes whose elements, added or removed, mean "read the page again" (WATCHED: their selectors). */
export const TRACKED = KINDS.concat('cart-item', 'order-item');
export const WATCHED = TRACKED.map((n) => '[' + A + n + ']').join(',');

type Problem = Report;

const attr = (el: Element, name: string) => text(el.getAttribute(A + name));

/** `data-yespo-tag-color="black,grey"` → `tag_color: ["black","grey"]`. */
function tags(el: Element, into: Record<string, unknown>) {
  for (let i = 0; i < el.attributes.length; i++) {
    const { name, value } = el.attributes[i];
    if (name.indexOf(A + 'tag-') !== 0) continue;
    const key = 'tag_' + name.slice(A.length + 4).replace(/-/g, '_');
    const values = list(value);
    if (/^tag_[a-z0-9_]{1,64}$/.test(key) && values.length) into[key] = values;
  }
}

function price(el: Element, problem: Problem, required: boolean): string | undefined {
  const raw = el.getAttribute(A + 'price');
  const p = parseNumber(raw);
  if (p === undefined && (required || raw)) __DEBUG__ && problem('price-invalid', `${describe(el)}: ${raw ? 'price "' + raw.slice(0, 40) + '" is not a number' : 'no data-yespo-price'}`);
  return p;
}

/** A product from `data-yespo-product` (or a wishlist button): key, price, stock, tags. */
export function readProduct(el: Element, problem: Problem, key = attr(el, 'product')): ProductPagePayload | undefined {
  if (!key) return undefined;
  const p: ProductPagePayload = { productKey: key };
  const pr = price(el, problem, false);
  if (pr !== undefined) p.price = pr;
  const stock = parseFlag(el.getAttribute(A + 'in-stock'));
  if (stock !== undefined) p.isInStock = stock;
  tags(el, p);
  return p;
}

function items<T>(root: Element, sel: string, problem: Problem, read: (el: Element, key: string) => T): T[] {
  const out: T[] = [];
  const els = root.querySelectorAll('[' + A + sel + ']');
  for (let i = 0; i < els.length; i++) {
    const key = attr(els[i], sel);
    if (!key) __DEBUG__ && problem('key-empty', `${describe(els[i])}: empty data-yespo-${sel}; line skipped`);
    else if (out.length >= MAX_ITEMS) return __DEBUG__ && problem('capped', `${describe(root)}: more than ${MAX_ITEMS} lines; the rest are left out`), out;
    else out.push(read(els[i], key));
  }
  return out;
}

function line(el: Element, key: string, problem: Problem, currency: string | undefined) {
  const item: CartItem = { productKey: key, quantity: parseQuantity(el.getAttribute(A + 'quantity')) || '1' };
  const p = price(el, problem, true);
  if (p !== undefined) item.price = p;
  const cur = attr(el, 'currency') || currency;
  if (cur) item.currency = cur;
  return item;
}

/** The current cart from the first `data-yespo-cart` container. */
export function readCart(doc: Document, problem: Problem, currency?: string, box = doc.querySelector('[' + A + 'cart]')): CartItem[] | undefined {
  if (!box) return undefined;
  const cur = attr(box, 'currency') || currency;
  return items(box, 'cart-item', problem, (el, key) => {
    const item = line(el, key, problem, cur);
    const d = parseNumber(el.getAttribute(A + 'discount'));
    if (d !== undefined) item.discount = d;
    tags(el, item);
    return item;
  });
}

/**
 * One pass over the document for every kind of element (each selector of its own would be a walk
 * of a large page): the first of each kind, and every product candidate.
 */
function kinds(doc: Document) {
  const first: Record<string, Element> = {};
  const products: Element[] = [];
  const all = doc.querySelectorAll(KINDS.map((k) => '[' + A + k + ']').join(','));
  for (let i = 0; i < all.length; i++)
    for (const k of KINDS)
      if (all[i].hasAttribute(A + k)) {
        if (k === 'product') products.push(all[i]);
        else if (!first[k]) first[k] = all[i];
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

function order(el: Element, problem: Problem, currency?: string): Evidence['order'] {
  const number = attr(el, 'order');
  if (!number) return __DEBUG__ && problem('order-incomplete', `${describe(el)}: no order number`), undefined;
  const cur = attr(el, 'currency') || currency;
  const list = items(el, 'order-item', problem, (x, key) => line(x, key, problem, cur) as OrderItem);
  if (!list.length) return __DEBUG__ && problem('order-incomplete', `${describe(el)}: no data-yespo-order-item lines`), undefined;
  return { number, items: list };
}

function customer(el: Element) {
  const get = (n: string) => el.getAttribute(A + n);
  return normalizeIdentity({ email: get('email'), phone: get('phone'), name: get('name'), externalCustomerId: get('external-id'), contactId: get('contact-id'), city: get('city') });
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
  f.cart = first.cart && readCart(doc, problem, currency, first.cart);
  const o = first.order && order(first.order, problem, currency);
  if (o) f.order = o;
  if (first.customer) f.customer = customer(first.customer);
  if (first.search || first.results) search(f, first.search, first.results, problem);
  return f;
}

/**
 * The product a `data-yespo-wishlist` button adds: its own value, else the nearest
 * `data-yespo-product` around it, else the page's product.
 */
export function readWishlist(btn: Element, pageProduct: ProductPagePayload | undefined, problem: Problem) {
  const key = attr(btn, 'wishlist');
  const holder = btn.closest('[' + A + 'product]');
  const holderKey = holder && attr(holder, 'product');
  let p: ProductPagePayload | undefined;
  if (holder && (!key || key === holderKey)) p = readProduct(holder, problem);
  else if (pageProduct && (!key || key === pageProduct.productKey)) p = pageProduct;
  else if (key) p = readProduct(btn, problem, key);
  if (!p) return __DEBUG__ && problem('click-no-product', `${describe(btn)}: no product key (give the button a value or put it inside data-yespo-product)`), undefined;
  return wishlistOf(p);
}

/** The AddToWishlist body for a product: its key, price and stock, without tags. */
export const wishlistOf = (p: ProductPagePayload) => pick(p, ['productKey', 'price', 'isInStock']);

/** `sc_content` of an element's own or first inner link: Yespo's widget puts the block id there. */
export function linkScContent(el: Element): string | undefined {
  const a = el.closest('a[href*="sc_content="]') || el.querySelector('a[href*="sc_content="]');
  const href = a && a.getAttribute('href');
  return href ? scContent(href.slice(href.indexOf('?'))) : undefined;
}
