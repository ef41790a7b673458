import type { ResolvedConfig } from '../config/types';
import type { CartItem, OrderItem } from '../schema/events';
import type { Outgoing, PageModel } from '../types/model';
import type { Report } from '../types/problems';
import { boughtCart, cartChange, cartPurchased } from './cartState';
import type { Memory } from './memory';
import { purchasePayload } from './order';
import { pick } from '../lib/obj';
import { pageEvent } from './page';

/** What this page view has sent already, so a re-read of the page never sends it twice. */
export interface Seen {
  page?: boolean;
  purchase?: boolean;
  cartPage?: boolean;
  cartChanged?: boolean;
}

export interface DeriveContext {
  cfg: ResolvedConfig;
  memory: Memory;
  problem: Report;
  /** The recommendation block the visit came through (`sc_content`), for PurchasedItems' Tags. */
  blockId?: string;
  /** Whether the cart is to be compared now (a mutation outside the cart leaves it be). */
  cart: boolean;
}

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
 * Every decision of which events a page view sends, from the page model: the page's own event
 * (ProductPage, CategoryPage, MainPage, NotFound, SearchRequest), PurchasedItems, StatusCart when
 * the cart differs from the last one sent, and StatusCartPage on an unchanged cart or checkout page.
 * `seen` is this view's record and is updated; the memory (storage) too.
 */
export function derive(m: PageModel, seen: Seen, c: DeriveContext): Outgoing[] {
  const out: Outgoing[] = [];
  if (!seen.page) {
    const ev = pageEvent(m, c.cfg, c.problem);
    if (ev) (seen.page = true), out.push(ev);
  }
  if (m.type === 'purchase' && m.order && !seen.purchase) {
    const p = purchase(m, seen, c);
    if (p) out.push(p);
  }
  const change = c.cart && m.cart && cartChange(c.memory.store, m.cart);
  if (change) (seen.cartChanged = true), out.push(change);
  if ((m.type === 'cart' || m.type === 'checkout') && !seen.cartPage && !seen.cartChanged) (seen.cartPage = true), out.push(['StatusCartPage']);
  return out;
}
