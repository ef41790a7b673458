import type { ResolvedConfig } from './config';
import { guard } from './lib/guard';
import type { Log } from './lib/log';
import { createStore } from './lib/storage';
import { text } from './lib/text';
import { readPage, type PageModel } from './page/model';
import { readWishlist } from './sources/attributes';
import { readCustomerForm } from './sources/forms';
import { scContent } from './sources/url';
import { cartChange, cartFromInput, cartPurchased, lastCartGuid } from './events/cartState';
import { customerData, generalInfo, isKnown, mergeIdentity, normalizeIdentity, type Identity } from './events/identity';
import { firstTimeOrder, purchasePayload } from './events/order';
import { pageEvent, type Outgoing } from './events/page';
import { installEs, sendEs } from './transport/es';
import { watchInteractions } from './watch/interactions';
import { watchMutations } from './watch/mutations';

export type ConsentState = 'granted' | 'pending' | 'denied';

export interface Tracker {
  /** Loader, stored identity, config user. */
  start(): void;
  /** The first read of the page and the watchers, once the document is parsed. */
  ready(): void;
  /** Removes every observer and listener (tests, teardown). */
  stop(): void;
  scan(): void;
  page(): void;
  track(name: unknown, payload?: unknown): void;
  identify(user: unknown): void;
  setCart(items: unknown): void;
  consent(state: unknown): void;
  debug(on: unknown): void;
}

/** Things already sent in this page view, so a re-read of the page never sends them twice. */
interface View {
  page?: boolean;
  purchase?: boolean;
  cartPage?: boolean;
  cartChanged?: boolean;
  problems: Record<string, 1>;
}

const CUSTOMERS = 'customers';

export function createTracker(cfg: ResolvedConfig, log: Log, nonce?: string): Tracker {
  const local = createStore('localStorage');
  const session = createStore('sessionStorage');
  let consent: ConsentState = cfg.consent;
  let held: Outgoing[] = [];
  let view: View = { problems: {} };
  let model: PageModel | undefined;
  let started = false;
  let identity: Identity = {};
  const stops: Array<() => void> = [];

  const problem = (msg: string) => {
    if (view.problems[msg]) return;
    view.problems[msg] = 1;
    log.debug(msg);
  };

  const hold = (on: boolean) => {
    local.hold(on);
    session.hold(on);
  };
  hold(consent !== 'granted');

  const send = (name: string, payload?: Record<string, unknown>) => {
    if (consent === 'denied') return log.debug('consent denied; not sent:', name);
    const g = generalInfo(identity);
    const body = g ? { ...payload, GeneralInfo: { ...g, ...(payload && (payload.GeneralInfo as object)) } } : payload;
    if (consent === 'pending') {
      held.push([name, body]);
      return log.debug('consent pending; kept:', name);
    }
    sendEs(name, body);
    log.debug('event', name, body || '');
    try {
      window.dispatchEvent(new CustomEvent('yespo:event', { detail: { name, payload: body } }));
    } catch {
      /* an old browser without CustomEvent still gets the event sent */
    }
  };

  const identify = (raw: unknown, from: string) => {
    const next = normalizeIdentity(raw);
    if (!isKnown(next) && !next.name && !next.city) return problem(`${from}: no email, phone, externalCustomerId or contactId`);
    identity = mergeIdentity(identity, next);
    session.set('id', identity);
    const cd = customerData(identity);
    if (!cd) return;
    const fp = JSON.stringify(cd);
    const sent = local.get<string[]>(CUSTOMERS);
    const list = Array.isArray(sent) ? sent : [];
    if (list.indexOf(fp) >= 0) return;
    list.push(fp);
    local.set(CUSTOMERS, list.slice(-20));
    send('CustomerData', { CustomerData: cd });
  };

  const cart = (items: PageModel['cart']) => {
    if (!items) return;
    const change = cartChange(local, items);
    if (change) {
      view.cartChanged = true;
      send('StatusCart', change);
    }
  };

  /** Reads the page and sends what this page view has not sent yet. */
  const scan = (cartToo = true) => {
    const m = (model = readPage(document, location, cfg, problem));
    if (!view.page) log.debug(`page type: ${m.type} (from ${m.typeFrom})`);
    if (m.customer && (isKnown(m.customer) || m.customer.name)) identify(m.customer, 'data-yespo-customer');
    if (!view.page) {
      const ev = pageEvent(m, cfg, problem);
      if (ev) {
        view.page = true;
        send(ev[0], ev[1]);
      }
    }
    if (m.type === 'purchase' && m.order && !view.purchase) {
      view.purchase = true;
      if (firstTimeOrder(local, m.order.number)) {
        send('PurchasedItems', { ...purchasePayload(m.order, lastCartGuid(local), session.get<string>('sc')) });
        cartPurchased(local);
      } else problem(`order ${m.order.number} was sent before; not sent again`);
    }
    if (cartToo) cart(m.cart);
    if ((m.type === 'cart' || m.type === 'checkout') && !view.cartPage && !view.cartChanged) {
      view.cartPage = true;
      send('StatusCartPage');
    }
  };

  const newView = () => {
    view = { problems: {} };
    const sc = scContent(location.search);
    if (sc) session.set('sc', sc);
  };

  const grant = () => {
    consent = 'granted';
    hold(false);
    local.release();
    session.release();
    if (!installEs(cfg, nonce)) log.debug('window.eS already exists; using it as it is');
    const q = held;
    held = [];
    for (const [name, body] of q) send(name, body);
  };

  const tracker: Tracker = {
    start() {
      if (started) return;
      started = true;
      const known = session.get<Identity>('id');
      if (known && typeof known === 'object') identity = normalizeIdentity(known);
      try {
        const contact = text(localStorage.getItem('esWebPushContactId'));
        if (contact && !identity.contactId) identity.contactId = contact;
      } catch {
        /* storage blocked: no web-push contact id */
      }
      if (consent === 'granted') grant();
      if (cfg.user) identify(cfg.user, 'config "user"');
      newView();
    },
    scan: () => scan(true),
    page() {
      newView();
      send('PageView', { PageView: {} });
      scan(true);
    },
    track(name, payload) {
      const n = text(name, 64);
      if (!n) return problem('track: the event name must be a non-empty string');
      if (payload !== undefined && (!payload || typeof payload !== 'object')) return problem(`track("${n}"): the payload must be an object`);
      send(n, payload as Record<string, unknown> | undefined);
    },
    identify: (user) => identify(user, 'identify()'),
    setCart(items) {
      const list = cartFromInput(items, cfg.currency, problem);
      if (list) cart(list);
    },
    consent(state) {
      if (state === 'granted' && consent !== 'granted') grant();
      else if (state === 'denied') {
        consent = 'denied';
        held = [];
        hold(true);
      } else if (state !== 'granted') problem(`consent: expected 'granted' or 'denied', got ${String(state).slice(0, 40)}`);
    },
    debug(on) {
      log._on = on !== false;
    },
    ready() {},
    stop() {
      stops.splice(0).forEach((f) => f());
    },
  };

  /** Wires the initial scan and the watchers once the document is parsed. */
  const ready = guard(() => {
    scan(true);
    stops.push(watchMutations(guard((cartTouched: boolean) => scan(cartTouched), 'rescan')));
    stops.push(watchInteractions({
      wishlist(btn) {
        const w = readWishlist(btn, model && model.product, problem);
        if (w) send('AddToWishlist', { AddToWishlist: w });
      },
      customerForm: (form) => identify(readCustomerForm(form), 'customer form'),
    }));
  }, 'start');
  tracker.ready = () => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => ready());
    else ready();
  };
  return tracker;
}
