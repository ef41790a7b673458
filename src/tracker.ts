import type { ResolvedConfig } from './config/types';
import { createConsent } from './consent';
import { inspection } from './debug/inspect';
import { logSummary } from './debug/summary';
import { commands } from './commands';
import { createMemory } from './events/memory';
import { modules } from './chunks/modules';
import { sending } from './chunks/inOrder';
import { createVisitor } from './events/visitor';
import { guard } from './lib/guard';
import { why, type Log } from './lib/log';
import { createStore } from './lib/storage';
import { createReader } from './reader';
import { readAttributes } from './sources/attributes';
import { googleConsent } from './sources/dataLayerArray';
import { startReading, whenParsed, type Started } from './start';
import { lazyRoutes } from './watch/lazyRoutes';
import { createSender } from './transport/sender';
import type { Evidence } from './types/evidence';
import type { Inspection } from './types/model';
import { createView } from './view';

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
 * Wires the pipeline — sources → page model → derive → send — and the public methods onto it.
 * Every decision is made elsewhere: here the parts are only connected.
 */
export function createTracker(cfg: ResolvedConfig, log: Log, nonce?: string): Tracker {
  const local = createStore('localStorage');
  const session = createStore('sessionStorage');
  const memory = createMemory(local);
  const visitor = createVisitor(session, memory.customers);
  const view = createView(log);
  const problem = view.problem;
  const consent = createConsent(cfg.consent, {
    hold: (on) => (local.hold(on), session.hold(on)),
    grant: () => (local.release(), session.release(), sender.open()),
    deny: () => sender.drop(),
  });
  const sender = createSender({ cfg, log, nonce, sessionStore: session, consent: consent.state, identity: visitor.get, sent: view.sent });
  // [once] events derive marks with a key (the cart's and the order's, from their module) go out once across the browser's tabs (events/once.ts).
  const { send, identify } = sending(
    (o) => (o[2] ? modules.cart!.once(local, o[2], () => sender.send(o[0], o[1])) : sender.send(o[0], o[1])),
    (raw, from) => visitor.identify(raw, from, problem),
    log,
  );
  const reader = createReader({ cfg, log, view, memory, sessionStore: session, send, identify });
  let stops: Array<() => void> = [];
  let started = false;
  const inspect = () => (__DEBUG__ ? inspection(cfg, reader, view, consent) : undefined);
  const summary = (views: number) => {
    if (__DEBUG__ && log._on) logSummary(inspect()!, views);
  };
  const followGoogle = (atStart: boolean) => __ZERO__ && cfg.dataLayer && consent.followGoogle(googleConsent((window as unknown as Record<string, unknown>)[cfg.dataLayer]), atStart, log);
  let watching: Started | undefined;
  const pv = lazyRoutes({ reader, send, summary, started: () => watching }, log);
  const route = pv.route;
  const ready = guard((attrs?: Evidence) => {
    // The same array: watchers started once the chunks a page needs have loaded join it.
    stops = startReading({ cfg, log, local, reader, route, problem, send, identify, followGoogle, inspect, summary }, attrs, (s) => void (watching = s));
  }, __DEBUG__ && 'start');

  return {
    start() {
      if (started) return;
      started = true;
      visitor.load();
      reader.newView();
      if (__ZERO__) followGoogle(true);
      consent.start();
      if (cfg.user) identify(cfg.user, why('config "user"'));
    },
    ready: whenParsed(ready, () => readAttributes(document, problem, cfg.currency)),
    scan: () => reader.scan(true),
    page: route.now,
    ...commands({ cfg, log, view, memory, consent, send, identify }),
    stop() {
      stops.splice(0).forEach((f) => f());
      sender.stop();
      route.stop();
      reader.stop();
    },
    stats: () => ({ observed: watching ? watching.impressions.size() : 0, views: pv.views() }),
    inspect,
  };
}
