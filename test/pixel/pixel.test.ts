import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPixel } from '../../src/pixel/pixel';
import { createLog } from '../../src/lib/log';
import { checkRestBody } from '../../src/schema/rest';
import { completed, contactSubmitted, initWith } from './fixtures/checkout';
import { fakeApi } from './fakeApi';

const CFG = { siteId: 'S1', restUrl: 'https://tracker.yespo.io/api/v2', productKey: ['sku', 'productID', 'id', 'url'], debug: true };
const STORE_GUID = '6f9619ff-8b86-d011-b42d-00cf4fc964ff';
const SC = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3';

type Body = { GeneralInfo: Record<string, unknown> } & Record<string, unknown>;
let bodies: Body[];
let lines: unknown[][];

beforeEach(() => {
  bodies = [];
  lines = [];
  vi.stubGlobal('fetch', (url: string, o: { body: string; keepalive: boolean; method: string; headers: Record<string, string> }) => {
    expect([url, o.method, o.keepalive, o.headers['Content-Type']]).toEqual([CFG.restUrl, 'POST', true, 'application/json']);
    bodies.push(JSON.parse(o.body));
    return Promise.resolve({ ok: true, status: 200 });
  });
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a));
});
afterEach(() => vi.unstubAllGlobals());

const names = () => bodies.map((b) => b.GeneralInfo.eventName);

function start(allowed = true, customer: unknown = null) {
  const f = fakeApi(initWith(allowed, customer));
  startPixel(f.api, CFG, createLog(true));
  return f;
}

describe('the pixel in a Web Pixels API', () => {
  it('checkout_completed → CustomerData and PurchasedItems, with the storefront sc; the cart memo emptied', async () => {
    const f = start();
    f.cookies.set('sc', SC);
    f.storage.set('yespo:cart', JSON.stringify({ fp: 'x', guid: STORE_GUID, items: [] }));
    f.publish('checkout_completed', completed());
    await f.settle();
    expect(names()).toEqual(['CustomerData', 'PurchasedItems']);
    for (const b of bodies) expect(checkRestBody(b)).toEqual([]);
    expect(bodies.map((b) => (b.GeneralInfo.cookies as { sc: string }).sc)).toEqual([SC, SC]);
    expect(bodies[1].PurchasedItems).toMatchObject({ OrderNumber: '5210499102' });
    expect(JSON.parse(f.storage.get('yespo:cart')!)).toEqual({ fp: '' });
    expect(JSON.parse(f.storage.get('yespo:orders')!)).toEqual(['5210499102']);
    expect(JSON.parse(f.storage.get('yespo:customers')!)).toEqual(['{"user_email":"ann.lee@example.com","user_name":"Ann Lee","user_phone":"+49301234567"}']);
    // The storefront's GUID is read (the REST document has no field for it on PurchasedItems).
    expect(lines.some((l) => l[1] === 'PurchasedItems' && (l[2] as { GUID?: string }).GUID === STORE_GUID)).toBe(true);
    expect(f.cookieWrites).toEqual([]);
  });

  it('sends an order once ever: a re-fired event, a second pixel, an order the storefront sent', async () => {
    const f = start();
    f.publish('checkout_completed', completed());
    f.publish('checkout_completed', completed());
    await f.settle();
    const again = fakeApi(initWith(true));
    again.storage.set('yespo:orders', f.storage.get('yespo:orders')!);
    again.storage.set('yespo:customers', f.storage.get('yespo:customers')!);
    startPixel(again.api, CFG, createLog(false));
    again.publish('checkout_completed', completed());
    await again.settle();
    expect(names()).toEqual(['CustomerData', 'PurchasedItems']);
  });

  it('keeps the last 100 orders and 20 customers, in the storefront\'s format', async () => {
    const f = start();
    f.storage.set('yespo:orders', JSON.stringify(Array.from({ length: 100 }, (_, i) => String(i))));
    f.storage.set('yespo:customers', JSON.stringify([42, ...Array.from({ length: 20 }, (_, i) => 'c' + i)]));
    f.publish('checkout_completed', completed());
    await f.settle();
    const orders = JSON.parse(f.storage.get('yespo:orders')!);
    expect([orders.length, orders[0], orders[99]]).toEqual([100, '1', '5210499102']);
    const customers = JSON.parse(f.storage.get('yespo:customers')!);
    expect([customers.length, customers[0]]).toEqual([20, 'c1']);
  });

  it('creates the sc cookie like Yespo\'s script when the storefront left none', async () => {
    const f = start();
    f.publish('checkout_contact_info_submitted', contactSubmitted());
    await f.settle();
    expect(f.cookieWrites).toHaveLength(1);
    expect(f.cookieWrites[0]).toMatch(/^sc=[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}; path=\/; max-age=31536000; SameSite=Lax; Secure$/);
    expect((bodies[0].GeneralInfo.cookies as { sc: string }).sc).toBe(f.cookies.get('sc'));
  });

  it('contact info → CustomerData once per distinct buyer', async () => {
    const f = start();
    f.publish('checkout_contact_info_submitted', contactSubmitted('Guest@Example.com'));
    f.publish('checkout_contact_info_submitted', contactSubmitted('guest@example.com'));
    f.publish('checkout_contact_info_submitted', contactSubmitted('other@example.com'));
    await f.settle();
    expect(bodies.map((b) => b.GeneralInfo.user_email)).toEqual(['guest@example.com', 'other@example.com']);
    expect(names()).toEqual(['CustomerData', 'CustomerData']);
  });

  it('nothing sent, stored or read before consent; what was held goes once consent is given', async () => {
    const f = start(false);
    const reads = vi.spyOn(f.api.browser.localStorage, 'getItem');
    const cookieReads = vi.spyOn(f.api.browser.cookie, 'get');
    f.publish('checkout_contact_info_submitted', contactSubmitted());
    f.publish('checkout_completed', completed());
    await f.settle();
    f.consent({ analyticsProcessingAllowed: false, marketingAllowed: true });
    await f.settle();
    expect([bodies.length, f.storage.size, f.cookies.size, reads.mock.calls.length, cookieReads.mock.calls.length]).toEqual([0, 0, 0, 0, 0]);
    f.consent({ analyticsProcessingAllowed: true });
    await f.settle();
    expect(names()).toEqual(['CustomerData', 'CustomerData', 'PurchasedItems']);
  });

  it('consent withdrawn later: nothing more is sent', async () => {
    const f = start(true);
    f.consent({ analyticsProcessingAllowed: false });
    f.publish('checkout_completed', completed());
    await f.settle();
    expect(bodies).toEqual([]);
  });

  it.each([
    ['no init at all', undefined],
    ['customerPrivacy missing', { data: {} }],
    ['customerPrivacy "true" as a string', { customerPrivacy: { analyticsProcessingAllowed: 'true' } }],
  ])('%s counts as no consent', async (_, init) => {
    const f = fakeApi(init);
    startPixel(f.api, CFG, createLog(false));
    f.publish('checkout_completed', completed());
    await f.settle();
    expect(bodies).toEqual([]);
  });

  it('malformed events and a hostile top frame: no exception, no rejection, nothing half-sent', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    const f = start();
    f.storage.set('yespo:orders', '{not json');
    f.storage.set('yespo:cart', '"__proto__"');
    f.api.browser.cookie.get = () => Promise.reject(new Error('blocked'));
    f.api.browser.localStorage.setItem = () => {
      throw new Error('quota');
    };
    for (const e of [undefined, null, 'x', {}, { data: null }, { data: { checkout: 'x' } }, { data: { checkout: { lineItems: [null, 1, 'a'], order: { id: 7 } } } }])
      expect(() => f.publish('checkout_completed', e as never)).not.toThrow();
    f.publish('checkout_completed', completed());
    f.publish('checkout_completed', completed());
    await f.settle();
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
    expect(names()).toEqual(['CustomerData', 'PurchasedItems']);
    expect(lines.map((l) => l[1])).toContain('checkout_completed: no data.checkout');
  });
});
