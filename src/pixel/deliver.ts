import type { PixelBrowser, PixelConfig } from './types';
import type { Log } from '../lib/log';
import { customerData, type Identity } from '../lib/identity';
import { serialize } from '../lib/serialize';
import type { Purchase } from './checkout';
import type { Obj } from './json';
import { cartGuid, cartPurchased, rememberCustomer, rememberOrder } from './memory';
import { customerBody, purchaseBody, type Visit } from './restBody';
import { post } from './send';
import { visitorCookie } from './visitor';

export interface Deliver {
  customer(identity: Identity): Promise<unknown>;
  purchase(p: Purchase, identity: Identity): Promise<unknown>;
}

/**
 * Sends CustomerData and PurchasedItems once ever in this browser, remembered where the storefront
 * bundle remembers them (`yespo:customers`, `yespo:orders` in the shop's localStorage), as the
 * storefront's visitor. Only ever called after consent.
 */
export function createDeliver(b: PixelBrowser, cfg: PixelConfig, secure: boolean, log: Log): Deliver {
  // Sent from this sandbox, in case the top frame's storage refuses writes.
  const seen: Record<string, 1> = Object.create(null);
  let sc: Promise<string> | undefined;

  const first = async (k: string, remember: () => Promise<boolean>) => {
    if (seen[k]) return false;
    seen[k] = 1;
    return remember();
  };

  const send = async (identity: Identity, body: (v: Visit) => Obj) => {
    sc = sc || visitorCookie(b, secure);
    post(cfg.restUrl, body({ siteId: cfg.siteId, sc: await sc, now: Date.now(), identity }), log);
  };

  return {
    async customer(identity) {
      const cd = customerData(identity);
      if (!cd) return;
      // The storefront's fingerprint (events/visitor.ts), so one buyer is one entry in the shared list.
      const fp = serialize(cd)!;
      if (!(await first('c' + fp, () => rememberCustomer(b, fp)))) return log.debug('CustomerData sent before', cd);
      await send(identity, (v) => customerBody(v));
    },
    async purchase(p, identity) {
      const n = p.OrderNumber;
      if (!(await first('o' + n, () => rememberOrder(b, n)))) return log.debug('order ' + n + ' sent before');
      const GUID = await cartGuid(b);
      await cartPurchased(b);
      log.debug('PurchasedItems', { ...p, GUID });
      await send(identity, (v) => purchaseBody(p, v));
    },
  };
}
