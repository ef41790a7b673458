import { guard } from '../lib/guard';
import type { Report } from '../types/problems';

type Obj = Record<string, unknown>;
type Push = (...a: unknown[]) => unknown;

/** Most entries replayed from before we loaded. */
const MAX_REPLAY = 500;

export const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Obj) : undefined);
/** gtag() pushes its own `arguments` object (which has `callee`), or an array: a command, not an event object. */
export const command = (e: Obj): e is Obj & unknown[] => Array.isArray(e) || 'callee' in e;

/** A Google Consent Mode command (`gtag('consent', …)`): read at once, with no entry reader. */
export function isConsent(entry: unknown): boolean {
  const e = obj(entry);
  return !!e && command(e) && e[0] === 'consent';
}

/**
 * Whether an entry may say anything about the page: an ecommerce object, an event other than GTM's
 * own (`gtm.js`, `gtm.dom`, `gtm.load`, …), a gtag `event` or `set` command. The rest of what tags
 * push (their own lifecycle) never needs the entry reader.
 */
export function mayMatter(entry: unknown): boolean {
  const e = obj(entry);
  if (!e) return false;
  if (command(e)) return e[0] === 'event' || e[0] === 'set';
  return 'ecommerce' in e || (typeof e.event === 'string' && e.event.indexOf('gtm.') !== 0);
}

/**
 * Google Consent Mode's `analytics_storage` as the dataLayer's `gtag('consent', 'default' | 'update', …)`
 * commands leave it: an update beats any default, a later update beats an earlier one. A default
 * limited to some `region`s counts everywhere (the visitor's region is not known here).
 * Undefined when the page says nothing.
 */
export function googleConsent(arr: unknown): 'granted' | 'denied' | undefined {
  let state: 'granted' | 'denied' | undefined;
  let updated = false;
  if (!Array.isArray(arr)) return undefined;
  for (let i = 0; i < arr.length; i++) {
    try {
      const a = obj(arr[i]);
      if (!a || !command(a) || a[0] !== 'consent') continue;
      const v = (obj(a[2]) || {}).analytics_storage;
      if (v !== 'granted' && v !== 'denied') continue;
      if (a[1] === 'update') (state = v), (updated = true);
      else if (a[1] === 'default' && !updated) state = v;
    } catch {
      /* a hostile entry says nothing */
    }
  }
  return state;
}

/**
 * Reads `window[name]`: replays what is already there, then follows every later push.
 *
 * GTM (and gtag.js, and other tags) replace `push` with a wrapper that calls the push they found,
 * some tags replace it outright, and a few throw. So `push` becomes an accessor: each function a
 * tag assigns is kept, and the getter hands out a wrapper around it. Whoever calls `push` reaches
 * the newest tag's function with every older wrapper still in its chain, and the outermost of our
 * wrappers sees the entry once the chain has run (or thrown). This sees every assignment the
 * moment it happens, so no polling. Replacing the array itself is not followed: GTM stops
 * listening to a replaced array too, so shops do not do it.
 */
export function watchEntries(name: string, onEntry: (entry: unknown) => void, problem: Report): () => void {
  return guard(watch)(name, onEntry, problem) || (() => {});
}

function watch(name: string, onEntry: (entry: unknown) => void, problem: Report): () => void {
  const w = window as unknown as Record<string, unknown>;
  const hear = guard(onEntry, __DEBUG__ && 'dataLayer entry');
  let off = false;
  const emit = (entries: ArrayLike<unknown>) => {
    for (let i = 0; i < entries.length && !off; i++) hear(entries[i]);
  };
  let arr = w[name] as unknown[];
  // gtag's snippet does the same, so pushes made before GTM loads land in this array.
  if (arr == null) arr = w[name] = [];
  if (!Array.isArray(arr)) return __DEBUG__ && problem('datalayer', `dataLayer: window.${name} is not an array`), () => {};
  if (__DEBUG__ && arr.length > MAX_REPLAY) problem('capped', `dataLayer: ${arr.length} entries, last ${MAX_REPLAY} read`);
  emit(arr.slice(-MAX_REPLAY));
  const undo = followPush(arr, (a) => !off && emit(a), problem);
  return () => {
    off = true;
    undo();
  };
}

/** `push` made an accessor (see watchEntries): `heard` gets each push's entries once every tag's wrapper has run. */
function followPush(arr: unknown[], heard: (entries: unknown[]) => void, problem: Report): () => void {
  let depth = 0;
  let off = false;
  const wrap = (f: unknown) =>
    typeof f !== 'function'
      ? f
      : function (this: unknown, ...a: unknown[]) {
          let r: unknown;
          depth++;
          try {
            r = (f as Push).apply(this, a);
          } catch {
            __DEBUG__ && problem('datalayer', 'dataLayer: another tag\'s push threw');
            r = arr.length;
          }
          depth--;
          if (!depth && !off) heard(a);
          return r;
        };
  let inner: unknown = arr.push;
  let outer = wrap(inner);
  const get = () => (off ? inner : outer);
  try {
    Object.defineProperty(arr, 'push', {
      configurable: true,
      get,
      set(f: unknown) {
        inner = f;
        outer = wrap(f);
      },
    });
  } catch {
    __DEBUG__ && problem('datalayer', 'dataLayer: push cannot be wrapped');
  }
  return () => {
    off = true;
    try {
      const d = Object.getOwnPropertyDescriptor(arr, 'push');
      if (d && d.get === get) {
        delete (arr as { push?: unknown }).push;
        if (arr.push !== inner) (arr as { push: unknown }).push = inner;
      }
    } catch {
      /* leave a foreign push as it is */
    }
  };
}
