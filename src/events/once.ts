import type { Store } from '../lib/storage';

/** The part of the Web Locks API this uses (`navigator.locks`). */
export interface Locks {
  request(name: string, cb: () => Promise<void>): Promise<unknown>;
}

/**
 * How long a key counts as done. Tabs that decide together are milliseconds apart; "ever" is the
 * caller's own memory (the orders list), and a cart's key may rightly come round again later.
 */
export const DONE_MS = 60000;
/**
 * How long the lock is kept after the key is written. localStorage reaches other tabs a little
 * later than the lock does (Chrome keeps a copy per renderer process), so the next tab to take the
 * lock must not read before the write has arrived.
 */
export const SETTLE_MS = 100;

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
 * origin: the check and the mark happen while holding the Web Lock `yespo-autotrack:<key>`, so two
 * tabs on one thank-you page send one PurchasedItems. `fn` then runs in a later task.
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
  locks.request('yespo-autotrack:' + key, () => (run(), new Promise<void>((r) => setTimeout(r, SETTLE_MS)))).catch(() => ran || run());
}
