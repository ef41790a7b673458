// The pipeline's decisions, with no DOM: derive, the memory, consent and the sender's rules.
import { describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../src/config';
import { createConsent } from '../../src/consent';
import { derive, type Seen } from '../../src/events/derive';
import { createMemory } from '../../src/events/memory';
import { fold } from '../../src/page/fold';
import type { Store } from '../../src/lib/storage';
import type { PageModel } from '../../src/types/model';

/** A Store in memory, as the tracker's storage is when Web Storage is blocked. */
function memStore(): Store {
  const m: Record<string, string> = {};
  return {
    get: <T>(k: string) => (k in m ? (JSON.parse(m[k]) as T) : undefined),
    set: (k, v) => void (m[k] = JSON.stringify(v)),
    hold: () => {},
    release: () => {},
  };
}

const cfg = checkConfig({ scriptId: '1' }).config!;
const model = (m: Partial<PageModel>): PageModel => ({ type: 'other', typeFrom: 'test', from: {}, ...m });
const run = (m: PageModel, seen: Seen = {}, memory = createMemory(memStore()), cart = true) => {
  const problems: string[] = [];
  const out = derive(m, seen, { cfg, memory, problem: (_c, msg) => problems.push(msg), cart, blockId: undefined }).map((o) => o.slice(0, 2));
  return { out, problems, memory, seen };
};
const LINE = { productKey: 'A', price: '10', quantity: '1', currency: 'USD' };

describe('derive: every event a page view sends, decided from the page model', () => {
  it('a product page sends ProductPage once per view', () => {
    const seen: Seen = {};
    const m = model({ type: 'product', product: { productKey: 'P-1', price: '5' } });
    expect(run(m, seen).out).toEqual([['ProductPage', { ProductPage: { productKey: 'P-1', price: '5' } }]]);
    expect(run(m, seen).out).toEqual([]);
  });

  it('a product page without a product waits (sends nothing, says why) until the product arrives', () => {
    const seen: Seen = {};
    const r = run(model({ type: 'product' }), seen);
    expect(r.out).toEqual([]);
    expect(r.problems[0]).toMatch(/without a product key/);
    expect(run(model({ type: 'product', product: { productKey: 'LATE' } }), seen).out).toEqual([['ProductPage', { ProductPage: { productKey: 'LATE' } }]]);
  });

  it('a cart that differs from the last one sent is StatusCart with a new GUID; the same cart again is nothing', () => {
    const memory = createMemory(memStore());
    const a = run(model({ cart: [LINE] }), {}, memory).out;
    expect(a).toEqual([['StatusCart', { StatusCart: [LINE], GUID: expect.stringMatching(/^[0-9a-f-]{36}$/) }]]);
    expect(run(model({ cart: [LINE] }), {}, memory).out).toEqual([]);
    expect(run(model({ cart: [] }), {}, memory).out).toEqual([['StatusCart', { StatusCart: [], GUID: expect.any(String) }]]);
  });

  it("a new visitor's first, empty cart is no news", () => {
    expect(run(model({ cart: [] })).out).toEqual([]);
  });

  it('a cart page with an unchanged cart sends StatusCartPage once; a changed one sends StatusCart instead', () => {
    const memory = createMemory(memStore());
    run(model({ cart: [LINE] }), {}, memory);
    const seen: Seen = {};
    expect(run(model({ type: 'cart', cart: [LINE] }), seen, memory).out).toEqual([['StatusCartPage']]);
    expect(run(model({ type: 'cart', cart: [LINE] }), seen, memory).out).toEqual([]);
    expect(run(model({ type: 'checkout', cart: [{ ...LINE, quantity: '2' }] }), {}, memory).out.map((o) => o[0])).toEqual(['StatusCart']);
  });

  it('a purchase is sent once per order number, ever, with the last cart GUID; the cart it emptied is no news', () => {
    const memory = createMemory(memStore());
    const [[, sc]] = run(model({ cart: [LINE] }), {}, memory).out as [[string, { GUID: string }]];
    const thanks = model({ type: 'purchase', order: { number: 'N-1', items: [LINE] }, cart: [] });
    const r = run(thanks, {}, memory);
    expect(r.out).toEqual([['PurchasedItems', { OrderNumber: 'N-1', PurchasedItems: [LINE], GUID: sc.GUID }]]);
    const again = run(thanks, {}, memory);
    expect(again.out).toEqual([]);
    expect(again.problems).toEqual(['order N-1 was sent before; not sent again']);
  });

  it('a platform that gives only the order number gets the lines of the last cart sent', () => {
    const memory = createMemory(memStore());
    run(model({ cart: [{ ...LINE, tag_x: ['y'] }] }), {}, memory);
    const r = run(model({ type: 'purchase', order: { number: '77', items: [] } }), {}, memory);
    expect(r.out).toEqual([['PurchasedItems', expect.objectContaining({ OrderNumber: '77', PurchasedItems: [LINE] })]]);
  });

  it('an order number only, after the checkout page sent the emptied cart (Magento reloads the cart section before the redirect): the lines and GUID of the cart before it', () => {
    const memory = createMemory(memStore());
    const [[, sc]] = run(model({ cart: [{ ...LINE, quantity: '2' }] }), {}, memory).out as [[string, { GUID: string }]];
    const [[name, emptied]] = run(model({ cart: [] }), {}, memory).out as [[string, { GUID: string }]];
    expect([name, emptied.GUID === sc.GUID]).toEqual(['StatusCart', false]);
    const r = run(model({ type: 'purchase', order: { number: '79', items: [] }, cart: [] }), {}, memory);
    expect(r.out).toEqual([['PurchasedItems', { OrderNumber: '79', PurchasedItems: [{ ...LINE, quantity: '2' }], GUID: sc.GUID }]]);
  });

  it('an order number with no lines and no cart sent before sends nothing, and says so', () => {
    const r = run(model({ type: 'purchase', order: { number: '78', items: [] } }));
    expect(r.out).toEqual([]);
    expect(r.problems[0]).toMatch(/order 78: no lines/);
  });

  it('the cart is left alone when the change was elsewhere on the page', () => {
    expect(run(model({ cart: [LINE] }), {}, undefined, false).out).toEqual([]);
  });
});

describe('memory: remember the last N', () => {
  it('first() is true once per value, and forgets the oldest past its size', () => {
    const m = createMemory(memStore());
    expect(m.orders.first('1')).toBe(true);
    expect(m.orders.first('1')).toBe(false);
    for (let i = 2; i <= 101; i++) m.orders.first(String(i));
    expect(m.orders.first('1')).toBe(true);
    expect(m.customers.first('1')).toBe(true);
  });
});

describe('consent: the state machine', () => {
  const hooks = () => ({ hold: vi.fn(), grant: vi.fn(), deny: vi.fn() });

  it("'pending' holds until granted; a second grant does nothing", () => {
    const h = hooks();
    const c = createConsent('pending', h);
    c.start();
    expect(h.grant).not.toHaveBeenCalled();
    expect(h.hold).toHaveBeenLastCalledWith(true);
    expect(c.set('granted')).toBe(true);
    expect(c.set('granted')).toBe(true);
    expect(h.grant).toHaveBeenCalledTimes(1);
    expect(c.state()).toBe('granted');
  });

  it('denied drops what was held and holds storage; other values are refused', () => {
    const h = hooks();
    const c = createConsent('granted', h);
    c.start();
    c.set('denied');
    expect(h.deny).toHaveBeenCalledTimes(1);
    expect(c.state()).toBe('denied');
    expect(c.set('maybe')).toBe(false);
  });

  it('Google Consent Mode: denied at start holds like pending; granted later grants; denied later denies', () => {
    const h = hooks();
    const log = { _on: false, debug() {}, warn() {}, error() {} };
    const c = createConsent('granted', h);
    c.followGoogle('denied', true, log);
    c.start();
    expect(c.state()).toBe('pending');
    expect(h.grant).not.toHaveBeenCalled();
    c.followGoogle('granted', false, log);
    expect(c.state()).toBe('granted');
    expect(h.grant).toHaveBeenCalledTimes(1);
    c.followGoogle('denied', false, log);
    expect(c.state()).toBe('denied');
  });
});

describe('fold: a dataLayer entry → evidence or an action', () => {
  const dl = { source: 'dataLayer' };
  const ctx = { ownCart: false, lastCart: () => [LINE] };

  it('add_to_cart applies to the last cart sent; a page with its own cart markup ignores it', () => {
    const r = fold(dl, { kind: 'add', items: [{ productKey: 'A', quantity: '2' }] }, ctx);
    expect(r).toEqual({ evidence: { source: 'dataLayer', cart: [{ ...LINE, quantity: '3' }] } });
    expect(fold(dl, { kind: 'add', items: [LINE] }, { ...ctx, ownCart: true })).toBeUndefined();
  });

  it('a purchase makes a purchase page; a wishlist push is an action; the input is not changed', () => {
    const before = JSON.stringify(dl);
    expect(fold(dl, { kind: 'purchase', order: { number: 'T', items: [LINE] } }, ctx)).toEqual({ evidence: { source: 'dataLayer', order: { number: 'T', items: [LINE] }, pageType: 'purchase' } });
    expect(fold(dl, { kind: 'wishlist', product: { productKey: 'W' } }, ctx)).toEqual({ wishlist: { productKey: 'W' } });
    expect(JSON.stringify(dl)).toBe(before);
  });
});
