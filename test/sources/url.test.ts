import { describe, expect, it } from 'vitest';
import { matchPath, scContent, urlPageType, urlSearchQuery } from '../../src/sources/url';

describe('URL rules', () => {
  it.each([
    ['/', '/', true],
    ['/index', '/', false],
    ['/cart/', '/cart', true],
    ['/CART', '/cart', true],
    ['/cart/items', '/cart', false],
    ['/p/24-MB02', '/p/*', true],
    ['/shop/p/24-MB02.html', '*/p/*', true],
    ['/a.b', '/a*b', true],
    ['/a+b', '/a+b', true],
  ])('%s ~ %s → %s', (path, rule, want) => expect(matchPath(path, rule)).toBe(want));

  const pages = { main: ['/'], cart: ['/cart', '/basket'], checkout: ['/checkout', '/checkout/*'], purchase: ['/checkout/success'] };
  it.each([
    ['/', 'main'],
    ['/basket/', 'cart'],
    ['/checkout/shipping', 'checkout'],
    ['/checkout/success', 'purchase'],
    ['/blog', undefined],
  ])('%s → %s (the most specific rule wins)', (path, want) => expect(urlPageType(path, pages)).toBe(want));

  it('reads the search query from the first parameter that has one', () => {
    expect(urlSearchQuery('?s=&q=red+shoes', ['s', 'q'])).toBe('red shoes');
    expect(urlSearchQuery('?page=2', ['q'])).toBeUndefined();
  });

  it('reads sc_content', () => {
    expect(scContent('?utm_source=x&sc_content=19787_r119v224')).toBe('19787_r119v224');
    expect(scContent('')).toBeUndefined();
  });
});

import { looksLikeSearch } from '../../src/sources/url';
describe('search URLs', () => {
  const params = ['q', 's', 'search', 'query'];
  it.each([
    ['/search', '?q=boots', true],
    ['/search', '?q=', false],
    ['/catalogsearch/result/', '?q=bag', true],
    ['/', '?s=beanie&post_type=product', true],
    ['/blog', '?s=x', false],
    ['/products/search-engine-book', '?q=x', false],
  ])('%s%s → %s', (path, search, want) => expect(looksLikeSearch(path, search, params)).toBe(want));
});
