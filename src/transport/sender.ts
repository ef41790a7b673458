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
import { createRest, type Rest } from './rest';

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
  session: Store;
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
 * queue goes through `fallback` (REST) and so does the rest of the visit. Returns a stop.
 */
function watchLoader(loader: { script: HTMLScriptElement; queue: EsFn }, c: SenderContext, fallback: () => Rest | undefined): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  const fail = guard(() => {
    if (t) clearTimeout(t);
    if (window.eS !== loader.queue) return;
    const rest = fallback();
    if (!rest) return;
    __DEBUG__ && c.log.debug('the eS script did not load; sending through the REST API from now on');
    c.session.set('rest', 1);
    for (const [name, payload] of queuedEvents(loader.queue)) rest.send(name, payload, c.identity().name);
    loader.queue.q = [];
  }, __DEBUG__ && 'loader fallback');
  loader.script.addEventListener('error', fail);
  t = setTimeout(fail, 4000);
  return () => clearTimeout(t);
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
  const stops: Array<() => void> = [];

  /** The REST transport, started once; undefined in the core build, which has none. */
  const useRest = (): Rest | undefined => {
    if (__REST__) {
      if (!rest) (rest = createRest(cfg, log)), stops.push(rest.stop);
    } else log.error('no REST transport in the core build');
    return rest;
  };

  const send = (name: string, raw?: Record<string, unknown>) => {
    const consent = c.consent();
    if (consent === 'denied') return __DEBUG__ && log.debug('consent denied; not sent:', name);
    const payload = withGeneralInfo(raw, c.identity());
    if (consent === 'pending') return held.push([name, payload]), __DEBUG__ && log.debug('consent pending; kept:', name);
    const body = rest && rest.send(name, payload, c.identity().name);
    if (!rest) sendEs(name, payload);
    else if (!body) return;
    record(c, name, payload, body);
  };

  return {
    send,
    open() {
      if (cfg.transport === 'rest' || (cfg.transport === 'auto' && c.session.get('rest'))) useRest();
      else {
        const loader = installEs(cfg, c.nonce, log);
        if (!loader) __DEBUG__ && log.debug('window.eS already exists; using it as it is');
        // [trusted-types] The page refused the loader's script (transport/es.ts): 'auto' is REST for the visit, now.
        else if ('failed' in loader) cfg.transport === 'auto' && (c.session.set('rest', 1), useRest());
        // Once REST has taken over, the loader is not watched again.
        else if (cfg.transport === 'auto') stops.push(watchLoader(loader, c, () => (rest ? undefined : useRest())));
      }
      const q = held;
      held = [];
      for (const [name, payload] of q) send(name, payload);
    },
    drop() {
      held = [];
    },
    stop: () => stops.splice(0).forEach((f) => f()),
  };
}
