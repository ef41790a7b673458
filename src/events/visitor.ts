import { customerData, isKnown, mergeIdentity, normalizeIdentity } from '../lib/identity';
import type { Store } from '../lib/storage';
import { serialize } from '../lib/serialize';
import { text } from '../lib/text';
import type { Identity } from '../types/identity';
import type { Outgoing } from '../types/model';
import type { Report } from '../types/problems';
import type { Remembered } from './memory';

/**
 * The visitor as far as the page has said: kept for the visit (sessionStorage), merged as new
 * details arrive (another email means another person), CustomerData once per distinct identity.
 */
export function createVisitor(session: Store, customers: Remembered) {
  let identity: Identity = {};
  return {
    get: () => identity,
    /** Who this tab already knew, and Yespo's own web-push contact id. */
    load() {
      const known = session.get<Identity>('id');
      if (known && typeof known === 'object') identity = normalizeIdentity(known);
      try {
        const contact = text(localStorage.getItem('esWebPushContactId'));
        if (contact && !identity.contactId) identity.contactId = contact;
      } catch {
        /* storage blocked: no web-push contact id */
      }
    },
    /** New details from `from` (config, attributes, a form, the API): the CustomerData to send, if it is news. */
    identify(raw: unknown, from: string, problem: Report): Outgoing | undefined {
      const next = normalizeIdentity(raw);
      if (!isKnown(next) && !next.name && !next.city) return __DEBUG__ && problem('api-input', `${from}: no email, phone, externalCustomerId or contactId`), undefined;
      identity = mergeIdentity(identity, next);
      session.set('id', identity);
      const cd = customerData(identity);
      return cd && customers.first(serialize(cd)!) ? ['CustomerData', { CustomerData: cd }] : undefined;
    },
  };
}

export type Visitor = ReturnType<typeof createVisitor>;
