// The demo shop's sitemaps and robots.txt, for `yespo-autotrack audit --sitemap / --crawl`:
// `/sitemap.xml` lists every page; `/sitemap_index.xml` points to `/sitemap-shop.xml` and the
// gzipped `/sitemap-zero.xml.gz`. robots.txt keeps crawlers out of `/account` and `/app/`.
import { gzipSync } from 'node:zlib';

/** The audit examples (`/audit/…`): path → file under pages/audit/. */
export const AUDIT_PAGES = [
  ['/audit/broken-price', 'broken-price.html'],
  ['/audit/silent', 'silent.html'],
];

const SHOP = ['/', '/category/bags', '/product/24-MB02', '/product/24-WB04', '/product/24-UG06', '/cart', '/checkout', '/thank-you', '/account', '/search?q=bag', ...AUDIT_PAGES.map(([path]) => path)];
const ZERO = ['/zero', '/zero/woo/cart', '/zero/product/shopify-tee', '/zero/product/magento-bag', '/zero/product/og-only', '/zero/category/shoes', '/zero/search?q=boots', '/zero/ga4/product', '/zero/ga4/thank-you', '/zero/broken-jsonld', '/zero/consent-mode'];

const xml = (body) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const urlset = (origin, paths) =>
  xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `  <url><loc>${esc(origin + p)}</loc></url>`).join('\n')}\n</urlset>`);
const index = (origin, files) =>
  xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `  <sitemap><loc>${origin}${f}</loc></sitemap>`).join('\n')}\n</sitemapindex>`);

const ROBOTS = (origin) => `User-agent: *\nDisallow: /account\nDisallow: /app/\n\nSitemap: ${origin}/sitemap_index.xml\n`;

/** The answer for a sitemap or robots.txt path, with absolute URLs on the request's origin; undefined for other paths. */
export function sitemapFile(path, origin) {
  if (path === '/robots.txt') return { type: 'text/plain; charset=utf-8', body: ROBOTS(origin) };
  if (path === '/sitemap.xml') return { type: 'application/xml; charset=utf-8', body: urlset(origin, [...SHOP, ...ZERO]) };
  if (path === '/sitemap_index.xml') return { type: 'application/xml; charset=utf-8', body: index(origin, ['/sitemap-shop.xml', '/sitemap-zero.xml.gz']) };
  if (path === '/sitemap-shop.xml') return { type: 'application/xml; charset=utf-8', body: urlset(origin, SHOP) };
  if (path === '/sitemap-zero.xml.gz') return { type: 'application/gzip', body: gzipSync(urlset(origin, ZERO)) };
  return undefined;
}
