import { customerData, withGeneralInfo, type Identity } from '../lib/identity';
import { restBody } from '../transport/restBody';
import type { Purchase } from './checkout';
import type { Obj } from './json';

/** Who sends: the site, the storefront's visitor cookie, the time, and the buyer. */
export interface Visit {
  siteId: string;
  sc: string;
  now: number;
  identity: Identity;
}

/** The storefront's REST body builder (transport/restBody.ts), with the buyer enriched into GeneralInfo as the storefront does. */
const body = (name: string, payload: Obj, v: Visit) =>
  restBody(name, withGeneralInfo(payload, v.identity), { siteId: v.siteId, sc: v.sc, now: v.now, name: v.identity.name })!;

/** REST carries CustomerData in `GeneralInfo` alone. */
export const customerBody = (v: Visit): Obj => body('CustomerData', { CustomerData: customerData(v.identity) || {} }, v);

/**
 * PurchasedItems as the REST document shapes it. The document defines no GUID and no currency on
 * it (the eS.JS form has both): the storefront's REST transport leaves them out the same way.
 */
export const purchaseBody = (p: Purchase, v: Visit): Obj => body('PurchasedItems', { OrderNumber: p.OrderNumber, PurchasedItems: p.PurchasedItems }, v);
