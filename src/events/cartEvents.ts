import type { CartItem, OrderItem } from '../schema/events';
import type { Outgoing, PageModel } from '../types/model';
import { boughtCart, cartChange, cartFromInput, cartPurchased } from './cartState';
import type { DeriveContext, Seen } from './derive';
import { purchasePayload } from './order';
import { pick } from '../lib/obj';
import { why } from '../lib/log';

/**
 * PurchasedItems once per order, ever. A platform that gives only the order number (WooCommerce,
 * Magento, PrestaShop success pages) gets the lines of the last cart sent (of the one before it
 * when the checkout page already sent the emptied cart); the cart the purchase emptied is then no news.
 */
function purchase(m: PageModel, seen: Seen, c: DeriveContext): Outgoing | undefined {
  const order = m.order!;
  const bought = boughtCart(c.memory.store);
  const items = order.items.length ? order.items : bought.items.map(line);
  if (!items.length) return __DEBUG__ && c.problem('order-incomplete', `order ${order.number}: no lines, and no cart was sent before it`), undefined;
  seen.purchase = true;
  if (!c.memory.orders.first(order.number)) return __DEBUG__ && c.problem('order-sent-before', `order ${order.number} was sent before; not sent again`), undefined;
  const p = purchasePayload({ number: order.number, items }, bought.guid, c.blockId);
  cartPurchased(c.memory.store);
  return ['PurchasedItems', { ...p }, 'order:' + order.number]; // [once] exactly once across tabs (events/once.ts)
}

/** A cart line as an order line: key, price, quantity and currency only. */
const line = (i: CartItem): OrderItem => pick(i, ['productKey', 'price', 'quantity', 'currency']);

/**
 * The order's and the cart's events of a page view, added to `out`: PurchasedItems on a purchase
 * page, StatusCart when the cart differs from the last one sent. `seen` and the memory are updated.
 * (The core file loads this with the cart state as a chunk, where a page has a cart or an order.)
 */
export function cartEvents(m: PageModel, seen: Seen, c: DeriveContext, out: Outgoing[]) {
  if (m.type === 'purchase' && m.order && !seen.purchase) {
    const p = purchase(m, seen, c);
    if (p) out.push(p);
  }
  const change = c.cart && m.cart && cartChange(c.memory.store, m.cart);
  if (change) (seen.cartChanged = true), out.push(change);
}

/** `yespo.setCart(items)`: the cart the page says it has, a StatusCart when it differs from the last one sent. */
export function setCartEvents(items: unknown, seen: Seen, c: DeriveContext): Outgoing[] {
  const out: Outgoing[] = [];
  const cart = cartFromInput(items, c.cfg.currency, c.problem);
  if (cart) cartEvents({ type: 'other', typeFrom: why('setCart'), from: {}, cart }, seen, c, out);
  return out;
}
