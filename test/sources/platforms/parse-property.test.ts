import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartItemSchema } from '../../../src/schema/events';
import { bigcommerce } from '../../../src/sources/platforms/bigcommerce';
import { magento } from '../../../src/sources/platforms/magento';
import { prestashop } from '../../../src/sources/platforms/prestashop';
import { shopify } from '../../../src/sources/platforms/shopify';
import { woocommerce } from '../../../src/sources/platforms/woocommerce';
import type { SourceOptions } from '../../../src/types/evidence';
import type { Platform } from '../../../src/types/platform';
import { context } from './support';

/** Every field a cart reader looks at, and the keys page data must never get to set. */
const FIELDS = [
  'sku', 'product_id', 'variant_id', 'final_price', 'discounted_price', 'price', 'quantity', 'id', 'prices', 'currency_code',
  'currency_minor_unit', 'product_sku', 'product_price_value', 'incl_tax', 'qty', 'reference', 'id_product', 'price_amount',
  'cart_quantity', 'productId', 'salePrice', '__proto__', 'constructor', 'toString',
];

const scalar = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom('', '-1', 'NaN', '1e400', '12,50 €', '<b>1</b>', 'x'.repeat(300), '__proto__'),
);
const field = fc.oneof(scalar, fc.dictionary(fc.constantFrom(...FIELDS), scalar, { maxKeys: 4 }));
/** Values a real line has, so generated lines often carry a key and a quantity. */
const good = fc.constantFrom<unknown>('SKU-1', 42, '3', 1999, '1999', 2, { incl_tax: 5 }, { price: '500', currency_minor_unit: 2 });
const plausible = fc.record(Object.fromEntries(FIELDS.filter((f) => /^[a-z]/.test(f) && f !== 'constructor' && f !== 'toString').map((f) => [f, fc.oneof(good, field)])), {
  requiredKeys: [],
});
const line = fc.oneof(plausible, fc.dictionary(fc.constantFrom(...FIELDS, 'parentId'), field), scalar);
const lines = fc.array(line, { maxLength: 6 });
const currency = fc.oneof(scalar, fc.record({ code: scalar, iso_code: scalar }, { requiredKeys: [] }));

const rec = <T extends Record<string, fc.Arbitrary<unknown>>>(r: T) => fc.record(r, { requiredKeys: [] });
const lineItems = rec({ physicalItems: lines, digitalItems: lines });

/** JSON in each platform's outer shape with arbitrary insides, so the walk reaches the line readers. */
const SHAPES: Record<string, fc.Arbitrary<unknown>> = {
  shopify: rec({ items: lines, currency }),
  woocommerce: rec({ items: lines, totals: rec({ currency_code: scalar }) }),
  magento: fc.record({ cart: fc.record({ items: lines }) }),
  prestashop: fc.record({ cart: fc.record({ products: lines }), currency }),
  bigcommerce: fc.tuple(fc.record({ currency, lineItems })),
};
const shaped = fc.oneof(...Object.values(SHAPES), fc.array(fc.oneof(scalar, rec({ currency, lineItems: fc.oneof(scalar, lineItems) })), { maxLength: 2 }));

const anyData = (own: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: own, weight: 3 },
    shaped,
    fc.jsonValue(),
    fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true }),
  );
const data = anyData(shaped);

const keys = fc.shuffledSubarray<SourceOptions['productKey'][number]>(['sku', 'productID', 'mpn', 'gtin', 'id', 'url'], { minLength: 1 });
const opts = fc.record({ productKey: keys, currency: fc.constantFrom(undefined, 'USD', 'EUR') }).map((o) => (o.currency ? o : { productKey: o.productKey }));

const PLATFORMS: Platform[] = [shopify, woocommerce, magento, prestashop, bigcommerce];

describe.each(PLATFORMS.map((p) => [p.name, p] as const))('%s cart reader, on any input', (_, p) => {
  it('parse never throws, and every line it returns is a valid StatusCart item', () => {
    let lines = 0;
    fc.assert(
      fc.property(anyData(SHAPES[p.name]), opts, (d, o) => {
        const items = p.cart!.parse(d, o);
        if (items === undefined) return;
        expect(Array.isArray(items)).toBe(true);
        for (const i of items) expect(cartItemSchema.safeParse(i).success).toBe(true);
        lines += items.length;
      }),
      { numRuns: 400, seed: 20240601 },
    );
    // The shaped inputs do reach the line readers: some lines come out.
    expect(lines).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('customer, fromEvent and url never throw on any page globals', () => {
    const globals = fc.dictionary(fc.constantFrom('Shopify', 'ShopifyAnalytics', 'prestashop', 'wpApiSettings'), fc.oneof(data, shaped));
    fc.assert(
      fc.property(globals, data, (g, d) => {
        const c = context(g);
        p.customer && p.customer(c, d);
        p.cart!.fromEvent && p.cart!.fromEvent(d, c);
        p.cart!.emitter && p.cart!.emitter(c);
        // WooCommerce's url reads the document: it has its own tests with one.
        if (p.cart!.url && p !== woocommerce) expect(p.cart!.url(c).charAt(0)).toBe('/');
      }),
      { numRuns: 200 },
    );
  });
});

describe('Magento, on any stored string', () => {
  it('inPage and customer never throw on whatever mage-cache-storage holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), shaped.map((v) => JSON.stringify(v) ?? '')), (raw) => {
        const c = context({ localStorage: { getItem: () => raw } });
        magento.cart!.parse(magento.cart!.inPage!(c), { productKey: ['sku', 'id'] });
        magento.customer!(c);
      }),
      { numRuns: 300 },
    );
  });
});
