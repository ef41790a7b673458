// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJsonLd } from '../../src/sources/jsonld';
import type { SourceOptions } from '../../src/types/evidence';
import { productSchema } from '../../src/schema/events';
import { collector, loadFixture } from '../support/dom';

type Key = SourceOptions['productKey'];

function read(fixture: string, url: string, productKey: Key = ['sku', 'productID', 'id', 'url']) {
  loadFixture(__dirname, fixture);
  const { problems, problem } = collector();
  // The breadcrumb's name is looked at in its own tests below.
  const { source, crumb: _crumb, ...ev } = readJsonLd(document, { productKey, url, problem });
  expect(source).toBe('json-ld');
  return { ev, problems };
}

describe("readJsonLd: the last breadcrumb's name (for categoryKey: 'breadcrumb')", () => {
  it.each([
    ['Yoast + WooCommerce SEO listing', 'jsonld-woocommerce-yoast-category.html', 'https://woo.example/product-category/accessories/', 'Accessories'],
    ['Magento Luma + SEO extension', 'jsonld-magento-luma-category.html', 'https://luma.example/women/tops-women/jackets-women.html', 'Jackets'],
    ['PrestaShop 8 category', 'jsonld-prestashop8-category.html', 'https://presta.example/3-clothes', 'Clothes'],
    ['a product page has one too', 'jsonld-woocommerce-yoast-graph-product.html', 'https://woo.example/product/beanie/', 'Beanie'],
  ])('%s', (_n, fixture, url, want) => {
    loadFixture(__dirname, fixture);
    expect(readJsonLd(document, { productKey: ['sku'], url, problem: () => {} }).crumb).toBe(want);
  });

  it('by position, not by order; the item\'s name when the entry has none', () => {
    const crumbs = (list: unknown) =>
      (document.body.innerHTML = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: list })}</script>`);
    crumbs([
      { '@type': 'ListItem', position: 3, name: 'Boots' },
      { '@type': 'ListItem', position: 1, name: 'Home' },
      { '@type': 'ListItem', position: 2, name: 'Shoes' },
    ]);
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://s.example/c/boots', problem: () => {} }).crumb).toBe('Boots');
    crumbs([{ '@type': 'ListItem', position: 1, item: { '@id': 'https://s.example/c/bags', name: 'Bags' } }]);
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://s.example/c/bags', problem: () => {} }).crumb).toBe('Bags');
    crumbs([{ '@type': 'ListItem', position: 1, item: 'https://s.example/c/x' }]);
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://s.example/c/x', problem: () => {} }).crumb).toBeUndefined();
  });
});

describe('readJsonLd: product pages as platforms print them', () => {
  it.each([
    [
      'Shopify Dawn, ProductGroup: the variant ?variant= selects',
      'jsonld-shopify-dawn-product.html',
      'https://polar-goods.example/products/merino-beanie?variant=44120002',
      { productKey: 'MB-NAVY', price: '31.00', isInStock: 0 },
    ],
    [
      'Shopify Dawn, ProductGroup without ?variant=: the group (productGroupID), in stock if any variant is',
      'jsonld-shopify-dawn-product.html',
      'https://polar-goods.example/products/merino-beanie',
      { productKey: '8800112233', price: '29.00', isInStock: 1 },
    ],
    [
      'Shopify Dawn before 2023: the offer whose sku is the product\'s, reached through a collection URL',
      'jsonld-shopify-dawn-legacy-product.html',
      'https://polar-goods.example/collections/bags/products/canvas-tote',
      { productKey: 'TOTE-SAND', price: '26.5', isInStock: 1 },
    ],
    [
      'WooCommerce 9 on sale: the sale price, never the ListPrice; a numeric sku',
      'jsonld-woocommerce-product.html',
      'https://woo.example/product/hoodie-with-logo/',
      { productKey: '58', price: '35.00', isInStock: 1 },
    ],
    [
      'WooCommerce 3 variable product: AggregateOffer lowPrice',
      'jsonld-woocommerce3-variable-product.html',
      'https://shop3.example/product/v-neck-t-shirt/?attribute_pa_color=red',
      { productKey: 'woo-vneck-tee', price: '15.00', isInStock: 1 },
    ],
    [
      'Yoast + WooCommerce SEO graph: offers by @id reference, out of stock',
      'jsonld-woocommerce-yoast-graph-product.html',
      'https://woo.example/product/beanie/?utm_source=newsletter',
      { productKey: 'woo-beanie', price: '18.00', isInStock: 0 },
    ],
    [
      'Magento SEO extension: prefixed types, no url, og:type product; the nested related product ignored',
      'jsonld-magento-seo-product.html',
      'https://luma.example/joust-duffle-bag.html',
      { productKey: '24-MB01', price: '34.00', isInStock: 1 },
    ],
    [
      'BigCommerce Cornerstone: price range as minPrice, PreOrder counts as in stock',
      'jsonld-bigcommerce-cornerstone-product.html',
      'https://cornerstone.example/able-brewing-system/',
      { productKey: 'ABS', price: '225', isInStock: 1 },
    ],
    [
      'PrestaShop 8 classic with combinations: raw new lines repaired, first combination\'s price',
      'jsonld-prestashop8-product.html',
      'https://presta.example/men/1-1-hummingbird-printed-t-shirt.html',
      { productKey: 'demo_1', price: '23.9', isInStock: 1 },
    ],
    [
      'Google variants on one page: the variant whose offer URL parameters the address has',
      'jsonld-google-product-variants.html',
      'https://www.example.com/coat?color=black&size=large',
      { productKey: '44E01-X1100000', price: '44.99', isInStock: 0 },
    ],
    [
      'Google variants on one page: only some parameters, so the group',
      'jsonld-google-product-variants.html',
      'https://www.example.com/coat?size=large',
      { productKey: '44E01', price: '39.99', isInStock: 1 },
    ],
    [
      'Google merchant listing: offer price, not the StrikethroughPrice',
      'jsonld-google-merchant-listing.html',
      'https://www.example.com/trinket',
      { productKey: '1234-5678', price: '10', isInStock: 1 },
    ],
    [
      'EU prices: "1.249,00" after a ListPrice; LimitedAvailability; an accessories list beside it',
      'jsonld-eu-prices.html',
      'https://kaffeehaus.example/espressomaschinen/classica-edelstahl.html',
      { productKey: 'ESP-CL-01', price: '1249.00', isInStock: 1 },
      ['price read from a string'],
    ],
    [
      'a pasted snippet with // comments and a CDATA guard, variant from the URL, SoldOut',
      'jsonld-shopify-pasted-snippet.html',
      'https://tiny-tees.example/products/logo-tee?variant=4100002',
      { productKey: 'TEE-BLK-L', price: '24.00', isInStock: 0 },
    ],
    [
      'theme and app print the same product: one product, the gaps filled from the second',
      'jsonld-shopify-theme-and-app-duplicate.html',
      'https://polar-goods.example/products/wool-socks',
      { productKey: 'SOCK-01', price: '12.00', isInStock: 0 },
    ],
    [
      'the page\'s product among "you may also like" blocks: the one whose url is the page; BackOrder is 1',
      'jsonld-product-with-related.html',
      'https://peak.example/p/peak-thermos-750',
      { productKey: 'TH-750', price: '39.00', isInStock: 1 },
    ],
    [
      'ItemPage mainEntity wins over og:type website and a sidebar product; AggregateOffer lowPrice',
      'jsonld-itempage-mainentity.html',
      'https://peak.example/tents/alpine-2p',
      { productKey: 'ALP-2P', price: '310', isInStock: 1 },
    ],
    [
      'upper-case type with charset, @type array, numeric productID, bare OutOfStock, relative canonical',
      'jsonld-bare-availability.html',
      'https://apron.example/shop/barista-apron',
      { productKey: '884213', price: '45', isInStock: 0 },
    ],
  ] as Array<[string, string, string, object, string[]?]>)('%s', (_, fixture, url, product, notes) => {
    const { ev } = read(fixture, url);
    expect(ev).toEqual(notes ? { pageType: 'product', product, notes } : { pageType: 'product', product });
    expect(productSchema.safeParse(ev.product).success).toBe(true);
  });

  it('reads broken blocks where it safely can; a block that cannot be read does not stop the others', () => {
    const { ev, problems } = read('jsonld-broken-trailing-comma.html', 'https://peak.example/p/trail-runner-2');
    expect(ev).toEqual({ pageType: 'product', product: { productKey: '00123', price: '129.99', isInStock: 1 } });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^JSON-LD block #1: cannot be read \(.+\)$/);
    expect(problems[1]).toMatch(/^JSON-LD block #2: broken JSON repaired \(.+\)$/);
  });

  it.each<[Key, string]>([
    [['url'], 'merino-beanie'],
    [['id'], 'merino-beanie'],
    [['gtin', 'sku'], '4006381333948'],
    [['mpn', 'sku'], 'MB-NAVY'],
  ])('productKey %j', (productKey, key) => {
    const url = 'https://polar-goods.example/products/merino-beanie?variant=44120002';
    expect(read('jsonld-shopify-dawn-product.html', url, productKey).ev.product!.productKey).toBe(key);
  });

  it('"id" and "url" keys drop query, fragment, trailing slash and .html', () => {
    const url = 'https://luma.example/women/tops-women/jackets-women.html';
    expect(read('jsonld-bigcommerce-cornerstone-product.html', 'https://cornerstone.example/able-brewing-system/', ['url']).ev.product!.productKey).toBe(
      'able-brewing-system',
    );
    expect(read('jsonld-woocommerce-yoast-graph-product.html', 'https://woo.example/product/beanie/', ['id']).ev.product!.productKey).toBe('beanie');
    expect(read('jsonld-magento-luma-category.html', url).ev.category).toBe('jackets-women');
  });
});

describe('readJsonLd: listing and search pages', () => {
  it.each([
    [
      'Yoast + WooCommerce SEO listing: CollectionPage, Product pieces referenced by an ItemList',
      'jsonld-woocommerce-yoast-category.html',
      'https://woo.example/product-category/accessories/',
      'accessories',
    ],
    [
      'Magento Luma + SEO extension: ItemList of ListItem urls with a breadcrumb, key from the .html canonical',
      'jsonld-magento-luma-category.html',
      'https://luma.example/women/tops-women/jackets-women.html?p=2&product_list_order=price',
      'jackets-women',
    ],
    [
      'PrestaShop 8: product-list ItemList with a breadcrumb',
      'jsonld-prestashop8-category.html',
      'https://presta.example/3-clothes?page=2',
      '3-clothes',
    ],
    [
      'Shopify app: CollectionPage whose mainEntity lists the products',
      'jsonld-shopify-collection-app.html',
      'https://polar-goods.example/collections/summer-sale?sort_by=price-ascending',
      'summer-sale',
    ],
  ])('%s → category', (_, fixture, url, category) => {
    expect(read(fixture, url).ev).toEqual({ pageType: 'category', category });
  });

  it('the category key comes from the canonical URL, without WordPress\'s /page/N/', () => {
    loadFixture(__dirname, 'jsonld-woocommerce-yoast-category.html');
    document.querySelector('link[rel=canonical]')!.setAttribute('href', 'https://woo.example/product-category/accessories/page/2/');
    const ev = readJsonLd(document, { productKey: ['sku'], url: 'https://woo.example/product-category/accessories/page/2/', problem: () => {} });
    expect(ev.category).toBe('accessories');
  });

  it('the category key falls back to the breadcrumb\'s last item', () => {
    loadFixture(__dirname, 'jsonld-magento-luma-category.html');
    document.querySelector('link[rel=canonical]')!.remove();
    const ev = readJsonLd(document, { productKey: ['sku'], url: 'https://luma.example/catalog/category/view/id/23', problem: () => {} });
    expect(ev).toEqual({ source: 'json-ld', pageType: 'category', category: 'jackets-women', crumb: 'Jackets' });
  });

  it('Yoast SearchResultsPage → search', () => {
    expect(read('jsonld-yoast-search-results.html', 'https://woo.example/?s=beanie&post_type=product').ev).toEqual({ pageType: 'search' });
  });
});

describe('readJsonLd: no false positives', () => {
  it.each([
    ['home page: Organization, WebSite + SearchAction, a featured product', 'jsonld-home-featured-product.html', 'https://polar-goods.example/'],
    ['home page with tracking parameters', 'jsonld-home-featured-product.html', 'https://polar-goods.example/?utm_source=mail&utm_medium=email'],
    ['home page: a "deal of the day" Product with no url', 'jsonld-home-urlless-product.html', 'https://kava-shop.example/'],
    ['home page with a query: the same', 'jsonld-home-urlless-product.html', 'https://kava-shop.example/?ref=ig'],
    ['404 page with a popular-products list and a product widget', 'jsonld-404-with-widget.html', 'https://polar-goods.example/products/old-scarf'],
    ['blog post with a url-less product widget in the sidebar', 'jsonld-article-sidebar-widget.html', 'https://kava.example/blog/how-to-brew-v60/'],
    ['landing page marking up several unrelated products', 'jsonld-several-unrelated-products.html', 'https://peak.example/gift-guide-2024'],
    ['WooCommerce 3 category: a loop of short Products and a breadcrumb, no listing signal', 'jsonld-woocommerce3-category-loop.html', 'https://shop3.example/product-category/clothing/tshirts/'],
  ])('%s → nothing', (_, fixture, url) => {
    expect(read(fixture, url).ev).toEqual({});
  });

  it.each([
    ['search results listed as an ItemList with a breadcrumb', 'jsonld-search-itemlist.html', 'https://polar-goods.example/search?q=beanie&options%5Bprefix%5D=last'],
    ['PrestaShop search: the same ItemList on a search URL', 'jsonld-prestashop8-category.html', 'https://presta.example/search?controller=search&s=shirt'],
  ])('%s → not a category: only "results were found"', (_, fixture, url) => {
    expect(read(fixture, url).ev).toEqual({ search: { found: 1 } });
  });

  it('a url-less Product beside related-products lists and a breadcrumb is not a category page', () => {
    document.body.innerHTML =
      '<meta property="og:type" content="website">' +
      '<script type="application/ld+json">{"@type":"Product","name":"Kettle","sku":"K-1"}</script>' +
      '<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"item":"https://k.example/kettles"}]}</script>' +
      '<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,"url":"https://k.example/p/mug"}]}</script>';
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://k.example/p/kettle', problem: () => {} })).toEqual({ source: 'json-ld' });
  });

  it('says in debug mode why products on the page were not taken', () => {
    const { problems } = read('jsonld-several-unrelated-products.html', 'https://peak.example/gift-guide-2024');
    expect(problems).toEqual(["JSON-LD: 3 Product(s), none of them the page's own"]);
  });

  it('caps the work: at most 50 blocks, none over 200 KB', () => {
    const block = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
    const huge = { '@type': 'Product', sku: 'BIG', description: 'x'.repeat(200_001) };
    const many = Array.from({ length: 60 }, (_, i) => block({ '@type': 'Organization', name: 'o' + i })).join('');
    document.body.innerHTML = block(huge) + many;
    const { problems, problem } = collector();
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/p/big', problem })).toEqual({ source: 'json-ld' });
    expect(problems).toEqual(['JSON-LD block #1: over 200 KB, skipped', 'JSON-LD: over 50 blocks, the rest skipped']);
  });
});

describe('readJsonLd: hostile input', () => {
  const anyKey = fc.constantFrom(
    '@type', '@id', '@graph', '@context', 'sku', 'productID', 'mpn', 'gtin13', 'url', 'price', 'lowPrice', 'minPrice', 'offers',
    'availability', 'priceSpecification', 'priceType', 'hasVariant', 'productGroupID', 'mainEntity', 'mainEntityOfPage', 'hasPart',
    'itemListElement', 'item', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty',
  );
  const keys = fc.oneof(
    { arbitrary: fc.constantFrom('sku', 'url', 'offers', 'price', 'availability', 'hasVariant', 'itemListElement', 'mainEntity'), weight: 2 },
    { arbitrary: anyKey, weight: 3 },
  );
  const big = 'y'.repeat(1_000_000);
  const strings = fc.oneof(
    fc.constantFrom(
      'Product', 'ProductGroup', 'Offer', 'AggregateOffer', 'ItemList', 'ListItem', 'CollectionPage', 'SearchResultsPage', 'ItemPage',
      'BreadcrumbList', 'https://schema.org/InStock', 'OutOfStock', 'https://x.example/p/a', '/p/a?variant=1', '#product', '',
      '1.249,00', '$1,299.00', '-5', '1e400', 'NaN', '<script>alert(1)</script>', '</script><img src=x onerror=alert(1)>', '&amp;&#0;&#x110000;',
      'x'.repeat(300), '__proto__',
    ),
    fc.string(),
  );
  const tree = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      strings,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      tie('node'),
      fc.array(tie('value'), { maxLength: 4 }),
    ),
    // Every node typed, so Products, Offers, lists and pages really occur.
    node: fc
      .tuple(
        fc.oneof(fc.constantFrom('Product', 'ProductGroup', 'Offer', 'AggregateOffer', 'ItemList', 'ListItem', 'CollectionPage', 'SearchResultsPage', 'ItemPage', 'BreadcrumbList'), strings),
        fc.array(fc.tuple(keys, tie('value')), { maxLength: 6 }),
      )
      .map(([type, rest]) => [['@type', type] as [string, unknown]].concat(rest)),
  }));
  // Written by hand so "__proto__" keys really are in the text.
  const json = (v: unknown): string =>
    Array.isArray(v) && v.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string')
      ? '{' + v.map(([k, x]) => JSON.stringify(k) + ':' + json(x)).join(',') + '}'
      : Array.isArray(v)
        ? '[' + v.map(json).join(',') + ']'
        : JSON.stringify(v) ?? 'null';

  it('never throws; whatever it finds fits the ProductPage schema; Object.prototype untouched', () => {
    const seen = { product: 0, category: 0, search: 0 };
    fc.assert(
      fc.property(
        fc.array(tree.node, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('https://x.example/p/a', 'https://x.example/', 'https://x.example/p/a?variant=1', 'https://x.example/search?q=a', 'not a url'),
        fc.boolean(),
        (blocks, url, canonical) => {
          document.body.innerHTML =
            (canonical ? '<link rel="canonical" href="/p/a">' : '') +
            blocks.map((b) => `<script type="application/ld+json">${json(b).replace(/</g, '\\u003c')}</script>`).join('');
          const ev = readJsonLd(document, { productKey: ['sku', 'productID', 'gtin', 'id', 'url'], url, problem: () => {} });
          if (ev.pageType) seen[ev.pageType as keyof typeof seen]++;
          if (ev.product && !productSchema.safeParse(ev.product).success) return false;
          if (ev.category !== undefined && !(ev.category.length > 0 && ev.category.length <= 256)) return false;
          return Object.keys(Object.prototype).length === 0 && ({} as Record<string, unknown>).polluted === undefined;
        },
      ),
      { numRuns: 500, seed: 2024 },
    );
    // The generator does reach the interesting paths.
    expect(seen.product).toBeGreaterThan(10);
    expect(seen.category + seen.search).toBeGreaterThan(0);
  }, 60_000);

  it('values that cannot become strings ({"toString": …}) do not stop the reading', () => {
    const odd = { toString: 'x', valueOf: 'y' };
    document.body.innerHTML =
      `<script type="application/ld+json">${JSON.stringify({ '@type': odd, url: odd, '@id': odd, offers: { priceSpecification: { priceType: odd, price: odd } } })}</script>` +
      `<script type="application/ld+json">${JSON.stringify({ '@type': ['Product', odd], sku: 'OK-2', url: odd, offers: { price: '5', availability: odd, priceType: odd } })}</script>`;
    const problems: string[] = [];
    const ev = readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/p/ok-2', problem: (_c, m) => problems.push(m) });
    expect(ev).toEqual({ source: 'json-ld', pageType: 'product', product: { productKey: 'OK-2', price: '5' } });
    expect(problems).toEqual([]);
  });

  it('1 MB values: skipped or rejected, never sent', () => {
    const p = { '@type': 'Product', sku: big, productID: 'OK-1', url: 'https://x.example/p/' + big, offers: { price: big, availability: big } };
    document.body.innerHTML = `<script type="application/ld+json">${JSON.stringify(p)}</script>`;
    const problems: string[] = [];
    expect(readJsonLd(document, { productKey: ['sku', 'url'], url: 'https://x.example/p/a', problem: (_c, m) => problems.push(m) })).toEqual({ source: 'json-ld' });
    expect(problems).toEqual(['JSON-LD block #1: over 200 KB, skipped']);
    const small = { '@type': 'Product', sku: 'z'.repeat(257), productID: 'OK-1', offers: { price: 'z'.repeat(70_000) } };
    document.body.innerHTML = `<script type="application/ld+json">${JSON.stringify(small)}</script>`;
    expect(readJsonLd(document, { productKey: ['sku', 'productID'], url: 'https://x.example/p/a', problem: () => {} }).product).toEqual({ productKey: 'OK-1' });
  }, 60_000);
});

describe('readJsonLd: search results found or not', () => {
  const page = (list: unknown) =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'SearchResultsPage', mainEntity: list })}</script>`;
  it.each([
    ['three results', { '@type': 'ItemList', itemListElement: [1, 2, 3].map((i) => ({ '@type': 'ListItem', position: i, url: `/p/${i}` })) }, 1],
    ['numberOfItems 0', { '@type': 'ItemList', numberOfItems: 0, itemListElement: [] }, 0],
    ['an empty list', { '@type': 'ItemList', itemListElement: [] }, 0],
  ])('%s', (_n, list, found) => {
    document.body.innerHTML = page(list);
    const { problem } = collector();
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/search?q=boots', problem })).toEqual({ source: 'json-ld', pageType: 'search', search: { found } });
  });
});
