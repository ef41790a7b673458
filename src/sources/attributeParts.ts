import { describe } from '../lib/describe';
import { parseFlag, parseNumber } from '../lib/number';
import { list, text } from '../lib/text';
import type { ProductPagePayload } from '../schema/events';
import type { Report } from '../types/problems';

/** What the attribute readers share: the prefix, one attribute's text, tags, a price and a product. */
export const A = 'data-yespo-';

export const attr = (el: Element, name: string) => text(el.getAttribute(A + name));

/** `data-yespo-tag-color="black,grey"` → `tag_color: ["black","grey"]`. */
export function tags(el: Element, into: Record<string, unknown>) {
  for (let i = 0; i < el.attributes.length; i++) {
    const { name, value } = el.attributes[i];
    if (name.indexOf(A + 'tag-') !== 0) continue;
    const key = 'tag_' + name.slice(A.length + 4).replace(/-/g, '_');
    const values = list(value);
    if (/^tag_[a-z0-9_]{1,64}$/.test(key) && values.length) into[key] = values;
  }
}

/** `data-yespo-price`, normalised; a missing one is a problem where a price is `required`. */
export function price(el: Element, problem: Report, required: boolean): string | undefined {
  const raw = el.getAttribute(A + 'price');
  const p = parseNumber(raw);
  if (p === undefined && (required || raw)) __DEBUG__ && problem('price-invalid', `${describe(el)}: ${raw ? 'price "' + raw.slice(0, 40) + '" is not a number' : 'no data-yespo-price'}`);
  return p;
}

/** A product from `data-yespo-product` (or a wishlist button, a recommendation item): key, price, stock, tags. */
export function readProduct(el: Element, problem: Report, key = attr(el, 'product')): ProductPagePayload | undefined {
  if (!key) return undefined;
  const p: ProductPagePayload = { productKey: key };
  const pr = price(el, problem, false);
  if (pr !== undefined) p.price = pr;
  const stock = parseFlag(el.getAttribute(A + 'in-stock'));
  if (stock !== undefined) p.isInStock = stock;
  tags(el, p);
  return p;
}
