import type { OrderItem } from '../schema/events';
import type { Store } from '../lib/storage';

const KEY = 'orders';
/** Order numbers remembered; a thank-you page is revisited far less often than this many orders. */
const KEEP = 100;

export interface PurchasePayload {
  OrderNumber: string;
  PurchasedItems: OrderItem[];
  GUID?: string;
  Tags?: { blockId: string[] };
}

export function purchasePayload(order: { number: string; items: OrderItem[] }, cartGuid?: string, blockId?: string): PurchasePayload {
  const p: PurchasePayload = { OrderNumber: order.number, PurchasedItems: order.items };
  if (cartGuid) p.GUID = cartGuid;
  if (blockId) p.Tags = { blockId: [blockId] };
  return p;
}

/** True the first time an order number is seen in this browser, ever; remembers it. */
export function firstTimeOrder(store: Store, number: string): boolean {
  const seen = store.get<string[]>(KEY);
  const list = Array.isArray(seen) ? seen : [];
  if (list.indexOf(number) >= 0) return false;
  list.push(number);
  store.set(KEY, list.slice(-KEEP));
  return true;
}
