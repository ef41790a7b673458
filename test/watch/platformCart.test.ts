// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPlatformCart } from '../../src/watch/platformCart';
import type { CartItem } from '../../src/schema/events';
import type { Platform, PlatformContext } from '../../src/types/platform';

/** A platform whose cart lives in the page (as Magento's in storage), changed-signalled by a window event. */
function inPagePlatform(store: { data: unknown }): Platform {
  return {
    name: 'test',
    detect: () => true,
    page: () => undefined,
    cart: { inPage: () => store.data, parse: (d) => (d as { items?: CartItem[] }).items, events: ['test:cart'] },
  };
}

const line = (k: string): CartItem => ({ productKey: k, quantity: '1' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a cart the page holds', () => {
  it('written later than the signal: the one retry finds it', async () => {
    const store: { data: unknown } = { data: { items: [] } };
    const seen: CartItem[][] = [];
    const stop = watchPlatformCart(inPagePlatform(store), {} as PlatformContext, { productKey: ['sku'] }, { cart: (items) => seen.push(items), problem: () => {} });
    expect(seen).toEqual([[]]);
    window.dispatchEvent(new Event('test:cart'));
    await vi.advanceTimersByTimeAsync(200);
    // The page writes its cart 500 ms after the request ended.
    expect(seen).toEqual([[], []]);
    store.data = { items: [line('A')] };
    await vi.advanceTimersByTimeAsync(1500);
    expect(seen[seen.length - 1]).toEqual([line('A')]);
    stop();
  });

  it('a signal that changed nothing: one more read, then none on a timer', async () => {
    const store: { data: unknown } = { data: { items: [line('A')] } };
    const seen: CartItem[][] = [];
    const stop = watchPlatformCart(inPagePlatform(store), {} as PlatformContext, { productKey: ['sku'] }, { cart: (items) => seen.push(items), problem: () => {} });
    window.dispatchEvent(new Event('test:cart'));
    await vi.advanceTimersByTimeAsync(10000);
    expect(seen).toHaveLength(3);
    stop();
  });

  it('a signal that found the change: no retry', async () => {
    const store: { data: unknown } = { data: { items: [] } };
    const seen: CartItem[][] = [];
    const stop = watchPlatformCart(inPagePlatform(store), {} as PlatformContext, { productKey: ['sku'] }, { cart: (items) => seen.push(items), problem: () => {} });
    store.data = { items: [line('B')] };
    window.dispatchEvent(new Event('test:cart'));
    await vi.advanceTimersByTimeAsync(10000);
    expect(seen).toEqual([[], [line('B')]]);
    stop();
  });
});
