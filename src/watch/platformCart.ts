import { guard } from '../lib/guard';
import type { CartItem } from '../schema/events';
import type { CartOptions, Platform, PlatformContext } from '../types/platform';
import type { Report } from '../types/problems';
import { watchRequests } from './requests';
import { serialize } from '../lib/serialize';

export interface CartHooks {
  /** The platform's cart, read (`from`: where, for the audit and the debug build). */
  cart(items: CartItem[], from: string): void;
  /** The raw cart data, for the platform's customer reader. */
  data?(data: unknown): void;
  problem: Report;
}

/** A burst of cart requests (a quantity stepper, a theme's add-then-refresh) is one re-read. */
const DEBOUNCE_MS = 150;
/**
 * The one retry: after a failed request; and for a cart the page holds, after a change signal that
 * found it unchanged (Magento's customer-data.js writes storage once it has parsed the section
 * answer, which a busy machine does later than DEBOUNCE_MS after the request ends).
 */
const RETRY_MS = 1500;

/** GET the platform's cart JSON from the page's own origin; undefined with a problem when it cannot be read. */
async function fetchCart(url: string, name: string, problem: Report): Promise<unknown> {
  try {
    const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await r.text();
    if (r.ok && /^\s*[[{]/.test(body)) return JSON.parse(body);
    __DEBUG__ && problem('cart-unreadable', `${name}: ${url} answered ${r.ok ? 'something that is not JSON' : 'HTTP ' + r.status}`);
  } catch (e) {
    __DEBUG__ && problem('cart-unreadable', `${name}: ${url} could not be read (${String(e).slice(0, 80)})`);
  }
  return undefined;
}

/**
 * Follows a platform's cart: read once at start (a returning visitor may arrive with a full cart),
 * then after each change signal — a cart request the page made, or the platform's own event —
 * debounced, one read in flight at most, the last answer winning, at most one retry (RETRY_MS)
 * and none on a timer. Carts the page holds (Magento's storage, PrestaShop's global) are read in
 * place: no request.
 */
export function watchPlatformCart(p: Platform, c: PlatformContext, o: CartOptions, h: CartHooks): () => void {
  const src = p.cart!;
  const url = src.url && src.url(c);
  const from = p.name + ' ' + (url || 'page');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let again = false;
  let off = false;
  /** The lines last read, as JSON: a read that finds them again has found no change. */
  let last: string | undefined;

  const take = (data: unknown) => {
    if (off || data === undefined) return false;
    const items = src.parse(data, o);
    if (items && h.data) h.data(data);
    if (items) h.cart(items, from);
    else __DEBUG__ && h.problem('cart-unreadable', `${from}: not a ${p.name} cart`);
    // A cart fetched is news whenever it came; one the page holds only when its lines changed.
    return !!items && (!!url || last !== (last = serialize(items)));
  };
  const read = async (retry = false): Promise<void> => {
    if (busy) return void (again = true);
    busy = true;
    let news = false;
    try {
      news = take(url ? await fetchCart(url, p.name, h.problem) : src.inPage!(c));
    } catch {
      /* a failure in what the cart feeds is reported where it happens; the page never sees it */
    }
    busy = false;
    if (again) (again = false), schedule();
    else if (!news && !retry && !off) timer = setTimeout(() => read(true), RETRY_MS);
  };
  const schedule = guard(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => read(), DEBOUNCE_MS);
  }, __DEBUG__ && 'cart signal');

  const stops = [watchRequests((u) => !!src.signal && src.signal.test(u) && u.indexOf(url || '\0') < 0, schedule)];
  const em = src.emitter && src.emitter(c);
  for (const name of src.events || []) {
    if (em) em.on(name, guard((e: unknown) => (src.fromEvent && take(src.fromEvent(e, c))) || schedule(), __DEBUG__ && 'cart event'));
    else for (const t of [window, document.body]) t.addEventListener(name, schedule), stops.push(() => t.removeEventListener(name, schedule));
  }
  if (url) void read();
  else take(src.inPage!(c));
  return () => {
    off = true;
    if (timer) clearTimeout(timer);
    stops.forEach((f) => f());
  };
}

/**
 * The cart and customer of every platform detected on the page (full build): one watcher per
 * platform with a cart reader; nothing is requested where no platform is detected. The customer the
 * platform exposes goes to `customer`, at start and with each cart read (WooCommerce's billing address).
 */
export function startPlatformCarts(c: PlatformContext, platforms: Platform[], o: CartOptions, h: CartHooks & { customer(raw: unknown, from: string): void }): () => void {
  const stops: Array<() => void> = [];
  for (const p of platforms) {
    const who = (data?: unknown) => {
      const id = p.customer && p.customer(c, data);
      if (id) h.customer(id, p.name);
    };
    guard(who, __DEBUG__ && 'platform customer')();
    const stop = p.cart && guard(watchPlatformCart, __DEBUG__ && 'platform cart')(p, c, o, { cart: h.cart, problem: h.problem, data: guard(who, __DEBUG__ && 'platform customer') });
    if (stop) stops.push(stop);
  }
  return () => stops.forEach((f) => f());
}
