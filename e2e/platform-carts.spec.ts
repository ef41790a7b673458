import { test, expect, events, GUID } from './support';

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

/** The page's PurchasedItems event, once it has been sent. */
const purchase = async (page: import('@playwright/test').Page) => {
  await expect.poll(async () => (await events(page)).filter((e) => e[0] === 'PurchasedItems').length, { timeout: 8000 }).toBe(1);
  return (await events(page)).find((e) => e[0] === 'PurchasedItems')![1] as { OrderNumber: string; GUID: string; PurchasedItems: Array<Record<string, string>> };
};
const setQty = async (page: import('@playwright/test').Page, sel: string, n: string) => {
  await page.fill(sel, n);
  await page.dispatchEvent(sel, 'change');
};

test('WooCommerce: classic add → StatusCart from the Store API; the cart page changes and removes; order-received → PurchasedItems with the last GUID, no StatusCart [] before it', async ({ shop }) => {
  await shop.goto('/zero/woo/product/leather-sandal');
  await shop.click('[data-test=add-to-cart]');
  const added = await lastCart(shop, 1);
  expect(added.StatusCart).toEqual([{ productKey: 'WC-LS-102', price: '36.00', quantity: '1', currency: 'USD' }]);

  await shop.goto('/zero/woo/cart');
  await setQty(shop, '.qty-input', '2');
  const changed = await lastCart(shop, 1);
  expect(changed.StatusCart).toEqual([expect.objectContaining({ productKey: 'WC-LS-102', quantity: '2' })]);
  await shop.click('.remove-line');
  expect((await lastCart(shop, 2)).StatusCart).toEqual([]);

  await shop.goto('/zero/woo/product/trail-runner');
  await shop.click('[data-test=add-to-cart-blocks]');
  const last = await lastCart(shop, 1);
  expect(last.StatusCart).toEqual([expect.objectContaining({ productKey: 'WC-TR-101', quantity: '1' })]);

  await shop.goto('/zero/woo/checkout');
  await shop.fill('#billing_first_name', 'Ann');
  await shop.fill('#billing_last_name', 'Lee');
  await shop.fill('#billing_email', 'Ann@Example.com');
  await shop.click('[data-test=place-order]');
  await shop.waitForURL(/order-received/);
  const p = await purchase(shop);
  expect(p.GUID).toBe(last.GUID);
  expect(p.PurchasedItems).toEqual([expect.objectContaining({ productKey: 'WC-TR-101', quantity: '1' })]);
  await shop.waitForTimeout(800);
  expect((await events(shop)).filter((e) => e[0] === 'StatusCart')).toEqual([]);
  const customer = (await events(shop)).find((e) => e[0] === 'CustomerData');
  expect(customer && customer[1]).toMatchObject({ CustomerData: { user_email: 'ann@example.com' } });
});

test('Magento 2: the cart section in mage-cache-storage after add, update and remove; the success page → PurchasedItems', async ({ shop }) => {
  await shop.goto('/zero/product/magento-bag');
  await shop.click('[data-test=add-to-cart]');
  const added = await lastCart(shop, 1);
  expect(added.StatusCart).toEqual([expect.objectContaining({ productKey: '24-MB01', quantity: '1', currency: 'USD' })]);
  await shop.fill('[data-test=qty-input]', '2');
  await shop.click('[data-test=update-qty]');
  expect((await lastCart(shop, 2)).StatusCart).toEqual([expect.objectContaining({ productKey: '24-MB01', quantity: '2' })]);

  await shop.goto('/zero/magento/checkout');
  const before = (await shop.evaluate(() => JSON.parse(localStorage['yespo:cart'] || '{}'))) as { guid?: string };
  await shop.click('[data-test=place-order]');
  await shop.waitForURL(/onepage\/success/);
  const p = await purchase(shop);
  expect(p.GUID).toBe(before.guid);
  expect(p.PurchasedItems).toEqual([expect.objectContaining({ productKey: '24-MB01', quantity: '2' })]);
  await shop.waitForTimeout(800);
  expect((await events(shop)).filter((e) => e[0] === 'StatusCart')).toEqual([]);
});

test('Magento 2: the success page slow to come, so the checkout page sends the emptied cart first; the purchase still carries the bought lines and GUID', async ({ shop }) => {
  await shop.goto('/zero/product/magento-bag');
  await shop.click('[data-test=add-to-cart]');
  await lastCart(shop, 1);
  await shop.goto('/zero/magento/checkout');
  const before = (await shop.evaluate(() => JSON.parse(localStorage['yespo:cart'] || '{}'))) as { guid?: string };
  // customer-data.js reloads the cart section after the order POST; the redirect is held back until the tracker has read it.
  await shop.route('**/onepage/success/**', async (r) => (await shop.waitForTimeout(1500), r.continue()));
  await shop.click('[data-test=place-order]');
  await expect.poll(() => shop.evaluate(() => JSON.parse(localStorage['yespo:cart'] || '{}').fp).catch((e) => String(e).slice(0, 80)), { timeout: 5000 }).toBe('');
  await shop.waitForURL(/onepage\/success/);
  const p = await purchase(shop);
  expect(p.GUID).toBe(before.guid);
  expect(p.PurchasedItems).toEqual([expect.objectContaining({ productKey: '24-MB01', quantity: '1' })]);
});

test('PrestaShop: updateCart after add; the cart page changes and removes; order-confirmation → PurchasedItems', async ({ shop }) => {
  await shop.goto('/zero/prestashop/product/mug-the-best-is-yet-to-come');
  await shop.click('[data-test=add-to-cart]');
  const added = await lastCart(shop, 1);
  expect(added.StatusCart).toEqual([expect.objectContaining({ productKey: 'demo_11', price: '11.9', quantity: '1', currency: 'EUR' })]);

  await shop.goto('/zero/prestashop/cart');
  await setQty(shop, '.qty-input', '3');
  expect((await lastCart(shop, 1)).StatusCart).toEqual([expect.objectContaining({ productKey: 'demo_11', quantity: '3' })]);

  await shop.goto('/zero/prestashop/order');
  const before = (await shop.evaluate(() => JSON.parse(localStorage['yespo:cart'] || '{}'))) as { guid?: string };
  await shop.click('[data-test=place-order]');
  await shop.waitForURL(/order-confirmation/);
  const p = await purchase(shop);
  expect(p.GUID).toBe(before.guid);
  expect(p.OrderNumber).toMatch(/^\d+$/);
  expect(p.PurchasedItems).toEqual([expect.objectContaining({ productKey: 'demo_11', quantity: '3' })]);
});

test('BigCommerce: add through stencil-utils → StatusCart from the Storefront Carts API; the cart page changes and removes', async ({ shop }) => {
  await shop.goto('/zero/bigcommerce/product/chemex-coffeemaker-3-cup');
  await shop.click('[data-test=add-to-cart]');
  const added = await lastCart(shop, 1);
  expect(added.StatusCart).toEqual([expect.objectContaining({ productKey: 'CC3C', quantity: '1', currency: 'USD' })]);
  await shop.goto('/zero/bigcommerce/cart');
  await setQty(shop, '.qty-input', '2');
  expect((await lastCart(shop, 1)).StatusCart).toEqual([expect.objectContaining({ productKey: 'CC3C', quantity: '2' })]);
  await shop.click('.remove-line');
  expect((await lastCart(shop, 2)).StatusCart).toEqual([]);
});

test('Shopify: two overlapping adds end in one StatusCart with the final quantity, with no stale one after it', async ({ shop }) => {
  await shop.goto('/zero/product/shopify-tee');
  await shop.evaluate(async () => {
    // As a theme does: the answer is read (a request's timing entry is written once its body has arrived).
    const add = (ms: number) =>
      fetch(`/cart/add.js?delay=${ms}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: [{ id: 40000000000002, quantity: 1 }] }) }).then((r) => r.json());
    await Promise.all([add(300), add(600)]);
  });
  await shop.waitForTimeout(1200);
  const all = await carts(shop);
  expect(all.length).toBeGreaterThanOrEqual(1);
  expect(all[all.length - 1][1].StatusCart).toEqual([expect.objectContaining({ quantity: '2' })]);
});

test('a failing cart endpoint is a debug problem naming the platform and URL: no exception, one retry, then quiet', async ({ shop, context }) => {
  await context.addCookies([{ name: 'demo_cart_fail', value: 'html', url: shop.url() === 'about:blank' ? 'http://127.0.0.1:' + (process.env.E2E_PORT || 8181) : shop.url() }]);
  const reads: string[] = [];
  shop.on('request', (r) => /\/cart\.js/.test(r.url()) && r.resourceType() === 'fetch' && reads.push(r.url()));
  await shop.goto('/zero/product/shopify-tee?yespo_debug=1');
  await shop.waitForTimeout(2500);
  const problems = await shop.evaluate(() => (window as unknown as { yespo: { inspect(): { problems: Array<{ code: string; message: string }> } } }).yespo.inspect().problems);
  expect(problems).toContainEqual(expect.objectContaining({ code: 'cart-unreadable', message: expect.stringContaining('shopify: /cart.js') }));
  // The tracker's read and its one retry (the theme's own bubble refresh reads /cart.js too, once).
  expect(reads.length).toBeLessThanOrEqual(3);
});
