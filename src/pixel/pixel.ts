import type { PixelApi, PixelConfig, PixelEvent } from './types';
import type { Log } from '../lib/log';
import { guard } from '../lib/guard';
import { buyerOf } from './buyer';
import { purchaseOf } from './checkout';
import { analyticsAllowed, createGate } from './consent';
import { createDeliver } from './deliver';
import { at } from './json';

/** A subscribe call that throws or rejects must not reach the host page. */
const quietly = (call: () => unknown) => {
  try {
    Promise.resolve(call()).catch(() => undefined);
  } catch {
    /* an API without this subscription: nothing to listen to */
  }
};

/**
 * Wires Shopify's checkout events to Yespo: contact info → CustomerData, a completed checkout →
 * CustomerData and PurchasedItems. Nothing is read, stored or sent before customer privacy allows
 * analytics; what came before is held and goes when a later consent allows it.
 */
export function startPixel(api: PixelApi, cfg: PixelConfig, log: Log): void {
  const secure = at(api.init, 'context', 'document', 'location', 'protocol') === 'https:';
  const gate = createGate(analyticsAllowed(at(api.init, 'customerPrivacy')));
  const deliver = createDeliver(api.browser, cfg, secure, log);
  // browser.* are round trips to the top frame: one task at a time, so a re-fired event reads what the first one wrote.
  let chain: Promise<unknown> = Promise.resolve();

  const on = (name: string, completed: boolean) =>
    guard((e: PixelEvent) => {
      const problems: string[] = [];
      const checkout = at(e, 'data', 'checkout');
      const identity = buyerOf(checkout, at(api.init, 'data', 'customer'));
      const p = completed ? purchaseOf(checkout, cfg.productKey, problems) : undefined;
      problems.forEach((m) => log.debug(name + ': ' + m));
      gate.run(() => {
        chain = chain
          .then(() => deliver.customer(identity))
          .then(() => p && deliver.purchase(p, identity))
          .catch((err) => log.debug(name + ' failed:', err));
      });
    });

  quietly(() => api.analytics.subscribe('checkout_contact_info_submitted', on('checkout_contact_info_submitted', false)));
  quietly(() => api.analytics.subscribe('checkout_completed', on('checkout_completed', true)));
  const privacy = api.customerPrivacy;
  if (privacy) quietly(() => privacy.subscribe('visitorConsentCollected', guard((e) => gate.allow(analyticsAllowed(at(e, 'customerPrivacy'))))));
}
