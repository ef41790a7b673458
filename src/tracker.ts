import type { ResolvedConfig } from './config';
import { describe } from './lib/describe';
import { guard } from './lib/guard';
import type { Log } from './lib/log';
import { createStore } from './lib/storage';
import { text } from './lib/text';
import { readPage, type PageModel } from './page/model';
import { linkScContent, readAttributes, readProduct, readWishlist, wishlistOf, type Found } from './sources/attributes';
import { readCustomerForm } from './sources/forms';
import { scContent } from './sources/url';
import { cartChange, cartFromInput, cartPurchased, lastCart, lastCartGuid } from './events/cartState';
import { applyDelta, googleConsent, watchDataLayer, type DlSignal } from './sources/datalayer';
import type { Evidence } from './sources/evidence';
import { customerData, generalInfo, isKnown, mergeIdentity, normalizeIdentity, type Identity } from './events/identity';
import { firstTimeOrder, purchasePayload } from './events/order';
import { pageEvent, type Outgoing } from './events/page';
import { installEs, queuedEvents, sendEs } from './transport/es';
import { createRest, type Rest } from './transport/rest';
import { checkEsCall } from './schema/events';
import { checkRestBody } from './schema/rest';
import { watchInteractions } from './watch/interactions';
import { watchMutations } from './watch/mutations';
import { createImpressions, type Impressions } from './watch/impressions';
import { showOverlay } from './debug/overlay';
import { watchNavigation } from './watch/navigation';

export type ConsentState = 'granted' | 'pending' | 'denied';

export interface Tracker {
  /** Loader, stored identity, config user. */
  start(): void;
  /** Reads the page and starts watching: in a task of its own once the document is parsed, or `now`. */
  ready(now?: boolean): void;
  /** Removes every observer and listener (tests, teardown). */
  stop(): void;
  /** Diagnostics: elements observed for impressions, page views so far. */
  stats(): { observed: number; views: number };
  /** Debug build only: what this page view read, decided, sent and found wrong. */
  inspect(): Inspection | undefined;
  scan(): void;
  page(): void;
  track(name: unknown, payload?: unknown): void;
  identify(user: unknown): void;
  setCart(items: unknown): void;
  consent(state: unknown): void;
  debug(on: unknown): void;
}

export interface Inspection {
  version: string;
  page?: PageModel;
  problems: string[];
  events: Array<{ name: string; payload?: unknown; body?: unknown }>;
  consent: ConsentState;
  /** Google Consent Mode's analytics_storage, when the page's dataLayer says it. */
  google?: string;
}

/** Things already sent in this page view, so a re-read of the page never sends them twice. */
interface View {
  page?: boolean;
  purchase?: boolean;
  cartPage?: boolean;
  cartChanged?: boolean;
  problems: Record<string, 1>;
  /** Debug build: the events of this view, in order. */
  sent: Inspection['events'];
}

const CUSTOMERS = 'customers';

export function createTracker(cfg: ResolvedConfig, log: Log, nonce?: string): Tracker {
  const local = createStore('localStorage');
  const session = createStore('sessionStorage');
  let consent: ConsentState = cfg.consent;
  let held: Outgoing[] = [];
  let view: View = { problems: {}, sent: [] };
  let model: PageModel | undefined;
  let started = false;
  /** The first read of the page has happened: later dataLayer entries trigger reads. */
  let scanning = false;
  let identity: Identity = {};
  /** Set when events go to the REST API (transport 'rest', or 'auto' once the eS loader failed). */
  let viaRest: Rest | undefined;
  const stops: Array<() => void> = [];
  let impressions: Impressions | undefined;
  let views = 1;
  /** A route change waiting for the new content to render (SPA). */
  let routeTimer: ReturnType<typeof setInterval> | undefined;
  let lastMutation = 0;
  /** What the page's dataLayer has said so far (GA4 / UA ecommerce). */
  let dl: Evidence = { source: 'dataLayer' };
  let dlTimer: ReturnType<typeof setTimeout> | undefined;

  /** A debug line, once per page view; the shop bundle carries no messages (its call sites are compiled out). */
  const problem = (msg: string) => {
    if (!__DEBUG__ || view.problems[msg]) return;
    view.problems[msg] = 1;
    log.debug(msg);
  };

  const hold = (on: boolean) => {
    local.hold(on);
    session.hold(on);
  };
  hold(consent !== 'granted');

  const send = (name: string, payload?: Record<string, unknown>) => {
    if (consent === 'denied') return __DEBUG__ && log.debug('consent denied; not sent:', name);
    const g = generalInfo(identity);
    const body = g ? { ...payload, GeneralInfo: { ...g, ...(payload && (payload.GeneralInfo as object)) } } : payload;
    if (consent === 'pending') {
      held.push([name, body]);
      return __DEBUG__ && log.debug('consent pending; kept:', name);
    }
    const rest = viaRest && viaRest.send(name, payload, identity);
    if (!viaRest) sendEs(name, body);
    else if (!rest) return;
    if (__DEBUG__) {
      view.sent.push(rest ? { name, payload: body, body: rest } : { name, payload: body });
      const bad = rest ? checkRestBody(rest) : checkEsCall(body ? ['sendEvent', name, body] : ['sendEvent', name]);
      if (bad.length) log.warn(`${name} does not match Yespo's format:`, bad.join('; '));
    }
    __DEBUG__ && log.debug('event', name, rest || body || '');
    try {
      window.dispatchEvent(new CustomEvent('yespo:event', { detail: rest ? { name, payload: body, body: rest } : { name, payload: body } }));
    } catch {
      /* an old browser without CustomEvent still gets the event sent */
    }
  };

  const identify = (raw: unknown, from: string) => {
    const next = normalizeIdentity(raw);
    if (!isKnown(next) && !next.name && !next.city) return __DEBUG__ && problem(`${from}: no email, phone, externalCustomerId or contactId`);
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
  const scan = (cartToo = true, f?: Found) => {
    const m = (model = readPage(document, location, cfg, problem, [dl], undefined, f));
    if (!view.page) __DEBUG__ && log.debug(`page type: ${m.type} (from ${m.typeFrom})`);
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
      } else __DEBUG__ && problem(`order ${m.order.number} was sent before; not sent again`);
    }
    if (cartToo) cart(m.cart);
    if ((m.type === 'cart' || m.type === 'checkout') && !view.cartPage && !view.cartChanged) {
      view.cartPage = true;
      send('StatusCartPage');
    }
  };

  const newView = () => {
    view = { problems: {}, sent: [] };
    dl = { source: 'dataLayer', cart: dl.cart };
    const sc = scContent(location.search);
    if (sc) session.set('sc', sc);
  };

  const useRest = __REST__
    ? () => {
        if (viaRest) return;
        viaRest = createRest(cfg, log);
        stops.push(viaRest.stop);
      }
    : () => log.error('no REST transport in the core build');

  /** 'auto': the eS script did not load (blocked, or not there within 4 s): REST for the rest of the visit. */
  const watchLoader = (loader: NonNullable<ReturnType<typeof installEs>>) => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const fallback = guard(() => {
      if (t) clearTimeout(t);
      if (viaRest || window.eS !== loader.queue) return;
      __DEBUG__ && log.debug('the eS script did not load; sending through the REST API from now on');
      session.set('rest', 1);
      useRest();
      for (const [name, payload] of queuedEvents(loader.queue)) viaRest!.send(name, payload, identity);
      loader.queue.q = [];
    }, __DEBUG__ && 'loader fallback');
    loader.script.addEventListener('error', fallback);
    t = setTimeout(fallback, 4000);
  };

  const grant = () => {
    consent = 'granted';
    hold(false);
    local.release();
    session.release();
    if (cfg.transport === 'rest' || (cfg.transport === 'auto' && session.get('rest'))) useRest();
    else {
      const loader = installEs(cfg, nonce);
      if (!loader) __DEBUG__ && log.debug('window.eS already exists; using it as it is');
      else if (cfg.transport === 'auto') watchLoader(loader);
    }
    const q = held;
    held = [];
    for (const [name, body] of q) send(name, body);
  };

  const deny = () => {
    consent = 'denied';
    held = [];
    hold(true);
  };

  /**
   * Google Consent Mode (zero-config build, while the dataLayer is read): `analytics_storage`
   * granted grants; denied at start holds everything as `consent: 'pending'` does (the visitor may
   * still accept on this page); denied later is `yespo.consent('denied')`.
   */
  let google: string | undefined;
  const followGoogle = __ZERO__ ? (atStart: boolean) => {
    const s = cfg.dataLayer ? googleConsent((window as unknown as Record<string, unknown>)[cfg.dataLayer]) : undefined;
    if (!s || s === google) return;
    google = s;
    __DEBUG__ && log.debug('Google Consent Mode: analytics_storage ' + s);
    if (s === 'granted') {
      if (atStart) consent = 'granted';
      else if (consent !== 'granted') grant();
    } else if (!atStart) deny();
    else if (consent === 'granted') {
      consent = 'pending';
      hold(true);
    }
  } : undefined;

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
      newView();
      if (followGoogle) followGoogle(true);
      if (consent === 'granted') grant();
      if (cfg.user) identify(cfg.user, 'config "user"');
    },
    scan: () => scan(true),
    page() {
      if (routeTimer) return settle();
      beginView();
      settle();
    },
    track(name, payload) {
      const n = text(name, 64);
      if (!n) return __DEBUG__ && problem('track: the event name must be a non-empty string');
      if (payload !== undefined && (!payload || typeof payload !== 'object')) return __DEBUG__ && problem(`track("${n}"): the payload must be an object`);
      send(n, payload as Record<string, unknown> | undefined);
    },
    identify: (user) => identify(user, 'identify()'),
    setCart(items) {
      const list = cartFromInput(items, cfg.currency, problem);
      if (list) cart(list);
    },
    consent(state) {
      if (state === 'granted' && consent !== 'granted') grant();
      else if (state === 'denied') deny();
      else if (state !== 'granted') __DEBUG__ && problem(`consent: expected 'granted' or 'denied', got ${String(state).slice(0, 40)}`);
    },
    debug(on) {
      if (__DEBUG__) log._on = on !== false;
      else log.warn('debug mode: add ?yespo_debug=1 to the URL or debug: true to the config');
    },
    ready() {},
    stop() {
      stops.splice(0).forEach((f) => f());
      if (routeTimer) clearInterval(routeTimer);
      if (dlTimer) clearTimeout(dlTimer);
    },
    stats: () => ({ observed: impressions ? impressions.size() : 0, views }),
    inspect: () => (__DEBUG__ ? { version: __VERSION__, page: model, problems: Object.keys(view.problems), events: view.sent.slice(), consent, google } : undefined),
  };

  /** A new page view starts: what the old one saw goes out, then PageView. */
  const beginView = () => {
    if (impressions) impressions.flush();
    newView();
    views++;
    send('PageView', { PageView: {} });
  };

  /** The new view's content is there: read it and watch its recommendation items. */
  const settle = () => {
    if (routeTimer) clearInterval(routeTimer);
    routeTimer = undefined;
    if (impressions) impressions.reset();
    scan(true);
    if (__DEBUG__) summary();
  };

  /** Debug build: one console group per page view with what was read, from where, and what was sent. */
  const summary = __DEBUG__
    ? () => {
        const c = typeof console !== 'undefined' ? console : undefined;
        if (!log._on || !c || !c.groupCollapsed || !model) return;
        c.groupCollapsed(`[yespo] page view ${views}: ${model.type} (from ${model.typeFrom})`);
        for (const k of ['product', 'category', 'search', 'cart', 'order', 'customer'] as const)
          if (model[k] !== undefined) c.log(`${k} ← ${model.from[k] || 'data-yespo-*'}`, model[k]);
        for (const e of view.sent) c.log('sent', e.name, e.payload || '');
        for (const p of Object.keys(view.problems)) c.warn(p);
        c.groupEnd();
      }
    : () => {};

  /** SPA route change: PageView now, the page's own events once the DOM has been quiet for 300 ms (3 s at most). */
  const onRoute = () => {
    if (routeTimer) clearInterval(routeTimer);
    beginView();
    const began = Date.now();
    lastMutation = began;
    routeTimer = setInterval(
      guard(() => {
        const t = Date.now();
        if (t - lastMutation >= 300 || t - began >= 3000) settle();
      }, __DEBUG__ && 'route settle'),
      100,
    );
  };

  /**
   * A dataLayer entry becomes page evidence (read at the next scan) or an event of its own. Cart
   * deltas apply to the last cart known when the page has no `data-yespo-cart` of its own.
   */
  const onDataLayer = __ZERO__
    ? (s: DlSignal) => {
        switch (s.kind) {
          case 'product':
            dl.product = s.product;
            dl.pageType = 'product';
            break;
          case 'list':
            if (s.category) dl.category = s.category;
            break;
          case 'cart':
            dl.cart = s.items;
            dl.pageType = s.page || 'cart';
            break;
          case 'add':
          case 'remove':
            if (document.querySelector('[data-yespo-cart]')) return;
            dl.cart = applyDelta(dl.cart || lastCart(local), s);
            break;
          case 'purchase':
            dl.order = s.order;
            dl.pageType = 'purchase';
            break;
          case 'search':
            dl.search = { query: s.query, found: s.found };
            if (s.found === undefined) delete dl.search.found;
            dl.pageType = 'search';
            break;
          case 'wishlist':
            return send('AddToWishlist', { AddToWishlist: wishlistOf(s.product) });
          case 'customer':
            return identify(s.identity, 'dataLayer');
          case 'consent':
            return followGoogle!(false);
          default:
            return;
        }
        // Entries pushed after start: read the page again once the current task is done.
        if (scanning && !dlTimer && !routeTimer) dlTimer = setTimeout(guard(() => ((dlTimer = undefined), scan(true)), __DEBUG__ && 'dataLayer'), 0);
      }
    : undefined;

  /** The initial scan (`f`: the attributes, read in the task before) and the watchers. */
  const ready = guard((f?: Found) => {
    if (__ZERO__ && onDataLayer && cfg.dataLayer) stops.push(watchDataLayer(cfg.dataLayer, guard(onDataLayer, __DEBUG__ && 'dataLayer signal'), { currency: cfg.currency, problem }));
    scanning = true;
    scan(true, f);
    if (__DEBUG__ && log._on) {
      summary();
      stops.push(showOverlay(tracker.inspect));
    }
    const imp = (impressions = createImpressions(cfg.impressions, (list) => send('ProductImpressions', { ProductImpression: list }), problem));
    // Observing hundreds of recommendation items is not urgent: in a task of its own, so the start-up stays short.
    const later = typeof requestIdleCallback === 'function' ? (f: () => void) => requestIdleCallback(f, { timeout: 500 }) : (f: () => void) => setTimeout(f, 1);
    later(guard(() => imp.add(document), __DEBUG__ && 'impressions start'));
    stops.push(imp.stop);
    stops.push(
      watchMutations({
        // While a route change waits for its content, settle() reads the page; reading it now could
        // take the old route's content for the new one.
        change: (cartTouched) => !routeTimer && scan(cartTouched),
        added: (el) => imp.add(el),
        removed: imp.sweep,
        any: () => (lastMutation = Date.now()),
      }),
    );
    if (cfg.spa) stops.push(watchNavigation(onRoute));
    stops.push(watchInteractions({
      wishlist(btn) {
        const w = readWishlist(btn, model && model.product, problem);
        if (w) send('AddToWishlist', { AddToWishlist: w });
      },
      addToCart(btn) {
        // The eS.JS document asks for an extra ProductPage, located by the block's sc_content, when
        // a recommendation's own buy button adds to the cart without opening the product.
        let item: Element | null = null;
        try {
          item = btn.closest(cfg.impressions.itemSelector);
        } catch {
          /* an invalid selector was reported when impressions started */
        }
        const key = item && text(item.getAttribute(cfg.impressions.productAttr));
        const product = item && key ? readProduct(item, problem, key) : undefined;
        if (!product) return __DEBUG__ && problem(`${describe(btn)}: not inside a recommendation item with a product id`);
        const block = item!.closest(cfg.impressions.blockSelector);
        const loc = linkScContent(item!) || (block ? text(block.getAttribute(cfg.impressions.containerAttr)) : undefined);
        send('ProductPage', loc ? { ProductPage: product, GeneralInfo: { s_location: loc } } : { ProductPage: product });
      },
      customerForm: (form) => identify(readCustomerForm(form), 'customer form'),
    }));
  }, __DEBUG__ && 'start');

  // On a large page each step is a task of its own, so none is long: the script's evaluation; the
  // attribute pass; the structured-data pass, the events and the watchers; and, when idle, the
  // impression observer (see ready).
  const begin = guard(() => {
    if (!__ZERO__) return ready();
    const f = readAttributes(document, problem, cfg.currency);
    setTimeout(() => ready(f), 0);
  }, __DEBUG__ && 'start');
  tracker.ready = (now) => {
    if (now) ready();
    else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
    else setTimeout(begin, 0);
  };
  return tracker;
}
