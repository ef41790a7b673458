import { test, expect, allCalls, waitForEvents } from './support';

test('?yespo_debug=1 loads the debug build: one console group per page view and the overlay', async ({ shop }) => {
  const scripts: string[] = [];
  const logs: string[] = [];
  shop.on('request', (r) => r.url().includes('yespo-autotrack') && scripts.push(new URL(r.url()).pathname));
  shop.on('console', (m) => logs.push(m.type() + ': ' + m.text()));
  await shop.goto('/product/24-MB02?yespo_debug=1');
  await waitForEvents(shop, 1);
  expect(scripts).toEqual(['/yespo-autotrack.min.js', '/yespo-autotrack.debug.js']);
  expect((await allCalls(shop)).filter((c) => c[0] === 'init')).toHaveLength(1);
  expect(logs).toContain('startGroupCollapsed: [yespo] page view 1: product (from data-yespo-product)');

  const overlay = shop.locator('yespo-debug');
  await expect(overlay.locator('.panel')).toContainText('product  (from data-yespo-product)');
  await expect(overlay.locator('.panel')).toContainText('"productKey": "24-MB02"');
  await expect(overlay.locator('.panel')).toContainText('ProductPage {"ProductPage"');

  const before = await shop.evaluate(() => getComputedStyle(document.querySelector('.product [data-add]')!).outlineStyle);
  await overlay.getByRole('button', { name: 'Outline' }).click();
  expect(await overlay.locator('.box').count()).toBeGreaterThan(3);
  await expect(overlay.locator('.box span').first()).toBeVisible();
  expect(await shop.evaluate(() => getComputedStyle(document.querySelector('.product [data-add]')!).outlineStyle)).toBe(before);
  await overlay.getByRole('button', { name: 'Hide' }).click();
  await expect(overlay.locator('.body')).toBeHidden();
});

test('the debug build names problems in the overlay and checks payloads', async ({ shop }) => {
  await shop.route('**/dbg', (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><div data-yespo-page="landing"></div><div data-yespo-cart><i data-yespo-cart-item="A" data-yespo-price="call us"></i></div>
        <script>window.yespoConfig = { scriptId: "1", debug: true };</script><script src="/yespo-autotrack.min.js" async></script>`,
    }),
  );
  await shop.goto('/dbg');
  await waitForEvents(shop, 1);
  const panel = shop.locator('yespo-debug .panel');
  await expect(panel).toContainText('unknown page type "landing"');
  await expect(panel).toContainText('price "call us" is not a number');
  const inspected = await shop.evaluate(() => (window as unknown as { yespo: { inspect(): { page: { type: string }; events: unknown[] } } }).yespo.inspect());
  expect(inspected.page.type).toBe('other');
  expect(inspected.events).toHaveLength(1);
});
