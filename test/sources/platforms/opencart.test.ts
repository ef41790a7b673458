// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPlatforms } from '../../../src/sources/platforms';
import type { SourceOptions } from '../../../src/types/evidence';
import { readPage } from '../breadth-support';

const OPTS: SourceOptions = { productKey: ['sku', 'productID', 'id', 'url'], url: 'https://oc.example/', problem: () => {} };
const at = (url: string) => readPlatforms(document, window, { ...OPTS, url }).filter((e) => e.source === 'opencart');

describe('OpenCart 3 and 4', () => {
  it('3, route URL: the product id from the add-to-cart block, the special price from the heading (not the struck-out one, not a related product\'s)', () => {
    const { verdict, ev } = readPage('opencart3-product.html', 'https://oc3.example/index.php?route=product/product&path=20_27&product_id=41');
    expect(verdict).toEqual({ pageType: 'product', product: { productKey: '41', price: '1202.00' }, category: undefined, notes: [] });
    expect(ev.filter((e) => e.pageType).map((e) => e.source)).toEqual(['opencart']);
  });

  it('3, SEO URL: the page type from the #product-product container', () => {
    expect(readPage('opencart3-product.html', 'https://oc3.example/desktops/mac/imac').verdict.product).toEqual({ productKey: '41', price: '1202.00' });
  });

  it('4: #product-info, the #form-product input (not the wishlist form\'s), "98,00 €" as the price', () => {
    expect(readPage('opencart4-product.html', 'https://oc4.example/en-gb/product/canon-eos-5d').verdict).toEqual({
      pageType: 'product',
      product: { productKey: '30', price: '98.00' },
      category: undefined,
      notes: [],
    });
  });

  it('productKey ["sku"]: OpenCart prints no SKU on the page, so no product (the page type stays)', () => {
    const { ev } = readPage('opencart3-product.html', 'https://oc3.example/desktops/mac/imac', ['sku']);
    expect(ev.find((e) => e.source === 'opencart')).toEqual({ source: 'opencart', pageType: 'product' });
  });

  it('3, SEO category: a category page from #product-category; the key is left to the canonical URL (the model\'s fallback)', () => {
    const { ev, verdict } = readPage('opencart3-category-seo.html', 'https://oc3.example/desktops/mac');
    expect(verdict.pageType).toBe('category');
    expect(ev.find((e) => e.source === 'opencart')).toEqual({ source: 'opencart', pageType: 'category' });
  });

  it.each([
    ['index.php?route=product/category&path=20_27', { pageType: 'category', category: '27' }],
    ['index.php?route=checkout/cart', { pageType: 'cart' }],
    ['index.php?route=checkout/checkout', { pageType: 'checkout' }],
    ['index.php?route=checkout/success', { pageType: 'purchase' }],
    ['index.php?route=common/home', { pageType: 'main' }],
    ['index.php?route=product/search&search=mac', { pageType: 'search' }],
    ['index.php?route=error/not_found', { pageType: '404' }],
  ])('route %s', (path, want) => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<div class="container"><div id="content"></div></div>';
    expect(at('https://oc.example/' + path)).toEqual([{ source: 'opencart', ...want }]);
  });

  it('SEO URLs: the page type from the container id, once OpenCart\'s catalog/view/ assets are in the head', () => {
    document.head.innerHTML = '<script src="catalog/view/javascript/common.js"></script>';
    for (const [id, type] of [['checkout-cart', 'cart'], ['common-home', 'main'], ['product-search', 'search'], ['error-not-found', '404'], ['common-success', undefined]]) {
      document.body.innerHTML = `<div id="${id}" class="container"></div>`;
      expect(at('https://oc.example/some-page')[0]?.pageType).toBe(type);
    }
  });

  it('not OpenCart: a "product-product" id or a route parameter on another site is not enough', () => {
    document.head.innerHTML = '<script src="/assets/app.js"></script>';
    document.body.innerHTML = '<div id="product-product"><div id="product"><input name="product_id" value="1"></div></div>';
    expect(at('https://other.example/p/1')).toEqual([]);
    expect(at('https://other.example/?route=blog/post')).toEqual([]);
  });
});
