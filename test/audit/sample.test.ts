import { describe, expect, it } from 'vitest';
import { crawlUrl } from '../../bin/audit/crawl.mjs';
import { pageKind, sampleUrls } from '../../bin/audit/sample.mjs';

describe('page kinds', () => {
  it.each([
    ['https://shop.example/', '/'],
    ['https://shop.example/cart', '/cart'],
    ['https://shop.example/cart/', '/cart'],
    ['https://shop.example/fusion-backpack.html', '/*.html'],
    ['https://shop.example/products/fusion-backpack', '/products/*'],
    ['https://shop.example/products/fusion-backpack?variant=1', '/products/*'],
    ['https://shop.example/collections/bags', '/collections/*'],
    ['https://shop.example/collections/bags/products/fusion', '/collections/bags/*'],
    ['https://shop.example/zero/product/shopify-tee', '/zero/product/*'],
    ['https://shop.example/en/products/fusion', '/en/products/*'],
    ['https://shop.example/p/12345/fusion', '/p/*/*'],
  ])('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('sampling', () => {
  const urls = [
    'https://shop.example/',
    ...Array.from({ length: 5 }, (_, i) => `https://shop.example/products/p${i}`),
    ...Array.from({ length: 3 }, (_, i) => `https://shop.example/collections/c${i}`),
  ];

  it('keeps the first N of each kind, in the order given', () => {
    const { picked, skipped } = sampleUrls(urls, 2, 100);
    expect(picked).toEqual(['https://shop.example/', 'https://shop.example/products/p0', 'https://shop.example/products/p1', 'https://shop.example/collections/c0', 'https://shop.example/collections/c1']);
    expect(skipped).toEqual({ sample: 4, limit: 0 });
  });

  it('0 samples nothing out; the page limit still holds', () => {
    expect(sampleUrls(urls, 0, 100).picked).toEqual(urls);
    expect(sampleUrls(urls, 0, 3)).toEqual({ picked: urls.slice(0, 3), skipped: { sample: 0, limit: 6 } });
  });
});

describe('crawl links', () => {
  it.each([
    ['/products/a#reviews', 'https://shop.example/products/a'],
    ['/collections/all?sort=price', 'https://shop.example/collections/all'],
    ['https://cdn.example/x', undefined],
    ['/media/a.jpg', undefined],
    ['mailto:x@y', undefined],
  ])('%s → %s', (href, url) => {
    expect(crawlUrl(href, 'https://shop.example')).toBe(url);
  });
});
