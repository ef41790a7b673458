import type { ResolvedConfig } from './config/types';
import { createConsent } from './consent';
import { logSummary } from './debug/summary';
import { showOverlay } from './debug/overlay';
import { cartFromInput, lastCart } from './events/cartState';
import { derive } from './events/derive';
import { createMemory } from './events/memory';
import { createVisitor } from './events/visitor';
import { guard } from './lib/guard';
import { isKnown } from './lib/identity';
import type { Log } from './lib/log';
import { createStore } from './lib/storage';
import { text } from './lib/text';
import { gatherEvidence } from './page/evidence';
import { fold, freshDataLayer } from './page/fold';
import { readPage } from './page/model';
import { readAttributes, readWishlist, wishlistOf } from './sources/attributes';
import { googleConsent, watchDataLayer, type DlSignal } from './sources/datalayer';
import { readCustomerForm } from './sources/forms';
import { readRecAddToCart } from './sources/recs';
import { navigationStatus, scContent } from './sources/url';
import { createSender } from './transport/sender';
import type { Evidence } from './types/evidence';
import type { Inspection, Outgoing, PageModel } from './types/model';
import { createView } from './view';
import { startWatchers } from './watch';
import type { Impressions } from './watch/impressions';
import { startPlatformCarts } from './watch/platformCart';
import { createRoute } from './watch/route';
import { detectPlatforms, platformContext } from './sources/platforms';
import { pageCurrency } from './sources/currency';

export type { ConsentState, Inspection } from './types/model';

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

/**
 * Wires the pipeline: sources → page model → derive → send. Reads the page once the document is
 * parsed, then again when the watchers say it may have changed; every decision is made elsewhere.
 */
export function createTracker(cfg: ResolvedConfig, log: Log, nonce?: string): Tracker {
  const local = createStore('localStorage');
  const session = createStore('sessionStorage');
  const memory = createMemory(local);
  const visitor = createVisitor(session, memory.customers);
  const view = createView(log);
  const problem = view.problem;
  const stops: Array<() => void> = [];
  let model: PageModel | undefined;
  let impressions: Impressions | undefined;
  let views = 1;
  /** What the page's dataLayer has said so far (GA4 / UA ecommerce); reads after the first one follow its pushes. */
  let dl = freshDataLayer();
  let reading = false;
  /** The shop platform's own cart, as last read (full build). */
  let platformCart: Evidence | undefined;
  let started = false;
  let dlTimer: ReturnType<typeof setTimeout> | undefined;

  const consent = createConsent(cfg.consent, {
    hold: (on) => (local.hold(on), session.hold(on)),
    grant: () => (local.release(), session.release(), sender.open()),
    deny: () => sender.drop(),
  });
  const sender = createSender({ cfg, log, nonce, session, consent: consent.state, identity: visitor.get, sent: view.sent });
  const send = (o: Outgoing | undefined) => o && sender.send(o[0], o[1]);
  const identify = (raw: unknown, from: string) => send(visitor.identify(raw, from, problem));
  const inspect = (): Inspection | undefined =>
    __DEBUG__ ? { version: __VERSION__, config: cfg, page: model, problems: view.problems(), events: view.sent().slice(), consent: consent.state(), google: consent.google(), cart: platformCart && { items: platformCart.cart!, from: platformCart.source } } : undefined;

  /** Reads the page and sends what this page view has not sent yet. */
  const scan = (cart = true, attrs?: Evidence) => {
    const m = (model = readPage(document, location, cfg, gatherEvidence(document, cfg, problem, platformCart ? [dl, platformCart] : [dl], attrs), problem, navigationStatus()));
    if (!view.seen().page) __DEBUG__ && log.debug(`page type: ${m.type} (from ${m.typeFrom})`);
    if (m.customer && (isKnown(m.customer) || m.customer.name)) identify(m.customer, 'data-yespo-customer');
    derive(m, view.seen(), { cfg, memory, problem, cart, blockId: session.get<string>('sc') }).forEach(send);
  };

  const newView = () => {
    view.reset();
    dl = freshDataLayer(dl);
    const sc = scContent(location.search);
    if (sc) session.set('sc', sc);
  };
  const summary = () => __DEBUG__ && log._on && logSummary(inspect()!, views);
  const route = createRoute({
    begin() {
      if (impressions) impressions.flush();
      newView();
      views++;
      send(['PageView', { PageView: {} }]);
    },
    settle() {
      if (impressions) impressions.reset();
      scan(true);
      summary();
    },
  });

  const followGoogle = (atStart: boolean) => {
    if (__ZERO__ && cfg.dataLayer) {
      const s = googleConsent((window as unknown as Record<string, unknown>)[cfg.dataLayer]);
      if (__DEBUG__ && s && s !== consent.google()) log.debug('Google Consent Mode: analytics_storage ' + s);
      consent.followGoogle(s, atStart);
    }
  };

  /** A dataLayer entry: page evidence (read again once the current task is done) or an event of its own. */
  const onDataLayer = __ZERO__ ? (s: DlSignal) => {
    const r = fold(dl, s, { ownCart: !!document.querySelector('[data-yespo-cart]'), lastCart: () => lastCart(local) });
    if (!r) return;
    if ('wishlist' in r) return send(['AddToWishlist', { AddToWishlist: wishlistOf(r.wishlist) }]);
    if ('identity' in r) return identify(r.identity, 'dataLayer');
    if ('consent' in r) return followGoogle(false);
    dl = r.evidence;
    if (reading && !dlTimer && !route.waiting()) dlTimer = setTimeout(guard(() => ((dlTimer = undefined), scan(true)), __DEBUG__ && 'dataLayer'), 0);
  } : undefined;

  /**
   * The shop platform's cart and customer (full build): read at start and after each change the
   * shopper makes; a new cart is read into the page model like any other evidence.
   */
  const followPlatforms = __ZERO__
    ? (platforms: false | string[]) => {
        let cur: string | undefined;
        const o = { productKey: cfg.productKey, currency: cfg.currency, url: location.href, problem };
        const c = platformContext(document, window, o);
        return startPlatformCarts(
          c,
          detectPlatforms(c, platforms || []),
          // Magento's cart carries no currency: the config's, else the page's structured data's.
          { productKey: cfg.productKey, get currency() { return cfg.currency || (cur = cur || pageCurrency(document)); } },
          {
            cart(items, from) {
              platformCart = { source: from, cart: items };
              if (reading && !route.waiting()) scan(true);
            },
            customer: identify,
            problem,
          },
        );
      }
    : undefined;

  /** The first read (`attrs`: the attributes, read in the task before) and the watchers. */
  const ready = guard((attrs?: Evidence) => {
    if (__ZERO__ && onDataLayer && cfg.dataLayer) stops.push(watchDataLayer(cfg.dataLayer, guard(onDataLayer, __DEBUG__ && 'dataLayer signal'), { currency: cfg.currency, problem }));
    if (__ZERO__ && followPlatforms && cfg.platforms) stops.push(followPlatforms(cfg.platforms));
    reading = true;
    scan(true, attrs);
    if (__DEBUG__ && log._on) summary(), stops.push(showOverlay(inspect));
    const w = startWatchers(
      cfg,
      {
        changed: (cart) => !route.waiting() && scan(cart),
        touched: route.touched,
        route: route.change,
        impressions: (list) => send(['ProductImpressions', { ProductImpression: list }]),
        wishlist: (btn) => {
          const p = readWishlist(btn, model && model.product, problem);
          if (p) send(['AddToWishlist', { AddToWishlist: p }]);
        },
        addToCart: (btn) => {
          const r = readRecAddToCart(btn, cfg.impressions, problem);
          if (r) send(['ProductPage', r.loc ? { ProductPage: r.product, GeneralInfo: { s_location: r.loc } } : { ProductPage: r.product }]);
        },
        customerForm: (form) => identify(readCustomerForm(form), 'customer form'),
      },
      problem,
    );
    impressions = w.impressions;
    stops.push(w.stop);
  }, __DEBUG__ && 'start');

  // On a large page each step is a task of its own, so none is long: the script's evaluation; the
  // attribute pass; the structured-data pass, the events and the watchers; impressions when idle.
  const begin = guard(() => {
    if (!__ZERO__) return ready();
    const attrs = readAttributes(document, problem, cfg.currency);
    setTimeout(() => ready(attrs), 0);
  }, __DEBUG__ && 'start');

  return {
    start() {
      if (started) return;
      started = true;
      visitor.load();
      newView();
      followGoogle(true);
      consent.start();
      if (cfg.user) identify(cfg.user, 'config "user"');
    },
    ready(now) {
      if (now) ready();
      else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
      else setTimeout(begin, 0);
    },
    scan: () => scan(true),
    page: route.now,
    track(name, payload) {
      const n = text(name, 64);
      if (!n) return __DEBUG__ && problem('api-input', 'track: the event name must be a non-empty string');
      if (payload !== undefined && (!payload || typeof payload !== 'object')) return __DEBUG__ && problem('api-input', `track("${n}"): the payload must be an object`);
      send([n, payload as Record<string, unknown> | undefined]);
    },
    identify: (user) => identify(user, 'identify()'),
    setCart(items) {
      const list = cartFromInput(items, cfg.currency, problem);
      if (list) derive({ type: 'other', typeFrom: 'setCart', from: {}, cart: list }, view.seen(), { cfg, memory, problem, cart: true }).forEach(send);
    },
    consent(state) {
      if (!consent.set(state)) __DEBUG__ && problem('api-input', `consent: expected 'granted' or 'denied', got ${String(state).slice(0, 40)}`);
    },
    debug(on) {
      if (__DEBUG__) log._on = on !== false;
      else log.warn('debug mode: add ?yespo_debug=1 to the URL or debug: true to the config');
    },
    stop() {
      stops.splice(0).forEach((f) => f());
      sender.stop();
      route.stop();
      if (dlTimer) clearTimeout(dlTimer);
    },
    stats: () => ({ observed: impressions ? impressions.size() : 0, views }),
    inspect,
  };
}
