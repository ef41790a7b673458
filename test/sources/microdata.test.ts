// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMicrodata } from '../../src/sources/microdata';
import type { SourceOptions } from '../../src/types/evidence';
import { productSchema } from '../../src/schema/events';
import { collector, loadFixture } from '../support/dom';

// A fixture loaded earlier leaves its <head> (canonical, og:type) behind; inline cases start clean.
beforeEach(() => {
  document.head.innerHTML = '';
});

function read(url: string, productKey: SourceOptions['productKey'] = ['sku', 'productID', 'id', 'url']) {
  const { problems, problem } = collector();
  const { source, crumb: _crumb, ...ev } = readMicrodata(document, { productKey, url, problem });
  expect(source).toBe('microdata');
  expect(problems).toEqual([]);
  if (ev.product) expect(productSchema.safeParse(ev.product).success).toBe(true);
  return ev;
}

afterEach(() => {
  document.body.removeAttribute('itemscope');
  document.body.removeAttribute('itemtype');
});

describe('readMicrodata', () => {
  it('Magento 2 Luma: the Product item on <body>, price from <meta itemprop=price>, sku from text', () => {
    loadFixture(__dirname, 'microdata-magento-luma-product.html');
    // What Luma's catalog_product_view layout puts on <body>.
    document.body.setAttribute('itemtype', 'http://schema.org/Product');
    document.body.setAttribute('itemscope', 'itemscope');
    expect(read('https://luma.example/joust-duffle-bag.html')).toEqual({ pageType: 'product', product: { productKey: '24-MB01', price: '34' } });
  });

  it('a WordPress WebPage wrapper does not hide the product; the WPSideBar widget is not the product; meta price beats visible "$1,299.00"', () => {
    loadFixture(__dirname, 'microdata-wordpress-webpage-product.html');
    expect(read('https://kava.example/shop/gooseneck-kettle/')).toEqual({
      pageType: 'product',
      product: { productKey: 'KET-GN-1', price: '1299', isInStock: 1 },
    });
  });

  it('AggregateOffer with EU text prices, availability as text, www.schema.org types, itemid as @id', () => {
    loadFixture(__dirname, 'microdata-aggregate-offer-eu.html');
    const url = 'https://kawa.example/mlynek-comandante-c40,p123.html';
    expect(read(url)).toEqual({ pageType: 'product', product: { productKey: '123', price: '1189.90', isInStock: 1 }, notes: ['price read from a string'] });
    expect(read(url, ['mpn']).product!.productKey).toBe('C40-MK4');
    expect(read(url, ['id']).product!.productKey).toBe('mlynek-comandante-c40,p123');
  });

  it('a listing: Products inside an ItemList and several loose product cards → nothing', () => {
    loadFixture(__dirname, 'microdata-category-grid.html');
    expect(read('https://kaffeehaus.example/espressomaschinen/')).toEqual({});
  });

  it('a Luma page without the body item (category) → nothing', () => {
    loadFixture(__dirname, 'microdata-magento-luma-product.html');
    expect(read('https://luma.example/joust-duffle-bag.html')).toEqual({});
  });

  it('one product card on the home page → nothing', () => {
    document.body.innerHTML =
      '<div itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="A1"><meta itemprop="price" content="5"></div>';
    expect(read('https://shop.example/')).toEqual({});
    expect(read('https://shop.example/p/a1')).toEqual({ pageType: 'product', product: { productKey: 'A1', price: '5' } });
  });

  it('a product whose url is another page → nothing; itemprop=mainEntity names the page product', () => {
    document.body.innerHTML =
      '<div itemscope itemtype="https://schema.org/Product"><link itemprop="url" href="/p/other"><meta itemprop="sku" content="B2"></div>';
    expect(read('https://shop.example/p/a1')).toEqual({});
    document.body.innerHTML =
      '<div itemscope itemtype="https://schema.org/ItemPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="C3"></div></div>' +
      '<div itemscope itemtype="https://schema.org/Product"><meta itemprop="sku" content="D4"></div>';
    expect(read('https://shop.example/p/c3').product).toEqual({ productKey: 'C3' });
  });

  it('hostile markup: __proto__ props, 1 MB values, deep nesting → no throw, nothing invalid', () => {
    const big = 'z'.repeat(1_000_000);
    const deep = '<div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product">'.repeat(3000) + '</div>'.repeat(3000);
    document.body.innerHTML =
      `<div itemscope itemtype="https://schema.org/Product"><span itemprop="__proto__ constructor" itemscope itemtype="https://schema.org/Offer"><meta itemprop="polluted" content="1"></span>` +
      `<meta itemprop="sku" content="${big}"><meta itemprop="productID" content="<img src=x onerror=alert(1)>"><meta itemprop="price" content="${big}">${deep}</div>`;
    const ev = read('https://shop.example/p/x');
    expect(ev.product).toEqual({ productKey: '<img src=x onerror=alert(1)>' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});

describe("readMicrodata: the last breadcrumb's name (for categoryKey: 'breadcrumb')", () => {
  it('a BreadcrumbList of ListItems, as themes print it', () => {
    document.body.innerHTML = `
      <ol itemscope itemtype="https://schema.org/BreadcrumbList">
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
          <a itemprop="item" href="/"><span itemprop="name">Home</span></a><meta itemprop="position" content="1"></li>
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
          <a itemprop="item" href="/women"><span itemprop="name">Women</span></a><meta itemprop="position" content="2"></li>
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
          <span itemprop="name">Jackets</span><meta itemprop="position" content="3"></li>
      </ol>`;
    expect(readMicrodata(document, { productKey: ['sku'], url: 'https://s.example/women/jackets', problem: () => {} }).crumb).toBe('Jackets');
  });
});
