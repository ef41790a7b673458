import type { OrderItem } from '../schema/events';

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
