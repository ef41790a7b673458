import { guard } from '../lib/guard';

export interface InteractionHandlers {
  wishlist(btn: Element): void;
  addToCart(btn: Element): void;
  customerForm(form: HTMLFormElement): void;
}

/**
 * Wishlist and recommendation add-to-cart clicks, and customer-form submits, heard on `document` in the capture phase so a shop
 * script that stops propagation on its own button does not hide them.
 */
export function watchInteractions(h: InteractionHandlers): () => void {
  const click = guard((e: Event) => {
    const t = e.target as Element | null;
    const btn = t && t.closest ? t.closest('[data-yespo-wishlist]') : null;
    if (btn) h.wishlist(btn);
    const add = t && t.closest ? t.closest('[data-yespo-add-to-cart]') : null;
    if (add) h.addToCart(add);
  }, __DEBUG__ && 'click');
  const submit = guard((e: Event) => {
    const f = e.target as HTMLFormElement | null;
    if (f && f.matches && f.matches('form[data-yespo-customer-form]')) h.customerForm(f);
  }, __DEBUG__ && 'submit');
  document.addEventListener('click', click, true);
  document.addEventListener('submit', submit, true);
  return () => {
    document.removeEventListener('click', click, true);
    document.removeEventListener('submit', submit, true);
  };
}
