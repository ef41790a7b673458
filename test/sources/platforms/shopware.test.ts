// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPlatforms } from '../../../src/sources/platforms';
import type { SourceOptions } from '../../../src/types/evidence';
import { readPage } from '../breadth-support';

const OPTS: SourceOptions = { productKey: ['sku'], url: 'https://sw6.example/x', problem: () => {} };

describe('Shopware 6', () => {
  it('product detail (buy-widget.html.twig microdata): sku from the product number, price from <meta itemprop=price>, stock from the delivery information', () => {
    const { ev, verdict, problems } = readPage('shopware6-product.html', 'https://sw6.example/Leinenhemd-Natur/SW10012');
    expect(verdict).toEqual({ pageType: 'product', product: { productKey: 'SW10012', price: '49.95', isInStock: 1 }, category: undefined, notes: [] });
    expect(ev.find((e) => e.source === 'microdata')!.crumb).toBe('Herren');
    expect(ev.find((e) => e.source === 'shopware')).toEqual({ source: 'shopware', pageType: 'product' });
    expect(problems).toEqual([]);
  });

  it('product detail: productKey ["productID"] and ["gtin"] read the other identifiers', () => {
    expect(readPage('shopware6-product.html', 'https://sw6.example/Leinenhemd-Natur/SW10012', ['productID']).verdict.product!.productKey).toBe(
      '0195a1c2d3e4f5a6b7c8d9e0f1a2b3c4',
    );
    expect(readPage('shopware6-product.html', 'https://sw6.example/Leinenhemd-Natur/SW10012', ['gtin']).verdict.product!.productKey).toBe('4006381333931');
  });

  it('CMS product page with block prices: the AggregateOffer\'s lowPrice; cross-selling boxes are not products', () => {
    const { verdict } = readPage('shopware6-cms-product-blockprices.html', 'https://sw6.example/Espresso-beans-1-kg/SW10040?utm_source=mail');
    expect(verdict.pageType).toBe('product');
    expect(verdict.product).toEqual({ productKey: 'SW10040', price: '17.5', isInStock: 1 });
  });

  it('category (navigation/index): a category page from the body classes alone; its key is the canonical SEO URL\'s (the model\'s fallback)', () => {
    const { ev, verdict } = readPage('shopware6-category.html', 'https://sw6.example/Bekleidung/Herren/?order=price-asc&p=2');
    expect(verdict.pageType).toBe('category');
    expect(verdict.product).toBeUndefined();
    expect(ev.find((e) => e.source === 'shopware')).toEqual({ source: 'shopware', pageType: 'category' });
    expect(ev.find((e) => e.source === 'microdata')!.crumb).toBe('Herren');
  });

  it.each([
    ['is-ctl-checkout is-act-cartpage', 'cart'],
    ['is-ctl-checkout is-act-confirmpage', 'checkout'],
    ['is-ctl-navigation is-act-home', 'main'],
    ['is-ctl-search is-act-search', 'search'],
    ['is-ctl-account is-act-login', undefined],
    ['is-ctl-product', undefined],
  ])('body "%s" → %s', (cls, type) => {
    document.body.className = cls;
    expect(readPlatforms(document, window, OPTS).find((e) => e.source === 'shopware')?.pageType).toBe(type);
  });

  it('finish page: the order number from data-order-number, not the translated text', () => {
    document.body.className = 'is-ctl-checkout is-act-finishpage';
    document.body.innerHTML = '<div class="checkout-container"><p class="finish-ordernumber" data-order-number="10023">Ihre Bestellnummer: #10023</p></div>';
    const out = readPlatforms(document, window, { ...OPTS, url: 'https://sw6.example/checkout/finish?orderId=0195' });
    expect(out).toEqual([{ source: 'shopware', pageType: 'purchase', order: { number: '10023', items: [] } }]);
  });
});
