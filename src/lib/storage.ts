import { serialize } from './serialize';

/**
 * JSON storage that never throws: Safari private mode, sandboxed iframes and full quotas all make
 * Web Storage throw, so every key also lives in memory for the visit. While `held` (consent
 * pending) nothing reaches Web Storage; `release()` writes what was kept.
 */
export interface Store {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  hold(on: boolean): void;
  release(): void;
}

/** Every key the tracker stores starts so (the Shopify pixel reads the same keys). */
export const PREFIX = 'yespo:';

/**
 * A stored value, as written. A list or object that an earlier version wrote on a Prototype.js 1.6
 * page comes back as a string holding its JSON (that library's `Array#toJSON`): read it through.
 */
export function revive(v: unknown): unknown {
  if (typeof v == 'string' && /^[[{]/.test(v)) {
    try {
      return JSON.parse(v);
    } catch {
      /* a string that only looks like JSON */
    }
  }
  return v;
}

/**
 * `localStorage` is read afresh each time: other tabs write the cart, orders and once-marks too.
 * `sessionStorage` belongs to this tab alone, so each of its keys is read from it once and then
 * kept in memory.
 */
export function createStore(kind: 'localStorage' | 'sessionStorage'): Store {
  const mem: Record<string, string> = Object.create(null);
  const dirty: string[] = [];
  const tab = kind === 'sessionStorage';
  let held = false;
  // Looked up once: every access of window.localStorage goes through the browser's security checks.
  let cached: Storage | null | undefined;
  const web = (): Storage | undefined => {
    if (cached === undefined)
      try {
        cached = window[kind] || null;
      } catch {
        cached = null;
      }
    return cached || undefined;
  };
  const write = (k: string) => {
    try {
      const s = web();
      s && s.setItem(PREFIX + k, mem[k]);
    } catch {
      /* memory keeps it for this visit */
    }
  };
  return {
    get<T>(key: string): T | undefined {
      let raw: string | null | undefined;
      if (dirty.indexOf(key) < 0 && !(tab && key in mem)) {
        try {
          const s = web();
          raw = s && s.getItem(PREFIX + key);
        } catch {
          raw = undefined;
        }
        // A key this tab does not have is remembered as '' (no stored value is empty), so it is not looked up again.
        if (tab) mem[key] = raw || '';
      }
      if (raw == null) raw = mem[key];
      if (!raw) return undefined;
      try {
        return revive(JSON.parse(raw)) as T;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      mem[key] = serialize(value) || 'null';
      if (held) dirty.push(key);
      else write(key);
    },
    hold(on) {
      held = on;
    },
    release() {
      held = false;
      dirty.splice(0).forEach(write);
    },
  };
}
