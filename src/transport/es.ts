import type { ResolvedConfig } from '../config';
import type { Log } from '../lib/log';
import { POLICY, trustedScriptUrl } from '../lib/trusted';
import { appendScript } from '../lib/appendScript';

export type EsFn = ((...a: unknown[]) => void) & { q?: unknown[]; c?: (...a: unknown[]) => void };
declare global {
  interface Window {
    eS?: EsFn;
  }
}

/** The loader's script element and queue; `failed` when the page would not take the script at all. */
export type Loader = { script: HTMLScriptElement; queue: EsFn } | { failed: true };

/**
 * Installs Yespo's eS loader as its own snippet does (an async script, and a `window.eS` that
 * queues calls in `.q` until the script replaces it), then `eS('init')`. The snippet puts the
 * script before the page's first one, usually in `<head>`; this appends it to `<body>`, a task
 * later (lib/appendScript.ts; calls made meanwhile wait in the queue, as they would for the
 * script to load). A page that already has `window.eS` keeps its own loader and init.
 * Returns the loader, or undefined when the page had an eS already.
 *
 * A page whose CSP says `require-trusted-types-for 'script'` but does not allow our policy throws
 * on `script.src`: then there is no `window.eS` (calls would wait forever), one warning naming
 * the directive to add, and `{ failed: true }` so that transport 'auto' goes to REST at once.
 */
export function installEs(cfg: ResolvedConfig, nonce: string | undefined, log: Log): Loader | undefined {
  if (window.eS) return undefined;
  const s = document.createElement('script');
  s.async = true;
  try {
    s.src = trustedScriptUrl(cfg.scriptUrl);
  } catch {
    log.warn(`add "trusted-types ${POLICY}" to the Content-Security-Policy: ` + (__REST__ && cfg.transport === 'auto' ? 'sending through REST meanwhile' : 'no event can be sent'));
    return { failed: true };
  }
  // A strict CSP ('strict-dynamic' with a nonce) only runs the loader if it carries our nonce.
  if (nonce) s.nonce = nonce;
  appendScript(s);
  const f: EsFn = function () {
    // eslint-disable-next-line prefer-rest-params
    f.c!(arguments);
  };
  f.q = [];
  f.c = function () {
    // eslint-disable-next-line prefer-rest-params
    f.q!.push(arguments);
  };
  window.eS = f;
  window.eS('init', { TRACKING: false, RECOMS: cfg.recoms });
  return { script: s, queue: f };
}

/** The `sendEvent` calls still waiting in a loader queue that never loaded. */
export function queuedEvents(f: EsFn): Array<[string, Record<string, unknown> | undefined]> {
  const out: Array<[string, Record<string, unknown> | undefined]> = [];
  for (const entry of f.q || []) {
    const a = Array.prototype.slice.call((entry as IArguments)[0] || []) as unknown[];
    if (a[0] === 'sendEvent' && typeof a[1] === 'string') out.push([a[1], a[2] as Record<string, unknown> | undefined]);
  }
  return out;
}

/** One `eS('sendEvent', name[, payload])` call; events without a body get no third argument. */
export function sendEs(name: string, payload?: Record<string, unknown>) {
  const es = window.eS;
  if (!es) return;
  if (payload) es('sendEvent', name, payload);
  else es('sendEvent', name);
}
