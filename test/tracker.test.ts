// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../src/config';
import { createLog } from '../src/lib/log';
import { createTracker } from '../src/tracker';
import { fakeEs } from './support/es';
import { goTo } from './support/dom';

const cfg = (extra: Record<string, unknown> = {}) => checkConfig({ scriptId: '1', currency: 'USD', ...extra }).config!;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const live: Array<{ stop(): void }> = [];
afterEach(() => live.splice(0).forEach((t) => t.stop()));

function run(html: string, path = '/somewhere', extra: Record<string, unknown> = {}) {
  live.splice(0).forEach((t) => t.stop());
  goTo(path);
  document.body.innerHTML = html;
  const t = createTracker(cfg(extra), createLog(false));
  live.push(t);
  t.start();
  t.ready(true);
  return t;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = '';
});

describe('page events', () => {
  it('product page → ProductPage with tags', () => {
    const es = fakeEs();
    run('<div data-yespo-product="24-MB02" data-yespo-price="153" data-yespo-in-stock="1" data-yespo-tag-color="red"></div>');
    expect(es.events()).toEqual([['ProductPage', { ProductPage: { productKey: '24-MB02', price: '153', isInStock: 1, tag_color: ['red'] } }]]);
  });

  it('on a parsed document the first read waits for tasks of its own, apart from the script\'s', async () => {
    const es = fakeEs();
    goTo('/p/1');
    document.body.innerHTML = '<div data-yespo-product="A-1"></div>';
    const t = createTracker(cfg(), createLog(false));
    live.push(t);
    t.start();
    t.ready();
    await Promise.resolve();
    expect(es.events()).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    // The attribute pass, then (a task later) the structured data and the events.
    expect(es.events()).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(es.events()).toEqual([['ProductPage', { ProductPage: { productKey: 'A-1' } }]]);
  });

  it('category, main, 404 and search pages', () => {
    let es = fakeEs();
    run('<div data-yespo-category="bags"></div>');
    expect(es.events()).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }]]);
    es = fakeEs();
    run('<p>home</p>', '/');
    expect(es.calls).toEqual([['sendEvent', 'MainPage']]);
    es = fakeEs();
    run('<p data-yespo-page="404">gone</p>', '/x');
    expect(es.calls).toEqual([['sendEvent', 'NotFound']]);
    es = fakeEs();
    run('<p data-yespo-page="search"></p><b data-yespo-results="0"></b>', '/search?q=red+shoes');
    expect(es.events()).toEqual([['SearchRequest', { SearchRequest: { search: 'red shoes', isFound: 0 } }]]);
  });

  it('search.onlyNotFound sends only zero-result searches', () => {
    const es = fakeEs();
    run('<div data-yespo-search="bag" data-yespo-results="3"></div>', '/s', { search: { onlyNotFound: true } });
    expect(es.events()).toEqual([]);
  });

  it('a product inside a recommendation block does not make a product page', () => {
    const es = fakeEs();
    run('<section data-yespo-recs="1"><div data-yespo-product="X"></div></section>', '/');
    expect(es.names()).toEqual(['MainPage']);
  });
});

describe('cart', () => {
  const cart = (...lines: string[]) => `<div data-yespo-cart>${lines.join('')}</div>`;
  const line = (k: string, q = 1) => `<i data-yespo-cart-item="${k}" data-yespo-price="10" data-yespo-quantity="${q}"></i>`;

  it('a new visitor with an empty cart sends nothing; the first item sends StatusCart; an unchanged cart is quiet', () => {
    let es = fakeEs();
    run(cart());
    expect(es.events()).toEqual([]);
    es = fakeEs();
    run(cart(line('A')));
    expect(es.events()).toEqual([['StatusCart', { StatusCart: [{ productKey: 'A', price: '10', quantity: '1', currency: 'USD' }], GUID: expect.stringMatching(GUID) }]]);
    es = fakeEs();
    run(cart(line('A')));
    expect(es.events()).toEqual([]);
  });

  it('each change gets a new GUID; an emptied cart sends []', () => {
    const guids: string[] = [];
    for (const html of [cart(line('A')), cart(line('A', 2)), cart(line('A', 2), line('B')), cart()]) {
      const es = fakeEs();
      run(html);
      const [[, p]] = es.events() as [[string, { StatusCart: unknown[]; GUID: string }]];
      guids.push(p.GUID);
      if (html === cart()) expect(p.StatusCart).toEqual([]);
    }
    expect(new Set(guids).size).toBe(4);
  });

  it('cart page: StatusCartPage when unchanged, StatusCart instead when changed', () => {
    let es = fakeEs();
    run(cart(line('A')), '/cart');
    expect(es.names()).toEqual(['StatusCart']);
    es = fakeEs();
    run(cart(line('A')), '/cart');
    expect(es.calls).toEqual([['sendEvent', 'StatusCartPage']]);
    es = fakeEs();
    run('<p>no container</p>', '/checkout');
    expect(es.names()).toEqual(['StatusCartPage']);
  });

  it('watches the cart container and sends the new state after a change', async () => {
    const es = fakeEs();
    run(cart(line('A')));
    document.querySelector('[data-yespo-cart]')!.insertAdjacentHTML('beforeend', line('B', 3));
    await vi.waitFor(() => expect(es.names()).toEqual(['StatusCart', 'StatusCart']));
    const last = es.events()[1][1] as { StatusCart: Array<{ productKey: string }> };
    expect(last.StatusCart.map((i) => i.productKey)).toEqual(['A', 'B']);
  });

  it('setCart sends the state it is given', () => {
    const es = fakeEs();
    const t = run('<p></p>');
    t.setCart([{ productKey: 'Z', price: '1,249.00', quantity: 2 }]);
    t.setCart([{ productKey: 'Z', price: '1249.00', quantity: '2' }]);
    expect(es.events()).toEqual([['StatusCart', { StatusCart: [{ productKey: 'Z', price: '1249.00', quantity: '2', currency: 'USD' }], GUID: expect.stringMatching(GUID) }]]);
  });
});

describe('single-page apps', () => {
  const cart = (k: string) => `<div data-yespo-cart><i data-yespo-cart-item="${k}" data-yespo-price="10"></i></div>`;
  /** Full reads of the page: each one asks the document for the tracked attributes once. */
  const countReads = () => {
    const spy = vi.spyOn(Document.prototype, 'querySelectorAll');
    return { reads: () => spy.mock.calls.filter(([sel]) => String(sel).includes('[data-yespo-page]')).length, done: () => spy.mockRestore() };
  };

  it('a route that renders and then calls page() in the same task is read once, not again for its own changes', async () => {
    const es = fakeEs();
    const t = run('<div data-yespo-product="A"></div>', '/p/a');
    const r = countReads();
    history.pushState({}, '', '/p/b');
    document.body.innerHTML = '<div data-yespo-product="B"></div>';
    t.page();
    await new Promise((ok) => setTimeout(ok, 150));
    const reads = r.reads();
    r.done();
    expect(reads).toBe(1);
    expect(es.names()).toEqual(['ProductPage', 'PageView', 'ProductPage']);
  });

  it('a change after that read is still read', async () => {
    const es = fakeEs();
    const t = run('<p></p>', '/p/a');
    history.pushState({}, '', '/p/b');
    document.body.innerHTML = '<div data-yespo-product="B"></div>';
    t.page();
    await new Promise((ok) => setTimeout(ok, 0));
    document.body.insertAdjacentHTML('beforeend', cart('C'));
    await vi.waitFor(() => expect(es.names()).toEqual(['PageView', 'ProductPage', 'StatusCart']));
  });
});

describe('single-page apps: recommendation items', () => {
  it('items a route renders while it waits are looked for once, when it settles', async () => {
    const observed: string[] = [];
    class CountingIO {
      observe = (el: Element) => void observed.push(el.getAttribute('data-yespo-rec-item')!);
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', CountingIO);
    try {
      const block = (ids: string[]) => `<section data-yespo-recs="R">${ids.map((id) => `<div data-yespo-rec-item="${id}"></div>`).join('')}</section>`;
      const t = run(block(['1']), '/p/a');
      await vi.waitFor(() => expect(observed).toEqual(['1']));
      history.pushState({}, '', '/p/b');
      document.body.innerHTML = block(['2', '3']);
      await new Promise((ok) => setTimeout(ok, 100));
      expect(observed).toEqual(['1']);
      expect(t.stats().views).toBe(2);
      // The route settles once the DOM has been quiet for 300 ms.
      await new Promise((ok) => setTimeout(ok, 600));
      expect(observed).toEqual(['1', '2', '3']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('purchase', () => {
  const order = '<div data-yespo-order="D-7"><i data-yespo-order-item="A" data-yespo-price="10" data-yespo-quantity="1"></i></div>';

  it('carries the last StatusCart GUID, is sent once ever, and the emptied cart after it is not news', () => {
    let es = fakeEs();
    run('<div data-yespo-cart><i data-yespo-cart-item="A" data-yespo-price="10"></i></div>');
    const guid = (es.events()[0][1] as { GUID: string }).GUID;
    es = fakeEs();
    run(order + '<div data-yespo-cart></div>', '/thank-you');
    expect(es.events()).toEqual([
      ['PurchasedItems', { OrderNumber: 'D-7', PurchasedItems: [{ productKey: 'A', price: '10', quantity: '1', currency: 'USD' }], GUID: guid }],
    ]);
    es = fakeEs();
    run(order + '<div data-yespo-cart></div>', '/thank-you');
    expect(es.events()).toEqual([]);
  });

  it('a visit through a recommendation link tags the purchase with blockId', () => {
    fakeEs();
    run('<p></p>', '/p/1?sc_content=19787_r119v224');
    const es = fakeEs();
    run(order, '/thank-you');
    expect(es.events()[0][1]).toMatchObject({ Tags: { blockId: ['19787_r119v224'] } });
  });
});

describe('identity', () => {
  it('config user → CustomerData once, and GeneralInfo on every event', () => {
    let es = fakeEs();
    run('<p></p>', '/', { user: { email: ' Ann@Example.com ', externalCustomerId: 'u1' } });
    expect(es.events()).toEqual([
      ['CustomerData', { CustomerData: { externalCustomerId: 'u1', user_email: 'ann@example.com' }, GeneralInfo: { externalCustomerId: 'u1', user_email: 'ann@example.com' } }],
      ['MainPage', { GeneralInfo: { externalCustomerId: 'u1', user_email: 'ann@example.com' } }],
    ]);
    es = fakeEs();
    run('<p></p>', '/', { user: { email: 'ann@example.com', externalCustomerId: 'u1' } });
    expect(es.names()).toEqual(['MainPage']);
  });

  it('identity persists for the visit and a new person replaces the old one', () => {
    fakeEs();
    const t = run('<p></p>');
    t.identify({ email: 'a@x.io', phone: '+1 555 0100' });
    let es = fakeEs();
    run('<div data-yespo-category="c"></div>');
    expect(es.events()[0][1]).toMatchObject({ GeneralInfo: { user_email: 'a@x.io', user_phone: '+15550100' } });
    es = fakeEs();
    const t2 = run('<p></p>');
    t2.identify({ email: 'b@x.io' });
    expect(es.events()).toEqual([['CustomerData', { CustomerData: { user_email: 'b@x.io' }, GeneralInfo: { user_email: 'b@x.io' } }]]);
  });

  it('customer form submit → CustomerData from marked and typed fields', () => {
    const es = fakeEs();
    run(`<form data-yespo-customer-form>
      <input type="email" value="Zed@Shop.io"><input type="tel" value="+48 600 100 200">
      <input data-yespo-field="name" value="Zed"><input autocomplete="address-level2" value="Gdańsk">
      <input type="password" value="secret"></form>`);
    document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(es.events()[0]).toEqual([
      'CustomerData',
      { CustomerData: { user_email: 'zed@shop.io', user_name: 'Zed', user_phone: '+48600100200', user_city: 'Gdańsk' }, GeneralInfo: { user_email: 'zed@shop.io', user_phone: '+48600100200' } },
    ]);
  });
});

describe('wishlist, API and consent', () => {
  it('wishlist click → AddToWishlist of the nearest product', () => {
    const es = fakeEs();
    run('<div data-yespo-product="P1" data-yespo-price="5" data-yespo-in-stock="0"><button data-yespo-wishlist>♡</button></div>');
    (document.querySelector('button') as HTMLButtonElement).click();
    expect(es.events()[1]).toEqual(['AddToWishlist', { AddToWishlist: { productKey: 'P1', price: '5', isInStock: 0 } }]);
  });

  it('track sends a custom event; bad input is ignored without throwing', () => {
    const es = fakeEs();
    const t = run('<p></p>');
    t.track('MyEvent', { a: 1 });
    t.track('', {});
    t.track('X', 'nope');
    expect(es.events()).toEqual([['MyEvent', { a: 1 }]]);
  });

  it('consent pending holds events and writes no storage until granted; denied drops them', () => {
    delete (window as { eS?: unknown }).eS;
    goTo('/');
    document.body.innerHTML = '<div data-yespo-cart><i data-yespo-cart-item="A" data-yespo-price="1"></i></div>';
    const t = createTracker(cfg({ consent: 'pending', scriptUrl: '/es.js' }), createLog(false));
    live.push(t);
    t.start();
    t.ready(true);
    expect((window as { eS?: unknown }).eS).toBeUndefined();
    expect(localStorage.length + sessionStorage.length).toBe(0);
    t.consent('granted');
    const q = ((window as unknown as { eS: { q: IArguments[] } }).eS.q).map((a) => Array.from(a[0] as unknown as unknown[]));
    expect(q.map((c) => c[1])).toEqual([{ TRACKING: false, RECOMS: true }, 'MainPage', 'StatusCart']);
    expect(localStorage.getItem('yespo:cart')).toContain('guid');
    t.consent('denied');
    t.track('After', {});
    expect((window as unknown as { eS: { q: unknown[] } }).eS.q).toHaveLength(3);
  });
});
