// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- jsdom ships no type declarations and @types/jsdom is not a dependency
import * as jsdom from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPlatforms } from '../../src/sources/platforms';
import type { SourceOptions } from '../../src/types/evidence';
import { orderItemSchema, productSchema } from '../../src/schema/events';
import { collector } from '../support/dom';

type Win = Window & typeof globalThis;
const JSDOM = (jsdom as { JSDOM: new (html: string, o?: { url?: string; runScripts?: 'dangerously' }) => { window: Win } }).JSDOM;

/** Loads a fixture as the platform serves it, running its inline scripts so the globals exist. */
function page(name: string, url: string, productKey: SourceOptions['productKey'] = ['sku', 'productID', 'id', 'url']) {
  const html = readFileSync(join(__dirname, 'fixtures', 'platforms', name), 'utf8');
  const dom = new JSDOM(html, { url, runScripts: 'dangerously' });
  const { problems, problem } = collector();
  const opts: SourceOptions = { productKey, url, problem };
  const read = (off?: string[]) => readPlatforms(dom.window.document, dom.window as unknown as Window, opts, off);
  return { dom, problems, read, opts };
}

describe('Shopify', () => {
  it('Dawn product: ShopifyAnalytics.meta, the ?variant= the URL selects, price from cents', () => {
    const { read, problems } = page('shopify-dawn-product.html', 'https://dawn-outfitters.example/products/ocean-blue-shirt?variant=41234567890124');
    expect(read()).toEqual([{ source: 'shopify', pageType: 'product', product: { productKey: 'OBS-M', price: '45' } }]);
    expect(problems).toEqual([]);
  });

  it('Dawn product: the first variant without ?variant=; a variant without SKU falls back to the product id', () => {
    expect(page('shopify-dawn-product.html', 'https://dawn-outfitters.example/products/ocean-blue-shirt').read()[0].product).toEqual({
      productKey: 'OBS-S',
      price: '50',
    });
    expect(page('shopify-dawn-product.html', 'https://dawn-outfitters.example/products/ocean-blue-shirt?variant=41234567890125').read()[0].product).toEqual({
      productKey: '7012345678901',
      price: '50',
    });
  });

  it('Dawn product with productKey ["url"] uses the handle', () => {
    const { read } = page('shopify-dawn-product.html', 'https://dawn-outfitters.example/products/ocean-blue-shirt', ['url']);
    expect(read()[0].product).toEqual({ productKey: 'ocean-blue-shirt', price: '50' });
  });

  it('Dawn collection: category key is the collection handle, also on tag-filtered URLs', () => {
    expect(page('shopify-dawn-collection.html', 'https://dawn-outfitters.example/collections/shirts').read()).toEqual([
      { source: 'shopify', pageType: 'category', category: 'shirts' },
    ]);
    expect(page('shopify-dawn-collection.html', 'https://dawn-outfitters.example/collections/shirts/blue?page=2').read()[0].category).toBe('shirts');
  });

  it('thank-you page: Shopify.checkout order id and line items', () => {
    const [e] = page('shopify-thank-you.html', 'https://dawn-outfitters.example/71234567/checkouts/9f8e7d6c5b4a39281706f5e4d3c2b1a0/thank_you').read();
    expect(e).toEqual({
      source: 'shopify',
      pageType: 'purchase',
      order: {
        number: '5098765432101',
        items: [
          { productKey: 'OBS-M', price: '45.00', quantity: '2', currency: 'USD' },
          { productKey: '7012345670000', price: '12.00', quantity: '1', currency: 'USD' },
        ],
      },
    });
    e.order!.items.forEach((i) => orderItemSchema.parse(i));
  });

  it('order lines never take the thank-you URL as a key; keys the platform lacks (gtin) are skipped', () => {
    const { read } = page('shopify-thank-you.html', 'https://dawn-outfitters.example/71234567/checkouts/abc/thank_you', ['gtin', 'url', 'productID']);
    expect(read()[0].order!.items.map((i) => i.productKey)).toEqual(['7012345678901', '7012345670000']);
  });

  it('falls back to /products/ and /collections/ paths when meta has no page type', () => {
    const dom = new JSDOM('<body></body>', { url: 'https://s.example/en-ca/collections/sale/products/tee' });
    const w = Object.assign(dom.window, { Shopify: { shop: 's.myshopify.com' } });
    const { problem } = collector();
    const opts: SourceOptions = { productKey: ['sku', 'id'], url: dom.window.location.href, problem };
    expect(readPlatforms(dom.window.document, w as unknown as Window, opts)).toEqual([{ source: 'shopify', pageType: 'product' }]);
    opts.url = 'https://s.example/collections/sale';
    expect(readPlatforms(dom.window.document, w as unknown as Window, opts)).toEqual([{ source: 'shopify', pageType: 'category', category: 'sale' }]);
  });
});

describe('WooCommerce', () => {
  it('3.x product: single-product body class (structured data gives the product)', () => {
    expect(page('woocommerce-3-product.html', 'https://storefront.example/product/hoodie-with-logo/').read()).toEqual([
      { source: 'woocommerce', pageType: 'product' },
    ]);
  });

  it('3.x category: the term slug, not the term id', () => {
    expect(page('woocommerce-3-category.html', 'https://storefront.example/product-category/clothing/hoodies/page/2/').read()).toEqual([
      { source: 'woocommerce', pageType: 'category', category: 'hoodies' },
    ]);
  });

  it('3.x home, 9.x cart', () => {
    expect(page('woocommerce-3-home.html', 'https://storefront.example/').read()).toEqual([{ source: 'woocommerce', pageType: 'main' }]);
    expect(page('woocommerce-9-cart.html', 'https://blocks.example/cart/').read()).toEqual([{ source: 'woocommerce', pageType: 'cart' }]);
  });

  it('9.x order received (classic template): purchase wins over woocommerce-checkout; number from the overview', () => {
    expect(page('woocommerce-9-order-received.html', 'https://shop.example/checkout/order-received/1057/?key=wc_order_AbC123').read()).toEqual([
      { source: 'woocommerce', pageType: 'purchase', order: { number: 'WC-2024-1057', items: [] } },
    ]);
  });

  it('9.x order received (blocks): number from the order-received URL', () => {
    expect(page('woocommerce-9-order-received-blocks.html', 'https://blocks.example/checkout/order-received/1058/?key=wc_order_XyZ').read()).toEqual([
      { source: 'woocommerce', pageType: 'purchase', order: { number: '1058', items: [] } },
    ]);
  });

  it.each([
    ['search search-results post-type-archive-product woocommerce woocommerce-page woocommerce-js', 'search'],
    ['error404 woocommerce-js', '404'],
    ['page-template-default page woocommerce-checkout woocommerce-page woocommerce-js', 'checkout'],
  ])('body "%s" → %s', (cls, type) => {
    const dom = new JSDOM(`<body class="${cls}"></body>`, { url: 'https://shop.example/x/' });
    const { problem } = collector();
    expect(readPlatforms(dom.window.document, dom.window as unknown as Window, { productKey: ['sku'], url: 'https://shop.example/x/', problem })).toEqual([
      { source: 'woocommerce', pageType: type },
    ]);
  });

  it('a WordPress page without WooCommerce classes is not WooCommerce', () => {
    const dom = new JSDOM('<body class="home page-template-default page page-id-2"></body>');
    const { problem } = collector();
    expect(readPlatforms(dom.window.document, dom.window as unknown as Window, { productKey: ['sku'], url: 'https://blog.example/', problem })).toEqual([]);
  });
});

describe('Magento 2 (Luma)', () => {
  it.each([
    ['magento-luma-product.html', 'https://luma.example/joust-duffle-bag.html', { pageType: 'product' }],
    ['magento-luma-category.html', 'https://luma.example/gear/bags.html?p=2', { pageType: 'category', category: 'bags' }],
    ['magento-luma-cart.html', 'https://luma.example/checkout/cart/', { pageType: 'cart' }],
    ['magento-luma-success-guest.html', 'https://luma.example/checkout/onepage/success/', { pageType: 'purchase', order: { number: '000000042', items: [] } }],
    ['magento-luma-success-customer.html', 'https://luma.example/checkout/onepage/success/', { pageType: 'purchase', order: { number: '000000043', items: [] } }],
  ])('%s', (file, url, want) => {
    expect(page(file, url).read()).toEqual([{ source: 'magento', ...want }]);
  });

  it.each([
    ['checkout-index-index page-layout-checkout', 'checkout'],
    ['cms-index-index page-layout-1column', 'main'],
    ['catalogsearch-result-index page-products page-layout-2columns-left', 'search'],
    ['cms-noroute-index page-layout-2columns-right', '404'],
  ])('body "%s" → %s', (cls, type) => {
    const dom = new JSDOM(`<body class="${cls}"></body>`);
    const { problem } = collector();
    expect(readPlatforms(dom.window.document, dom.window as unknown as Window, { productKey: ['sku'], url: 'https://luma.example/', problem })).toEqual([
      { source: 'magento', pageType: type },
    ]);
  });
});

describe('PrestaShop 8', () => {
  it('product page from prestashop.page.page_name', () => {
    expect(page('prestashop-8-product.html', 'https://presta.example/en/men/1-1-hummingbird-printed-t-shirt.html#/1-size-s').read()).toEqual([
      { source: 'prestashop', pageType: 'product' },
    ]);
  });

  it('category: the last URL segment, as the URL rule gives', () => {
    expect(page('prestashop-8-category.html', 'https://presta.example/en/3-clothes?page=2').read()).toEqual([
      { source: 'prestashop', pageType: 'category', category: '3-clothes' },
    ]);
  });

  it('order confirmation: id_order from the URL', () => {
    const url = 'https://presta.example/en/order-confirmation?id_cart=12&id_module=31&id_order=7&key=1e2d3c4b5a';
    expect(page('prestashop-8-order-confirmation.html', url).read()).toEqual([
      { source: 'prestashop', pageType: 'purchase', order: { number: '7', items: [] } },
    ]);
  });

  it.each([
    ['index', 'main'],
    ['cart', 'cart'],
    ['checkout', 'checkout'],
    ['search', 'search'],
    ['pagenotfound', '404'],
  ])('page_name %s → %s', (name, type) => {
    const dom = new JSDOM('<body></body>');
    const w = Object.assign(dom.window, { prestashop: { page: { page_name: name } } });
    const { problem } = collector();
    expect(readPlatforms(dom.window.document, w as unknown as Window, { productKey: ['sku'], url: 'https://presta.example/', problem })).toEqual([
      { source: 'prestashop', pageType: type },
    ]);
  });
});

describe('BigCommerce (Cornerstone)', () => {
  it('product: BCData.product_attributes SKU, price and stock', () => {
    const [e] = page('bigcommerce-cornerstone-product.html', 'https://cornerstone-demo.example/orbit-terrarium-large/').read();
    expect(e).toEqual({ source: 'bigcommerce', pageType: 'product', product: { productKey: 'OTL', price: '109', isInStock: 1 } });
    productSchema.parse(e.product);
  });

  it('product with productKey ["productID"]: the add-to-cart form product_id', () => {
    const { read } = page('bigcommerce-cornerstone-product.html', 'https://cornerstone-demo.example/orbit-terrarium-large/', ['productID']);
    expect(read()[0].product).toEqual({ productKey: '107', price: '109', isInStock: 1 });
  });

  it('cart page: Cornerstone data-cart', () => {
    expect(page('bigcommerce-cornerstone-cart.html', 'https://cornerstone-demo.example/cart.php').read()).toEqual([{ source: 'bigcommerce', pageType: 'cart' }]);
  });
});

describe('readPlatforms', () => {
  it('finds nothing on a page no platform printed', () => {
    const dom = new JSDOM('<body class="home"><h1>Hello</h1></body>');
    const { problems, problem } = collector();
    expect(readPlatforms(dom.window.document, dom.window as unknown as Window, { productKey: ['sku'], url: 'https://x.example/', problem })).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('skips adapters the config switched off', () => {
    const { read } = page('shopify-dawn-collection.html', 'https://dawn-outfitters.example/collections/shirts');
    expect(read(['shopify'])).toEqual([]);
  });

  it('a hostile global is reported, never thrown, and the other adapters still run', () => {
    const dom = new JSDOM('<body class="catalog-category-view category-bags"></body>');
    const w = dom.window as unknown as Record<string, unknown>;
    Object.defineProperty(w, 'ShopifyAnalytics', {
      get() {
        throw new Error('no');
      },
    });
    w.prestashop = { page: { page_name: '__proto__' } };
    w.BCData = { product_attributes: { sku: { toString: () => 'x' }, price: 'a lot', instock: 'yes' } };
    const { problems, problem } = collector();
    const out = readPlatforms(dom.window.document, dom.window as unknown as Window, { productKey: ['sku', 'id', 'url'], url: 'https://luma.example/gear/bags.html', problem });
    expect(out).toEqual([
      { source: 'magento', pageType: 'category', category: 'bags' },
      { source: 'bigcommerce', pageType: 'product', product: { productKey: 'bags' } },
    ]);
    expect(problems).toEqual(['shopify: page data unreadable']);
    expect(({} as Record<string, unknown>).page_name).toBeUndefined();
  });
});
