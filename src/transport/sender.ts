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

  const useRest = __REST__
    ? () => {
        if (rest) return;
        rest = createRest(cfg, log);
        stops.push(rest.stop);
      }
    : () => log.error('no REST transport in the core build');

  /** 'auto': the eS script did not load (blocked, or not there within 4 s): REST for the rest of the visit. */
  const watchLoader = (loader: { script: HTMLScriptElement; queue: EsFn }) => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const fallback = guard(() => {
      if (t) clearTimeout(t);
      if (rest || window.eS !== loader.queue) return;
      __DEBUG__ && log.debug('the eS script did not load; sending through the REST API from now on');
      c.session.set('rest', 1);
      useRest();
      for (const [name, payload] of queuedEvents(loader.queue)) rest!.send(name, payload, c.identity().name);
      loader.queue.q = [];
    }, __DEBUG__ && 'loader fallback');
    loader.script.addEventListener('error', fallback);
    t = setTimeout(fallback, 4000);
    stops.push(() => clearTimeout(t));
  };

  const record = (name: string, payload: Record<string, unknown> | undefined, body: object | false | undefined) => {
    const detail = body ? { name, payload, body } : { name, payload };
    if (__DEBUG__) {
      c.sent().push(detail);
      const bad = body ? checkRestBody(body) : checkEsCall(payload ? ['sendEvent', name, payload] : ['sendEvent', name]);
      if (bad.length) log.warn(`${name} does not match Yespo's format:`, bad.join('; '));
      log.debug('event', name, body || payload || '');
    }
    try {
      window.dispatchEvent(new CustomEvent('yespo:event', { detail }));
    } catch {
      /* an old browser without CustomEvent still gets the event sent */
    }
  };

  const send = (name: string, raw?: Record<string, unknown>) => {
    const consent = c.consent();
    if (consent === 'denied') return __DEBUG__ && log.debug('consent denied; not sent:', name);
    const payload = withGeneralInfo(raw, c.identity());
    if (consent === 'pending') return held.push([name, payload]), __DEBUG__ && log.debug('consent pending; kept:', name);
    const body = rest && rest.send(name, payload, c.identity().name);
    if (!rest) sendEs(name, payload);
    else if (!body) return;
    record(name, payload, body);
  };

  return {
    send,
    open() {
      if (cfg.transport === 'rest' || (cfg.transport === 'auto' && c.session.get('rest'))) useRest();
      else {
        const loader = installEs(cfg, c.nonce);
        if (!loader) __DEBUG__ && log.debug('window.eS already exists; using it as it is');
        else if (cfg.transport === 'auto') watchLoader(loader);
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
