// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../src/config';
import { createLog } from '../../src/lib/log';
import { createTracker } from '../../src/tracker';
import { restBody } from '../../src/transport/restBody';
import { createOutbox } from '../../src/transport/outbox';
import { checkRestBody } from '../../src/schema/rest';
import { goTo } from '../support/dom';

const SC = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3';
const ctx = { siteId: '8A412DC', sc: SC, name: 'Ann', now: 1579622183208 };
/** The payload as the sender enriches it for both transports (lib/identity.ts withGeneralInfo). */
const known = (p: Record<string, unknown>) => ({ ...p, GeneralInfo: { user_email: 'a@b.io', user_es_contact_id: '255830499' } });
const GI = { siteId: '8A412DC', datetime: 1579622183208, cookies: { sc: SC }, user_email: 'a@b.io', user_name: 'Ann', user_es_contact_id: '255830499' };

describe('restBody: the REST document\'s shapes', () => {
  it.each([
    [
      'ProductPage',
      { ProductPage: { productKey: '72354', price: '754', isInStock: 1, tag_something: ['abc'] } },
      { ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1', tag_something: ['abc'] } } },
    ],
    ['AddToWishlist', { AddToWishlist: { productKey: '7', isInStock: 0 } }, { AddToWishlist: { Product: { productKey: '7', isInStock: '0' } } }],
    ['CategoryPage', { CategoryPage: { categoryKey: '509876' } }, { CategoryPage: { Category: { categoryKey: '509876' } } }],
    ['SearchRequest', { SearchRequest: { search: 'coffee', isFound: 0 } }, { SearchRequest: { search: 'coffee', isFound: 0 } }],
    [
      'StatusCart',
      { StatusCart: [{ productKey: '430738', price: '201.95', discount: '180', quantity: '2', currency: 'USD', tag_x: ['a'] }], GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff' },
      { StatusCart: { GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff', Products: [{ productKey: '430738', price: '201.95', discount: '180', quantity: 2, price_currency_code: 'USD', tag_x: ['a'] }] } },
    ],
    [
      'PurchasedItems',
      { OrderNumber: '123/2017', PurchasedItems: [{ productKey: '430738', price: '201.95', quantity: '1', currency: 'USD' }], GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff', Tags: { blockId: ['19787_r119v224'] } },
      { PurchasedItems: { Products: [{ product_id: '430738', unit_price: '201.95', quantity: 1 }], OrderNumber: '123/2017', Tags: { blockId: ['19787_r119v224'] } } },
    ],
    [
      'ProductImpressions',
      { ProductImpression: [{ product_id: '430968', container_type: '1253' }] },
      { ProductImpression: { Products: [{ product_id: '430968', container_type: '1253' }] } },
    ],
  ])('%s', (name, payload, want) => {
    const body = restBody(name, known(payload), ctx)!;
    expect(body).toEqual({ GeneralInfo: { eventName: name, ...GI }, ...want });
    expect(checkRestBody(body)).toEqual([]);
  });

  it('CustomerData is GeneralInfo alone', () => {
    const body = restBody('CustomerData', known({ CustomerData: { user_email: 'a@b.io', user_phone: '+380501234567', user_name: 'Ann' } }), ctx)!;
    expect(body).toEqual({ GeneralInfo: { eventName: 'CustomerData', ...GI, user_phone: '+380501234567' } });
    expect(checkRestBody(body)).toEqual([]);
  });

  it.each(['MainPage', 'NotFound', 'PageView', 'StatusCartPage'])('%s has no REST form', (name) => {
    expect(restBody(name, undefined, ctx)).toBeUndefined();
  });
});

describe('outbox', () => {
  let statuses: number[];
  let posted: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    statuses = [];
    posted = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      posted.push(init.body as string);
      const s = statuses.shift() ?? 200;
      return s === 0 ? Promise.reject(new TypeError('network')) : Promise.resolve({ status: s });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const box = (tab = 't1') => createOutbox('/collect', createLog(false), tab, () => 0.5);

  it('retries network errors and 5xx with backoff, then delivers once', async () => {
    statuses = [503, 0, 502];
    const b = box();
    b.add({ n: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(posted).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(posted).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(posted).toHaveLength(4);
    expect(b.size()).toBe(0);
    b.stop();
  });

  it('an event added while an earlier send is in flight goes out when that one is answered', async () => {
    let answer: (v: { status: number }) => void = () => {};
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      posted.push(init.body as string);
      return posted.length === 1 ? new Promise((r) => (answer = r)) : Promise.resolve({ status: 200 });
    });
    const b = box();
    b.add({ n: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toEqual(['{"n":1}']);
    b.add({ n: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toEqual(['{"n":1}']);
    answer({ status: 200 });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toEqual(['{"n":1}', '{"n":2}']);
    expect(b.size()).toBe(0);
    b.stop();
  });

  it('drops on 4xx', async () => {
    statuses = [400];
    const b = box();
    b.add({ n: 1 });
    await vi.advanceTimersByTimeAsync(10);
    expect(b.size()).toBe(0);
    await vi.advanceTimersByTimeAsync(60000);
    expect(posted).toHaveLength(1);
    b.stop();
  });

  it('survives the page: a new outbox sends what the old one could not', async () => {
    statuses = [503];
    const a = box('a');
    a.add({ n: 1 });
    await vi.advanceTimersByTimeAsync(10);
    a.stop();
    expect(localStorage.length).toBe(1);
    const b = box('b');
    b.pump();
    await vi.advanceTimersByTimeAsync(5000);
    expect(posted).toHaveLength(2);
    expect(b.size()).toBe(0);
    b.stop();
  });

  it('is bounded: the oldest entries are dropped past 100', async () => {
    statuses = Array(500).fill(503);
    const b = box();
    for (let i = 0; i < 105; i++) b.add({ i });
    expect(b.size()).toBe(100);
    b.stop();
  });

  it('falls back to memory when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const b = box();
    b.add({ n: 1 });
    expect(b.size()).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(posted).toEqual(['{"n":1}']);
    expect(b.size()).toBe(0);
    b.stop();
  });
});

describe('tracker with transport rest', () => {
  it('POSTs REST bodies that parse, creates the sc cookie, and sends nothing for events REST lacks', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', (_u: string, init: RequestInit) => (bodies.push(JSON.parse(init.body as string)), Promise.resolve({ status: 200 })));
    localStorage.clear();
    document.cookie = 'sc=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    goTo('/');
    document.body.innerHTML = '<div data-yespo-cart><i data-yespo-cart-item="A" data-yespo-price="5" data-yespo-quantity="2"></i></div>';
    const t = createTracker(checkConfig({ transport: 'rest', siteId: 'S1', restUrl: '/collect', currency: 'USD' }).config!, createLog(false));
    t.start();
    t.ready(true);
    t.identify({ email: 'x@y.io' });
    await new Promise((r) => setTimeout(r, 20));
    t.stop();
    vi.unstubAllGlobals();
    const sc = /(?:^|; )sc=([^;]+)/.exec(document.cookie)![1];
    expect(sc).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(bodies.map((b) => (b as { GeneralInfo: { eventName: string } }).GeneralInfo.eventName)).toEqual(['StatusCart', 'CustomerData']);
    for (const b of bodies) expect(checkRestBody(b)).toEqual([]);
    expect((bodies[1] as { GeneralInfo: object }).GeneralInfo).toMatchObject({ siteId: 'S1', cookies: { sc }, user_email: 'x@y.io' });
  });
});
