import { guard } from '../lib/guard';

/** The elements whose click or submit the core file reads with its visitor chunk. */
const CUSTOMER_FORM = 'form[data-yespo-customer-form]';
const INTERACTIVE = '[data-yespo-wishlist],' + CUSTOMER_FORM;

/** Whether the page has a customer form now: the document's own list of forms, not a walk of the page. */
export const hasCustomerForm = () => [].some.call(document.forms, (f: HTMLFormElement) => f.matches(CUSTOMER_FORM));

export interface InteractionHandlers {
  wishlist(btn: Element): void;
  addToCart(btn: Element): void;
  customerForm(form: HTMLFormElement): void;
  /** A customer form is on the page, or the visitor reaches for one or for a wishlist button: the core file loads the chunk that reads them. */
  prepare(): void;
}

/** Clicks and submits; the core file also hears a press or a focus, to have its chunk in before the click or the submit that needs it (a button or a form rendered late). */
const TYPES = __CHUNKS__ && !__ZERO__ ? ['click', 'submit', 'pointerdown', 'focusin'] : ['click', 'submit'];

/**
 * Wishlist and recommendation add-to-cart clicks, and customer-form submits, heard on `document` in
 * the capture phase so a shop script that stops propagation on its own button does not hide them.
 */
export function watchInteractions(h: InteractionHandlers): () => void {
  const on = guard((e: Event) => {
    const t = e.target as Element | null;
    if (!t || !t.closest) return;
    if (e.type === 'submit') return t.matches(CUSTOMER_FORM) && h.customerForm(t as HTMLFormElement);
    if (e.type !== 'click') return t.closest(INTERACTIVE) && h.prepare();
    const btn = t.closest('[data-yespo-wishlist]');
    if (btn) h.wishlist(btn);
    const add = t.closest('[data-yespo-add-to-cart]');
    if (add) h.addToCart(add);
  }, __DEBUG__ && 'click or submit');
  TYPES.forEach((type) => document.addEventListener(type, on, true));
  return () => TYPES.forEach((type) => document.removeEventListener(type, on, true));
}
