import type { ResolvedConfig } from './config/types';
import { derive } from './events/derive';
import type { Memory } from './events/memory';
import { guard } from './lib/guard';
import { isKnown } from './lib/identity';
import { why, type Log } from './lib/log';
import type { Store } from './lib/storage';
import { needChunk } from './chunks/need';
import { modules } from './chunks/modules';
import { gatherEvidence, hasStructured } from './page/evidence';
import { freshDataLayer } from './page/fold';
import { readPage } from './page/model';
import { navigationStatus, scContent } from './sources/url';
import type { Evidence } from './types/evidence';
import type { Outgoing, PageModel } from './types/model';
import type { View } from './view';

/** What the full build's later sources tell the reader. */
interface Later {
  setPlatforms(names: string[]): void;
  dataLayer(): Evidence;
  setDataLayer(e: Evidence, quiet: boolean): void;
  platformCart(): Evidence | undefined;
  setPlatformCart(e: Evidence, quiet: boolean): void;
}

export interface ReaderContext {
  cfg: ResolvedConfig;
  log: Log;
  view: View;
  memory: Memory;
  sessionStore: Store;
  send(o: Outgoing | undefined): void;
  identify(raw: unknown, from: string): void;
}

/**
 * The core file's cart and order events are a chunk: a page with either is read once it is in, all
 * its events together (nothing goes out before the cart does). True while a read must wait: the
 * first such read loads the chunk and reads again (`again`) once it is in, or could not be had
 * (one warning; reads then go on without the cart's events).
 */
function cartChunk(log: Log, again: () => void) {
  let state: 0 | 1 | 2 = 0;
  return (m: PageModel) => {
    if (modules.cart || !(m.cart || m.order) || state === 2) return false;
    if (!state) (state = 1), void needChunk('cart', log).then(guard((ok: boolean) => ((state = ok ? 0 : 2), again()), __DEBUG__ && 'cart chunk'));
    return true;
  };
}

/**
 * Reads the page: every source's evidence (with what the dataLayer and the platform's cart said
 * since), folded into the page model, and the events derived from it sent. Keeps the evidence that
 * outlives one read and the model of the last one.
 */
export function createReader(c: ReaderContext) {
  const { cfg, view } = c;
  let model: PageModel | undefined;
  let dl = freshDataLayer();
  let platformCart: Evidence | undefined;
  /** The platforms detected on the page (full build). */
  let names: string[] = [];
  let live = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Reads the page and sends what this page view has not sent yet (`cart`: compare the cart too). */
  const scan = (cart = true, attrs?: Evidence) => {
    // Structured data rendered after a page without any (an SPA route, a headless shop): its chunk first.
    if (__ZERO__ && __CHUNKS__ && live && !modules.structured && hasStructured(document)) void needChunk('structured', c.log).then((ok) => ok && soon());
    const ev = gatherEvidence(document, cfg, view.problem, __ZERO__ ? (platformCart ? [dl, platformCart] : [dl]) : [], attrs, names);
    const m = (model = readPage(document, location, cfg, ev, view.problem, navigationStatus()));
    if (__CHUNKS__ && !__ZERO__ && waitForCart(m)) return;
    if (!view.seen().page) __DEBUG__ && c.log.debug(`page type: ${m.type} (from ${m.typeFrom})`);
    if (m.customer && (isKnown(m.customer) || m.customer.name)) c.identify(m.customer, why('data-yespo-customer'));
    derive(m, view.seen(), { cfg, memory: c.memory, problem: view.problem, cart, blockId: c.sessionStore.get<string>('sc') }).forEach(c.send);
  };
  const waitForCart = cartChunk(c.log, () => scan(true));
  /** Evidence that arrived after the first read: read again once the current task is done. */
  const soon = () => {
    if (live && !timer) timer = setTimeout(guard(() => ((timer = undefined), scan(true)), __DEBUG__ && 'read again'), 0);
  };

  return {
    scan,
    /** The first read: from now on new evidence means a new read. */
    first: (attrs?: Evidence) => ((live = true), scan(true, attrs)),
    model: () => model,
    // The full build's sources that speak after the first read (the core build has none of them).
    ...((__ZERO__
      ? {
          setPlatforms: (n: string[]) => void (names = n),
          dataLayer: () => dl,
          /** What the dataLayer has said so far; `quiet` while a route change waits for its content. */
          setDataLayer(e: Evidence, quiet: boolean) {
            dl = e;
            if (!quiet) soon();
          },
          platformCart: () => platformCart,
          setPlatformCart(e: Evidence, quiet: boolean) {
            platformCart = e;
            if (!quiet) soon();
          },
        }
      : {}) as Later),
    /** A new page view: its own record, the dataLayer's cart kept, the recommendation block it came through remembered. */
    newView() {
      view.reset();
      if (__ZERO__) dl = freshDataLayer(dl);
      const sc = scContent(location.search);
      if (sc) c.sessionStore.set('sc', sc);
    },
    stop: () => timer && clearTimeout(timer),
  };
}

export type Reader = ReturnType<typeof createReader>;
