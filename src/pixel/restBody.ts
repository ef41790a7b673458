import type { Identity } from '../lib/identity';
import type { Purchase } from './checkout';
import type { Obj } from './json';

/** Who sends: the site, the storefront's visitor cookie, the time, and the buyer. */
export interface Visit {
  siteId: string;
  sc: string;
  now: number;
  identity: Identity;
}

/** `GeneralInfo` as the REST tracker document shows it, with the buyer when known. */
function generalInfo(eventName: string, v: Visit): Obj {
  const gi: Obj = { eventName, siteId: v.siteId, datetime: v.now, cookies: { sc: v.sc } };
  if (v.identity.email) gi.user_email = v.identity.email;
  if (v.identity.phone) gi.user_phone = v.identity.phone;
  if (v.identity.name) gi.user_name = v.identity.name;
  return gi;
}

/** REST carries CustomerData in `GeneralInfo` alone. */
export const customerBody = (v: Visit): Obj => ({ GeneralInfo: generalInfo('CustomerData', v) });

/**
 * PurchasedItems as the REST document shapes it. The document defines no GUID and no currency on
 * it (the eS.JS form has both): the storefront's REST transport leaves them out the same way.
 */
export function purchaseBody(p: Purchase, v: Visit): Obj {
  const Products = p.PurchasedItems.map((i) => {
    const o: Obj = { product_id: i.productKey };
    if (i.price) o.unit_price = i.price;
    o.quantity = +i.quantity;
    return o;
  });
  return { GeneralInfo: generalInfo('PurchasedItems', v), PurchasedItems: { Products, OrderNumber: p.OrderNumber } };
}
