import type { CustomerDataPayload, GeneralInfo } from '../schema/events';
import { email, phone, text } from './text';
import { own } from './obj';

import type { Identity } from '../types/identity';
import type { Report } from '../types/problems';

export type { Identity };

const FIELDS = ['externalCustomerId', 'email', 'phone', 'name', 'city', 'contactId'] as const;

/** Loose input (config, attributes, forms, `identify`) → Identity; emails lower-cased, phones digits. */
export function normalizeIdentity(raw: unknown): Identity {
  const out: Identity = {};
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  const pick = (...names: string[]) => {
    for (const n of names) if (own(r, n) && r[n] != null) return r[n];
    return undefined;
  };
  const set = (k: keyof Identity, v: string | undefined) => v && (out[k] = v);
  set('externalCustomerId', text(pick('externalCustomerId', 'external_id', 'externalId')));
  set('email', email(pick('email', 'user_email')));
  set('phone', phone(pick('phone', 'user_phone')));
  set('name', text(pick('name', 'user_name')));
  set('city', text(pick('city', 'user_city')));
  set('contactId', text(pick('contactId', 'user_es_contact_id')));
  return out;
}

export const isKnown = (id: Identity) => !!(id.email || id.phone || id.externalCustomerId || id.contactId);

/**
 * The next identity: a different email, phone or external id means another person, so the old
 * one is dropped; otherwise the new fields fill in the known ones.
 */
export function mergeIdentity(cur: Identity, next: Identity): Identity {
  const other = (['email', 'externalCustomerId', 'phone'] as const).some((k) => cur[k] && next[k] && cur[k] !== next[k]);
  const out: Identity = other ? {} : { ...cur };
  for (const k of FIELDS) if (next[k]) out[k] = next[k];
  return out;
}

/**
 * New details (config, attributes, a form, the API; `from` names them) folded into who the visitor
 * is: the identity now, and the CustomerData it sends. Undefined when they name nobody.
 */
export function learn(cur: Identity, raw: unknown, from: string, problem: Report): { id: Identity; cd?: CustomerDataPayload } | undefined {
  const next = normalizeIdentity(raw);
  if (!isKnown(next) && !next.name && !next.city) return __DEBUG__ && problem('api-input', `${from}: no email, phone, externalCustomerId or contactId`), undefined;
  const id = mergeIdentity(cur, next);
  return { id, cd: customerData(id) };
}

/** Identity field → its name in Yespo payloads (in payload order). */
type Names = Partial<Record<keyof Identity, string>>;
const GI: Names = { externalCustomerId: 'externalCustomerId', email: 'user_email', phone: 'user_phone', contactId: 'user_es_contact_id' };
const CD: Names = { externalCustomerId: 'externalCustomerId', email: 'user_email', name: 'user_name', phone: 'user_phone', city: 'user_city' };

const rename = (id: Identity, map: Names) => {
  const out: Record<string, string> = {};
  for (const k in map) {
    const f = k as keyof Identity;
    if (id[f]) out[map[f]!] = id[f]!;
  }
  return out;
};

/** GeneralInfo names exactly the fields that make a visitor known: none for an anonymous one. */
export const generalInfo = (id: Identity): GeneralInfo | undefined => (isKnown(id) ? rename(id, GI) : undefined);

/**
 * The one enrichment of an outgoing payload, for both transports: the known visitor as
 * `GeneralInfo`, under whatever `GeneralInfo` the event carries itself (`s_location`).
 */
export function withGeneralInfo(payload: Record<string, unknown> | undefined, id: Identity): Record<string, unknown> | undefined {
  const g = generalInfo(id);
  return g ? { ...payload, GeneralInfo: { ...g, ...(payload && (payload.GeneralInfo as object)) } } : payload;
}

/** CustomerData needs something Yespo can match a contact by: an email, a phone or an external id. */
export function customerData(id: Identity): CustomerDataPayload | undefined {
  return id.email || id.phone || id.externalCustomerId ? rename(id, CD) : undefined;
}
