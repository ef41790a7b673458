import { normalizeIdentity, type Identity } from '../lib/identity';
import { text } from '../lib/text';
import { at, obj } from './json';

const fullName = (a: unknown) => text([text(at(a, 'firstName')), text(at(a, 'lastName'))].filter(Boolean).join(' '));

/**
 * The buyer a checkout event names: its email and phone (else an address's phone), the name on the
 * billing address, else the shipping one. A guest's checkout is the only place Shopify gives their
 * email. With neither email nor phone in the checkout, the signed-in customer of `init.data.customer`.
 */
export function buyerOf(checkout: unknown, customer: unknown): Identity {
  const c = obj(checkout) || {};
  const bill = c.billingAddress;
  const ship = c.shippingAddress;
  const id = normalizeIdentity({
    email: c.email,
    phone: text(c.phone) || text(at(ship, 'phone')) || text(at(bill, 'phone')),
    name: fullName(bill) || fullName(ship),
  });
  if (id.email || id.phone || !obj(customer)) return id;
  return normalizeIdentity({ email: at(customer, 'email'), phone: at(customer, 'phone'), name: fullName(customer) });
}
