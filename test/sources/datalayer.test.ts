// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { applyDelta, googleConsent, readDataLayerEntry, watchDataLayer, type DlSignal } from '../../src/sources/datalayer';
import { cartItemSchema, orderItemSchema, productSchema } from '../../src/schema/events';
import { collector } from '../support/dom';

const fixture = (name: string): unknown[] => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'datalayer', name), 'utf8'));
const readAll = (entries: unknown[], currency?: string) => entries.map((e) => readDataLayerEntry(e, { currency }));
const W = window as unknown as Record<string, unknown>;

describe('readDataLayerEntry: GA4', () => {
  it('view_item (Google example) → product; ecommerce: null → clear', () => {
    expect(readAll(fixture('ga4-view-item.json'))).toEqual([
      { kind: 'clear' },
      { kind: 'product', product: { productKey: 'SKU_12345', price: '10.01' } },
    ]);
  });

  it('add_to_cart / remove_from_cart → cart deltas with currency from ecommerce', () => {
    expect(readAll(fixture('ga4-add-to-cart.json'))).toEqual([
      { kind: 'clear' },
      { kind: 'add', items: [{ productKey: 'SKU_12345', price: '10.01', quantity: '3', currency: 'USD' }] },
      { kind: 'clear' },
      { kind: 'remove', items: [{ productKey: 'SKU_12345', price: '10.01', quantity: '1', currency: 'USD' }] },
    ]);
  });

  it('purchase (Google example) → order with transaction_id as the number', () => {
    expect(readAll(fixture('ga4-purchase.json'))[1]).toEqual({
      kind: 'purchase',
      order: {
        number: 'T_12345',
        items: [
          { productKey: 'SKU_12345', price: '10.01', quantity: '3', currency: 'USD' },
          { productKey: 'SKU_12346', price: '21.01', quantity: '2', currency: 'USD' },
        ],
      },
    });
  });

  it('list, cart, checkout, search, wishlist, login; unrelated events say nothing', () => {
    expect(readAll(fixture('ga4-journey.json'), 'PLN')).toEqual([
      { kind: 'list', category: 'summer_tees' },
      {
        kind: 'cart',
        page: 'cart',
        items: [
          { productKey: 'SKU_12345', price: '10.01', quantity: '3', currency: 'EUR' },
          { productKey: 'SKU_12346', price: '21.01', quantity: '1', currency: 'EUR' },
        ],
      },
      {
        kind: 'cart',
        page: 'checkout',
        items: [
          { productKey: 'SKU_12345', price: '10.01', quantity: '3', currency: 'EUR' },
          { productKey: 'SKU_12346', price: '21.01', quantity: '1', currency: 'EUR' },
        ],
      },
      { kind: 'search', query: 't-shirts' },
      { kind: 'search', query: 'hoodie', found: 0 },
      { kind: 'wishlist', product: { productKey: 'SKU_12346', price: '21.01' } },
      { kind: 'customer', identity: { externalCustomerId: 'u-4821', email: 'ann.lee@example.com', phone: '+16505551212' } },
      undefined,
      undefined,
    ]);
  });

  it('falls back to the configured currency when the entry gives none', () => {
    const s = readDataLayerEntry({ event: 'view_cart', ecommerce: { items: [{ item_id: 'A', price: 5, quantity: 1 }] } }, { currency: 'UAH' });
    expect(s).toEqual({ kind: 'cart', page: 'cart', items: [{ productKey: 'A', price: '5', quantity: '1', currency: 'UAH' }] });
  });

  it('item-level currency wins over the ecommerce currency', () => {
    const s = readDataLayerEntry({ event: 'add_to_cart', ecommerce: { currency: 'USD', items: [{ item_id: 'A', currency: 'EUR' }] } });
    expect(s).toEqual({ kind: 'add', items: [{ productKey: 'A', quantity: '1', currency: 'EUR' }] });
  });

  it('view_item_list takes the list from the first item when the event has none', () => {
    expect(readDataLayerEntry({ event: 'view_item_list', ecommerce: { items: [{ item_id: 'A', item_list_name: 'Shoes' }] } })).toEqual({
      kind: 'list',
      category: 'Shoes',
    });
  });

  it('a purchase without transaction_id is reported and skipped', () => {
    const { problems, problem } = collector();
    expect(readDataLayerEntry({ event: 'purchase', ecommerce: { items: [{ item_id: 'A' }] } }, { problem })).toBeUndefined();
    expect(problems).toEqual(['dataLayer: purchase without an order id']);
  });
});

describe('readDataLayerEntry: gtag arguments', () => {
  function gtag(..._a: unknown[]) {
    // gtag.js's snippet pushes the arguments object itself
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  }

  it('reads the real arguments object and the array form', () => {
    const items = [{ id: 'P12345', name: 'Android Warhol T-Shirt', price: '2.0', quantity: 2 }];
    expect(readDataLayerEntry(gtag('event', 'add_to_cart', { currency: 'USD', items }))).toEqual({
      kind: 'add',
      items: [{ productKey: 'P12345', price: '2.0', quantity: '2', currency: 'USD' }],
    });
    expect(readDataLayerEntry(['event', 'purchase', { transaction_id: 'T-9', currency: 'EUR', items }])).toEqual({
      kind: 'purchase',
      order: { number: 'T-9', items: [{ productKey: 'P12345', price: '2.0', quantity: '2', currency: 'EUR' }] },
    });
    expect(readDataLayerEntry(gtag('event', 'search', { search_term: 'tee' }))).toEqual({ kind: 'search', query: 'tee' });
    expect(readDataLayerEntry(gtag('set', 'user_data', { email: 'a@b.co' }))).toEqual({ kind: 'customer', identity: { email: 'a@b.co' } });
  });

  it('ignores config and js commands; a consent command is a nudge to read the consent state again', () => {
    expect(readDataLayerEntry(gtag('js', new Date()))).toBeUndefined();
    expect(readDataLayerEntry(gtag('config', 'G-XXXXXXX', { send_page_view: false }))).toBeUndefined();
    expect(readDataLayerEntry(gtag('consent', 'default', { ad_storage: 'denied' }))).toEqual({ kind: 'consent' });
  });
});

describe('googleConsent: Google Consent Mode analytics_storage', () => {
  function gtag(..._a: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  }
  const dflt = (v: string, extra = {}) => gtag('consent', 'default', { ad_storage: v, analytics_storage: v, ...extra });
  const upd = (v: string) => gtag('consent', 'update', { analytics_storage: v });

  it.each([
    ['nothing said', [{ event: 'gtm.js' }], undefined],
    ['default denied (CookieYes, Cookiebot, OneTrust all push this before GTM)', [dflt('denied', { wait_for_update: 500 }), { event: 'gtm.js' }], 'denied'],
    ['default denied, then the visitor accepts', [dflt('denied'), { event: 'gtm.js' }, upd('granted')], 'granted'],
    ['accepted, then withdrawn', [dflt('denied'), upd('granted'), upd('denied')], 'denied'],
    ['an update before a later default: the update stands', [upd('granted'), dflt('denied')], 'granted'],
    ['a default for some regions counts everywhere', [dflt('granted'), dflt('denied', { region: ['DE', 'FR'] })], 'denied'],
    ['ad_storage alone says nothing about analytics', [gtag('consent', 'update', { ad_storage: 'granted' })], undefined],
    ['the array form and odd values', [['consent', 'default', { analytics_storage: 'denied' }], ['consent', 'update', { analytics_storage: 'maybe' }]], 'denied'],
    ['an object push is not a gtag command', [{ 0: 'consent', 1: 'update', 2: { analytics_storage: 'granted' } }], undefined],
  ])('%s', (_n, layer, want) => {
    expect(googleConsent(layer)).toBe(want);
  });

  it('not an array, hostile entries: undefined or the state of the rest, never a throw', () => {
    expect(googleConsent(undefined)).toBeUndefined();
    expect(googleConsent({ length: 3 })).toBeUndefined();
    const hostile = new Proxy([], { get: () => { throw new Error('no'); } });
    expect(googleConsent([hostile, dflt('denied')])).toBe('denied');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.tuple(fc.constant('consent'), fc.constantFrom('default', 'update', 'x'), fc.anything()))), (layer) => {
        const s = googleConsent(layer);
        expect([undefined, 'granted', 'denied']).toContain(s);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('readDataLayerEntry: Universal Analytics enhanced ecommerce', () => {
  it('impressions, detail, add, remove, checkout, purchase, with and without an event key', () => {
    const { problems, problem } = collector();
    expect(fixture('ua-enhanced-ecommerce.json').map((e) => readDataLayerEntry(e, { problem }))).toEqual([
      { kind: 'list', category: 'Search Results' },
      { kind: 'product', product: { productKey: '12345', price: '15.25' } },
      { kind: 'add', items: [{ productKey: '12345', price: '15.25', quantity: '2', currency: 'EUR' }] },
      { kind: 'remove', items: [{ productKey: '12345', price: '15.25', quantity: '1' }] },
      { kind: 'cart', page: 'checkout', items: [{ productKey: '12345', price: '15.25', quantity: '1' }] },
      {
        kind: 'purchase',
        order: {
          number: 'T12345',
          items: [
            { productKey: '12345', price: '15.25', quantity: '1', currency: 'EUR' },
            { productKey: '67890', price: '33.75', quantity: '1', currency: 'EUR' },
          ],
        },
      },
      undefined,
    ]);
    expect(problems).toEqual(['dataLayer: purchase without an order id']);
  });
});

describe('readDataLayerEntry: platform dataLayers', () => {
  it('GTM4WP (WooCommerce): sku over item_id, numeric ids as strings, EU prices', () => {
    expect(readAll(fixture('gtm4wp-woocommerce.json'))).toEqual([
      undefined,
      { kind: 'product', product: { productKey: 'woo-hoodie-with-logo', price: '45' } },
      { kind: 'add', items: [{ productKey: 'woo-hoodie-with-logo', price: '45', quantity: '2', currency: 'EUR' }] },
      {
        kind: 'purchase',
        order: {
          number: '1057',
          items: [
            { productKey: 'woo-hoodie-with-logo', price: '45', quantity: '2', currency: 'EUR' },
            { productKey: '37', price: '18.00', quantity: '1', currency: 'EUR' },
          ],
        },
      },
    ]);
  });

  it('Shopify theme GA4 and Elevar-style dl_ events', () => {
    expect(readAll(fixture('shopify-theme.json'))).toEqual([
      { kind: 'product', product: { productKey: 'OBS-M', price: '25.00' } },
      { kind: 'add', items: [{ productKey: 'OBS-M', price: '25.00', quantity: '2', currency: 'USD' }] },
      { kind: 'customer', identity: { externalCustomerId: '6543210987654', email: 'buyer@example.com' } },
    ]);
  });
});

describe('applyDelta', () => {
  const cart = [
    { productKey: 'A', price: '10', quantity: '1', currency: 'USD' },
    { productKey: 'B', price: '5', quantity: '2' },
  ];

  it('adds to a matching line, appends new lines, and leaves its input alone', () => {
    const before = JSON.stringify(cart);
    const next = applyDelta(cart, { kind: 'add', items: [{ productKey: 'A', quantity: '2' }, { productKey: 'C', price: '1.5', quantity: '1' }] });
    expect(next).toEqual([
      { productKey: 'A', price: '10', quantity: '3', currency: 'USD' },
      { productKey: 'B', price: '5', quantity: '2' },
      { productKey: 'C', price: '1.5', quantity: '1' },
    ]);
    expect(JSON.stringify(cart)).toBe(before);
  });

  it('decrements, drops emptied lines and ignores unknown ones', () => {
    expect(applyDelta(cart, { kind: 'remove', items: [{ productKey: 'B', quantity: '1' }, { productKey: 'A', quantity: '5' }, { productKey: 'Z', quantity: '1' }] })).toEqual([
      { productKey: 'B', price: '5', quantity: '1' },
    ]);
  });

  it('sums fractional quantities without float noise', () => {
    expect(applyDelta([{ productKey: 'W', quantity: '0.1' }], { kind: 'add', items: [{ productKey: 'W', quantity: '0.2' }] })[0].quantity).toBe('0.3');
  });
});

describe('watchDataLayer', () => {
  const names: string[] = [];
  const fresh = (init?: unknown) => {
    const name = 'dl' + names.length;
    names.push(name);
    if (init !== undefined) W[name] = init;
    return name;
  };
  afterEach(() => {
    for (const n of names.splice(0)) delete W[n];
  });
  const view = (id: string) => ({ event: 'view_item', ecommerce: { items: [{ item_id: id }] } });
  const keys = (signals: DlSignal[]) => signals.map((s) => (s.kind === 'product' ? s.product.productKey : s.kind));

  it('replays entries already there, then follows pushes', () => {
    const name = fresh([view('OLD')]);
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    (W[name] as unknown[]).push(view('NEW'), { ecommerce: null });
    expect(keys(got)).toEqual(['OLD', 'NEW', 'clear']);
    expect((W[name] as unknown[]).length).toBe(3);
  });

  it('creates the array when the page has none yet, as gtag does', () => {
    const name = fresh();
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    expect(Array.isArray(W[name])).toBe(true);
    (W[name] as unknown[]).push(view('A'));
    expect(keys(got)).toEqual(['A']);
  });

  it('keeps a GTM-like wrapper installed before us working', () => {
    const name = fresh([]);
    const dl = W[name] as unknown[] & { push: (...a: unknown[]) => number };
    const gtm: unknown[] = [];
    const orig = dl.push;
    dl.push = function (...a: unknown[]) {
      const r = orig.apply(dl, a);
      gtm.push(...a);
      return r;
    };
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    expect(dl.push(view('A'))).toBe(1);
    expect(keys(got)).toEqual(['A']);
    expect(gtm).toHaveLength(1);
    expect(dl).toHaveLength(1);
  });

  it('sees the entry when an older wrapper throws, and never throws itself', () => {
    const { problems, problem } = collector();
    const name = fresh([]);
    const dl = W[name] as { push: unknown };
    dl.push = () => {
      throw new Error('broken tag');
    };
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s), { problem });
    expect(() => (W[name] as unknown[]).push(view('A'))).not.toThrow();
    expect(keys(got)).toEqual(['A']);
    expect(problems).toEqual(["dataLayer: another tag's push threw"]);
  });

  it('follows a wrapper GTM installs after us: one entry, each listener once', () => {
    const name = fresh([]);
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    const dl = W[name] as unknown[] & { push: (...a: unknown[]) => number };
    const seen = { gtm: 0, other: 0 };
    // what gtm.js does when it loads: wrap whatever push it finds
    const before = dl.push;
    dl.push = function (...a: unknown[]) {
      const r = before.apply(dl, a);
      seen.gtm++;
      return r;
    };
    const before2 = dl.push;
    dl.push = function (...a: unknown[]) {
      seen.other++;
      return before2.apply(dl, a);
    };
    dl.push(view('A'));
    expect(keys(got)).toEqual(['A']);
    expect(seen).toEqual({ gtm: 1, other: 1 });
    expect(dl).toHaveLength(1);
  });

  it('still sees entries when another tag replaces push outright, or its later wrapper throws', () => {
    const name = fresh([]);
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    const dl = W[name] as unknown[] & { push: (...a: unknown[]) => number };
    const mine: unknown[] = [];
    dl.push = (...a: unknown[]) => mine.push(...a);
    dl.push(view('A'));
    expect(keys(got)).toEqual(['A']);
    expect(mine).toHaveLength(1);
    dl.push = () => {
      throw new Error('late tag');
    };
    expect(() => dl.push(view('B'))).not.toThrow();
    expect(keys(got)).toEqual(['A', 'B']);
  });

  it('reads what gtag() pushes (its arguments object)', () => {
    const name = fresh();
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s));
    function gtag(..._a: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      (W[name] as unknown[]).push(arguments);
    }
    gtag('js', new Date());
    gtag('config', 'G-XXXXXXX');
    gtag('event', 'purchase', { transaction_id: 'T-1', currency: 'USD', items: [{ item_id: 'A', price: 3, quantity: 1 }] });
    expect(got).toEqual([{ kind: 'purchase', order: { number: 'T-1', items: [{ productKey: 'A', price: '3', quantity: '1', currency: 'USD' }] } }]);
  });

  it('a throwing listener does not stop later entries', () => {
    const name = fresh([view('A'), view('B')]);
    const got: string[] = [];
    watchDataLayer(name, (s) => {
      if (s.kind === 'product' && s.product.productKey === 'A') throw new Error('listener');
      got.push(s.kind);
    });
    expect(got).toEqual(['product']);
  });

  it('unsubscribe stops reading and leaves the newest push in place', () => {
    const name = fresh([]);
    const got: DlSignal[] = [];
    const stop = watchDataLayer(name, (s) => got.push(s));
    const dl = W[name] as unknown[] & { push: (...a: unknown[]) => number };
    const before = dl.push;
    const gtm = vi.fn(function (...a: unknown[]) {
      return before.apply(dl, a);
    });
    dl.push = gtm;
    stop();
    expect(Object.getOwnPropertyDescriptor(dl, 'push')).toMatchObject({ value: gtm });
    dl.push(view('A'));
    expect(got).toEqual([]);
    expect(gtm).toHaveBeenCalledTimes(1);
    expect(dl).toHaveLength(1);
  });

  it('unsubscribe without other tags leaves the plain Array push', () => {
    const name = fresh([]);
    watchDataLayer(name, () => {})();
    expect(Object.getOwnPropertyDescriptor(W[name], 'push')).toBeUndefined();
  });

  it('reports a dataLayer that is not an array and does nothing', () => {
    const { problems, problem } = collector();
    const name = fresh({ push: 1 });
    expect(() => watchDataLayer(name, () => {}, { problem })()).not.toThrow();
    expect(problems).toEqual([`dataLayer: window.${name} is not an array`]);
  });

  it('replays at most the last 500 entries', () => {
    const { problems, problem } = collector();
    const name = fresh(Array.from({ length: 600 }, (_, i) => view('P' + i)));
    const got: DlSignal[] = [];
    watchDataLayer(name, (s) => got.push(s), { problem });
    expect(got).toHaveLength(500);
    expect(keys(got)[0]).toBe('P100');
    expect(problems).toEqual(['dataLayer: 600 entries, last 500 read']);
  });
});

describe('never throws, never pollutes, always schema-valid (property)', () => {
  const HUGE = 'x'.repeat(1_000_000);
  const keyArb = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'length', 'callee'),
    fc.constantFrom('event', 'ecommerce', 'items', 'products', 'actionField', 'id', 'sku', 'item_id', 'price', 'quantity', 'currency'),
    fc.constantFrom('currencyCode', 'transaction_id', 'search_term', 'user_data', 'user_properties', 'email', 'user_id', 'item_list_id'),
    fc.constantFrom('purchase', 'checkout', 'add', 'remove', 'detail', 'impressions', 'list', 'phone_number', 'customer_email'),
  );
  const leaf = fc.oneof(
    fc.anything({ maxDepth: 1 }),
    fc.constantFrom(HUGE, '', ' ', '-1', '1e400', 'NaN', '__proto__', '1.249,00 €', 'a@b.co', null, undefined, 0, -3, 1e300, NaN, Infinity),
    fc.double(),
    fc.integer(),
  );
  const eventName = fc.oneof(
    fc.constantFrom('view_item', 'view_item_list', 'view_cart', 'begin_checkout', 'add_to_cart', 'remove_from_cart', 'purchase'),
    fc.constantFrom('search', 'view_search_results', 'add_to_wishlist', 'login', 'sign_up', 'dl_user_data', 'dl_add_to_cart', '__proto__', 'constructor'),
    fc.string({ maxLength: 6 }),
  );
  const item = fc.dictionary(keyArb, leaf, { maxKeys: 6 });
  const ecommerce = fc.oneof(
    fc.constant(null),
    leaf,
    fc.record({ items: fc.oneof(fc.array(item, { maxLength: 5 }), leaf), currency: leaf, transaction_id: leaf, item_list_id: leaf }, { requiredKeys: [] }),
    fc.dictionary(
      fc.constantFrom('detail', 'add', 'remove', 'checkout', 'purchase', 'impressions', 'currencyCode'),
      fc.oneof(fc.record({ products: fc.array(item, { maxLength: 4 }), actionField: fc.dictionary(keyArb, leaf, { maxKeys: 3 }) }, { requiredKeys: [] }), leaf),
      { maxKeys: 3 },
    ),
  );
  const structured = fc.record(
    { event: fc.oneof(eventName, leaf), ecommerce, user_data: fc.oneof(item, leaf), search_term: leaf },
    { requiredKeys: [] },
  );
  const gtagArgs = fc.tuple(fc.constantFrom('event', 'set', 'config'), fc.oneof(eventName, fc.constant('user_data')), fc.oneof(item, leaf, ecommerce));
  const entry = fc.oneof(
    structured,
    gtagArgs,
    fc.anything({ maxDepth: 3, key: keyArb, withNullPrototype: true, withObjectString: true }),
    // JSON.parse makes "__proto__" an own key, as a page's server-rendered JSON would
    structured.map((s) => {
      try {
        return JSON.parse(JSON.stringify(s).replace('"event"', '"__proto__":{"polluted":1},"event"'));
      } catch {
        return s;
      }
    }),
  );

  const kinds = new Set<string>();
  const check = (s: DlSignal | undefined, cart: ReturnType<typeof applyDelta>) => {
    if (!s) return cart;
    kinds.add(s.kind);
    switch (s.kind) {
      case 'product':
      case 'wishlist':
        productSchema.parse(s.product);
        break;
      case 'cart':
        s.items.forEach((i) => cartItemSchema.parse(i));
        return s.items;
      case 'add':
      case 'remove': {
        s.items.forEach((i) => cartItemSchema.parse(i));
        const next = applyDelta(cart, s);
        next.forEach((i) => cartItemSchema.parse(i));
        return next;
      }
      case 'purchase':
        expect(s.order.number.length).toBeGreaterThan(0);
        expect(s.order.number.length).toBeLessThanOrEqual(256);
        s.order.items.forEach((i) => orderItemSchema.parse(i));
        break;
      case 'search':
        expect(s.query.length).toBeGreaterThan(0);
        expect(s.query.length).toBeLessThanOrEqual(256);
        break;
      case 'list':
        if (s.category !== undefined) expect(typeof s.category).toBe('string');
        break;
      case 'customer':
        for (const v of Object.values(s.identity)) expect(typeof v).toBe('string');
        break;
    }
    return cart;
  };

  it('readDataLayerEntry and applyDelta on random entries', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        let cart: ReturnType<typeof applyDelta> = [];
        for (const e of entries) cart = check(readDataLayerEntry(e, { currency: 'EUR', problem: () => {} }), cart);
      }),
      { seed: 20240611, numRuns: 1000 },
    );
    // the generators reach every kind of signal, so the schema checks above are not vacuous
    expect([...kinds].sort()).toEqual(['add', 'cart', 'clear', 'customer', 'list', 'product', 'purchase', 'remove', 'search', 'wishlist']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('watchDataLayer on random pushes, with a GTM-like wrapper in the chain', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    let run = 0;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), fc.array(fc.array(entry, { maxLength: 3 }), { maxLength: 4 }), (before, pushes) => {
        const name = 'dlProp' + run++;
        W[name] = before.slice();
        let cart: ReturnType<typeof applyDelta> = [];
        const stop = watchDataLayer(name, (s) => (cart = check(s, cart)), { problem: () => {} });
        const dl = W[name] as unknown[] & { push: (...a: unknown[]) => number };
        const gtm = dl.push;
        dl.push = function (...a: unknown[]) {
          return gtm.apply(dl, a);
        };
        for (const p of pushes) expect(() => dl.push(...p)).not.toThrow();
        expect(dl.length).toBe(before.length + pushes.reduce((n, p) => n + p.length, 0));
        stop();
        delete W[name];
      }),
      { seed: 20240612, numRuns: 1000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
