import { describe, expect, it } from 'vitest';
import { bigcommerce } from '../../../src/sources/platforms/bigcommerce';
import { context, expectValid, fixture, HUGE, options } from './support';

const cart = bigcommerce.cart!;

describe('BigCommerce cart (Storefront Carts API)', () => {
  it('reads physical and digital lines: salePrice, SKU first, productId without one; bundle parts left out', () => {
    const items = cart.parse(fixture('bigcommerce-carts.json'), options());
    expect(items).toEqual([
      { productKey: 'SMOCK-BLU-S', price: '38.7', quantity: '2', currency: 'CAD' },
      { productKey: '88', price: '60', quantity: '1', currency: 'CAD' },
      { productKey: 'EBOOK-SEW', price: '25.95', quantity: '1', currency: 'CAD' },
    ]);
    expectValid(items);
  });

  it("['id'] keys lines by productId, as ProductPage reads the add-to-cart form's product_id", () => {
    expect(cart.parse(fixture('bigcommerce-carts.json'), options(['id']))!.map((i) => i.productKey)).toEqual(['112', '88', '301']);
  });

  it("currency: the cart's code, else the config's, else left out", () => {
    const carts = (currency: unknown) => [{ currency, lineItems: { physicalItems: [{ sku: 'A', productId: 1, quantity: 1, salePrice: 2 }] } }];
    expect(cart.parse(carts({ code: 'usd' }), options())![0].currency).toBe('USD');
    expect(cart.parse(carts(undefined), options(undefined, 'AUD'))![0].currency).toBe('AUD');
    expect(cart.parse(carts('USD'), options())![0]).toEqual({ productKey: 'A', price: '2', quantity: '1' });
  });

  it('no cart yet (an empty array) is an empty cart; a cart without lines too', () => {
    expect(cart.parse([], options())).toEqual([]);
    expect(cart.parse([{ id: 'x', currency: { code: 'USD' }, lineItems: { physicalItems: [], digitalItems: [], giftCertificates: [], customItems: [] } }], options())).toEqual([]);
  });

  it.each([
    ['null', null],
    ['HTML (a storefront error page)', '<html><body>Not Found</body></html>'],
    ['a single cart object, not the array', { id: 'x', lineItems: { physicalItems: [] } }],
    ['an array of junk', [null]],
    ['a cart without lineItems', [{ id: 'x' }]],
  ])('%s is not a cart → undefined', (_, data) => {
    expect(cart.parse(data, options())).toBeUndefined();
  });

  it('hostile values never throw: __proto__, 1 MB strings, negative and NaN prices, huge lists', () => {
    const data = JSON.parse(
      '[{"__proto__":{"polluted":1},"currency":{"code":"' + HUGE + '"},"lineItems":{"physicalItems":[' +
        '{"sku":"A","productId":1,"quantity":1,"salePrice":-4},' +
        '{"sku":"' + HUGE + '","productId":2,"quantity":3,"salePrice":"NaN"},' +
        '{"sku":"C","productId":3,"quantity":0,"salePrice":1},' +
        '{"sku":"D","productId":4,"quantity":1,"salePrice":1e400},null,"x"],"digitalItems":{"0":{"sku":"E"}}}}]',
    );
    const items = cart.parse(data, options());
    expect(items).toEqual([
      { productKey: 'A', quantity: '1' },
      { productKey: '2', quantity: '3' },
      { productKey: 'D', quantity: '1' },
    ]);
    expectValid(items);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const many = Array.from({ length: 10000 }, (_, i) => ({ sku: 'S' + i, productId: i, quantity: 1, salePrice: 1 }));
    expect(cart.parse([{ lineItems: { physicalItems: many, digitalItems: many } }], options())).toHaveLength(200);
  });

  it('url is the Storefront API read, with the documented options include that marks it as ours', () => {
    expect(cart.url!(context())).toBe('/api/storefront/carts?include=lineItems.digitalItems.options,lineItems.physicalItems.options');
  });

  describe('signal', () => {
    it.each([
      'https://bc.example/remote/v1/cart/add',
      'https://bc.example/remote/v1/cart/update',
      'https://bc.example/remote/v1/cart/remove',
      'https://bc.example/api/storefront/carts',
      'https://bc.example/api/storefront/carts?include=lineItems.physicalItems.options',
      'https://bc.example/api/storefront/carts/6c3ab3bc-5f3d-4e6d-9a1f-2f7b0e0c9d11/items',
      'https://bc.example/api/storefront/carts/6c3ab3bc-5f3d-4e6d-9a1f-2f7b0e0c9d11/items/0a1b2c3d-0001?include=lineItems.digitalItems.options,lineItems.physicalItems.options',
    ])('hears %s', (name) => {
      expect(cart.signal!.test(name)).toBe(true);
    });

    it.each([
      'https://bc.example' + cart.url!(context()),
      'https://bc.example/api/storefront/carts?include=lineItems.digitalItems.options,lineItems.physicalItems.options#x',
      'https://bc.example/api/storefront/cartsummary',
      'https://bc.example/api/storefront/checkouts/6c3ab3bc',
      'https://bc.example/remote/v1/product-attributes/112',
      'https://bc.example/cart.php',
    ])('ignores %s (first of all our own read)', (name) => {
      expect(cart.signal!.test(name)).toBe(false);
    });
  });

  it('has no customer reader (the cart names no one the shop signed in)', () => {
    expect(bigcommerce.customer).toBeUndefined();
  });
});
