import { guard } from '../lib/guard';
import type { Log } from '../lib/log';
import { serialize } from '../lib/serialize';
import { createEntries, heartbeat, PREFIX, type Entries, type Entry } from './outboxStore';

export interface Outbox {
  add(body: object): void;
  /** Sends what is due (one tab at a time). */
  pump(): void;
  size(): number;
  stop(): void;
}

/** Most entries kept; the oldest are dropped (with a warning) past this. */
export const OUTBOX_MAX = 100;
/** Chrome refuses keepalive bodies past 64 KB in flight; stay well under. */
const KEEPALIVE_MAX = 60000;

/** A send's answer → what becomes of the entry: gone (sent, or refused with 4xx) or tried again later with backoff and jitter. */
function settle(e: Entry, status: number, rand: () => number): 'done' | 'retry' {
  if ((status >= 200 && status < 300) || (status >= 400 && status < 500)) return 'done';
  e.n++;
  e.at = Date.now() + Math.min(60000, 1000 * Math.pow(2, e.n - 1)) * (0.5 + rand());
  return 'retry';
}

interface SendContext {
  post(body: string, keepalive: boolean): Promise<Response>;
  st: { healthy: boolean; inflight: Record<string, 1> };
  entries: Entries;
  log: Log;
  rand: () => number;
}

/** One entry of this tab's, due now: sent, then removed or rescheduled. The time it is due next, if it stays. */
async function sendEntry(k: string, e: Entry, c: SendContext): Promise<number | undefined> {
  c.st.inflight[k] = 1;
  let status = 0;
  try {
    status = (await c.post(e.body, true)).status;
  } catch {
    status = 0;
  }
  delete c.st.inflight[k];
  c.st.healthy = status > 0 && status < 500;
  if (settle(e, status, c.rand) === 'done') {
    if (status >= 400) __DEBUG__ && c.log.debug(`REST endpoint answered ${status}; event dropped:`, e.body.slice(0, 200));
    return void c.entries.remove(k);
  }
  if (c.entries.read(k)) c.entries.write(k, e);
  __DEBUG__ && c.log.debug(`REST send failed (${status || 'network error'}); retry #${e.n} in ${Math.round(e.at - Date.now())} ms`);
  return e.at;
}

/**
 * Sends each due entry this tab owns, one at a time. localStorage is only eventually consistent
 * between tabs (Chrome caches it per process), so a lock alone cannot stop two tabs from sending
 * one entry: each entry has an owner tab, others wait while the owner's heartbeat is fresh, and an
 * entry of a closed tab is adopted, then sent only after the adoption has had a second to reach
 * every tab.
 */
async function drainDue(c: {
  entries: Entries;
  tab: string;
  hb: ReturnType<typeof heartbeat>;
  send(k: string, e: Entry): Promise<number | undefined>;
  owning(own: boolean): void;
  schedule(ms: number): void;
}) {
  const { entries, tab } = c;
  let next = Infinity;
  let own = 0;
  for (const k of entries.keys()) {
    const e = entries.read(k);
    const now = Date.now();
    if (!e) continue;
    if (e.tab !== tab && c.hb.alive(e.tab)) next = Math.min(next, now + 2000);
    else if (e.tab !== tab) (e.tab = tab), (e.at = Math.max(e.at, now + 1000)), entries.write(k, e), (next = Math.min(next, e.at)), own++;
    else if (e.at > now) (next = Math.min(next, e.at)), own++;
    else {
      const at = await c.send(k, e);
      if (at !== undefined) (next = Math.min(next, at)), own++;
    }
  }
  c.owning(own > 0);
  if (next < Infinity) c.schedule(next - Date.now());
}

/** The sending side: one drain at a time over this tab's due entries, backoff, the heartbeat. */
function createSending(url: string, log: Log, tab: string, rand: () => number, entries: Entries) {
  const hb = heartbeat(tab);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let heart: ReturnType<typeof setInterval> | undefined;
  let busy = false;
  /** A pump asked for while a drain runs (an event added meanwhile): run again when it ends. */
  let again = false;
  const st = { healthy: true, inflight: {} as Record<string, 1> };

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(guard(pump, __DEBUG__ && 'outbox'), Math.max(0, ms));
  };
  const post = (body: string, keepalive: boolean) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: keepalive && body.length < KEEPALIVE_MAX, credentials: 'omit' });
  const send = (k: string, e: Entry) => sendEntry(k, e, { post, st, entries, log, rand });

  /** The heartbeat runs while this tab owns entries. */
  const owning = (own: boolean) => {
    if (own && !heart) hb.beat(), (heart = setInterval(guard(hb.beat, __DEBUG__ && 'outbox heartbeat'), 2000));
    else if (!own && heart) clearInterval(heart), (heart = undefined);
  };

  const drain = () => drainDue({ entries, tab, hb, send, owning, schedule });
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
  return {
    st,
    pump,
    schedule,
    post,
    /** This tab lets go of its entries' heartbeat (leaving, stopping). */
    quit() {
      owning(false);
      hb.quit();
    },
    stop: () => timer && clearTimeout(timer),
  };
}

/**
 * Leaving the page while the endpoint answers: this tab's entries go out with keepalive (which
 * outlives the page) and leave the outbox. While it fails, they stay for the next page instead:
 * sending them now as well could deliver them twice. Coming back online pumps. Returns a stop.
 */
function followLeaving(tab: string, entries: Entries, s: ReturnType<typeof createSending>): () => void {
  const onHide = guard(() => {
    s.quit();
    if (!s.st.healthy) return;
    for (const k of entries.keys()) {
      const e = entries.read(k);
      if (!e || e.tab !== tab) continue;
      if (!s.st.inflight[k]) s.post(e.body, true).catch(() => {});
      entries.remove(k);
    }
  }, __DEBUG__ && 'outbox pagehide');
  const onVisible = guard(() => document.visibilityState === 'hidden' && onHide(), __DEBUG__ && 'outbox visibility');
  const onOnline = guard(s.pump, __DEBUG__ && 'outbox online');
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('online', onOnline);
  };
}

/**
 * A persisted outbox for the REST transport: at-least-once delivery. Entries survive navigation
 * (localStorage; memory when storage is blocked) and are sent by this page or the next one;
 * network errors and 5xx are retried with exponential backoff and jitter, 4xx are dropped;
 * `online` resumes; `pagehide` sends what is pending with `keepalive`. Each entry has an owner
 * tab, so two tabs never send the same entry.
 */
export function createOutbox(url: string, log: Log, tab: string, rand = Math.random): Outbox {
  const entries = createEntries();
  const { keys, read, write, remove } = entries;
  const sending = createSending(url, log, tab, rand, entries);
  const unfollow = followLeaving(tab, entries, sending);
  let seq = 0;
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
      sending.schedule(0);
    },
    pump: sending.pump,
    size: () => keys().length,
    stop() {
      sending.stop();
      sending.quit();
      unfollow();
    },
  };
}
