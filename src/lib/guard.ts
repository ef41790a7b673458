import type { Log } from './log';

let sink: Log | undefined;

/** Where guarded failures are reported (debug mode only). */
export const setGuardLog = (log: Log) => {
  sink = log;
};

/**
 * Runs `fn`, swallowing anything it throws: a tracker must never break the host page.
 * Every browser callback and public API entry goes through here. `where` names it in debug
 * output; call sites pass `__DEBUG__ && 'name'`, so the shop bundle carries no names.
 */
export function guard<A extends unknown[], R>(fn: (...a: A) => R, where: string | false = ''): (...a: A) => R | undefined {
  return function (this: unknown, ...a: A) {
    try {
      return fn.apply(this, a);
    } catch (e) {
      try {
        sink && sink.debug(__DEBUG__ ? 'error in ' + (where || 'handler') + ':' : 'error:', e);
      } catch {
        /* a console that throws is not our problem to report */
      }
      return undefined;
    }
  };
}
