import { test, expect, events, waitForEvents } from './support';

const impressions = async (page: import('@playwright/test').Page) =>
  (await events(page)).filter((e) => e[0] === 'ProductImpressions').map((e) => (e[1] as { ProductImpression: unknown[] }).ProductImpression);

test('home: recommendation blocks below the fold report what was seen, the late block too', async ({ shop }) => {
  await shop.goto('/');
  await waitForEvents(shop, 1);
  await shop.waitForTimeout(1500);
  expect(await impressions(shop)).toEqual([]);
  await shop.locator('[data-yespo-recs="1253_r963v1317"]').scrollIntoViewIfNeeded();
  await expect.poll(() => impressions(shop), { timeout: 6000 }).toHaveLength(1);
  expect((await impressions(shop))[0]).toEqual(
    ['24-WB04', '24-MB02', '24-UG06'].map((id) => ({ product_id: id, container_type: '1253_r963v1317' })),
  );
  await shop.locator('[data-yespo-recs="2001_r5v9"]').scrollIntoViewIfNeeded();
  await expect.poll(() => impressions(shop), { timeout: 6000 }).toHaveLength(2);
  expect((await impressions(shop))[1]).toEqual(['24-UG06', '24-MB02'].map((id) => ({ product_id: id, container_type: '2001_r5v9' })));
});

test('home: a recommendation\'s Add to cart sends the extra ProductPage with s_location, then the cart', async ({ shop }) => {
  await shop.goto('/');
  await waitForEvents(shop, 1);
  await shop.locator('[data-yespo-recs="1253_r963v1317"] [data-yespo-rec-item="24-WB04"] [data-yespo-add-to-cart]').click();
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toEqual(['MainPage', 'ProductPage', 'StatusCart']);
  expect((await events(shop))[1]).toEqual([
    'ProductPage',
    { ProductPage: { productKey: '24-WB04', price: '59.00' }, GeneralInfo: { s_location: '1253_r963v1317' } },
  ]);
});

test('app section: one PageView per route, then that route\'s events; hash changes send nothing', async ({ shop }) => {
  await shop.goto('/app');
  await waitForEvents(shop, 1);
  const nonImp = async () => (await events(shop)).filter((e) => e[0] !== 'ProductImpressions');
  await shop.getByRole('link', { name: 'App bags' }).click();
  await expect.poll(nonImp).toHaveLength(3);
  await shop.getByRole('link', { name: 'App backpack' }).click();
  await expect.poll(nonImp).toHaveLength(5);
  await shop.locator('#app-hash').click();
  await shop.getByRole('link', { name: 'App missing' }).click();
  await expect.poll(nonImp).toHaveLength(7);
  await shop.goBack();
  await shop.waitForTimeout(300);
  await shop.goBack();
  await expect.poll(nonImp).toHaveLength(9);
  await shop.waitForTimeout(500);
  expect(await nonImp()).toEqual([
    ['MainPage'],
    ['PageView', { PageView: {} }],
    ['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }],
    ['PageView', { PageView: {} }],
    ['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1, tag_color: ['black', 'grey'], tag_material: ['leather'] } }],
    ['PageView', { PageView: {} }],
    ['NotFound'],
    ['PageView', { PageView: {} }],
    ['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1, tag_color: ['black', 'grey'], tag_material: ['leather'] } }],
  ]);
});

test('app section: two quick clicks still send the second route\'s own event', async ({ shop }) => {
  await shop.goto('/app');
  await waitForEvents(shop, 1);
  await shop.getByRole('link', { name: 'App bags' }).click();
  await shop.waitForTimeout(50);
  await shop.getByRole('link', { name: 'App backpack' }).click();
  await expect.poll(async () => (await events(shop)).map((e) => e[0]).filter((n) => n !== 'ProductImpressions')).toEqual(['MainPage', 'PageView', 'PageView', 'ProductPage']);
});
