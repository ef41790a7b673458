import { describe, expect, it } from 'vitest';
import { crawl } from '../../bin/audit/crawl.mjs';

const SITE: Record<string, string[]> = {
  'https://shop.example/': ['/products/a', '/products/b', '/collections/bags', 'https://other.example/', '/account'],
  'https://shop.example/products/a': ['/products/c', '/'],
  'https://shop.example/products/b': ['/products/d'],
  'https://shop.example/collections/bags': ['/products/a', '/products/e'],
};

describe('crawl', () => {
  it('goes breadth first through same-origin links, once each, honouring robots, sample and limit', async () => {
    const visited: string[] = [];
    const visit = async (url: string) => {
      visited.push(url);
      return (SITE[url] || []).map((href) => new URL(href, url).href);
    };
    const allowed = (url: string) => !url.includes('/account');
    const r = await crawl('https://shop.example/', { maxPages: 10, perKind: 3, concurrency: 1, allowed }, visit);
    expect(visited).toEqual(['https://shop.example/', 'https://shop.example/products/a', 'https://shop.example/products/b', 'https://shop.example/collections/bags', 'https://shop.example/products/c']);
    expect(r.skipped).toEqual({ robots: ['https://shop.example/account'], sample: 2, limit: 0 });
  });

  it('stops at --max-pages and survives a page that fails', async () => {
    const visited: string[] = [];
    const visit = async (url: string) => {
      visited.push(url);
      if (url.endsWith('/products/a')) throw new Error('boom');
      return (SITE[url] || []).map((href) => new URL(href, url).href);
    };
    const r = await crawl('https://shop.example/', { maxPages: 3, perKind: 0, concurrency: 2, allowed: () => true }, visit);
    expect(visited).toHaveLength(3);
    expect(r.skipped.limit).toBeGreaterThan(0);
  });
});
