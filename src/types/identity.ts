/** What is known about the visitor, normalised (see lib/identity.ts). */
export interface Identity {
  externalCustomerId?: string;
  email?: string;
  phone?: string;
  name?: string;
  city?: string;
  contactId?: string;
}
