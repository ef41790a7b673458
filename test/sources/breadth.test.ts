// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../src/sources/jsonld';
import { readPage } from './breadth-support';

describe('zero-config breadth: product pages as more platforms print them', () => {
  it.each([
    [
      'Wix Stores: "Offers" and "Availability" capitalised, og:type website',
      'wix-stores-product.html',
      'https://www.studionord.example/product-page/linen-tote',
      { productKey: 'SN-TOTE-01', price: '39', isInStock: 1 },
      ["product taken as the page's own: only Product on a product-shaped URL", 'Offers read as offers', 'Availability read as availability'],
    ],
    [
      'Squarespace: "$24.00" as the price, sku only on the offer, a related-products list beside it',
      'squarespace-product.html',
      'https://clayco.example/shop/p/stoneware-mug',
      { productKey: 'SQ-MUG-07', price: '24.00', isInStock: 1 },
      ["product taken as the page's own: only Product on a product-shaped URL", 'key taken from the offer', 'price read from a string'],
    ],
    [
      'Salesforce SFRA: lower-case lowprice on an AggregateOffer, sku on the offer, *.html address',
      'sfra-product.html',
      'https://sfra.example/s/RefArch/mens/clothing/shirts/modern-fit-shirt/25686514M.html?lang=en_US',
      { productKey: '25686514M', price: '49.99', isInStock: 1 },
      ['key taken from the offer', 'lowprice read as lowPrice'],
    ],
    [
      'Next.js Commerce: no identifier at all, AggregateOffer lowPrice; keyed by the address',
      'nextjs-commerce-product.html',
      'https://commerce.example/product/acme-drawstring-bag',
      { productKey: 'acme-drawstring-bag', price: '12.0', isInStock: 1 },
      ['url taken from the page address'],
    ],
    [
      'Hydrogen on a Markets address: sku "", identity only in the offers\' urls, the variant the URL selects',
      'hydrogen-markets-product.html',
      'https://hydrogen.example/en-ca/products/the-full-stack-snowboard?Size=158cm',
      { productKey: 'the-full-stack-snowboard', price: '979.95', isInStock: 0 },
      ["product taken as the page's own: only Product on a product-shaped URL", 'key taken from the offer'],
    ],
    [
      'a marketplace in hryvnia: "1 299,00", several sellers\' offers, sku on the offers',
      'marketplace-uah-product.html',
      'https://market.example/ua/p1234567-chainyk-kettle-one.html',
      { productKey: 'KO-1700-W', price: '1299.00', isInStock: 1 },
      ["product taken as the page's own: only Product on a product-shaped URL", 'key taken from the offer', 'price read from a string'],
    ],
  ])('%s', (_n, fixture, url, product, notes) => {
    const { verdict, problems } = readPage(fixture, url);
    expect(verdict.pageType).toBe('product');
    expect(verdict.product).toEqual(product);
    expect(verdict.notes).toEqual(notes);
    expect(problems).toEqual([]);
  });

  it('Hydrogen without a variant in the address: the first offer, keyed by its url', () => {
    const { verdict } = readPage('hydrogen-markets-product.html', 'https://hydrogen.example/en-ca/products/the-full-stack-snowboard');
    expect(verdict.product).toEqual({ productKey: 'the-full-stack-snowboard', price: '949.95', isInStock: 1 });
  });

  it('the tolerances are needed: without the product-shaped address the same pages say nothing', () => {
    for (const [f, url] of [
      ['squarespace-product.html', 'https://clayco.example/shop/stoneware-mug'],
      ['nextjs-commerce-product.html', 'https://commerce.example/shop/acme-drawstring-bag'],
      ['marketplace-uah-product.html', 'https://market.example/ua/chainyk-kettle-one'],
    ])
      expect(readPage(f, url).verdict.pageType).toBeUndefined();
  });

  it('two keys differing only in case are ambiguous and read as none', () => {
    document.body.innerHTML = '<script type="application/ld+json">{"@type":"Product","sku":"A","Offers":{"price":"5"},"OFFERS":{"price":"6"}}</script>';
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/p/a', problem: () => {} }).product).toEqual({ productKey: 'A' });
    document.body.innerHTML = '<script type="application/ld+json">{"@type":"Product","sku":"A","Offers":{"price":"5"},"offers":{"price":"6"}}</script>';
    expect(readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/p/a', problem: () => {} }).product).toEqual({ productKey: 'A', price: '6' });
  });

  it('a price given as an object', () => {
    document.body.innerHTML = '<script type="application/ld+json">{"@type":"Product","sku":"A","offers":{"price":{"@type":"MonetaryAmount","value":12,"currency":"EUR"}}}</script>';
    const ev = readJsonLd(document, { productKey: ['sku'], url: 'https://x.example/p/a', problem: () => {} });
    expect(ev.product).toEqual({ productKey: 'A', price: '12' });
    expect(ev.notes).toEqual(['price read from an object']);
  });
});

describe('zero-config breadth: pages that are not product pages stay what they are', () => {
  it.each([
    ['a blog post reviewing a product (BlogPosting beside a Product with an offer)', 'blog-product-review.html', 'https://kava.example/blog/stagg-review-one-year/'],
    ['the same review on a product-shaped address', 'blog-product-review.html', 'https://kava.example/blog/stagg-ekg.html'],
    ['a home page with a featured product', 'home-featured-products.html', 'https://acme.example/'],
    ['a home page with tracking parameters', 'home-featured-products.html', 'https://acme.example/?utm_source=ig'],
    ['a comparison page of two products on a *.html address', 'comparison-page.html', 'https://kava.example/compare/stagg-vs-bonavita.html'],
    ['a marketplace seller\'s storefront with one product card', 'marketplace-seller-card.html', 'https://market.example/ua/c123456-tehno-svit.html'],
  ])('%s → no product', (_n, fixture, url) => {
    const { verdict } = readPage(fixture, url);
    expect(verdict.pageType).toBeUndefined();
    expect(verdict.product).toBeUndefined();
  });
});
