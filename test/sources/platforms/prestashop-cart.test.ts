import { describe, expect, it } from 'vitest';
import { prestashop } from '../../../src/sources/platforms/prestashop';
import { context, expectValid, fixture, HUGE, options } from './support';

const cart = prestashop.cart!;

describe('PrestaShop 1.7/8 cart (prestashop.cart + updateCart)', () => {
  it('inPage hands the cart and the currency of the front object to parse', () => {
    const front = fixture('prestashop-front.json');
    const items = cart.parse(cart.inPage!(context({ prestashop: front })), options());
    expect(items).toEqual([
      { productKey: 'demo_1_M_white', price: '19.12', quantity: '2', currency: 'EUR' },
      { productKey: '19', price: '13.9', quantity: '1', currency: 'EUR' },
    ]);
    expectValid(items);
  });

  it("['id'] keys lines by id_product, two combinations of one product alike", () => {
    const front = fixture('prestashop-front.json');
    expect(cart.parse({ cart: front.cart, currency: front.currency }, options(['id']))!.map((i) => i.productKey)).toEqual(['1', '19']);
  });

  it("currency: the front object's iso_code, else the config's, else left out", () => {
    const c = { products: [{ reference: 'R', id_product: '1', price_amount: 5, quantity: 1 }] };
    expect(cart.parse({ cart: c, currency: { iso_code: 'pln' } }, options())![0].currency).toBe('PLN');
    expect(cart.parse({ cart: c }, options(undefined, 'CZK'))![0].currency).toBe('CZK');
    expect(cart.parse({ cart: c, currency: 'EUR' }, options())![0]).toEqual({ productKey: 'R', price: '5', quantity: '1' });
  });

  it('falls back to the formatted price and to cart_quantity', () => {
    const c = { products: [{ reference: 'R', price: '1 234,50 zł', cart_quantity: '3' }] };
    expect(cart.parse({ cart: c }, options())).toEqual([{ productKey: 'R', price: '1234.50', quantity: '3' }]);
  });

  it('an empty cart is []', () => {
    expect(cart.parse({ cart: { products: [], products_count: 0 }, currency: { iso_code: 'EUR' } }, options())).toEqual([]);
  });

  it.each([
    ['null', null],
    ['HTML', '<html></html>'],
    ['the bare cart (not wrapped with the currency)', { products: [] }],
    ['a front object without a cart', { cart: null, currency: { iso_code: 'EUR' } }],
  ])('%s is not a cart → undefined', (_, data) => {
    expect(cart.parse(data, options())).toBeUndefined();
  });

  it('hostile values never throw: __proto__, 1 MB strings, negative and NaN prices', () => {
    const data = JSON.parse(
      '{"__proto__":{"polluted":1},"currency":{"iso_code":"' + HUGE + '"},"cart":{"products":[' +
        '{"reference":"A","id_product":"1","price_amount":-3,"price":"-3,00 €","quantity":1},' +
        '{"reference":"' + HUGE + '","id_product":"2","price_amount":"NaN","quantity":"2"},' +
        '{"reference":"C","quantity":-1},{"reference":{"__proto__":"x"},"id_product":{},"quantity":1},null,1]}}',
    );
    const items = cart.parse(data, options());
    // A negative amount is no price; the formatted "-3,00 €" beside it must not turn it into 3.00.
    expect(items).toEqual([
      { productKey: 'A', quantity: '1' },
      { productKey: '2', quantity: '2' },
    ]);
    expectValid(items);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('updateCart, on the prestashop event emitter', () => {
    it('listens on prestashop.on when there is one', () => {
      const p = { on: () => undefined, cart: {} };
      expect(cart.emitter!(context({ prestashop: p }))).toBe(p);
      expect(cart.emitter!(context({ prestashop: { cart: {} } }))).toBeUndefined();
      expect(cart.events).toEqual(['updateCart']);
    });

    it("takes the new cart from the controller's answer (resp, or reason for the quantity buttons)", () => {
      const front = fixture('prestashop-front.json');
      const c = context({ prestashop: { currency: front.currency, cart: { products: [] } } });
      const resp = { success: true, id_product: 1, id_product_attribute: 4, quantity: 2, cart: front.cart, errors: [] };
      const added = cart.fromEvent!({ reason: { idProduct: 1, idProductAttribute: 4, linkAction: 'add-to-cart' }, resp }, c);
      expect(cart.parse(added, options())!.map((i) => i.productKey)).toEqual(['demo_1_M_white', '19']);
      expect(cart.parse(cart.fromEvent!({ reason: resp }, c), options())![0].currency).toBe('EUR');
    });

    it('no cart in the event → undefined, so the cart is read again', () => {
      const c = context({ prestashop: {} });
      expect(cart.fromEvent!({ reason: { linkAction: 'refresh' }, resp: { errors: [] } }, c)).toBeUndefined();
      expect(cart.fromEvent!({ reason: { idProduct: '1', linkAction: 'delete-from-cart' } }, c)).toBeUndefined();
      expect(cart.fromEvent!(undefined, c)).toBeUndefined();
      expect(cart.fromEvent!('updateCart', c)).toBeUndefined();
    });
  });

  describe('customer', () => {
    it('a signed-in customer: id → externalCustomerId, email, first + last name', () => {
      expect(prestashop.customer!(context({ prestashop: fixture('prestashop-front.json') }))).toEqual({
        externalCustomerId: '27',
        email: 'chidi.okafor@example.net',
        name: 'Chidi Okafor',
      });
    });

    it('none for a visitor who is not signed in, or junk', () => {
      const front = fixture('prestashop-front.json');
      expect(prestashop.customer!(context({ prestashop: { ...front, customer: { ...front.customer, is_logged: false } } }))).toBeUndefined();
      expect(prestashop.customer!(context({ prestashop: { customer: { is_logged: true, id: null, email: '', firstname: 'X' } } }))).toBeUndefined();
      expect(prestashop.customer!(context({ prestashop: { customer: [] } }))).toBeUndefined();
      expect(prestashop.customer!(context({}))).toBeUndefined();
    });
  });
});
