// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, revive } from '../../src/lib/storage';
import { lastCart } from '../../src/events/cartState';
import { remembered } from '../../src/events/memory';

beforeEach(() => localStorage.clear());

describe('storage written on a page with Prototype.js 1.6 hooks', () => {
  it('reads a list an old version double-encoded as the list', () => {
    localStorage.setItem('yespo:orders', JSON.stringify('["A-1","A-2"]'));
    const store = createStore('localStorage');
    expect(store.get('orders')).toEqual(['A-1', 'A-2']);
    // and the orders memory keeps working on it: A-1 was sent before, A-3 is new
    const orders = remembered(store, 'orders', 100);
    expect(orders.first('A-1')).toBe(false);
    expect(orders.first('A-3')).toBe(true);
    expect(localStorage.getItem('yespo:orders')).toBe('["A-1","A-2","A-3"]');
  });

  it("reads the cart memo's double-encoded lines as lines", () => {
    const items = [{ productKey: 'SKU-1', price: '10', quantity: '2', currency: 'USD' }];
    localStorage.setItem('yespo:cart', JSON.stringify({ fp: 'x', guid: 'g', items: JSON.stringify(items) }));
    expect(lastCart(createStore('localStorage'))).toEqual(items);
  });

  it('keeps strings that only look like JSON, and plain strings, as they are', () => {
    expect(revive('[not json')).toBe('[not json');
    expect(revive('19787_r119v224')).toBe('19787_r119v224');
    expect(revive('123')).toBe('123');
    const store = createStore('localStorage');
    store.set('sc', '{broken');
    expect(store.get('sc')).toBe('{broken');
  });

  it('writes arrays as arrays even while Array#toJSON is installed', () => {
    Object.defineProperty(Array.prototype, 'toJSON', { configurable: true, value(this: unknown[]) { return JSON.stringify(this.slice()); } });
    try {
      const store = createStore('localStorage');
      store.set('orders', ['A-1']);
      expect(localStorage.getItem('yespo:orders')).toBe('["A-1"]');
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
    }
  });
});

describe('how often Web Storage is touched', () => {
  const counting = () => {
    const reads: string[] = [];
    const get = Storage.prototype.getItem;
    Storage.prototype.getItem = function (this: Storage, k: string) {
      reads.push((this === sessionStorage ? 'session:' : 'local:') + k);
      return get.call(this, k);
    };
    return { reads, restore: () => void (Storage.prototype.getItem = get) };
  };

  it("reads each of this tab's sessionStorage keys once, present or not, and keeps what it writes", () => {
    sessionStorage.clear();
    sessionStorage.setItem('yespo:id', JSON.stringify({ email: 'a@b.co' }));
    const c = counting();
    try {
      const s = createStore('sessionStorage');
      for (let i = 0; i < 3; i++) expect([s.get('id'), s.get('sc')]).toEqual([{ email: 'a@b.co' }, undefined]);
      s.set('sc', '9_r1v1');
      expect(s.get('sc')).toBe('9_r1v1');
      expect(c.reads).toEqual(['session:yespo:id', 'session:yespo:sc']);
      expect(sessionStorage.getItem('yespo:sc')).toBe('"9_r1v1"');
    } finally {
      c.restore();
    }
  });

  it('reads localStorage afresh each time: another tab writes the cart, the orders and the once-marks too', () => {
    const c = counting();
    try {
      const s = createStore('localStorage');
      expect(s.get('orders')).toBeUndefined();
      localStorage.setItem('yespo:orders', '["A-9"]');
      expect(s.get('orders')).toEqual(['A-9']);
      expect(c.reads).toEqual(['local:yespo:orders', 'local:yespo:orders']);
    } finally {
      c.restore();
    }
  });
});
