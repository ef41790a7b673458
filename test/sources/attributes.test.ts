// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readAttributes } from '../../src/sources/attributes';
import { readWishlist } from '../../src/sources/wishlist';
import { readCart } from '../../src/sources/attributeLines';
import { collector, loadFixture } from '../support/dom';

describe('readAttributes on a product page', () => {
  beforeEach(() => loadFixture(__dirname, 'product.html'));

  it('reads the page product, skipping products inside the cart and recommendation blocks', () => {
    const { problem } = collector();
    const f = readAttributes(document, problem);
    expect(f.product).toEqual({
      productKey: '24-MB02',
      price: '153.50',
      isInStock: 1,
      tag_color: ['black', 'grey'],
      tag_some_field: ['a'],
    });
  });

  it('reads the cart lines with normalised prices, quantities, currency and tags', () => {
    const { problem } = collector();
    expect(readCart(document, problem, 'PLN')).toEqual([
      { productKey: '24-WB04', price: '1249.00', quantity: '2', currency: 'USD' },
      { productKey: '24-UG06', price: '89.90', quantity: '1', currency: 'EUR', discount: '10', tag_size: ['M'] },
    ]);
  });

  it('reads the signed-in customer', () => {
    const { problem } = collector();
    expect(readAttributes(document, problem).customer).toEqual({
      email: 'ann@example.com',
      name: 'Ann',
      phone: '+380501234567',
      externalCustomerId: 'u-17',
    });
  });

  it('resolves wishlist buttons: own value, nearest product, page product', () => {
    const { problem } = collector();
    const page = readAttributes(document, problem).product;
    const [inProduct, inRecs, other] = Array.from(document.querySelectorAll('[data-yespo-wishlist]'));
    expect(readWishlist(inProduct, page, problem)).toEqual({ productKey: '24-MB02', price: '153.50', isInStock: 1 });
    expect(readWishlist(inRecs, page, problem)).toEqual({ productKey: '24-WB04' });
    expect(readWishlist(other, page, problem)).toEqual({ productKey: '99-XX', price: '12' });
  });
});

describe('readAttributes: other shapes', () => {
  it('reads an order with its lines; an empty line key is reported and skipped', () => {
    loadFixture(__dirname, 'thank-you.html');
    const { problem, problems } = collector();
    const f = readAttributes(document, problem);
    expect(f.pageType).toBe('purchase');
    expect(f.order).toEqual({
      number: 'D-1001',
      items: [
        { productKey: '24-MB02', price: '1249.00', quantity: '2', currency: 'UAH' },
        { productKey: '24-WB04', price: '32.00', quantity: '1', currency: 'USD' },
      ],
    });
    expect(problems).toEqual(['<li data-yespo-order-item data-yespo-price="1">: empty data-yespo-order-item; line skipped']);
  });

  it('an empty cart container is an empty cart; no container is an unknown cart', () => {
    const { problem } = collector();
    document.body.innerHTML = '<div data-yespo-cart></div>';
    expect(readCart(document, problem)).toEqual([]);
    document.body.innerHTML = '<div></div>';
    expect(readCart(document, problem)).toBeUndefined();
  });

  it('names the element and the problem for an unknown page type and a bad price', () => {
    const { problem, problems } = collector();
    document.body.innerHTML =
      '<main data-yespo-page="landing"></main><div data-yespo-product="A1" data-yespo-price="call us"></div>';
    const f = readAttributes(document, problem);
    expect(f.pageType).toBeUndefined();
    expect(f.product).toEqual({ productKey: 'A1' });
    expect(problems).toEqual([
      '<main data-yespo-page="landing">: unknown page type "landing"; expected one of product, category, cart, checkout, purchase, main, 404, search, other',
      '<div data-yespo-product="A1" data-yespo-price="call us">: price "call us" is not a number',
    ]);
  });

  it('cart lines without a price keep their key and quantity and are reported', () => {
    const { problem, problems } = collector();
    document.body.innerHTML = '<div data-yespo-cart><i data-yespo-cart-item="K1"></i></div>';
    expect(readCart(document, problem, 'USD')).toEqual([{ productKey: 'K1', quantity: '1', currency: 'USD' }]);
    expect(problems).toEqual(['<i data-yespo-cart-item="K1">: no data-yespo-price']);
  });

  it('search: query and result count', () => {
    const { problem } = collector();
    document.body.innerHTML = '<div data-yespo-search="red shoes"></div><span data-yespo-results="0"></span>';
    expect(readAttributes(document, problem).search).toEqual({ query: 'red shoes', found: 0 });
    document.body.innerHTML = '<div data-yespo-search="bag" data-yespo-results="12"></div>';
    expect(readAttributes(document, problem).search).toEqual({ query: 'bag', found: 1 });
  });

  it('caps cart lines at 200', () => {
    const { problem, problems } = collector();
    document.body.innerHTML = '<div data-yespo-cart>' + '<i data-yespo-cart-item="K" data-yespo-price="1"></i>'.repeat(250) + '</div>';
    expect(readCart(document, problem)).toHaveLength(200);
    expect(problems.some((p) => p.includes('more than 200 lines'))).toBe(true);
  });

  it('hostile values are dropped or cut, never sent as is', () => {
    const { problem } = collector();
    document.body.innerHTML = `<div data-yespo-product="${'x'.repeat(300)}"></div><div data-yespo-category="__proto__"></div>`;
    const f = readAttributes(document, problem);
    expect(f.product).toBeUndefined();
    expect(f.category).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
