import { describe, expect, it } from 'vitest';
import { cents, lineKey, purchaseOf, shopifyId, unitPrice } from '../../src/pixel/checkout';
import { buyerOf } from '../../src/pixel/buyer';
import { checkEsCall } from '../../src/schema/events';
import { checkout, variant } from './fixtures/checkout';

const KEYS = ['sku', 'productID', 'id', 'url'];
const line = (over: Record<string, unknown>) => ({ discountAllocations: [], quantity: 1, variant: variant('41', '71', 'SKU-1', 10), ...over });

describe('shopifyId', () => {
  it.each([
    ['gid://shopify/OrderIdentity/5210499102', '5210499102'],
    ['gid://shopify/Order/450789469', '450789469'],
    ['gid://shopify/ProductVariant/41230000001', '41230000001'],
    ['5210499102', '5210499102'],
    [5210499102, '5210499102'],
    ['gid://shopify/Order/', undefined],
    ['gid://shopify/Order/abc', undefined],
    ['', undefined],
    [null, undefined],
    [{ id: 1 }, undefined],
  ])('%j → %j', (v, want) => expect(shopifyId(v)).toBe(want));
});

describe('purchaseOf: checkout_completed → PurchasedItems', () => {
  it('keys by SKU, else the product id; unit prices after discounts; order id from the gid', () => {
    const problems: string[] = [];
    const p = purchaseOf(checkout(), KEYS, problems);
    expect(p).toEqual({
      OrderNumber: '5210499102',
      PurchasedItems: [
        { productKey: 'TEE-M-BLUE', price: '22.50', quantity: '2', currency: 'EUR' },
        { productKey: '7120000001', price: '12.50', quantity: '1', currency: 'EUR' },
      ],
    });
    expect(problems).toEqual([]);
    expect(checkEsCall(['sendEvent', 'PurchasedItems', { ...p, GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff' }])).toEqual([]);
  });

  it('follows the productKey order: id first gives the product id, then the variant id', () => {
    expect(lineKey(line({}), ['id'])).toBe('71');
    expect(lineKey(line({ variant: { ...variant('41', '71', 'S', 1), product: { id: null } } }), ['productID'])).toBe('41');
    expect(lineKey(line({}), ['url'])).toBe('organic-tee');
    expect(lineKey(line({}), ['mpn', 'gtin'])).toBeUndefined();
  });

  it('without finalLinePrice: the variant price less the discount allocations per unit', () => {
    const l = line({ quantity: 3, variant: variant('41', '71', 'S', 10), discountAllocations: [{ amount: { amount: 2, currencyCode: 'EUR' } }, { amount: { amount: 1 } }] });
    expect(unitPrice(l, 3)).toBe('9.00');
    expect(unitPrice({ ...l, finalLinePrice: { amount: 10, currencyCode: 'EUR' } }, 3)).toBe('3.33');
    expect(unitPrice({ ...l, discountAllocations: [{ amount: { amount: 99 } }] }, 3)).toBeUndefined();
  });

  it.each([
    ['amount a number', { amount: 12.345 }, 1235],
    ['amount a decimal string', { amount: '12.5' }, 1250],
    ['negative', { amount: -1 }, undefined],
    ['NaN', { amount: NaN }, undefined],
    ['Infinity', { amount: Infinity }, undefined],
    ['a formatted string', { amount: '€12' }, undefined],
    ['no amount', {}, undefined],
    ['not an object', 'x', undefined],
  ])('cents: %s', (_, m, want) => expect(cents(m)).toBe(want));

  it('leaves out lines without a key or a whole quantity, and says why', () => {
    const c = checkout();
    c.lineItems = [
      line({ variant: null }),
      line({ quantity: 1.5 }),
      line({ quantity: '2' }),
      line({ quantity: 0 }),
      null,
      line({ finalLinePrice: { amount: 'free' }, variant: { ...variant('41', '71', 'NO-PRICE', 1), price: null } }),
      line({}),
    ] as never;
    const problems: string[] = [];
    const p = purchaseOf(c, KEYS, problems);
    expect(p!.PurchasedItems).toEqual([
      { productKey: 'NO-PRICE', quantity: '1', currency: 'EUR' },
      { productKey: 'SKU-1', price: '10.00', quantity: '1', currency: 'EUR' },
    ]);
    expect(problems).toEqual([
      'lineItems[0]: no sku or id for productKey; left out',
      'lineItems[1]: quantity is not a positive integer; left out',
      'lineItems[2]: quantity is not a positive integer; left out',
      'lineItems[3]: quantity is not a positive integer; left out',
      'lineItems[4]: not an object; left out',
      'lineItems[5]: no usable price; sent without one',
    ]);
  });

  it.each([
    ['no checkout', undefined, ['no data.checkout']],
    ['a checkout that is a string', 'checkout', ['no data.checkout']],
    ['no order (not completed yet)', { ...checkout(), order: null }, ['no checkout.order.id']],
    ['an order id that is an object', { ...checkout(), order: { id: { toString: 1 } } }, ['no checkout.order.id']],
    ['lineItems not a list', { ...checkout(), lineItems: { 0: {} } }, ['checkout.lineItems is not a list', 'no line item with a productKey and quantity']],
    ['no usable line', { ...checkout(), lineItems: [{ quantity: 1 }] }, ['lineItems[0]: no sku or id for productKey; left out', 'no line item with a productKey and quantity']],
  ])('sends nothing for %s', (_, c, want) => {
    const problems: string[] = [];
    expect(purchaseOf(c, KEYS, problems)).toBeUndefined();
    expect(problems).toEqual(want);
  });

  it('takes hostile values without throwing or polluting prototypes', () => {
    const c = JSON.parse(
      '{"order":{"id":"gid://shopify/Order/1"},"currencyCode":"' + 'X'.repeat(100) + '","lineItems":[{"__proto__":{"polluted":1},"quantity":1,' +
        '"variant":{"sku":"' + 'A'.repeat(300) + '","id":"<img src=x onerror=alert(1)>","price":{"amount":1e300}}}]}',
    );
    const problems: string[] = [];
    const p = purchaseOf(c, KEYS, problems);
    expect(p).toEqual({ OrderNumber: '1', PurchasedItems: [{ productKey: '<img src=x onerror=alert(1)>', quantity: '1' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const many = { ...checkout(), lineItems: Array.from({ length: 5000 }, () => line({})) };
    expect(purchaseOf(many, KEYS, [])!.PurchasedItems).toHaveLength(200);
  });
});

describe('buyerOf', () => {
  it('email lower-cased, phone from an address as digits with +, name from the billing address', () => {
    expect(buyerOf(checkout(), null)).toEqual({ email: 'ann.lee@example.com', phone: '+49301234567', name: 'Ann Lee' });
  });

  it('the checkout phone first; the shipping name without a billing address', () => {
    const c = { ...checkout(), phone: '+16135551111', billingAddress: null, shippingAddress: { firstName: 'Bo', lastName: null } };
    expect(buyerOf(c, null)).toEqual({ email: 'ann.lee@example.com', phone: '+16135551111', name: 'Bo' });
  });

  it('the signed-in customer of init when the checkout has neither email nor phone', () => {
    const c = { ...checkout(), email: null, billingAddress: null, shippingAddress: null };
    const customer = { email: 'Reg@Shop.io', firstName: 'Reg', lastName: 'User', id: '1', ordersCount: 2, phone: null };
    expect(buyerOf(c, customer)).toEqual({ email: 'reg@shop.io', name: 'Reg User' });
  });

  it.each([undefined, null, 42, 'x', [], { email: ['a@b.c'], phone: { n: 1 }, billingAddress: 'Ann' }, { email: 'not-an-email', phone: '12' }])(
    'nothing from %j',
    (c) => expect(buyerOf(c, undefined)).toEqual({}),
  );
});
