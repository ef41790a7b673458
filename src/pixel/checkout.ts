import type { OrderItem } from '../schema/events';
import { text } from '../lib/text';
import type { ProductKeyField } from '../config/types';
import { productKey } from '../sources/platforms/common';
import { at, obj, type Obj } from './json';

/** Lines read from one checkout; Shopify checkouts allow far fewer, this only bounds hostile input. */
const MAX_LINES = 200;

export interface Purchase {
  OrderNumber: string;
  PurchasedItems: OrderItem[];
}

/**
 * A Shopify id as the storefront sees it: "gid://shopify/Order/123", "gid://shopify/OrderIdentity/123"
 * or "gid://shopify/ProductVariant/123" → "123" (the theme's `Shopify.checkout.order_id` and
 * `/cart.js` ids are plain numbers); a plain id is kept; a gid without a trailing number is no id.
 */
export function shopifyId(v: unknown): string | undefined {
  const s = text(v);
  if (!s || s.indexOf('gid:') !== 0) return s;
  const m = /^gid:\/\/shopify\/\w+\/(\d+)(?:[?#].*)?$/.exec(s);
  return m ? m[1] : undefined;
}

/**
 * The productKey in the config's order, as the storefront's adapters key it (sources/platforms/common.ts):
 * the variant's SKU, the product id then the variant id (the theme's thank-you lines and
 * ShopifyAnalytics' `product.id` are keyed that way), or the product URL's handle.
 */
export function lineKey(line: Obj, order: string[]): string | undefined {
  const v = obj(line.variant) || {};
  const u = text(at(v, 'product', 'url'), 2048);
  let url: URL | undefined;
  try {
    url = u ? new URL(u, 'https://shop.invalid') : undefined;
  } catch {
    url = undefined;
  }
  return productKey({ productKey: order as ProductKeyField[] }, url, v.sku, shopifyId(at(v, 'product', 'id')) || shopifyId(v.id));
}

/** MoneyV2 → integer cents. Shopify types `amount` as a number; a plain decimal string is taken too. */
export function cents(m: unknown): number | undefined {
  const a = at(m, 'amount');
  const n = typeof a === 'number' ? a : typeof a === 'string' && /^\d{1,13}(\.\d+)?$/.test(a) ? +a : NaN;
  return n >= 0 && n < 1e13 ? Math.round(n * 100) : undefined;
}

/**
 * The price of one unit after the line's discounts: `finalLinePrice` (the line total after
 * line-level discounts) over the quantity; without it (checkouts not on Checkout Extensibility)
 * the variant price less the line's `discountAllocations` spread over the quantity.
 */
export function unitPrice(line: Obj, qty: number): string | undefined {
  let total = cents(line.finalLinePrice);
  if (total === undefined) {
    const each = cents(at(line, 'variant', 'price'));
    if (each === undefined) return undefined;
    const allocations = Array.isArray(line.discountAllocations) ? line.discountAllocations.slice(0, 50) : [];
    total = each * qty - allocations.reduce((sum: number, d) => sum + (cents(at(d, 'amount')) || 0), 0);
  }
  return total >= 0 ? (total / qty / 100).toFixed(2) : undefined;
}

const quantity = (q: unknown) => (typeof q === 'number' && q % 1 === 0 && q > 0 && q < 1e6 ? q : undefined);

function item(l: unknown, n: number, keys: string[], currency: string | undefined, problems: string[]): OrderItem | undefined {
  const line = obj(l);
  const key = line && lineKey(line, keys);
  const q = line && quantity(line.quantity);
  if (!line || !key || !q) {
    problems.push(`lineItems[${n}]: ${!line ? 'not an object' : !key ? 'no sku or id for productKey' : 'quantity is not a positive integer'}; left out`);
    return undefined;
  }
  const out: OrderItem = { productKey: key, quantity: String(q) };
  const price = unitPrice(line, q);
  if (price) out.price = price;
  else problems.push(`lineItems[${n}]: no usable price; sent without one`);
  if (currency) out.currency = currency;
  return out;
}

/**
 * `checkout_completed`'s `data.checkout` → the order Yespo gets: OrderNumber is the order id (its
 * trailing number for a gid), lines keyed as the storefront keys them. Undefined, with the reasons
 * in `problems`, when there is no order id or no usable line.
 */
export function purchaseOf(checkout: unknown, keys: string[], problems: string[]): Purchase | undefined {
  const c = obj(checkout);
  if (!c) return problems.push('no data.checkout'), undefined;
  const number = shopifyId(at(c, 'order', 'id'));
  if (!number) problems.push('no checkout.order.id');
  const currency = text(c.currencyCode, 8);
  if (!Array.isArray(c.lineItems)) problems.push('checkout.lineItems is not a list');
  const lines = Array.isArray(c.lineItems) ? c.lineItems.slice(0, MAX_LINES) : [];
  const items: OrderItem[] = [];
  lines.forEach((l, n) => {
    const i = item(l, n, keys, currency, problems);
    if (i) items.push(i);
  });
  if (number && !items.length) problems.push('no line item with a productKey and quantity');
  return number && items.length ? { OrderNumber: number, PurchasedItems: items } : undefined;
}
