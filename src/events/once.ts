import type { Store } from '../lib/storage';

/** The part of the Web Locks API this uses (`navigator.locks`): a lock only if no one holds it. */
export interface Locks {
  request(name: string, options: { ifAvailable: true }, cb: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/**
 * How long a key counts as done. Tabs that decide together are milliseconds apart; "ever" is the
 * caller's own memory (the orders list), and a cart's key may rightly come round again later.
 */
export const DONE_MS = 60000;
/**
 * How long the tab that decided keeps the lock. Long enough for its localStorage write to reach the
 * other tabs (under load that took more than 100 ms), short enough that the page stays eligible for
 * the back/forward cache, which Chromium refuses to a page holding a Web Lock.
 */
export const HOLD_MS = 1000;

/** Marks `k` done unless it was done within DONE_MS; older marks are dropped on the way. */
export function claim(store: Store, k: string, now: number): boolean {
  const done = store.get<Record<string, number>>('once') || {};
  const next: Record<string, number> = {};
  for (const x in done) if (now - done[x] < DONE_MS) next[x] = done[x];
  if (next[k]) return false;
  next[k] = now;
  store.set('once', next);
  return true;
}

/**
 * Runs `fn` unless `key` was done already in this browser, atomically across the tabs of the
 * origin, so two tabs on one thank-you page send one PurchasedItems. The first tab to ask takes the
 * Web Lock `yespo-autotrack:<key>`, checks and marks the key, and keeps the lock for HOLD_MS; a tab
 * that asks meanwhile is told the key is taken and does nothing, whatever its own copy of
 * localStorage says yet (another tab's write reaches it later than the lock does: Chrome keeps a
 * copy per renderer process, and under load the copy lagged past 100 ms). A tab that asks after
 * the lock is let go reads the mark, arrived by then. `fn` runs in a later task.
 *
 * Without Web Locks (Safari before 15.4, Firefox before 96, pages served over http) the check and
 * the mark are one synchronous step: tabs that decide within the few milliseconds localStorage
 * takes to reach each other can still both run `fn`.
 */
export function once(store: Store, key: string, fn: () => void, locks: Locks | null | undefined = (navigator as { locks?: Locks }).locks): void {
  let ran: unknown;
  const run = () => (ran = 1) && claim(store, key, Date.now()) && fn();
  if (!locks) return void run();
  // The lock's promise takes what `fn` throws. A document that may not use locks (sandboxed,
  // opaque origin) is refused one: it decides without.
  locks
    .request('yespo-autotrack:' + key, { ifAvailable: true }, (lock) => (lock ? (run(), new Promise<void>((r) => setTimeout(r, HOLD_MS))) : undefined))
    .catch(() => ran || run());
}
