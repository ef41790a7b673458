import { createApi, replayQueue, type YespoApi } from './api';
import { checkConfig, type YespoConfig } from './config';
import { guard, setGuardLog } from './lib/guard';
import { createLog } from './lib/log';
import { createTracker } from './tracker';

export type { YespoConfig, ResolvedConfig } from './config';
export type { YespoApi } from './api';
export type { EventName, EventPayloads, GeneralInfo, CartItem, OrderItem, ProductPagePayload, CustomerDataPayload } from './schema/events';
export type { PageType } from './lib/pageTypes';

declare const __VERSION__: string;

declare global {
  interface Window {
    yespoConfig?: YespoConfig;
    yespo?: YespoApi | unknown[];
    yespoAutotrack?: string;
  }
}

// Read while this script runs: later `currentScript` is null or another script.
const ownScript = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/**
 * Reads the config, installs the eS loader, replays the pre-load queue, reads the page and starts
 * watching. Safe to call twice: the second call (or a second copy of the bundle) does nothing.
 */
export const start = guard(() => {
  const debugUrl = /[?&]yespo_debug=1(&|$)/.test(location.search);
  const log = createLog(debugUrl);
  setGuardLog(log);
  if (window.yespoAutotrack) return log.debug('a copy of the bundle is already active (' + window.yespoAutotrack + '); this one stays off');
  window.yespoAutotrack = __VERSION__;

  const raw = window.yespoConfig;
  const input: Record<string, unknown> = raw && typeof raw === 'object' ? { ...raw } : {};
  if (ownScript) {
    const sid = ownScript.getAttribute('data-yespo-script-id');
    const site = ownScript.getAttribute('data-yespo-site-id');
    if (sid && input.scriptId === undefined) input.scriptId = sid;
    if (site && input.siteId === undefined) input.siteId = site;
  }
  const { config, errors, warnings } = checkConfig(input);
  warnings.forEach((w) => log.warn(w));
  errors.forEach((e) => log.error(e));
  if (!config) return;
  if (config.debug) log._on = true;

  const tracker = createTracker(config, log, (ownScript && (ownScript.nonce || ownScript.getAttribute('nonce'))) || undefined);
  const queue = window.yespo;
  const api = createApi(tracker, __VERSION__);
  window.yespo = api;
  tracker.start();
  replayQueue(api, queue);
  tracker.ready();
}, 'start');
