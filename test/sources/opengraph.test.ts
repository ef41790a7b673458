// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readOpenGraph } from '../../src/sources/opengraph';
import type { SourceOptions } from '../../src/types/evidence';
import { productSchema } from '../../src/schema/events';
import { collector, loadFixture } from '../support/dom';

function read(fixture: string | null, url: string, productKey: SourceOptions['productKey'] = ['sku', 'productID', 'id', 'url']) {
  if (fixture) loadFixture(__dirname, fixture);
  const { problems, problem } = collector();
  const { source, ...ev } = readOpenGraph(document, { productKey, url, problem });
  expect(source).toBe('opengraph');
  expect(problems).toEqual([]);
  if (ev.product) expect(productSchema.safeParse(ev.product).success).toBe(true);
  return ev;
}

describe('readOpenGraph', () => {
  it.each([
    [
      'Shopify (Dawn meta-tags): og:price:amount in the shop\'s EU money format, key from og:url',
      'opengraph-shopify-eu-product.html',
      'https://bergwerk.example/products/wanderrucksack-30l?variant=1',
      { productKey: 'wanderrucksack-30l', price: '1249.00' },
    ],
    [
      'Yoast WooCommerce SEO: product:retailer_item_id, product:price:amount, "out of stock"',
      'jsonld-woocommerce-yoast-graph-product.html',
      'https://woo.example/product/beanie/',
      { productKey: 'woo-beanie', price: '18.00', isInStock: 0 },
    ],
    [
      'Facebook catalog: og:type product.item, the sale price over the regular one',
      'opengraph-facebook-catalog-item.html',
      'https://coastline.example/shop/linen-shirt?color=sand',
      { productKey: 'LS-SAND-M', price: '59.00', isInStock: 0 },
    ],
    [
      'Magento 2 Luma: product:price:amount, key from og:url without .html',
      'microdata-magento-luma-product.html',
      'https://luma.example/joust-duffle-bag.html',
      { productKey: 'joust-duffle-bag', price: '34' },
    ],
    [
      'BigCommerce: og:availability preorder counts as in stock; no price tag',
      'jsonld-bigcommerce-cornerstone-product.html',
      'https://cornerstone.example/able-brewing-system/',
      { productKey: 'able-brewing-system', isInStock: 1 },
    ],
    [
      'PrestaShop 8: product:price:amount (tax included), not the pretax one',
      'jsonld-prestashop8-product.html',
      'https://presta.example/men/1-1-hummingbird-printed-t-shirt.html',
      { productKey: '1-1-hummingbird-printed-t-shirt', price: '23.9' },
    ],
    [
      'og:type "og:product", no og:url: the address gives the url key',
      'microdata-aggregate-offer-eu.html',
      'https://kawa.example/mlynek-comandante-c40,p123.html?from=list',
      { productKey: 'mlynek-comandante-c40,p123' },
    ],
  ])('%s', (_, fixture, url, product) => {
    expect(read(fixture, url)).toEqual({ pageType: 'product', product });
  });

  it.each([
    ['a home page (og:type website)', 'jsonld-home-featured-product.html', 'https://polar-goods.example/'],
    ['a blog post (og:type article)', 'jsonld-article-sidebar-widget.html', 'https://kava.example/blog/how-to-brew-v60/'],
    ['a category page with no og tags', 'jsonld-magento-luma-category.html', 'https://luma.example/women/tops-women/jackets-women.html'],
  ])('%s → nothing', (_, fixture, url) => {
    expect(read(fixture, url)).toEqual({});
  });

  it('og:type product with no key to read → nothing', () => {
    document.head.innerHTML = '<meta property="og:type" content="product"><meta property="product:price:amount" content="10">';
    expect(read(null, 'https://shop.example/', ['sku', 'url'])).toEqual({});
  });

  it('reads meta name= as well as property=; availability spellings', () => {
    for (const [availability, isInStock] of [
      ['instock', 1],
      ['in stock', 1],
      ['available for order', 1],
      ['oos', 0],
      ['out of stock', 0],
      ['discontinued', 0],
      ['pending', undefined],
    ] as const) {
      document.head.innerHTML =
        '<meta name="og:type" content="Product"><meta name="product:retailer_item_id" content="A-1">' +
        `<meta name="product:availability" content="${availability}"><meta name="product:price:amount" content="$1,299.00">`;
      expect(read(null, 'https://shop.example/p/a-1').product).toEqual({ productKey: 'A-1', price: '1299.00', ...(isInStock === undefined ? {} : { isInStock }) });
    }
  });

  it('reads <head> only: tags in the body are not the page\'s OpenGraph', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<meta property="og:type" content="product"><meta property="product:retailer_item_id" content="A-1">';
    expect(read(null, 'https://shop.example/p/a-1')).toEqual({});
    document.head.innerHTML = document.body.innerHTML;
    expect(read(null, 'https://shop.example/p/a-1').product).toEqual({ productKey: 'A-1' });
  });

  it('hostile values: markup and 1 MB strings never make an invalid product', () => {
    const big = 'q'.repeat(1_000_000);
    document.head.innerHTML =
      `<meta property="og:type" content="product"><meta property="product:retailer_item_id" content="${big}">` +
      `<meta property="og:url" content="https://shop.example/p/&lt;script&gt;"><meta property="product:price:amount" content="${big}">`;
    expect(read(null, 'https://shop.example/p/x').product).toEqual({ productKey: '<script>' });
  }, 60_000);
});
