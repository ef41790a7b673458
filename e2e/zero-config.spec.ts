import type { Page } from '@playwright/test';
import { test, expect, settled, waitForEvents, GUID } from './support';

/**
 * The demo shop's zero-config section (`/zero/…`): pages that carry no `data-yespo-*` attribute,
 * only what shop platforms print anyway (JSON-LD, microdata, OpenGraph, a GA4 dataLayer, body
 * classes). Each page must send exactly its own events and nothing else.
 */

const ZERO_PAGES = [
  '/zero/',
  '/zero/product/shopify-tee',
  '/zero/product/magento-bag',
  '/zero/product/og-only',
  '/zero/category/shoes',
  '/zero/search?q=boots',
  '/zero/ga4/product',
  '/zero/ga4/thank-you?tx=GA-ATTR',
  '/zero/woo/cart',
  '/zero/broken-jsonld',
  '/zero/consent-mode',
];

/** `<tag data-yespo-…>` in markup. */
const YESPO_ATTRIBUTE = /<[a-z][^>]*\sdata-yespo-/i;

/** Opens a zero-config page: it answers 200 and its markup has no data-yespo-* attribute. */
async function open(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res!.status(), url).toBe(200);
  expect(await res!.text(), url).not.toMatch(YESPO_ATTRIBUTE);
}

/** Every `data-yespo-*` attribute in the live document, as `tag[attribute]`. */
const yespoAttributes = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*')))
      for (const a of Array.from(el.attributes)) if (a.name.startsWith('data-yespo')) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
    return found;
  });

test('no zero-config page has a data-yespo-* attribute, in its markup or once loaded', async ({ shop }) => {
  for (const url of ZERO_PAGES) {
    await open(shop, url);
    await shop.waitForLoadState('load');
    expect(await yespoAttributes(shop), url).toEqual([]);
    expect(await shop.locator('script[src="/yespo-autotrack.min.js"]').count(), url).toBe(1);
    expect(await shop.evaluate(() => (window as unknown as { yespoConfig: unknown }).yespoConfig), url).toMatchObject({
      scriptId: '000000000000000000',
      scriptUrl: '/es-standin.js',
      currency: 'USD',
    });
  }
});

test('the main home page lists the zero-config examples without data-yespo-* attributes', async ({ shop }) => {
  await shop.goto('/');
  const section = shop.locator('section', { has: shop.getByRole('heading', { name: 'Zero-config examples' }) });
  await expect(section).toHaveCount(1);
  const attrs = await section.evaluate((s) =>
    [s, ...Array.from(s.querySelectorAll('*'))].flatMap((el) => Array.from(el.attributes).map((a) => a.name)).filter((n) => n.startsWith('data-yespo')),
  );
  expect(attrs).toEqual([]);
  const links = await section.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const url of ZERO_PAGES) expect(links, url).toContain(url.split('?')[0]);
});

test('Shopify (Dawn) JSON-LD Product with per-variant offers → ProductPage of the selected variant', async ({ shop }) => {
  await open(shop, '/zero/product/shopify-tee');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'TEE-BLK-M', price: '25.00', isInStock: 1 } }]]);
});

test('Magento 2 (Luma) microdata: <meta itemprop=price> wins over the visible "$34.00"', async ({ shop }) => {
  await open(shop, '/zero/product/magento-bag');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: '24-MB01', price: '34.00', isInStock: 1 } }]]);
});

test('OpenGraph product tags only: EU price and "out of stock"', async ({ shop }) => {
  await open(shop, '/zero/product/og-only');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'OG-77', price: '1249.00', isInStock: 0 } }]]);
});

test('Yoast-style @graph with CollectionPage, ItemList of 12 products and breadcrumb → CategoryPage', async ({ shop }) => {
  await open(shop, '/zero/category/shoes');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'shoes' } }]]);
});

test("the same category page with categoryKey: 'breadcrumb' → the breadcrumb's name as the key", async ({ shop }) => {
  // The shop's own page, with one option added to its config.
  await shop.route('**/zero/category/shoes', async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('currency: "USD" }', 'currency: "USD", categoryKey: "breadcrumb" }');
    expect(html).toContain('categoryKey');
    await route.fulfill({ response: res, body: html });
  });
  await open(shop, '/zero/category/shoes');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'Shoes' } }]]);
});

test('home page with WebSite, Organization and a featured Product → MainPage only, never ProductPage', async ({ shop }) => {
  await open(shop, '/zero/');
  await waitForEvents(shop, 1);
  const sent = await settled(shop);
  expect(sent.map((e) => e[0])).not.toContain('ProductPage');
  expect(sent).toEqual([['MainPage']]);
});

test('SearchResultsPage JSON-LD with an ItemList of three results → SearchRequest, found', async ({ shop }) => {
  await open(shop, '/zero/search?q=boots');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['SearchRequest', { SearchRequest: { search: 'boots', isFound: 1 } }]]);
});

test('GA4 dataLayer only: view_item → ProductPage; add_to_cart → StatusCart', async ({ shop }) => {
  await open(shop, '/zero/ga4/product');
  await waitForEvents(shop, 1);
  const product = ['ProductPage', { ProductPage: { productKey: 'GA-1', price: '12.5' } }];
  expect(await settled(shop)).toEqual([product]);

  await shop.getByRole('button', { name: 'Add to cart' }).click();
  await waitForEvents(shop, 2);
  expect(await settled(shop)).toEqual([
    product,
    ['StatusCart', { StatusCart: [{ productKey: 'GA-1', price: '12.5', quantity: '1', currency: 'USD' }], GUID: expect.stringMatching(GUID) }],
  ]);
});

test('GA4 purchase → PurchasedItems once per transaction_id; a reload sends nothing', async ({ shop }) => {
  const items = [
    { productKey: 'GA-1', price: '12.5', quantity: '2', currency: 'USD' },
    { productKey: 'GA-2', price: '20', quantity: '1', currency: 'USD' },
  ];
  await open(shop, '/zero/ga4/thank-you');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['PurchasedItems', { OrderNumber: 'GA-T1', PurchasedItems: items }]]);

  await shop.reload();
  await shop.waitForLoadState('load');
  expect(await settled(shop, 800)).toEqual([]);

  await open(shop, '/zero/ga4/thank-you?tx=GA-T2');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['PurchasedItems', { OrderNumber: 'GA-T2', PurchasedItems: items }]]);
});

test('WooCommerce cart page recognised from its body classes alone → StatusCartPage', async ({ shop }) => {
  await open(shop, '/zero/woo/cart');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['StatusCartPage']]);
});

test('broken JSON-LD blocks do not stop the valid Product block → ProductPage', async ({ shop }) => {
  await open(shop, '/zero/broken-jsonld');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'FIX-1', price: '9.90', isInStock: 1 } }]]);
});

test('Google Consent Mode: nothing loads, is stored or sent until the visitor accepts; then the product page', async ({ shop, context }) => {
  const loader: string[] = [];
  shop.on('request', (r) => r.url().includes('es-standin') && loader.push(r.url()));
  await open(shop, '/zero/consent-mode');
  await shop.waitForTimeout(600);
  expect(loader).toEqual([]);
  expect(await shop.evaluate(() => typeof (window as unknown as { eS?: unknown }).eS)).toBe('undefined');
  expect(await shop.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)).filter((k) => k.startsWith('yespo')))).toEqual([]);
  expect((await context.cookies()).map((c) => c.name)).toEqual([]);

  await shop.getByRole('button', { name: 'Accept' }).click();
  await waitForEvents(shop, 1);
  expect(loader).toHaveLength(1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'CM-1', price: '29.00', isInStock: 1 } }]]);
});

test('Google Consent Mode: a visitor who rejects gets no Yespo script and no events', async ({ shop }) => {
  const loader: string[] = [];
  shop.on('request', (r) => r.url().includes('es-standin') && loader.push(r.url()));
  await open(shop, '/zero/consent-mode');
  await shop.getByRole('button', { name: 'Reject' }).click();
  await shop.waitForTimeout(600);
  expect(loader).toEqual([]);
  expect(await shop.evaluate(() => typeof (window as unknown as { eS?: unknown }).eS)).toBe('undefined');
});
