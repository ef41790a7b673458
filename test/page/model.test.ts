// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../src/config';
import { gatherEvidence } from '../../src/page/evidence';
import { readPage } from '../../src/page/model';
import type { Evidence } from '../../src/types/evidence';
import { goTo } from '../support/dom';

const cfg = (extra: Record<string, unknown> = {}) => checkConfig({ scriptId: '1', ...extra }).config!;
/** The page as the tracker reads it: every source's evidence, folded. */
const read = (c: ReturnType<typeof cfg>, problem: (code: string, m: string) => void, extra: Evidence[] = [], status?: number) =>
  readPage(document, location, c, gatherEvidence(document, c, problem, extra), problem, status);
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const PRODUCT_LD = ld({ '@context': 'https://schema.org', '@type': 'Product', sku: 'LD-1', name: 'X', offers: { '@type': 'Offer', price: '19.99', priceCurrency: 'USD', availability: 'https://schema.org/InStock' } });

function page(html: string, path = '/somewhere', status?: number, extra: Record<string, unknown> = {}, head = '') {
  goTo(path);
  document.head.innerHTML = head;
  document.body.innerHTML = html;
  const problems: string[] = [];
  const m = read(cfg(extra), (_c, p) => problems.push(p), [], status);
  return { m, problems };
}

describe('page type precedence', () => {
  it.each([
    ['data-yespo-page beats everything', '<p data-yespo-page="cart"></p><div data-yespo-product="A"></div>' + PRODUCT_LD, '/', undefined, 'cart'],
    ['HTTP 404 beats entities and structured data', '<div data-yespo-product="A"></div>' + PRODUCT_LD, '/p/a', 404, '404'],
    ['order attribute → purchase', '<div data-yespo-order="1"><i data-yespo-order-item="A" data-yespo-price="1"></i></div>', '/', undefined, 'purchase'],
    ['product attribute beats a URL rule', '<div data-yespo-product="A"></div>', '/', undefined, 'product'],
    ['JSON-LD product beats the URL rule', PRODUCT_LD, '/p/ld-1', undefined, 'product'],
    ['URL rule when nothing else speaks', '<p>hi</p>', '/basket/', undefined, 'cart'],
    ['other when nothing speaks', '<p>hi</p>', '/about', undefined, 'other'],
  ])('%s', (_n, html, path, status, want) => {
    expect(page(html, path, status).m.type).toBe(want);
  });

  it('attribute product data beats JSON-LD, and the disagreement is a debug line', () => {
    const { m, problems } = page('<div data-yespo-product="ATTR-1" data-yespo-price="5"></div>' + PRODUCT_LD, '/p/x');
    expect(m.product).toEqual({ productKey: 'ATTR-1', price: '5' });
    expect(problems).toContain('json-ld disagrees on the product (data-yespo-* wins)');
  });

  it('a category page typed by URL takes its key from the canonical URL', () => {
    const { m } = page('', '/c/x', undefined, { pages: { category: '/c/*' } }, '<link rel="canonical" href="https://shop.test/c/summer-shoes.html?page=2">');
    expect(m).toMatchObject({ type: 'category', category: 'summer-shoes' });
  });

  it('a search page typed by URL takes its query from the URL', () => {
    const { m } = page('<p></p>', '/search?q=red+bag', undefined, { pages: { search: '/search' } });
    expect(m).toMatchObject({ type: 'search', search: { query: 'red bag' } });
  });

  it('a search URL with a results ItemList and no markup → search, query from the URL, found from the list', () => {
    const list = ld({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, url: '/products/a' }] });
    const { m } = page(list, '/search?q=wool+beanie');
    expect(m).toMatchObject({ type: 'search', typeFrom: 'search URL', search: { query: 'wool beanie', found: 1 } });
  });

  it('dataLayer evidence fills in after structured data', () => {
    goTo('/checkout/done');
    document.body.innerHTML = '<p></p>';
    const m = read(cfg(), () => {}, [
      { source: 'dataLayer', pageType: 'purchase', order: { number: 'T-1', items: [{ productKey: 'A', price: '1', quantity: '1' }] } },
    ]);
    expect(m).toMatchObject({ type: 'purchase', typeFrom: 'dataLayer', order: { number: 'T-1' } });
  });
});

describe('cost on large pages', () => {
  it('two walks of the document per read, the attribute kinds and the structured data; no reader walks it again', () => {
    const all = vi.spyOn(document, 'querySelectorAll');
    const one = vi.spyOn(document, 'querySelector');
    try {
      const { m } = page(
        '<div data-yespo-cart><i data-yespo-cart-item="C-1" data-yespo-price="2"></i></div>' +
          '<div itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="MD-1"></div>' +
          PRODUCT_LD,
        '/p/ld-1',
        undefined,
        { platforms: true },
        '<meta property="og:type" content="product"><link rel="canonical" href="https://shop.test/p/ld-1">',
      );
      expect(m).toMatchObject({ type: 'product', product: { productKey: 'LD-1' }, cart: [{ productKey: 'C-1' }] });
      expect(all.mock.calls.map((c) => c[0])).toEqual([
        '[data-yespo-page],[data-yespo-product],[data-yespo-category],[data-yespo-cart],[data-yespo-order],[data-yespo-customer],[data-yespo-search],[data-yespo-results]',
        '[itemscope],script[type]',
      ]);
      expect(one).not.toHaveBeenCalled();
    } finally {
      all.mockRestore();
      one.mockRestore();
    }
  });
});

describe("categoryKey: 'breadcrumb'", () => {
  const CRUMBS = ld({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'CollectionPage', '@id': 'https://shop.test/c/outerwear-2/', url: 'https://shop.test/c/outerwear-2/' },
      { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home', item: 'https://shop.test/' }, { '@type': 'ListItem', position: 2, name: 'Outerwear' }] },
    ],
  });

  it('the last breadcrumb name becomes the key; by default the URL segment stays', () => {
    expect(page(CRUMBS, '/c/outerwear-2/').m).toMatchObject({ type: 'category', category: 'outerwear-2', from: { category: 'json-ld' } });
    expect(page(CRUMBS, '/c/outerwear-2/', undefined, { categoryKey: 'breadcrumb' }).m).toMatchObject({ type: 'category', category: 'Outerwear', from: { category: 'json-ld breadcrumb' } });
  });

  it('a page typed by a URL rule takes the name from a microdata breadcrumb', () => {
    const md =
      '<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Rain jackets</span><meta itemprop="position" content="1"></li></ol>';
    expect(page(md, '/c/17', undefined, { categoryKey: 'breadcrumb', pages: { category: '/c/*' } }).m).toMatchObject({ type: 'category', category: 'Rain jackets', from: { category: 'microdata breadcrumb' } });
  });

  it('data-yespo-category still wins; no breadcrumb falls back to the URL', () => {
    expect(page('<div data-yespo-category="OUT-1"></div>' + CRUMBS, '/c/outerwear-2/', undefined, { categoryKey: 'breadcrumb' }).m.category).toBe('OUT-1');
    expect(page('<p></p>', '/c/outerwear-2/', undefined, { categoryKey: 'breadcrumb', pages: { category: '/c/*' } }).m).toMatchObject({ category: 'outerwear-2', from: { category: 'URL' } });
  });
});
