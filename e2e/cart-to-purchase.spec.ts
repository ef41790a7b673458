import { test, expect, events, settled, waitForEvents, GUID, type Call } from './support';

type CartPayload = { StatusCart: Array<Record<string, unknown>>; GUID: string };
const carts = (list: Call[]) => list.filter((e) => e[0] === 'StatusCart').map((e) => e[1] as CartPayload);

test('add to cart → cart page → change → checkout → purchase carries the last GUID; a reload sends nothing', async ({ shop }) => {
  await shop.goto('/product/24-MB02');
  await waitForEvents(shop, 1);
  await shop.locator('.product [data-add]').click();
  await waitForEvents(shop, 2);
  const [first] = carts(await settled(shop));
  expect(first).toEqual({ StatusCart: [{ productKey: '24-MB02', price: '45.00', quantity: '1', currency: 'USD' }], GUID: expect.stringMatching(GUID) });

  await shop.goto('/cart');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['StatusCartPage']]);

  await shop.locator('main [data-yespo-cart] button', { hasText: '+' }).first().click();
  await waitForEvents(shop, 2);
  const list = await settled(shop);
  expect(list.map((e) => e[0])).toEqual(['StatusCartPage', 'StatusCart']);
  const second = carts(list)[0];
  expect(second.StatusCart).toEqual([{ productKey: '24-MB02', price: '45.00', quantity: '2', currency: 'USD' }]);
  expect(second.GUID).toMatch(GUID);
  expect(second.GUID).not.toBe(first.GUID);

  await shop.goto('/checkout?order=E2E-1');
  await waitForEvents(shop, 1);
  await shop.fill('#checkout-form input[type=email]', '  Buyer@Example.com ');
  await shop.fill('#checkout-form input[type=tel]', '+380 50 123 45 67');
  await shop.fill('#checkout-form [data-yespo-field=name]', 'Buyer');
  await shop.fill('#checkout-form [data-yespo-field=city]', 'Kyiv');
  await shop.locator('#checkout-form button[type=submit], #checkout-form button').last().click();
  await shop.waitForURL('**/thank-you');
  await waitForEvents(shop, 1);
  const thanks = await settled(shop);
  const identity = { user_email: 'buyer@example.com', user_phone: '+380501234567' };
  expect(thanks).toEqual([
    [
      'PurchasedItems',
      {
        OrderNumber: 'E2E-1',
        PurchasedItems: [{ productKey: '24-MB02', price: '45.00', quantity: '2', currency: 'USD' }],
        GUID: second.GUID,
        GeneralInfo: identity,
      },
    ],
  ]);

  await shop.reload();
  expect(await settled(shop, 800)).toEqual([]);
});

test('checkout form submit sends CustomerData before leaving the page', async ({ shop }) => {
  await shop.goto('/checkout?order=E2E-2');
  await waitForEvents(shop, 1);
  await shop.fill('#checkout-form input[type=email]', 'a@b.io');
  await shop.fill('#checkout-form [data-yespo-field=name]', 'Ann');
  await shop.locator('#checkout-form button').last().click();
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toContain('CustomerData');
  const cd = (await events(shop)).find((e) => e[0] === 'CustomerData')!;
  expect(cd[1]).toEqual({ CustomerData: { user_email: 'a@b.io', user_name: 'Ann' }, GeneralInfo: { user_email: 'a@b.io' } });
});

test('emptying the cart sends StatusCart []; a new visitor with an empty cart sends none', async ({ shop }) => {
  await shop.goto('/cart');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['StatusCartPage']]);
  await shop.goto('/category/bags');
  await shop.locator('[data-add="24-WB04"]').first().click();
  await waitForEvents(shop, 2);
  await shop.goto('/cart');
  await waitForEvents(shop, 1);
  await shop.locator('main [data-yespo-cart] button', { hasText: /remove/i }).first().click();
  await waitForEvents(shop, 2);
  const list = await settled(shop);
  expect(list[1]).toEqual(['StatusCart', { StatusCart: [], GUID: expect.stringMatching(GUID) }]);
});

test('the cart is followed across pages and tabs of the same visit', async ({ shop, context }) => {
  await shop.goto('/category/bags');
  await shop.locator('[data-add="24-MB02"]').first().click();
  await waitForEvents(shop, 2);
  const other = await context.newPage();
  await other.goto('/');
  await other.waitForTimeout(500);
  const calls = await other.evaluate(() => (window as unknown as { __esCalls: Array<{ args: unknown[] }> }).__esCalls.map((c) => c.args[1]));
  expect(calls).not.toContain('StatusCart');
  await other.close();
});
