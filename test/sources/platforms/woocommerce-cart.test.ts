// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { woocommerce } from '../../../src/sources/platforms/woocommerce';
import { context, expectValid, fixture, HUGE, options } from './support';

const cart = woocommerce.cart!;

describe('WooCommerce cart (Store API)', () => {
  it('reads every line: prices from minor-unit strings, sale price included, SKU first, the id without one', () => {
    const items = cart.parse(fixture('woocommerce-cart.json'), options());
    expect(items).toEqual([
      { productKey: 'APR-LIN', price: '18.00', quantity: '2', currency: 'EUR' },
      { productKey: 'HOOD-WOOL-L', price: '65.00', quantity: '1', currency: 'EUR' },
      { productKey: '20', price: '3.95', quantity: '4', currency: 'EUR' },
    ]);
    expectValid(items);
  });

  it("['id'] keys lines by the Store API id (a variation's own id)", () => {
    expect(cart.parse(fixture('woocommerce-cart.json'), options(['id']))!.map((i) => i.productKey)).toEqual(['52', '61', '20']);
  });

  it('honours currency_minor_unit (0 for JPY, 3 for KWD)', () => {
    const line = (price: string, unit: number, code: string) => ({ id: 1, sku: 'A', quantity: 1, prices: { price, currency_code: code, currency_minor_unit: unit } });
    expect(cart.parse({ items: [line('1500', 0, 'JPY')] }, options())![0]).toMatchObject({ price: '1500', currency: 'JPY' });
    expect(cart.parse({ items: [line('12345', 3, 'KWD')] }, options())![0]).toMatchObject({ price: '12.345', currency: 'KWD' });
    expect(cart.parse({ items: [line('5', 2, 'USD')] }, options())![0]).toMatchObject({ price: '0.05' });
  });

  it("currency: the line's, else the totals', else the config's, else left out", () => {
    const line = { id: 1, sku: 'A', quantity: 1, prices: { price: '100' } };
    expect(cart.parse({ items: [line], totals: { currency_code: 'SEK' } }, options())![0].currency).toBe('SEK');
    expect(cart.parse({ items: [line] }, options(undefined, 'PLN'))![0].currency).toBe('PLN');
    expect(cart.parse({ items: [line] }, options())![0]).toEqual({ productKey: 'A', price: '1.00', quantity: '1' });
  });

  it('an empty cart is []', () => {
    expect(cart.parse(fixture('woocommerce-cart-empty.json'), options())).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an HTML page (a security plugin, a maintenance page)', '<html><body>Service unavailable</body></html>'],
    ['a REST error', { code: 'rest_no_route', message: 'No route was found', data: { status: 404 } }],
    ['a list', []],
  ])('%s is not a cart → undefined', (_, data) => {
    expect(cart.parse(data, options())).toBeUndefined();
  });

  it('hostile values never throw: __proto__, 1 MB strings, negative, decimal and NaN prices, absurd minor units', () => {
    const data = JSON.parse(
      '{"__proto__":{"polluted":1},"items":[' +
        '{"id":1,"sku":"A","quantity":1,"prices":{"price":"-100","currency_minor_unit":2,"currency_code":"USD"}},' +
        '{"id":2,"sku":"B","quantity":1,"prices":{"price":"12.5","currency_minor_unit":2}},' +
        '{"id":3,"sku":"C","quantity":1,"prices":{"price":"100","currency_minor_unit":1e9}},' +
        '{"id":4,"sku":"' + HUGE + '","quantity":"2","prices":{"price":"' + HUGE + '"}},' +
        '{"id":5,"sku":"E","quantity":"NaN","prices":{"price":"100"}},' +
        '{"id":6,"sku":"F","quantity":3,"prices":"1000"},' +
        'null,false,"x"]}',
    );
    const items = cart.parse(data, options());
    expect(items).toEqual([
      { productKey: 'A', quantity: '1', currency: 'USD' },
      { productKey: 'B', quantity: '1' },
      { productKey: 'C', quantity: '1' },
      { productKey: '4', quantity: '2' },
      { productKey: 'F', quantity: '3' },
    ]);
    expectValid(items);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('url', () => {
    afterEach(() => {
      document.head.innerHTML = '';
    });
    const at = (head: string, page = 'https://woo.example/shop/', win: object = {}) => {
      document.head.innerHTML = head;
      return cart.url!(context(win, page, document));
    };

    it('pretty permalinks: the REST root WordPress links in the head', () => {
      expect(at('<link rel="https://api.w.org/" href="https://woo.example/wp-json/" />')).toBe('/wp-json/wc/store/v1/cart');
    });

    it('a site in a subfolder keeps its path', () => {
      expect(at('<link rel="https://api.w.org/" href="https://woo.example/store/wp-json/">', 'https://woo.example/store/cart/')).toBe('/store/wp-json/wc/store/v1/cart');
    });

    it('plain permalinks: the ?rest_route= form', () => {
      expect(at('<link rel="https://api.w.org/" href="https://woo.example/?rest_route=/" />')).toBe('/?rest_route=/wc/store/v1/cart');
      expect(at('<link rel="https://api.w.org/" href="https://woo.example/index.php?lang=de&rest_route=%2F" />')).toBe('/index.php?lang=de&rest_route=/wc/store/v1/cart');
    });

    it('without the link: wpApiSettings.root, else ?rest_route= at the domain root', () => {
      expect(at('', undefined, { wpApiSettings: { root: 'https://woo.example/wp-json/' } })).toBe('/wp-json/wc/store/v1/cart');
      expect(at('')).toBe('/?rest_route=/wc/store/v1/cart');
    });

    it('never leaves the page origin', () => {
      expect(at('<link rel="https://api.w.org/" href="https://cdn.other.example/wp-json/" />')).toBe('/?rest_route=/wc/store/v1/cart');
      expect(at('<link rel="https://api.w.org/" href="//cdn.other.example/wp-json/" />')).toBe('/?rest_route=/wc/store/v1/cart');
      expect(at('<link rel="https://api.w.org/" href="http://[broken/" />')).toBe('/?rest_route=/wc/store/v1/cart');
    });
  });

  describe('signal', () => {
    it.each([
      'https://woo.example/?wc-ajax=add_to_cart',
      'https://woo.example/?wc-ajax=remove_from_cart',
      'https://woo.example/shop/?wc-ajax=get_refreshed_fragments',
      'https://woo.example/checkout/?wc-ajax=update_order_review',
      'https://woo.example/wp-json/wc/store/v1/cart/add-item',
      'https://woo.example/wp-json/wc/store/v1/cart/remove-item?key=abc',
      'https://woo.example/wp-json/wc/store/v1/cart/update-item',
      'https://woo.example/wp-json/wc/store/v1/cart/items/c74d97b01eae257e44aa9d5bade97baf',
      'https://woo.example/wp-json/wc/store/v1/batch?_locale=user',
      'https://woo.example/wp-json/wc/store/cart/add-item',
      'https://woo.example/?rest_route=/wc/store/v1/cart/add-item',
      'https://woo.example/?rest_route=%2Fwc%2Fstore%2Fv1%2Fcart%2Fupdate-item',
      'https://woo.example/?rest_route=%2Fwc%2Fstore%2Fv1%2Fbatch',
    ])('hears %s', (name) => {
      expect(cart.signal!.test(name)).toBe(true);
    });

    it.each([
      'https://woo.example/wp-json/wc/store/v1/cart',
      'https://woo.example/store/wp-json/wc/store/v1/cart',
      'https://woo.example/?rest_route=/wc/store/v1/cart',
      'https://woo.example/?rest_route=%2Fwc%2Fstore%2Fv1%2Fcart',
      'https://woo.example/wp-json/wc/store/v1/products?per_page=8',
      'https://woo.example/?wc-ajax=add_to_cart_variation_extra',
      'https://woo.example/?wc-ajax=get_variation',
      'https://woo.example/wp-admin/admin-ajax.php?action=heartbeat',
    ])('ignores %s (among them our own read)', (name) => {
      expect(cart.signal!.test(name)).toBe(false);
    });
  });

  it('hears the blocks\' DOM events, not jQuery-only ones', () => {
    expect(cart.events).toEqual(['wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart']);
  });

  describe('customer (billing address of the Store API cart)', () => {
    it('email, phone, first + last name and city when filled', () => {
      expect(woocommerce.customer!(context(), fixture('woocommerce-cart.json'))).toEqual({
        email: 'greta.lindqvist@example.org',
        phone: '+49401234567',
        name: 'Greta Lindqvist',
        city: 'Hamburg',
      });
    });

    it('none for an empty address, a name without email or phone, or no cart', () => {
      expect(woocommerce.customer!(context(), fixture('woocommerce-cart-empty.json'))).toBeUndefined();
      expect(woocommerce.customer!(context(), { billing_address: { first_name: 'Greta', city: 'Hamburg', email: '' } })).toBeUndefined();
      expect(woocommerce.customer!(context(), undefined)).toBeUndefined();
      expect(woocommerce.customer!(context(), '<html>')).toBeUndefined();
      expect(woocommerce.customer!(context(), { billing_address: { email: HUGE, phone: 'n/a' } })).toBeUndefined();
    });

    it('a phone alone is enough', () => {
      expect(woocommerce.customer!(context(), { billing_address: { first_name: '', last_name: 'Lindqvist', phone: '040 123 456' } })).toEqual({
        phone: '040123456',
        name: 'Lindqvist',
      });
    });
  });
});
