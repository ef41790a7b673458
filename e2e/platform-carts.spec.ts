import { test, expect, events, GUID, type Call } from './support';

/** The StatusCart events of the page so far. */
const carts = async (page: import('@playwright/test').Page) => (await events(page)).filter((e) => e[0] === 'StatusCart') as Array<[string, { StatusCart: Array<Record<string, string>>; GUID: string }]>;
const lastCart = async (page: import('@playwright/test').Page, n: number) => {
  await expect.poll(async () => (await carts(page)).length, { timeout: 8000 }).toBeGreaterThanOrEqual(n);
  const all = await carts(page);
  return all[all.length - 1][1];
};

test.beforeEach(async ({ shop }) => {
  await shop.request.post('/__demo/reset-carts').catch(() => undefined);
});

test('Shopify: add → StatusCart from /cart.js; the cart page changes a quantity and removes the line', async ({ shop }) => {
  await shop.goto('/zero/product/shopify-tee');
  await shop.click('#add-to-cart');
  const added = await lastCart(shop, 1);
  expect(added.GUID).toMatch(GUID);
  expect(added.StatusCart).toHaveLength(1);
  expect(added.StatusCart[0]).toMatchObject({ quantity: '1', currency: 'USD' });
  const key = added.StatusCart[0].productKey;

  await shop.goto('/zero/shopify/cart');
  await shop.waitForTimeout(600);
  expect(await carts(shop)).toEqual([]); // the same cart read again is no news
  await shop.fill('.qty-input', '3');
  await shop.press('.qty-input', 'Tab');
  const changed = await lastCart(shop, 1);
  expect(changed.StatusCart).toEqual([expect.objectContaining({ productKey: key, quantity: '3' })]);
  expect(changed.GUID).not.toBe(added.GUID);

  await shop.click('.remove-line');
  const emptied = await lastCart(shop, 2);
  expect(emptied.StatusCart).toEqual([]);
});

test('no request of a cart endpoint on a page of no platform, and the page\'s fetch and XHR stay the browser\'s own', async ({ shop }) => {
  const reads: string[] = [];
  shop.on('request', (r) => /cart\.js|wc\/store|api\/storefront/.test(r.url()) && reads.push(r.url()));
  await shop.goto('/zero/product/og-only');
  await shop.waitForTimeout(500);
  expect(reads).toEqual([]);
  await shop.goto('/zero/product/shopify-tee');
  await shop.waitForTimeout(500);
  const native = await shop.evaluate(() =>
    [window.fetch, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send, history.pushState, history.replaceState].every((f) => /\[native code\]/.test(Function.prototype.toString.call(f))),
  );
  expect(native).toBe(true);
});
