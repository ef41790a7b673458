import { serialize } from '../lib/serialize';

/** One queued POST. Each lives under its own storage key, so tabs never overwrite each other's. */
export interface Entry {
  body: string;
  /** Failed attempts so far. */
  n: number;
  /** Not before this time (ms). */
  at: number;
  /** The tab that may send it now. */
  tab: string;
}

export const PREFIX = 'yespo:o:';
const HB = 'yespo:hb:';

/** localStorage, or undefined where it is blocked (Safari private mode, sandboxed frames). */
const ls = (): Storage | undefined => {
  try {
    const s = window.localStorage;
    s.length;
    return s;
  } catch {
    return undefined;
  }
};

/** Runs `f` on localStorage; a throwing or missing storage leaves `fallback`. */
function withLs<T>(f: (s: Storage) => T, fallback: T): T {
  try {
    const s = ls();
    return s ? f(s) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The outbox's entries: in localStorage so they survive the page, in memory when storage is blocked
 * or full (then for this page only). Keys sort by time of adding.
 */
export function createEntries() {
  const mem: Record<string, string> = Object.create(null);
  const keys = () => {
    const out = withLs((s) => {
      const found: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k && k.indexOf(PREFIX) === 0) found.push(k);
      }
      return found;
    }, [] as string[]);
    for (const k in mem) if (out.indexOf(k) < 0) out.push(k);
    return out.sort();
  };
  const read = (k: string): Entry | undefined => {
    const raw = withLs((s) => s.getItem(k), null);
    const v = raw == null ? mem[k] : raw;
    try {
      return v ? (JSON.parse(v) as Entry) : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (k: string, e: Entry) => {
    const v = serialize(e)!;
    if (withLs((s) => (s.setItem(k, v), true), false)) delete mem[k];
    // Quota or blocked: memory keeps it for this page.
    else mem[k] = v;
  };
  const remove = (k: string) => {
    delete mem[k];
    withLs((s) => s.removeItem(k), undefined);
  };
  return { keys, read, write, remove };
}

export type Entries = ReturnType<typeof createEntries>;

/**
 * This tab's heartbeat: while it owns entries it writes the time every 2 s, and other tabs leave
 * its entries alone while that is fresh (6 s); a closed tab's entries are adopted.
 */
export const heartbeat = (tab: string) => ({
  beat: () => withLs((s) => s.setItem(HB + tab, String(Date.now())), undefined),
  alive: (t: string) => withLs((s) => {
    const v = s.getItem(HB + t);
    return !!v && Date.now() - +v < 6000;
  }, false),
  quit: () => withLs((s) => s.removeItem(HB + tab), undefined),
});
