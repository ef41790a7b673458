import { guard } from '../lib/guard';
import type { Log } from '../lib/log';
import { serialize } from '../lib/serialize';

/** One queued POST. Each lives under its own storage key, so tabs never overwrite each other's. */
interface Entry {
  body: string;
  /** Failed attempts so far. */
  n: number;
  /** Not before this time (ms). */
  at: number;
  /** The tab that may send it now. */
  tab: string;
}

export interface Outbox {
  add(body: object): void;
  /** Sends what is due (one tab at a time). */
  pump(): void;
  size(): number;
  stop(): void;
}

const PREFIX = 'yespo:o:';
/** Most entries kept; the oldest are dropped (with a warning) past this. */
export const OUTBOX_MAX = 100;
/** Chrome refuses keepalive bodies past 64 KB in flight; stay well under. */
const KEEPALIVE_MAX = 60000;

/**
 * A persisted outbox for the REST transport: at-least-once delivery. Entries survive navigation
 * (localStorage; memory when storage is blocked) and are sent by this page or the next one;
 * network errors and 5xx are retried with exponential backoff and jitter, 4xx are dropped;
 * `online` resumes; `pagehide` sends what is pending with `keepalive`. Each entry has an owner
 * tab, so two tabs never send the same entry.
 */
export function createOutbox(url: string, log: Log, tab: string, rand = Math.random): Outbox {
  const mem: Record<string, string> = Object.create(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  /** Whether the endpoint answered well last time: decides what pagehide may let go of. */
  let healthy = true;
  const inflight: Record<string, 1> = {};

  const ls = (): Storage | undefined => {
    try {
      const s = window.localStorage;
      s.length;
      return s;
    } catch {
      return undefined;
    }
  };
  const keys = () => {
    const out: string[] = [];
    const s = ls();
    try {
      if (s) for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k && k.indexOf(PREFIX) === 0) out.push(k);
      }
    } catch {
      /* fall through to memory */
    }
    for (const k in mem) if (out.indexOf(k) < 0) out.push(k);
    return out.sort();
  };
  const read = (k: string): Entry | undefined => {
    let raw: string | null | undefined;
    try {
      const s = ls();
      raw = s && s.getItem(k);
    } catch {
      raw = undefined;
    }
    if (raw == null) raw = mem[k];
    try {
      return raw ? (JSON.parse(raw) as Entry) : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (k: string, e: Entry) => {
    const v = serialize(e)!;
    try {
      const s = ls();
      if (s) {
        s.setItem(k, v);
        delete mem[k];
        return;
      }
    } catch {
      /* quota or blocked: memory keeps it for this page */
    }
    mem[k] = v;
  };
  const remove = (k: string) => {
    delete mem[k];
    try {
      const s = ls();
      s && s.removeItem(k);
    } catch {
      /* nothing more to do */
    }
  };

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(guard(pump, __DEBUG__ && 'outbox'), Math.max(0, ms));
  };

  const post = (body: string, keepalive: boolean) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: keepalive && body.length < KEEPALIVE_MAX, credentials: 'omit' });

  /** This tab is alive and owns entries: others leave them alone while this stays fresh. */
  const HB = 'yespo:hb:';
  const beat = () => {
    try {
      const s = ls();
      s && s.setItem(HB + tab, String(Date.now()));
    } catch {
      /* no storage: no other tab can see our entries either */
    }
  };
  const alive = (t: string) => {
    try {
      const s = ls();
      const v = s && s.getItem(HB + t);
      return !!v && Date.now() - +v < 6000;
    } catch {
      return false;
    }
  };
  let heart: ReturnType<typeof setInterval> | undefined;

  /**
   * Sends each due entry this tab owns, one at a time. localStorage is only eventually
   * consistent between tabs (Chrome caches it per process), so a lock alone cannot stop two tabs
   * from sending one entry: each entry has an owner tab, others wait while the owner's heartbeat
   * is fresh, and an entry of a closed tab is adopted, then sent only after the adoption has had
   * a second to reach every tab.
   */
  const drain = async () => {
    let next = Infinity;
    let own = 0;
    for (const k of keys()) {
      const e = read(k);
      if (!e) continue;
      const now = Date.now();
      if (e.tab !== tab) {
        if (alive(e.tab)) next = Math.min(next, now + 2000);
        else {
          e.tab = tab;
          e.at = Math.max(e.at, now + 1000);
          write(k, e);
          next = Math.min(next, e.at);
          own++;
        }
        continue;
      }
      own++;
      if (e.at > now) {
        next = Math.min(next, e.at);
        continue;
      }
      inflight[k] = 1;
      let status = 0;
      try {
        status = (await post(e.body, true)).status;
      } catch {
        status = 0;
      }
      delete inflight[k];
      healthy = status > 0 && status < 500;
      if (status >= 200 && status < 300 || status >= 400 && status < 500) {
        if (status >= 400) __DEBUG__ && log.debug(`REST endpoint answered ${status}; event dropped:`, e.body.slice(0, 200));
        remove(k);
        own--;
      } else {
        e.n++;
        e.at = Date.now() + Math.min(60000, 1000 * Math.pow(2, e.n - 1)) * (0.5 + rand());
        if (read(k)) write(k, e);
        next = Math.min(next, e.at);
        __DEBUG__ && log.debug(`REST send failed (${status || 'network error'}); retry #${e.n} in ${Math.round(e.at - Date.now())} ms`);
      }
    }
    if (own > 0 && !heart) {
      beat();
      heart = setInterval(guard(beat, __DEBUG__ && 'outbox heartbeat'), 2000);
    } else if (own <= 0 && heart) {
      clearInterval(heart);
      heart = undefined;
    }
    if (next < Infinity) schedule(next - Date.now());
  };

  /** A pump asked for while a drain runs (an event added meanwhile): run again when it ends. */
  let again = false;
  function pump() {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    if (busy) return void (again = true);
    busy = true;
    again = false;
    const done = () => {
      busy = false;
      if (again) pump();
    };
    drain().then(done, done);
  }

  /**
   * Leaving the page while the endpoint answers: this tab's entries go out with keepalive (which
   * outlives the page) and leave the outbox. While it fails, they stay for the next page instead:
   * sending them now as well could deliver them twice.
   */
  const quit = () => {
    if (heart) clearInterval(heart);
    heart = undefined;
    try {
      const s = ls();
      s && s.removeItem(HB + tab);
    } catch {
      /* nothing to tidy */
    }
  };
  const onHide = guard(() => {
    quit();
    if (!healthy) return;
    for (const k of keys()) {
      const e = read(k);
      if (!e || e.tab !== tab) continue;
      if (!inflight[k]) post(e.body, true).catch(() => {});
      remove(k);
    }
  }, __DEBUG__ && 'outbox pagehide');
  const onVisible = guard(() => document.visibilityState === 'hidden' && onHide(), __DEBUG__ && 'outbox visibility');
  const onOnline = guard(pump, __DEBUG__ && 'outbox online');
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);

  // A new page is a good moment to try again: this tab's entries waiting out a backoff get one
  // attempt now (the backoff grows again if it fails), so the next page sends what the last one could not.
  for (const k of keys()) {
    const e = read(k);
    if (e && e.tab === tab && e.at > Date.now()) write(k, ((e.at = 0), e));
  }

  return {
    add(body) {
      const all = keys();
      for (let i = 0; i <= all.length - OUTBOX_MAX; i++) {
        log.warn(`REST outbox is full (${OUTBOX_MAX}); the oldest event was dropped`);
        remove(all[i]);
      }
      const k = PREFIX + Date.now().toString(36).padStart(9, '0') + '-' + tab + '-' + (seq++).toString(36).padStart(4, '0');
      // Not JSON.stringify: a page's Array#toJSON (Prototype.js 1.6) would turn `Products` into a string.
      write(k, { body: serialize(body)!, n: 0, at: 0, tab });
      schedule(0);
    },
    pump,
    size: () => keys().length,
    stop() {
      if (timer) clearTimeout(timer);
      quit();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
    },
  };
}
