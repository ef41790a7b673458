import type { ResolvedConfig } from '../config/types';
import { guard } from '../lib/guard';
import { withGeneralInfo } from '../lib/identity';
import type { Log } from '../lib/log';
import type { Store } from '../lib/storage';
import type { Identity } from '../types/identity';
import type { ConsentState, Inspection, Outgoing } from '../types/model';
import { checkEsCall } from '../schema/events';
import { checkRestBody } from '../schema/rest';
import { installEs, queuedEvents, sendEs, type EsFn } from './es';
import type { Rest } from './rest';
import { modules, type Modules } from '../chunks/modules';
import { needChunk } from '../chunks/need';

export interface Sender {
  /** Sends one event now, holds it while consent is pending, drops it when denied. */
  send(name: string, payload?: Record<string, unknown>): void;
  /** Consent granted: the transport starts, and what was held goes out. */
  open(): void;
  /** Consent denied: what was held is dropped. */
  drop(): void;
  stop(): void;
}

export interface SenderContext {
  cfg: ResolvedConfig;
  log: Log;
  nonce?: string;
  sessionStore: Store;
  consent(): ConsentState;
  identity(): Identity;
  /** Debug build: this page view's events, in order. */
  sent: () => Inspection['events'];
}

/** Every event sent: the `yespo:event` DOM event, and in the debug build the view's record and a check against Yespo's formats. */
function record(c: SenderContext, name: string, payload: Record<string, unknown> | undefined, body: object | false | undefined) {
  const detail = body ? { name, payload, body } : { name, payload };
  if (__DEBUG__) {
    c.sent().push(detail);
    const bad = body ? checkRestBody(body) : checkEsCall(payload ? ['sendEvent', name, payload] : ['sendEvent', name]);
    if (bad.length) c.log.warn(`${name} does not match Yespo's format:`, bad.join('; '));
    c.log.debug('event', name, body || payload || '');
  }
  try {
    window.dispatchEvent(new CustomEvent('yespo:event', { detail }));
  } catch {
    /* an old browser without CustomEvent still gets the event sent */
  }
}

/**
 * 'auto': when the eS script does not load (blocked, or not there within 4 s), what waits in its
 * queue goes through REST (`fallback`), and so does the rest of the visit. Returns a stop.
 */
function watchLoader(loader: { script: HTMLScriptElement; queue: EsFn }, c: SenderContext, fallback: (then: (r: Rest) => void) => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  const fail = guard(() => {
    if (t) clearTimeout(t);
    if (window.eS !== loader.queue) return;
    __DEBUG__ && c.log.debug('the eS script did not load; sending through the REST API from now on');
    c.sessionStore.set('rest', 1);
    const queued = queuedEvents(loader.queue);
    loader.queue.q = [];
    fallback((rest) => queued.forEach(([name, payload]) => rest.send(name, payload, c.identity().name)));
  }, __DEBUG__ && 'loader fallback');
  loader.script.addEventListener('error', fail);
  t = setTimeout(fail, 4000);
  return () => clearTimeout(t);
}

/** Consent granted: the REST transport, or the eS loader (watched for the 'auto' fallback). */
function openTransport(c: SenderContext, useRest: (then?: (r: Rest) => void) => void, stop: (f: () => void) => void) {
  const { cfg, log } = c;
  // The core build knows transport 'es' only (config/options.ts): none of the REST branches is in it.
  if (__REST__ && (cfg.transport === 'rest' || (cfg.transport === 'auto' && c.sessionStore.get('rest')))) return useRest();
  const loader = installEs(cfg, c.nonce, log);
  if (!loader) __DEBUG__ && log.debug('window.eS already exists; using it as it is');
  // The page refused the loader's script (Trusted Types, transport/es.ts): 'auto' is REST for the visit, now.
  else if (__REST__ && 'failed' in loader) cfg.transport === 'auto' && (c.sessionStore.set('rest', 1), useRest());
  else if (__REST__ && cfg.transport === 'auto' && 'script' in loader) stop(watchLoader(loader, c, useRest));
}

/**
 * The one way out: the consent hold queue, eS.JS or the REST API (transport 'rest', or 'auto' once
 * the eS script failed to load), one GeneralInfo enrichment for both, the `yespo:event` DOM event,
 * and in the debug build a check of every payload against Yespo's formats.
 */
export function createSender(c: SenderContext): Sender {
  const { cfg, log } = c;
  let held: Outgoing[] = [];
  let rest: Rest | undefined;
  let loading = false;
  const stops: Array<() => void> = [];

  /** Events wait here while consent is pending, or while the REST chunk loads; in order. */
  const flush = () => {
    const q = held;
    held = [];
    for (const [name, payload] of q) send(name, payload);
  };

  /**
   * The REST transport, started once — in the shop bundle from its chunk, loaded now — then `then`
   * with it, then what waited. The core build has none (and never asks: it knows transport 'es' only).
   */
  const useRest = (then: (r: Rest) => void = () => {}) => {
    if (rest) then(rest);
    // Not an early return: the bundler drops what the core build never reaches only inside a branch.
    else if (__REST__) {
      const begin = (m: Modules['rest']) => {
        loading = false;
        if (!m) return;
        rest = m.createRest(cfg, log);
        stops.push(rest.stop);
        then(rest);
        flush();
      };
      if (modules.rest) begin(modules.rest);
      else (loading = true), void needChunk('rest', log).then(() => begin(modules.rest));
    }
  };

  const send = (name: string, raw?: Record<string, unknown>) => {
    const consent = c.consent();
    if (consent === 'denied') return __DEBUG__ && log.debug('consent denied; not sent:', name);
    const payload = withGeneralInfo(raw, c.identity());
    if (consent === 'pending' || loading) return held.push([name, payload]), __DEBUG__ && log.debug('kept for later:', name);
    const body = rest && rest.send(name, payload, c.identity().name);
    if (!rest) sendEs(name, payload);
    else if (!body) return;
    record(c, name, payload, body);
  };

  return {
    send,
    open() {
      openTransport(c, useRest, (w) => stops.push(w));
      flush();
    },
    drop() {
      held = [];
    },
    // What REST started (its outbox, the 'auto' loader watch); the core build starts nothing.
    stop: () => void (__REST__ && stops.splice(0).forEach((f) => f())),
  };
}
