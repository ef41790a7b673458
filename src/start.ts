import type { ResolvedConfig } from './config/types';
import { showOverlay } from './debug/overlay';
import { lastCart } from './events/cartState';
import { guard } from './lib/guard';
import { why, type Log } from './lib/log';
import type { Store } from './lib/storage';
import type { Reader } from './reader';
import { wishlistOf } from './sources/wishlist';
import { pageCurrency } from './sources/currency';
import type { DlSignal } from './sources/datalayer';
import { isConsent, mayMatter, watchEntries } from './sources/dataLayerArray';
import { detectNames, platformContext } from './sources/platforms/detect';
import { modules, type Modules } from './chunks/modules';
import { needChunk, withChunk } from './chunks/need';
import { hasStructured } from './page/evidence';
import type { Evidence } from './types/evidence';
import type { PlatformContext } from './types/platform';
import type { Inspection, Outgoing } from './types/model';
import type { Report } from './types/problems';
import { startWatchers } from './watch';
import { withRecs } from './watch/lazyImpressions';
import type { Impressions } from './watch/impressions';
import type { Route } from './watch/route';

export interface StartContext {
  cfg: ResolvedConfig;
  log: Log;
  local: Store;
  reader: Reader;
  route: Route;
  problem: Report;
  send(o: Outgoing | undefined): void;
  identify(raw: unknown, from: string): void;
  followGoogle(atStart: boolean): void;
  inspect(): Inspection | undefined;
  summary(views: number): void;
}

/** A dataLayer signal (full build): page evidence for the reader, or an event of its own. */
function onDataLayer(c: StartContext, s: DlSignal, fold: NonNullable<Modules['datalayer']>['fold']) {
  const r = fold(c.reader.dataLayer(), s, { ownCart: !!document.querySelector('[data-yespo-cart]'), lastCart: () => lastCart(c.local) });
  if (!r) return;
  if ('wishlist' in r) return c.send(['AddToWishlist', { AddToWishlist: wishlistOf(r.wishlist) }]);
  if ('identity' in r) return c.identify(r.identity, why('dataLayer'));
  c.reader.setDataLayer(r.evidence, c.route.unsettled());
}

/**
 * The page's dataLayer (full build): Consent Mode commands at once; entries that may be ecommerce
 * read by the entry reader — in the shop bundle a chunk, loaded the first time one comes, and
 * awaited by the first read (`need`) when the page pushed some before the bundle ran.
 */
function followDataLayer(c: StartContext, name: string, need: Array<Promise<boolean>>): () => void {
  const pending: unknown[] = [];
  const opts = { currency: c.cfg.currency, problem: c.problem };
  let loading: Promise<boolean> | undefined;
  const read = (entry: unknown) => {
    const m = modules.datalayer!;
    const s = m.readDataLayerEntry(entry, opts);
    if (s) onDataLayer(c, s, m.fold);
  };
  const stop = watchEntries(
    name,
    (entry) => {
      if (isConsent(entry)) return c.followGoogle(false);
      if (!mayMatter(entry)) return;
      if (modules.datalayer && !pending.length) return read(entry);
      pending.push(entry);
      loading = loading || needChunk('datalayer', c.log).then((ok) => (ok && pending.splice(0).forEach(guard(read, __DEBUG__ && 'dataLayer signal')), ok));
    },
    c.problem,
  );
  if (loading) need.push(loading);
  return stop;
}

/**
 * The shop platform's cart and customer (full build): read at start and after each change the
 * shopper makes; a new cart is read into the page model like any other evidence.
 */
function followPlatforms(c: StartContext, pc: PlatformContext, names: string[]) {
  let cur: string | undefined;
  const { cfg, problem } = c;
  const m = modules.platforms;
  if (!m || !names.length) return () => {};
  // Magento's cart carries no currency: the config's, else the page's structured data's.
  const o = { productKey: cfg.productKey, get currency() { return cfg.currency || (cur = cur || pageCurrency(document)); } };
  return m.followCarts(pc, names, o, {
    cart: (items, from) => c.reader.setPlatformCart({ source: from, cart: items }, c.route.unsettled()),
    customer: c.identify,
    problem,
  });
}

/**
 * What the page needs beyond the main file (shop bundle): the structured-data readers where it
 * prints any, a platform's adapter where one is detected. Runs `then` once they are there (at once
 * when nothing is missing, so the builds without chunks stay synchronous).
 */
function withChunks(c: StartContext, names: string[], need: Array<Promise<boolean>>, then: () => void) {
  if (__CHUNKS__ && !modules.structured && hasStructured(document)) need.push(needChunk('structured', c.log));
  if (__CHUNKS__ && !modules.platforms && names.length) need.push(needChunk('platforms', c.log));
  if (need.length) void Promise.all(need).then(guard(then, __DEBUG__ && 'start'));
  else then();
}

/**
 * The first read of the page (`attrs`: the attributes, read in the task before) and every watcher
 * after it. Returns what stops them, and the impressions engine.
 */
export function startReading(c: StartContext, attrs?: Evidence, done: (r: Started) => void = () => {}) {
  const { cfg, problem } = c;
  const stops: Array<() => void> = [];
  // One look at the page for the platforms on it: their detectors here, their carts once the chunk is in.
  const pc = __ZERO__ && cfg.platforms ? platformContext(document, window, { productKey: cfg.productKey, currency: cfg.currency, url: location.href, problem }) : undefined;
  const names = __ZERO__ && pc && cfg.platforms ? detectNames(pc, cfg.platforms) : [];
  const need: Array<Promise<boolean>> = [];
  if (__ZERO__ && cfg.dataLayer) stops.push(followDataLayer(c, cfg.dataLayer, need));
  const go = () => {
    if (__ZERO__) c.reader.setPlatforms(names);
    if (__ZERO__ && pc) stops.push(followPlatforms(c, pc, names));
    c.reader.first(attrs);
    if (__DEBUG__ && c.log._on) c.summary(1), stops.push(showOverlay(c.inspect));
    done({ stops, ...watchAll(c, stops) });
  };
  // The core build reads the attributes only: nothing to wait for.
  if (__ZERO__) withChunks(c, names, need, go);
  else go();
  return stops;
}

export interface Started {
  stops: Array<() => void>;
  impressions: Impressions;
  /** Called after a route's impressions reset, before its full read: DOM changes already in them start nothing more. */
  reading(): void;
}

/** Every watcher after the first read; their stops join `stops`. */
function watchAll(c: StartContext, stops: Array<() => void>): Pick<Started, 'impressions' | 'reading'> {
  const { cfg, problem, send, route } = c;
  const w = startWatchers(
    cfg,
    {
      changed: (cart) => !route.unsettled() && c.reader.scan(cart),
      touched: route.touched,
      unsettled: route.unsettled,
      route: route.change,
      impressions: (list) => send(['ProductImpressions', { ProductImpression: list }]),
      // The core file reads wishlist buttons and customer forms with its visitor chunk: loaded where a page has a customer form or a visitor reaches for either (prepare), else by the click or the submit.
      wishlist: (btn) =>
        withChunk(
          'visitor',
          c.log,
          (k) => {
            const m = c.reader.model();
            const p = k.readWishlist(btn, m && m.product, problem);
            if (p) send(['AddToWishlist', { AddToWishlist: p }]);
          },
          __DEBUG__ && 'wishlist click',
        ),
      addToCart: (btn) =>
        withRecs(c.log, (m) => {
          const r = m.readRecAddToCart(btn, cfg.impressions, problem);
          if (r) send(['ProductPage', r.loc ? { ProductPage: r.product, GeneralInfo: { s_location: r.loc } } : { ProductPage: r.product }]);
        }),
      customerForm: (form) => withChunk('visitor', c.log, (k) => c.identify(k.readCustomerForm(form), why('customer form')), __DEBUG__ && 'customer form'),
      prepare: () => void needChunk('visitor', c.log),
    },
    problem,
    c.log,
  );
  stops.push(w.stop);
  return w;
}

/**
 * Runs `read` once the document is parsed. On a large page each step is a task of its own, so none
 * is long: the script's evaluation; the attribute pass; the structured-data pass, the events and the
 * watchers; impressions when idle. `now`: at once (tests).
 */
export function whenParsed(read: (attrs?: Evidence) => void, attrs: () => Evidence) {
  const begin = guard(() => {
    if (!__ZERO__) return read();
    const a = attrs();
    setTimeout(() => read(a), 0);
  }, __DEBUG__ && 'start');
  return (now?: boolean) => {
    if (now) read();
    else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
    else setTimeout(begin, 0);
  };
}
