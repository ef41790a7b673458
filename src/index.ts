import { createApi, replayQueue, type YespoApi } from './api';
import { checkOptions, configMessage, type ConfigProblem, type YespoConfig } from './config';
import { needChunk } from './chunks/need';
import { modules } from './chunks/modules';
import type { Log } from './lib/log';
import { guard, setGuardLog } from './lib/guard';
import { createLog } from './lib/log';
import { trustedScriptUrl } from './lib/trusted';
import { appendScript } from './lib/appendScript';
import { createTracker } from './tracker';
import { JS_FILE, chunksFrom } from './chunks/load';

export type { YespoConfig, ResolvedConfig } from './config';
export type { YespoApi } from './api';
export type { EventName, EventPayloads, GeneralInfo, CartItem, OrderItem, ProductPagePayload, CustomerDataPayload } from './schema/events';
export type { PageType } from './lib/pageTypes';
/** The selector of every element the tracker reads (benchmarks build their floor from it). */
export { WATCHED as TRACKED_SELECTOR } from './sources/attributes';


declare global {
  interface Window {
    yespoConfig?: YespoConfig;
    yespo?: YespoApi | unknown[];
    yespoAutotrack?: string;
  }
}

/**
 * The config's problems in the console, in checkOptions' order (warnings, then the missing ids as
 * errors). The shop files word them with a chunk loaded only now (a file missing beside the bundle
 * leaves the bare code: `config "x" invalid`).
 */
function report(problems: ConfigProblem[], log: Log) {
  const say = (word: (p: ConfigProblem) => string) => problems.forEach((p) => (p[0] === 'required' ? log.error(word(p)) : log.warn(word(p))));
  if (!__CHUNKS__) return say(configMessage);
  void needChunk('config', log).then(guard((ok: boolean) => say(ok ? modules.config!.configMessage : (p) => `config "${p[1]}" ${p[0]}`), __DEBUG__ && 'config problems'));
}

// Read while this script runs: later `currentScript` is null or another script.
const ownScript = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/**
 * Reads the config, installs the eS loader, replays the pre-load queue, reads the page and starts
 * watching. Safe to call twice: the second call (or a second copy of the bundle) does nothing.
 */
export const start = guard(() => {
  const raw = window.yespoConfig;
  const debug = /[?&]yespo_debug=1(&|$)/.test(location.search) || !!(raw && raw.debug === true);
  // The shop bundle carries no debug messages: debug mode runs the debug build beside it instead.
  const src = ownScript && ownScript.src;
  if (!__DEBUG__ && debug && src && JS_FILE.test(src) && !window.yespoAutotrack) {
    const s = document.createElement('script');
    s.src = trustedScriptUrl(src.replace(JS_FILE, '.debug.js$2')); // [trusted-types] lib/trusted.ts
    if (ownScript!.nonce) s.nonce = ownScript!.nonce;
    appendScript(s);
    return;
  }
  const log = createLog(debug);
  setGuardLog(log);
  if (window.yespoAutotrack) return __DEBUG__ && log.debug('a copy of the bundle is already active (' + window.yespoAutotrack + '); this one stays off');
  window.yespoAutotrack = __VERSION__;

  const input: Record<string, unknown> = raw && typeof raw === 'object' ? { ...raw } : {};
  // The ids may come on the bundle's own tag instead (data-yespo-script-id, data-yespo-site-id).
  for (const k of ['script', 'site']) {
    const id = ownScript && ownScript.getAttribute('data-yespo-' + k + '-id');
    if (id && input[k + 'Id'] === undefined) input[k + 'Id'] = id;
  }
  const nonce = (ownScript && (ownScript.nonce || ownScript.getAttribute('nonce'))) || undefined;
  if (__CHUNKS__) chunksFrom(src, nonce);
  const { config, problems } = checkOptions(input);
  if (problems.length) report(problems, log);
  if (!config) return;
  if (config.debug) log._on = true;

  const tracker = createTracker(config, log, nonce);
  const queue = window.yespo;
  const api = createApi(tracker, __VERSION__);
  window.yespo = api;
  tracker.start();
  replayQueue(api, queue);
  tracker.ready();
}, __DEBUG__ && 'start');
