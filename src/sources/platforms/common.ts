import type { ProductPagePayload } from '../../schema/events';
import type { SourceOptions } from '../../types/evidence';
import type { Found } from '../../types/platform';
import { PAGE_TYPES, type PageType } from '../../lib/pageTypes';
import { parseNumber } from '../../lib/number';
import { text } from '../../lib/text';
import { lastSegment } from '../url';


/**
 * Page-type names in PAGE_TYPES order (product category cart checkout purchase main 404 search; "-"
 * where the platform has none) → the type of the last one found in `keys` (body classes or a page name).
 */
export const pick = (names: string, keys: unknown[]) => {
  let t: PageType | undefined;
  names.split(' ').forEach((n, i) => keys.indexOf(n) >= 0 && (t = PAGE_TYPES[i]));
  return t;
};

/** The captured part of the first body class matching `re`. */
export const classValue = (cls: string[], re: RegExp) => {
  for (const c of cls) {
    const m = re.exec(c);
    if (m) return text(m[1]);
  }
  return undefined;
};

export const textOf = (doc: Document, sel: string) => {
  const el = doc.querySelector(sel);
  return el ? text(el.textContent) : undefined;
};

/**
 * The productKey in the config's `productKey` order from a platform's SKU, its product id (`id`,
 * `productID`) or the page URL (`url`, only for the page's own product; platforms print no mpn/gtin).
 */
export function productKey(o: Pick<SourceOptions, 'productKey'>, url: URL | undefined, sku: unknown, id: unknown): string | undefined {
  for (const k of o.productKey) {
    const key = text(k === 'sku' ? sku : k === 'url' ? url && lastSegment(url.pathname) : /id/i.test(k) ? id : undefined);
    if (key) return key;
  }
  return undefined;
}

/** A product with its key (see productKey), price and stock. */
export function product(o: SourceOptions, url: URL | undefined, sku: unknown, id: unknown, price: unknown, stock?: unknown) {
  const key = productKey(o, url, sku, id);
  if (!key) return undefined;
  const p: ProductPagePayload = { productKey: key };
  const pr = parseNumber(price);
  if (pr) p.price = pr;
  if (typeof stock === 'boolean') p.isInStock = stock ? 1 : 0;
  return p;
}

/** Body-class platforms: the page type, the category key on category pages, the order number on thank-you pages. */
export function found(t: PageType | undefined, category: string | undefined, n: string | undefined): Found | undefined {
  if (!t) return undefined;
  const e: Found = { pageType: t };
  if (t === 'category' && category) e.category = category;
  if (t === 'purchase' && n) e.order = { number: n, items: [] };
  return e;
}
