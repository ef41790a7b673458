import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DONE_MS, HOLD_MS, once, type Locks } from '../../src/events/once';
import type { Store } from '../../src/lib/storage';

/**
 * Tabs of one origin: each has its own copy of localStorage, which another tab's write reaches
 * `lag` ms later (Chrome keeps a copy per renderer process).
 */
function tabs(n: number, lag: number): Store[] {
  const copies = Array.from({ length: n }, () => new Map<string, string>());
  return copies.map((mine) => ({
    get: <T>(k: string) => (mine.has(k) ? (JSON.parse(mine.get(k)!) as T) : undefined),
    set(k: string, v: unknown) {
      const s = JSON.stringify(v);
      mine.set(k, s);
      for (const other of copies) if (other !== mine) setTimeout(() => other.set(k, s), lag);
    },
    hold() {},
    release() {},
  }));
}

/** Web Locks as the browser grants them with `ifAvailable`: the lock when no one holds the name, else null at once. */
function fakeLocks(): Locks & { names: string[] } {
  const held = new Set<string>();
  const names: string[] = [];
  return {
    names,
    request(name, _options, cb) {
      names.push(name);
      if (held.has(name)) return Promise.resolve().then(() => cb(null));
      held.add(name);
      return Promise.resolve()
        .then(() => cb({ name }))
        .finally(() => held.delete(name));
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('once without Web Locks', () => {
  it('runs at once, and not again for the same key; another key runs', () => {
    const [store] = tabs(1, 0);
    const fn = vi.fn();
    once(store, 'order:A-1', fn, null);
    expect(fn).toHaveBeenCalledTimes(1);
    once(store, 'order:A-1', fn, null);
    once(store, 'order:A-2', fn, null);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a key comes round again once DONE_MS has passed (a cart may return to an earlier state)', () => {
    const [store] = tabs(1, 0);
    const fn = vi.fn();
    once(store, 'cart:>x', fn, null);
    vi.advanceTimersByTime(DONE_MS - 1);
    once(store, 'cart:>x', fn, null);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2);
    once(store, 'cart:>x', fn, null);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('the residual race: tabs deciding before the other\'s write has arrived both run', () => {
    const [a, b] = tabs(2, 5);
    const fn = vi.fn();
    once(a, 'order:A-1', fn, null);
    once(b, 'order:A-1', fn, null);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('once with Web Locks', () => {
  it('two tabs deciding together: one runs, also when storage takes several times longer than 100 ms to reach the other', async () => {
    const lag = 500; // five times what the lock used to be kept
    const [a, b] = tabs(2, lag);
    const locks = fakeLocks();
    const ran: string[] = [];
    once(a, 'order:A-1', () => ran.push('a'), locks);
    once(b, 'order:A-1', () => ran.push('b'), locks);
    expect(ran).toEqual([]);
    // b asks again while a holds the lock, before a's mark has reached b's copy: told it is taken.
    await vi.advanceTimersByTimeAsync(lag - 10);
    once(b, 'order:A-1', () => ran.push('b'), locks);
    // After a has let the lock go, b takes it and reads a's mark, arrived by then.
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    once(b, 'order:A-1', () => ran.push('b'), locks);
    await vi.advanceTimersByTimeAsync(HOLD_MS + 1);
    expect(ran).toEqual(['a']);
    expect(locks.names).toEqual(Array(4).fill('yespo-autotrack:order:A-1'));
  });

  it('a key that comes round again after DONE_MS runs again', async () => {
    const [a] = tabs(1, 0);
    const locks = fakeLocks();
    const fn = vi.fn();
    once(a, 'cart:g>x', fn, locks);
    await vi.advanceTimersByTimeAsync(DONE_MS + 1);
    once(a, 'cart:g>x', fn, locks);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('different keys do not wait for each other', async () => {
    const [a, b] = tabs(2, 10);
    const locks = fakeLocks();
    const ran: string[] = [];
    once(a, 'order:A-1', () => ran.push('A-1'), locks);
    once(b, 'order:A-2', () => ran.push('A-2'), locks);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran.sort()).toEqual(['A-1', 'A-2']);
  });

  it('a document refused a lock decides without one; a throwing fn stays inside', async () => {
    const [store] = tabs(1, 0);
    const refused: Locks = { request: () => Promise.reject(new DOMException('no', 'SecurityError')) };
    const fn = vi.fn();
    once(store, 'order:A-1', fn, refused);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(1);
    const boom = vi.fn(() => {
      throw new Error('boom');
    });
    once(store, 'order:A-2', boom, fakeLocks());
    await vi.advanceTimersByTimeAsync(1);
    expect(boom).toHaveBeenCalledTimes(1);
  });
});
