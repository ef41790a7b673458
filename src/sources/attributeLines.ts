import type { CartItem, OrderItem } from '../schema/events';
import { describe } from '../lib/describe';
import { MAX_ITEMS } from '../lib/limits';
import { parseNumber, parseQuantity } from '../lib/number';
import type { Evidence } from '../types/evidence';
import type { Report } from '../types/problems';
import { A, attr, price, tags } from './attributeParts';

// The cart's and the order's lines marked with data-yespo-* (the core file has them in its cart chunk).

function items<T>(root: Element, sel: string, problem: Report, read: (el: Element, key: string) => T): T[] {
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

function line(el: Element, key: string, problem: Report, currency: string | undefined) {
  const item: CartItem = { productKey: key, quantity: parseQuantity(el.getAttribute(A + 'quantity')) || '1' };
  const p = price(el, problem, true);
  if (p !== undefined) item.price = p;
  const cur = attr(el, 'currency') || currency;
  if (cur) item.currency = cur;
  return item;
}

/** The current cart from the first `data-yespo-cart` container. */
export function readCart(doc: Document, problem: Report, currency?: string, box = doc.querySelector('[' + A + 'cart]')): CartItem[] | undefined {
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

/** The order a `data-yespo-order` element gives: its number and its `data-yespo-order-item` lines. */
export function readOrder(el: Element, problem: Report, currency?: string): Evidence['order'] {
  const number = attr(el, 'order');
  if (!number) return __DEBUG__ && problem('order-incomplete', `${describe(el)}: no order number`), undefined;
  const cur = attr(el, 'currency') || currency;
  const list = items(el, 'order-item', problem, (x, key) => line(x, key, problem, cur) as OrderItem);
  if (!list.length) return __DEBUG__ && problem('order-incomplete', `${describe(el)}: no data-yespo-order-item lines`), undefined;
  return { number, items: list };
}
