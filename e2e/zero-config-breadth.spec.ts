import { test, expect, settled, waitForEvents } from './support';

/**
 * Zero-config on more of the market: a Shopware 6 product page (microdata and body classes only), and
 * a headless shop whose JSON-LD Product appears by script about 800 ms after load.
 */

test('Shopware 6 product detail: ProductPage from the Storefront microdata, nothing else', async ({ shop }) => {
  const res = await shop.goto('/zero/shopware/detail/SW10012');
  expect(res!.status()).toBe(200);
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'SW10012', price: '49.95', isInStock: 1 } }]]);
});

test('headless shop, JSON-LD rendered 800 ms after load: ProductPage once, with the late product\'s key and price', async ({ shop }) => {
  const res = await shop.goto('/zero/late/product/trail-runner-2');
  expect(res!.status()).toBe(200);
  await shop.waitForFunction(() => !!document.querySelector('script[type="application/ld+json"]'));
  await waitForEvents(shop, 1);
  expect(await settled(shop, 1500)).toEqual([['ProductPage', { ProductPage: { productKey: 'LATE-TRAIL-RUNNER-2', price: '129.99', isInStock: 1 } }]]);
});
