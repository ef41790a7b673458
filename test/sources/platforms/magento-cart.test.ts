import { describe, expect, it } from 'vitest';
import { magento } from '../../../src/sources/platforms/magento';
import { context, expectValid, fixture, HUGE, options } from './support';

const cart = magento.cart!;

/** A window whose localStorage holds `raw` under mage-cache-storage, as customer-data.js writes it. */
const withStorage = (raw: string | null) => ({ localStorage: { getItem: (k: string) => (k === 'mage-cache-storage' ? raw : null) } });

describe('Magento 2 cart (mage-cache-storage)', () => {
  it('reads the cart section: SKU first (the chosen child of a configurable), incl. tax when both prices show, decimal quantities', () => {
    const items = cart.parse(fixture('magento-cache-storage.json'), options(undefined, 'USD'));
    expect(items).toEqual([
      { productKey: 'TRJ-M-GREEN', price: '57.5', quantity: '1', currency: 'USD' },
      { productKey: '24-SB07', price: '45.98', quantity: '2', currency: 'USD' },
      { productKey: '205', price: '12.0000', quantity: '1.5', currency: 'USD' },
    ]);
    expectValid(items);
  });

  it("the section carries no currency: without the config's currency it is left out", () => {
    expect(cart.parse(fixture('magento-cache-storage.json'), options())![0]).toEqual({ productKey: 'TRJ-M-GREEN', price: '57.5', quantity: '1' });
  });

  it("['id'] keys lines by product_id (a configurable's parent, as on its product page)", () => {
    expect(cart.parse(fixture('magento-cache-storage.json'), options(['id']))!.map((i) => i.productKey)).toEqual(['1812', '94', '205']);
  });

  it('an emptied cart is []; storage without a cart section is unknown', () => {
    expect(cart.parse({ cart: { summary_count: 0, items: [], data_id: 1 } }, options())).toEqual([]);
    expect(cart.parse({ customer: {}, 'directory-data': {} }, options())).toBeUndefined();
    expect(cart.parse({ cart: { data_id: 1 } }, options())).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['HTML', '<html></html>'],
    ['a list', [{ cart: { items: [] } }]],
    ['a cart that is a string', { cart: '{"items":[]}' }],
  ])('%s is not a cart → undefined', (_, data) => {
    expect(cart.parse(data, options())).toBeUndefined();
  });

  it('hostile values never throw: __proto__, 1 MB strings, negative and NaN prices, odd price objects', () => {
    const data = JSON.parse(
      '{"__proto__":{"polluted":1},"cart":{"items":[' +
        '{"product_sku":"A","product_id":"1","qty":1,"product_price_value":-5},' +
        '{"product_sku":"B","product_id":"2","qty":1,"product_price_value":{"__proto__":{"incl_tax":3},"excl_tax":9}},' +
        '{"product_sku":"' + HUGE + '","product_id":"3","qty":2,"product_price_value":"NaN"},' +
        '{"product_sku":"D","qty":0,"product_price_value":1},' +
        '{"product_sku":"E","qty":1,"product_price_value":null},' +
        'null,"s",[1]]}}',
    );
    const items = cart.parse(data, options());
    expect(items).toEqual([
      { productKey: 'A', quantity: '1' },
      { productKey: 'B', quantity: '1' },
      { productKey: '3', quantity: '2' },
      { productKey: 'E', quantity: '1' },
    ]);
    expectValid(items);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('inPage', () => {
    it('reads and parses mage-cache-storage', () => {
      const raw = JSON.stringify(fixture('magento-cache-storage.json'));
      expect(cart.parse(cart.inPage!(context(withStorage(raw))), options())).toHaveLength(3);
    });

    it('drops __proto__ keys while reading storage', () => {
      const data = cart.inPage!(context(withStorage('{"__proto__":{"x":1},"cart":{"items":[]}}'))) as object;
      expect(Object.keys(data)).toEqual(['cart']);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    });

    it('nothing stored, broken JSON, or storage that throws (privacy mode, sandboxed frame) → unknown, no exception', () => {
      expect(cart.inPage!(context(withStorage(null)))).toBeUndefined();
      expect(cart.parse(cart.inPage!(context(withStorage('{"cart":'))), options())).toBeUndefined();
      const blocked = {
        get localStorage(): Storage {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      };
      expect(cart.inPage!(context(blocked))).toBeUndefined();
      expect(magento.customer!(context(blocked))).toBeUndefined();
    });
  });

  describe('signal', () => {
    it.each([
      'https://luma.example/customer/section/load/?sections=cart%2Cmessages&force_new_section_timestamp=true&_=1717171717171',
      'https://luma.example/default/customer/section/load/?sections=cart',
    ])('hears %s', (name) => {
      expect(cart.signal!.test(name)).toBe(true);
    });

    it.each(['https://luma.example/checkout/cart/add/uenc/aHR0cHM6/product/1812/', 'https://luma.example/customer/section/loader.js', 'https://luma.example/static/frontend/Magento/luma/en_US/Magento_Customer/js/customer-data.js'])(
      'ignores %s',
      (name) => {
        expect(cart.signal!.test(name)).toBe(false);
      },
    );
  });

  describe('customer', () => {
    it('the customer section gives a name only (fullname, else firstname)', () => {
      const raw = JSON.stringify(fixture('magento-cache-storage.json'));
      expect(magento.customer!(context(withStorage(raw)))).toEqual({ name: 'Ines Moreau' });
      expect(magento.customer!(context(withStorage('{"customer":{"firstname":"Ines"}}')))).toEqual({ name: 'Ines' });
    });

    it('none for a guest (an empty section) or junk', () => {
      expect(magento.customer!(context(withStorage('{"customer":{"data_id":1}}')))).toBeUndefined();
      expect(magento.customer!(context(withStorage('{"customer":[]}')))).toBeUndefined();
      expect(magento.customer!(context(withStorage('{"customer":{"fullname":"' + HUGE + '"}}')))).toBeUndefined();
    });
  });
});
