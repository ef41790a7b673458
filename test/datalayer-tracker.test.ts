// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../src/config';
import { createLog } from '../src/lib/log';
import { createTracker, type Tracker } from '../src/tracker';
import { fakeEs } from './support/es';
import { goTo } from './support/dom';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type W = Window & { dataLayer?: unknown[] };
let t: Tracker | undefined;

function run(path: string, html = '<p></p>') {
  goTo(path);
  document.body.innerHTML = html;
  t = createTracker(checkConfig({ scriptId: '1', currency: 'USD' }).config!, createLog(false));
  t.start();
  t.ready(true);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  delete (window as W).dataLayer;
});
afterEach(() => t && t.stop());

const item = { item_id: 'SKU_1', item_name: 'Tee', price: 10.5, quantity: 2 };

describe('Google Consent Mode in the dataLayer', () => {
  function gtag(..._a: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    ((window as W).dataLayer = (window as W).dataLayer || []).push(arguments);
  }
  const loader = () => document.querySelectorAll('script[src*="esputnik"]').length;
  const nextTask = () => new Promise((r) => setTimeout(r, 0));
  afterEach(() => {
    document.querySelectorAll('script[src*="esputnik"]').forEach((s) => s.remove());
    delete (window as { eS?: unknown }).eS;
  });

  it('default denied: no loader, nothing stored or sent; the visitor accepts → loader and the held events', async () => {
    gtag('consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied' });
    run('/t-shirt', '<div data-yespo-product="A-1"></div><div data-yespo-cart><i data-yespo-cart-item="C-1" data-yespo-price="2"></i></div>');
    // The loader's script is appended a task after it is installed (transport/es.ts).
    await nextTask();
    expect(loader()).toBe(0);
    expect((window as { eS?: unknown }).eS).toBeUndefined();
    expect(Object.keys(localStorage).concat(Object.keys(sessionStorage)).filter((k) => k.startsWith('yespo'))).toEqual([]);
    gtag('consent', 'update', { ad_storage: 'granted', analytics_storage: 'granted' });
    await nextTask();
    expect(loader()).toBe(1);
    // The loader's queue holds each call's arguments, as Yespo's snippet keeps them.
    const q = ((window as { eS?: { q?: IArguments[] } }).eS!.q || []).map((a) => Array.from(a[0] as IArguments).slice(0, 2));
    expect(q).toEqual([['init', { TRACKING: false, RECOMS: true }], ['sendEvent', 'ProductPage'], ['sendEvent', 'StatusCart']]);
  });

  it('granted by default: sends at once; withdrawn later → nothing more is sent', async () => {
    gtag('consent', 'default', { analytics_storage: 'granted' });
    const es = fakeEs();
    run('/t-shirt', '<div data-yespo-product="A-1"></div>');
    expect(es.names()).toEqual(['ProductPage']);
    gtag('consent', 'update', { analytics_storage: 'denied' });
    t!.track('Custom', {});
    t!.page();
    await new Promise((r) => setTimeout(r, 400));
    expect(es.names()).toEqual(['ProductPage']);
  });

  it("config consent 'pending' is granted by Consent Mode's update", async () => {
    goTo('/t-shirt');
    document.body.innerHTML = '<div data-yespo-product="A-1"></div>';
    t = createTracker(checkConfig({ scriptId: '1', consent: 'pending' }).config!, createLog(false));
    t.start();
    t.ready(true);
    await nextTask();
    expect(loader()).toBe(0);
    gtag('consent', 'update', { analytics_storage: 'granted' });
    await nextTask();
    expect(loader()).toBe(1);
  });

  it('dataLayer: false leaves Consent Mode alone', () => {
    gtag('consent', 'default', { analytics_storage: 'denied' });
    const es = fakeEs();
    goTo('/t-shirt');
    document.body.innerHTML = '<div data-yespo-product="A-1"></div>';
    t = createTracker(checkConfig({ scriptId: '1', dataLayer: false }).config!, createLog(false));
    t.start();
    t.ready(true);
    expect(es.names()).toEqual(['ProductPage']);
  });
});

describe('the dataLayer as a source', () => {
  it('GA4 view_item pushed before load → ProductPage', () => {
    (window as W).dataLayer = [{ event: 'view_item', ecommerce: { currency: 'USD', value: 10.5, items: [item] } }];
    const es = fakeEs();
    run('/t-shirt');
    expect(es.events()).toEqual([['ProductPage', { ProductPage: { productKey: 'SKU_1', price: '10.5' } }]]);
  });

  it('add_to_cart / remove_from_cart after load → StatusCart of the known cart', async () => {
    const es = fakeEs();
    run('/t-shirt');
    const dl = (window as W).dataLayer!;
    dl.push({ ecommerce: null });
    dl.push({ event: 'add_to_cart', ecommerce: { currency: 'USD', items: [item] } });
    await vi.waitFor(() => expect(es.names()).toEqual(['StatusCart']));
    expect(es.events()[0][1]).toEqual({ StatusCart: [{ productKey: 'SKU_1', price: '10.5', quantity: '2', currency: 'USD' }], GUID: expect.stringMatching(GUID) });
    dl.push({ event: 'remove_from_cart', ecommerce: { currency: 'USD', items: [{ ...item, quantity: 1 }] } });
    await vi.waitFor(() => expect(es.names()).toEqual(['StatusCart', 'StatusCart']));
    expect((es.events()[1][1] as { StatusCart: Array<{ quantity: string }> }).StatusCart[0].quantity).toBe('1');
  });

  it('a cart delta on a later page applies to the last cart sent', async () => {
    fakeEs();
    run('/a');
    (window as W).dataLayer!.push({ event: 'add_to_cart', ecommerce: { items: [item] } });
    await new Promise((r) => setTimeout(r, 10));
    t!.stop();
    delete (window as W).dataLayer;
    const es = fakeEs();
    run('/b');
    (window as W).dataLayer!.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'SKU_2', price: 3, quantity: 1 }] } });
    await vi.waitFor(() => expect(es.names()).toEqual(['StatusCart']));
    expect((es.events()[0][1] as { StatusCart: Array<{ productKey: string }> }).StatusCart.map((i) => i.productKey)).toEqual(['SKU_1', 'SKU_2']);
  });

  it('purchase → PurchasedItems (no GUID without an earlier cart)', async () => {
    const es = fakeEs();
    (window as W).dataLayer = [
      { event: 'purchase', ecommerce: { transaction_id: 'T_12345', currency: 'USD', items: [item] } },
    ];
    run('/checkout/thank-you');
    expect(es.events()).toEqual([
      ['PurchasedItems', { OrderNumber: 'T_12345', PurchasedItems: [{ productKey: 'SKU_1', price: '10.5', quantity: '2', currency: 'USD' }] }],
    ]);
  });

  it('search, wishlist and login', async () => {
    const es = fakeEs();
    run('/s');
    const dl = (window as W).dataLayer!;
    dl.push({ event: 'search', search_term: 'red tee' });
    dl.push({ event: 'add_to_wishlist', ecommerce: { items: [item] } });
    dl.push({ event: 'login', user_data: { email: 'A@B.io' } });
    await vi.waitFor(() => expect(es.names()).toEqual(['AddToWishlist', 'CustomerData', 'SearchRequest']));
  });

  it('a throwing wrapper another tag put on push does not stop either of us', async () => {
    const dl: unknown[] = ((window as W).dataLayer = []);
    const seenByOther: unknown[] = [];
    const orig = dl.push.bind(dl);
    dl.push = (...a: unknown[]) => {
      seenByOther.push(a[0]);
      orig(...a);
      throw new Error('other tag broke');
    };
    const es = fakeEs();
    run('/x');
    expect(() => dl.push({ event: 'view_item', ecommerce: { items: [item] } })).not.toThrow();
    await vi.waitFor(() => expect(es.names()).toEqual(['ProductPage']));
    expect(seenByOther).toHaveLength(1);
  });
});
