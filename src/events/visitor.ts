import { modules } from '../chunks/modules';
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
 * New details are read by `learn` (the core file's visitor chunk: the tracker calls `identify`
 * once it is in, lib/identity.ts).
 */
export function createVisitor(session: Store, customers: Remembered) {
  let identity: Identity = {};
  return {
    get: () => identity,
    /** Who this tab already knew (as it was stored, normalised), and Yespo's own web-push contact id. */
    load() {
      const known = session.get<Identity>('id');
      if (known && typeof known === 'object') identity = known;
      try {
        const contact = text(localStorage.getItem('esWebPushContactId'));
        if (contact && !identity.contactId) identity.contactId = contact;
      } catch {
        /* storage blocked: no web-push contact id */
      }
    },
    /** New details from `from` (config, attributes, a form, the API): the CustomerData to send, if it is news. */
    identify(raw: unknown, from: string, problem: Report): Outgoing | undefined {
      const r = modules.visitor && modules.visitor.learn(identity, raw, from, problem);
      if (!r) return undefined;
      identity = r.id;
      session.set('id', identity);
      return r.cd && customers.first(serialize(r.cd)!) ? ['CustomerData', { CustomerData: r.cd }] : undefined;
    },
  };
}

export type Visitor = ReturnType<typeof createVisitor>;
