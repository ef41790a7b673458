import type { ResolvedConfig } from '../config/types';
import type { Outgoing, PageModel } from '../types/model';
import type { Report } from '../types/problems';
import type { Memory } from './memory';
import { pageEvent } from './page';
import { modules } from '../chunks/modules';

/** What this page view has sent already, so a re-read of the page never sends it twice. */
export interface Seen {
  page?: boolean;
  purchase?: boolean;
  cartPage?: boolean;
  cartChanged?: boolean;
}

export interface DeriveContext {
  cfg: ResolvedConfig;
  memory: Memory;
  problem: Report;
  /** The recommendation block the visit came through (`sc_content`), for PurchasedItems' Tags. */
  blockId?: string;
  /** Whether the cart is to be compared now (a mutation outside the cart leaves it be). */
  cart: boolean;
}

/**
 * Every decision of which events a page view sends, from the page model: the page's own event
 * (ProductPage, CategoryPage, MainPage, NotFound, SearchRequest), PurchasedItems, StatusCart when
 * the cart differs from the last one sent, and StatusCartPage on an unchanged cart or checkout page.
 * `seen` is this view's record and is updated; the memory (storage) too.
 */
export function derive(m: PageModel, seen: Seen, c: DeriveContext): Outgoing[] {
  const out: Outgoing[] = [];
  if (!seen.page) {
    const ev = pageEvent(m, c.cfg, c.problem);
    if (ev) (seen.page = true), out.push(ev);
  }
  // The core file's cart and order events come in a chunk: the reader loads it before a page with either is read.
  if (modules.cart) modules.cart.cartEvents(m, seen, c, out);
  if ((m.type === 'cart' || m.type === 'checkout') && !seen.cartPage && !seen.cartChanged) (seen.cartPage = true), out.push(['StatusCartPage']);
  return out;
}
