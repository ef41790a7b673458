import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap, readSitemaps, SitemapError } from '../../bin/audit/sitemap.mjs';

const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

describe('parseSitemap', () => {
  it('reads a urlset, decoding entities and CDATA', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${NS}>
      <url><loc>https://shop.example/products/a?x=1&amp;y=2</loc><lastmod>2024-01-01</lastmod></url>
      <url><loc><![CDATA[https://shop.example/products/b]]></loc></url>
    </urlset>`;
    expect(parseSitemap(xml)).toEqual({ type: 'urlset', locs: ['https://shop.example/products/a?x=1&y=2', 'https://shop.example/products/b'] });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex ${NS}><sitemap><loc>https://shop.example/sitemap-1.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml)).toEqual({ type: 'index', locs: ['https://shop.example/sitemap-1.xml'] });
  });

  it('takes a namespace prefix, and leaves out image and video extensions', () => {
    const xml = `<?xml version="1.0"?><!-- generated --><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <sm:url><sm:loc>https://shop.example/p/1</sm:loc><image:image><image:loc>https://cdn.example/1.jpg</image:loc></image:image></sm:url>
    </sm:urlset>`;
    expect(parseSitemap(xml).locs).toEqual(['https://shop.example/p/1']);
    const plain = `<urlset ${NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://shop.example/p/2</loc><image:image><image:loc>https://cdn.example/2.jpg</image:loc></image:image></url></urlset>`;
    expect(parseSitemap(plain).locs).toEqual(['https://shop.example/p/2']);
  });

  it('reads the plain-text form, one URL a line', () => {
    expect(parseSitemap('https://shop.example/a\r\nhttps://shop.example/b\n')).toEqual({ type: 'text', locs: ['https://shop.example/a', 'https://shop.example/b'] });
  });

  it.each([
    ['<html><body>Not found</body></html>', /root element is <html>/],
    [`<urlset ${NS}><url><loc>https://shop.example/a</loc></url>`, /not closed/],
    ['', /not a sitemap/],
    ['hello world', /not a sitemap/],
    ['<?xml version="1.0"?>', /no root element/],
  ])('rejects %j', (text, message) => {
    expect(() => parseSitemap(text)).toThrow(SitemapError);
    expect(() => parseSitemap(text)).toThrow(message);
  });
});

describe('readSitemaps', () => {
  const files: Record<string, string> = {
    'https://shop.example/sitemap_index.xml': `<sitemapindex ${NS}><sitemap><loc>/sitemap-products.xml</loc></sitemap><sitemap><loc>https://shop.example/sitemap-pages.xml.gz</loc></sitemap><sitemap><loc>https://shop.example/broken.xml</loc></sitemap><sitemap><loc>https://shop.example/sitemap_index.xml</loc></sitemap></sitemapindex>`,
    'https://shop.example/sitemap-products.xml': `<urlset ${NS}><url><loc>https://shop.example/products/a</loc></url><url><loc>https://shop.example/products/b#top</loc></url></urlset>`,
    'https://shop.example/sitemap-pages.xml.gz': `<urlset ${NS}><url><loc>https://shop.example/</loc></url><url><loc>https://shop.example/products/a</loc></url><url><loc>mailto:x@y</loc></url></urlset>`,
    'https://shop.example/broken.xml': '<urlset',
  };
  const get = async (url: string) => {
    if (!(url in files)) throw new Error('HTTP 404');
    return files[url];
  };

  it('follows the index (relative locations too), each file once, and keeps page URLs once', async () => {
    const r = await readSitemaps('https://shop.example/sitemap_index.xml', get);
    expect(r.urls).toEqual(['https://shop.example/products/a', 'https://shop.example/products/b', 'https://shop.example/']);
    expect(r.files).toHaveLength(4);
    expect(r.errors).toEqual([{ url: 'https://shop.example/broken.xml', message: expect.stringMatching(/no root element|not closed/) }]);
  });

  it('stops at the URL limit', async () => {
    const r = await readSitemaps('https://shop.example/sitemap_index.xml', get, { maxUrls: 1 });
    expect(r.urls).toEqual(['https://shop.example/products/a']);
  });

  it('unpacks gzip by its magic bytes (fetch.mjs), served as .xml.gz', async () => {
    const { fetchText } = await import('../../bin/audit/fetch.mjs');
    const { createServer } = await import('node:http');
    const body = gzipSync(`<urlset ${NS}><url><loc>https://shop.example/x</loc></url></urlset>`);
    const server = createServer((_, res) => res.end(body));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as { port: number };
      const { text } = await fetchText(`http://127.0.0.1:${port}/sitemap.xml.gz`);
      expect(parseSitemap(text).locs).toEqual(['https://shop.example/x']);
    } finally {
      server.close();
    }
  });
});
