import type { CartItem, OrderItem, ProductPagePayload } from '../schema/events';
import { isKnown, normalizeIdentity, type Identity } from '../lib/identity';
import { guard } from '../lib/guard';
import { command, googleConsent, obj, watchEntries } from './dataLayerArray';
import type { Report } from '../types/problems';
import { parseNumber, parseQuantity } from '../lib/number';
import { text } from '../lib/text';
import { MAX_ITEMS } from '../lib/limits';

/**
 * What one dataLayer entry says. `list` is weak evidence (a related-products or home-page list
 * pushes it too), so the page model should only use it when nothing stronger speaks. `clear` is
 * GA4's `{ ecommerce: null }` reset and carries no facts.
 */
export type DlSignal =
  | { kind: 'product'; product: ProductPagePayload }
  | { kind: 'list'; category?: string }
  | { kind: 'cart'; items: CartItem[]; page?: 'cart' | 'checkout' }
  | { kind: 'add' | 'remove'; items: CartItem[] }
  | { kind: 'purchase'; order: { number: string; items: OrderItem[] } }
  | { kind: 'search'; query: string; found?: 0 | 1 }
  | { kind: 'wishlist'; product: ProductPagePayload }
  | { kind: 'customer'; identity: Identity }
  | { kind: 'clear' }
  /** A Google Consent Mode command (`gtag('consent', …)`): read the state again with googleConsent. */
  | { kind: 'consent' };

export type DlDelta = Extract<DlSignal, { kind: 'add' | 'remove' }>;

export interface DlOptions {
  /** Currency when neither the item nor the ecommerce object gives one (config `currency`). */
  currency?: string;
  /** Debug line for an entry that is skipped or cut short. */
  problem?: Report;
}


type Obj = Record<string, unknown>;


/** GA4 items or UA products → cart lines; GTM4WP's `sku` wins over `item_id` / `id`. */
function lines(v: unknown[], cur: string | undefined, problem: DlOptions['problem']): CartItem[] {
  const out: CartItem[] = [];
  if (__DEBUG__ && v.length > MAX_ITEMS && problem) problem('capped', `dataLayer: ${v.length} items, first ${MAX_ITEMS} read`);
  for (let i = 0; i < v.length && i < MAX_ITEMS; i++) {
    const o = obj(v[i]);
    const key = o && (text(o.sku) || text(o.item_id) || text(o.id));
    if (!o || !key) continue;
    const l: CartItem = { productKey: key, quantity: parseQuantity(o.quantity) || '1' };
    const p = parseNumber(o.price);
    const c = text(o.currency, 8) || cur;
    if (p) l.price = p;
    if (c) l.currency = c;
    out.push(l);
  }
  return out;
}

/** GA4 `user_data` (enhanced conversions), Elevar's `user_properties`, or plain fields. */
function customer(...from: unknown[]): DlSignal | undefined {
  const all: Obj[] = [];
  for (const f of from) {
    const o = obj(f);
    if (o) all.push(o, obj(o.user_data) || {}, obj(o.user_properties) || {});
  }
  const pick = (...keys: string[]) => {
    for (const o of all) for (const k of keys) if (o[k] != null) return o[k];
    return undefined;
  };
  const identity = normalizeIdentity({
    externalCustomerId: pick('user_id', 'customer_id'),
    email: pick('email', 'email_address', 'customer_email'),
    phone: pick('phone_number', 'phone', 'customer_phone'),
  });
  return isKnown(identity) ? { kind: 'customer', identity } : undefined;
}

/** GA4 event (and gtag name) → what it says. */
const GA4: Obj = {
  view_item: 'product',
  add_to_wishlist: 'wishlist',
  view_item_list: 'list',
  view_cart: 'cart',
  begin_checkout: 'checkout',
  add_to_cart: 'add',
  remove_from_cart: 'remove',
  purchase: 'purchase',
  search: 'search',
  view_search_results: 'search',
  login: 'customer',
  sign_up: 'customer',
  user_data: 'customer',
};
/** Universal Analytics enhanced ecommerce: the action is a key of `ecommerce`; the event name is optional. */
const UA: Obj = { purchase: 'purchase', checkout: 'checkout', add: 'add', remove: 'remove', detail: 'product', impressions: 'list' };

/** An entry's event name and ecommerce object; a gtag command that is a signal of its own is returned as `signal`. */
function parts(e: Obj): { name?: unknown; ec?: Obj; signal?: DlSignal } | undefined {
  // gtag commands: ['event', name, params], ['set', 'user_data', {…}], ['consent', …].
  if (command(e)) {
    if (e[0] === 'set' && e[1] === 'user_data') return { signal: customer(e[2]) };
    if (e[0] === 'consent') return { signal: { kind: 'consent' } };
    return e[0] === 'event' ? { name: e[1], ec: obj(e[2]) } : undefined;
  }
  if (e.ecommerce === null) return { signal: { kind: 'clear' } };
  return { name: e.event, ec: obj(e.ecommerce) };
}

/** What an entry is about, its lines and its order id: GA4 by event name, UA by the ecommerce key it fills. */
function action(name: unknown, x: Obj, get: (k: string) => unknown) {
  // Elevar (Shopify) prefixes GA4 names with "dl_".
  let kind = typeof name === 'string' ? GA4[name.replace(/^dl_/, '')] : '';
  let items = x.items;
  let id = get('transaction_id');
  for (const k of Object.keys(UA)) {
    const u = obj(x[k]);
    if (u) {
      kind = UA[k];
      items = Array.isArray(u) ? u : u.products;
      id = obj(u.actionField) && (u.actionField as Obj).id;
      break;
    }
  }
  return { kind: kind as string, items, id };
}

function read(entry: unknown, opts: DlOptions): DlSignal | undefined {
  const e = obj(entry);
  const p = e && parts(e);
  if (!e || !p || p.signal) return p ? p.signal : undefined;
  const x = p.ec || {};
  const get = (k: string) => (x[k] != null ? x[k] : e[k]);
  const { kind, items, id } = action(p.name, x, get);
  const list = Array.isArray(items) ? lines(items, text(x.currency, 8) || text(x.currencyCode, 8) || opts.currency, opts.problem) : undefined;
  if (kind === 'customer') return customer(e, p.ec);
  if (kind === 'list') {
    const f = obj(list && (items as unknown[])[0]) || {};
    return { kind, category: text(x.item_list_id) || text(x.item_list_name) || text(f.item_list_id) || text(f.item_list_name) || text(f.list) };
  }
  if (kind === 'search') {
    const query = text(get('search_term'));
    if (!query) return undefined;
    const s: DlSignal = { kind, query };
    if (list) s.found = (items as unknown[]).length ? 1 : 0;
    return s;
  }
  if (kind === 'purchase') {
    const number = text(id);
    if (number) return { kind, order: { number, items: list || [] } };
    if (__DEBUG__ && opts.problem) opts.problem('datalayer', 'dataLayer: purchase without an order id');
    return undefined;
  }
  if (!list) return undefined;
  if (kind === 'cart' || kind === 'checkout') return { kind: 'cart', items: list, page: kind };
  if (kind === 'add' || kind === 'remove') return { kind, items: list };
  if ((kind === 'product' || kind === 'wishlist') && list[0]) {
    const pr: ProductPagePayload = { productKey: list[0].productKey };
    if (list[0].price) pr.price = list[0].price;
    return { kind, product: pr };
  }
  return undefined;
}

/**
 * One dataLayer entry (GA4 object, gtag `arguments`, UA enhanced ecommerce) → what it says about
 * the page, or undefined. Pure; never throws, whatever the entry holds.
 */
export function readDataLayerEntry(entry: unknown, opts: DlOptions = {}): DlSignal | undefined {
  try {
    return read(entry, opts);
  } catch {
    if (__DEBUG__ && opts.problem) opts.problem('datalayer', 'dataLayer: unreadable entry skipped');
    return undefined;
  }
}

const qty = (n: number) => String(Math.round(n * 1e3) / 1e3);

/** The cart after an add_to_cart / remove_from_cart: quantities summed per productKey, empty lines dropped. */
export function applyDelta(items: CartItem[], delta: DlDelta): CartItem[] {
  const out = items.map((l) => ({ ...l }));
  for (const d of delta.items) {
    const i = out.findIndex((l) => l.productKey === d.productKey);
    const n = (i < 0 ? 0 : +out[i].quantity) + (delta.kind === 'add' ? +d.quantity : -d.quantity);
    if (!(n > 0)) {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = { ...out[i], ...d, quantity: qty(n) };
    else if (out.length < MAX_ITEMS) out.push({ ...d, quantity: qty(n) });
  }
  return out;
}

/**
 * Reads `window[name]` (dataLayerArray.ts follows it) and hears what each entry says: the page's
 * own replay and every later push, read at once.
 */
export function watchDataLayer(name: string, onSignal: (s: DlSignal) => void, opts: DlOptions = {}): () => void {
  const send = guard(onSignal, __DEBUG__ && 'dataLayer signal');
  return watchEntries(
    name,
    (e) => {
      const sig = readDataLayerEntry(e, opts);
      if (sig) send(sig);
    },
    opts.problem || (() => {}),
  );
}

export { googleConsent };
