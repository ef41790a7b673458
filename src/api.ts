import { guard } from './lib/guard';
import type { Tracker } from './tracker';

export interface YespoApi {
  push(command: unknown): void;
  track(name: string, payload?: Record<string, unknown>): void;
  identify(user: Record<string, unknown>): void;
  setCart(items: Array<Record<string, unknown>>): void;
  consent(state: 'granted' | 'denied'): void;
  scan(): void;
  page(): void;
  debug(on?: boolean): void;
  /** Diagnostics: recommendation items observed now, page views so far. */
  stats(): { observed: number; views: number };
  /** Debug build only: this page view's model, problems and events; undefined in the shop bundle. */
  inspect(): unknown;
  version: string;
}

const METHODS = ['track', 'identify', 'setCart', 'consent', 'scan', 'page', 'debug', 'stats', 'inspect'] as const;

/**
 * `window.yespo`: each method guarded; `push(['method', ...args])` keeps working after load, so
 * the pre-load array queue and later pushes read the same.
 */
export function createApi(t: Tracker, version: string): YespoApi {
  const api = { version } as YespoApi;
  for (const m of METHODS) (api as unknown as Record<string, unknown>)[m] = guard((...a: unknown[]) => (t[m] as (...x: unknown[]) => unknown)(...a), __DEBUG__ && 'yespo.' + m);
  api.push = guard((cmd: unknown) => {
    if (!Array.isArray(cmd) || (METHODS as readonly unknown[]).indexOf(cmd[0]) < 0) return;
    (api[cmd[0] as (typeof METHODS)[number]] as (...a: unknown[]) => void)(...cmd.slice(1));
  }, __DEBUG__ && 'yespo.push');
  return api;
}

/** Calls queued with `yespo.push([...])` before the bundle loaded, in order. */
export function replayQueue(api: YespoApi, queue: unknown) {
  if (!Array.isArray(queue)) return;
  for (const cmd of queue.slice()) api.push(cmd);
}
