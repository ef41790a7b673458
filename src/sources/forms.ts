import { normalizeIdentity, type Identity } from '../lib/identity';

const AUTOCOMPLETE: Record<string, string> = {
  email: 'email',
  tel: 'phone',
  'tel-national': 'phone',
  name: 'name',
  'address-level2': 'city',
};

/**
 * The visitor a `data-yespo-customer-form` describes: fields marked `data-yespo-field`, else
 * recognised by `type=email` / `type=tel` / `autocomplete`. Passwords are never read.
 */
export function readCustomerForm(form: HTMLFormElement): Identity {
  const raw: Record<string, string> = {};
  const els = form.querySelectorAll('input,select,textarea');
  for (let i = 0; i < els.length; i++) {
    const el = els[i] as HTMLInputElement;
    if (el.type === 'password' || el.type === 'hidden' && !el.hasAttribute('data-yespo-field')) continue;
    const ac = (el.getAttribute('autocomplete') || '').trim().split(/\s+/).pop() || '';
    const field =
      el.getAttribute('data-yespo-field') ||
      (el.type === 'email' ? 'email' : el.type === 'tel' ? 'phone' : AUTOCOMPLETE[ac]);
    const value = typeof el.value === 'string' ? el.value : '';
    if (field && value && !raw[field]) raw[field] = value;
  }
  return normalizeIdentity(raw);
}
