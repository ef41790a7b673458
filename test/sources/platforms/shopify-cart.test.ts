import { describe, expect, it } from 'vitest';
import { shopify } from '../../../src/sources/platforms/shopify';
import { context, expectValid, fixture, HUGE, options } from './support';

const cart = shopify.cart!;

describe('Shopify cart (/cart.js)', () => {
  it('reads every line: unit price after line discounts from cents, SKU first, the product id without one', () => {
    const items = cart.parse(fixture('shopify-cart.json'), options());
    expect(items).toEqual([
      { productKey: 'OBS-M', price: '45.00', quantity: '2', currency: 'CAD' },
      { productKey: 'OBS-L', price: '50.00', quantity: '1', currency: 'CAD' },
      { productKey: '7012345670000', price: '12.50', quantity: '3', currency: 'CAD' },
    ]);
    expectValid(items);
  });

  it("['id'] keys every line by its product id, as ProductPage does (two variants share one key)", () => {
    expect(cart.parse(fixture('shopify-cart.json'), options(['id']))!.map((i) => i.productKey)).toEqual(['7012345678901', '7012345678901', '7012345670000']);
  });

  it("['url'] names no cart line (the page URL is not the line's), so the next key in the list is used", () => {
    expect(cart.parse(fixture('shopify-cart.json'), options(['url']))).toEqual([]);
    expect(cart.parse(fixture('shopify-cart.json'), options(['url', 'id']))!.map((i) => i.productKey)[0]).toBe('7012345678901');
  });

  it('falls back to the variant id when a line has no product id', () => {
    const items = cart.parse({ currency: 'USD', items: [{ variant_id: 41234567890124, quantity: 1, final_price: 999 }] }, options());
    expect(items).toEqual([{ productKey: '41234567890124', price: '9.99', quantity: '1', currency: 'USD' }]);
  });

  it('an empty cart is [], not unknown', () => {
    expect(cart.parse(fixture('shopify-cart-empty.json'), options())).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an HTML page (password page, theme error)', '<!doctype html><html><body>Enter store using password</body></html>'],
    ['an array', [{ items: [] }]],
    ['an object without items', { token: 'abc', item_count: 0 }],
    ['items that are not a list', { items: { 0: { sku: 'A', quantity: 1 } } }],
  ])('%s is not a cart → undefined', (_, data) => {
    expect(cart.parse(data, options())).toBeUndefined();
  });

  it('currency: the cart\'s own code, upper-cased; the config\'s when the cart has none or a bad one; else left out', () => {
    const line = { sku: 'A', quantity: 1, final_price: 100 };
    expect(cart.parse({ currency: 'eur', items: [line] }, options())![0].currency).toBe('EUR');
    expect(cart.parse({ items: [line] }, options(undefined, 'UAH'))![0].currency).toBe('UAH');
    expect(cart.parse({ currency: '<b>', items: [line] }, options(undefined, 'UAH'))![0].currency).toBe('UAH');
    expect(cart.parse({ items: [line] }, options())![0]).toEqual({ productKey: 'A', price: '1.00', quantity: '1' });
  });

  it('hostile values never throw: __proto__ keys, 1 MB strings, negative and NaN prices, junk lines', () => {
    const data = JSON.parse(
      '{"__proto__":{"polluted":1},"currency":"USD","items":[' +
        '{"__proto__":{"sku":"P"},"sku":"S1","quantity":1,"final_price":-500,"discounted_price":-1,"price":"NaN"},' +
        '{"sku":"' + HUGE + '","product_id":42,"quantity":2,"final_price":1e300},' +
        '{"sku":"S3","quantity":0,"final_price":100},' +
        '{"sku":"S4","quantity":-3,"final_price":100},' +
        '{"sku":"S5","quantity":1,"final_price":-1,"price":5000},' +
        'null,"text",7,[],{"quantity":1}]}',
    );
    const items = cart.parse(data, options());
    expect(items).toEqual([
      { productKey: 'S1', quantity: '1', currency: 'USD' },
      { productKey: '42', quantity: '2', currency: 'USD' },
      // A broken discounted price is not replaced by the price before the discount.
      { productKey: 'S5', quantity: '1', currency: 'USD' },
    ]);
    expectValid(items);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads at most 200 lines', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ sku: 'S' + i, quantity: 1, final_price: 100 }));
    expect(cart.parse({ currency: 'USD', items }, options())).toHaveLength(200);
  });

  describe('url', () => {
    it('is /cart.js at the root', () => {
      expect(cart.url!(context({ Shopify: { shop: 's.myshopify.com' } }))).toBe('/cart.js');
      expect(cart.url!(context({}))).toBe('/cart.js');
    });

    it("follows a Shopify Markets locale root, so the cart answers in that market's currency", () => {
      expect(cart.url!(context({ Shopify: { routes: { root: '/en-gb/' } } }, 'https://s.example/en-gb/products/tee'))).toBe('/en-gb/cart.js');
      expect(cart.url!(context({ Shopify: { routes: { root: '/fr-ca' } } }))).toBe('/fr-ca/cart.js');
    });

    it.each([['//evil.example/'], ['https://evil.example/'], ['/en gb/'], [HUGE], [42], [null], [{ toString: () => '/x/' }]])('ignores a root that is not a plain same-origin path: %s', (root) => {
      expect(cart.url!(context({ Shopify: { routes: { root } } }))).toBe('/cart.js');
    });
  });

  describe('signal', () => {
    it.each([
      'https://s.example/cart/add.js',
      'https://s.example/cart/add',
      'https://s.example/cart/change.js',
      'https://s.example/cart/change',
      'https://s.example/cart/update.js',
      'https://s.example/cart/update.json',
      'https://s.example/cart/clear.js',
      'https://s.example/cart/clear',
      'https://s.example/en-gb/cart/add.js',
      'https://s.example/fr-ca/cart/change?line=1&quantity=0',
    ])('hears %s', (name) => {
      expect(cart.signal!.test(name)).toBe(true);
    });

    it.each([
      'https://s.example/cart.js',
      'https://s.example/en-gb/cart.js',
      'https://s.example/cart.json',
      'https://s.example/cart',
      'https://s.example/cart/shipping_rates.json',
      'https://s.example/products/cart-add-ons',
      'https://s.example/cart/add-ons.js',
      'https://s.example/recommendations/products.json?section_id=cart',
    ])('ignores %s (among them our own read)', (name) => {
      expect(cart.signal!.test(name)).toBe(false);
    });
  });

  describe('customer', () => {
    it('ShopifyAnalytics.meta.page.customerId → externalCustomerId', () => {
      expect(shopify.customer!(context({ ShopifyAnalytics: { meta: { page: { pageType: 'home', customerId: 6204512345 } } } }))).toEqual({
        externalCustomerId: '6204512345',
      });
    });

    it.each([[{}], [{ ShopifyAnalytics: { meta: { page: {} } } }], [{ ShopifyAnalytics: { meta: { page: { customerId: null } } } }], [{ ShopifyAnalytics: { meta: { page: { customerId: HUGE } } } }]])(
      'none for a guest or junk: %#',
      (win) => {
        expect(shopify.customer!(context(win))).toBeUndefined();
      },
    );
  });
});
