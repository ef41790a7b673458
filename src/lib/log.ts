/** Console output with one prefix; debug lines only when debug mode is on. */
export interface Log {
  _on: boolean;
  debug(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
}

const PREFIX = '[yespo]';

/**
 * Where a fact came from, as the debug output says it (page type "from URL rule", identity "from
 * customer form"): the empty string in the builds without debug messages, where no one reads it.
 */
export const why = (s: string) => (__DEBUG__ ? s : '');

export function createLog(on = false): Log {
  const c = typeof console !== 'undefined' ? console : undefined;
  return {
    _on: on,
    debug(...a) {
      if (this._on && c) c.log(PREFIX, ...a);
    },
    warn(...a) {
      if (c) c.warn(PREFIX, ...a);
    },
    error(...a) {
      if (c) c.error(PREFIX, ...a);
    },
  };
}
