import { test, expect, events, servePage, TRACKER_TAG, type Call } from './support';
import type { Page } from '@playwright/test';

const item = (id: string, ct: string) =>
  `<div class="it" data-yespo-rec-item="${id}" style="height:180px;margin:10px;background:#eee">
     <a href="/p/${id}?sc_content=${ct}">${id}</a> <button data-yespo-add-to-cart>Buy</button></div>`;
const block = (ct: string, ids: string[], id = '') =>
  `<section ${id ? `id="${id}" ` : ''}data-yespo-recs="${ct}" style="display:flex">${ids.map((i) => item(i, ct)).join('')}</section>`;

const PAGE = `<!doctype html><html><body style="margin:0">
  <h1 data-yespo-page="other">Recs</h1>
  <div style="height:2000px">spacer</div>
  ${block('1253_r963v1317', ['A1', 'A2', 'A3'], 'first')}
  ${block('77_r2v3', ['B1', 'B2'])}
  <div style="height:2000px" id="bottom">spacer</div>
  <div id="late"></div>
  <script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}</body></html>`;

const impressions = async (page: Page) =>
  (await events(page)).filter((e: Call) => e[0] === 'ProductImpressions').map((e) => (e[1] as { ProductImpression: unknown[] }).ProductImpression);

async function open(page: Page, html = PAGE) {
  await servePage(page, '/recs', html);
  await page.goto('/recs');
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { yespo: { stats?: unknown } }).yespo.stats)).toBe('function');
}

const scrollTo = (page: Page, sel: string) => page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'center' }), sel);

test('a block seen for 300 ms sends nothing', async ({ shop }) => {
  await open(shop);
  await scrollTo(shop, '#first');
  await shop.waitForTimeout(300);
  await shop.evaluate(() => window.scrollTo(0, 0));
  await shop.waitForTimeout(2500);
  expect(await impressions(shop)).toEqual([]);
});

test('both blocks seen ≥ 1 s → one batched call with exactly the seen items; no duplicates on re-scroll', async ({ shop }) => {
  await open(shop);
  await scrollTo(shop, '#first');
  await expect.poll(() => impressions(shop), { timeout: 5000 }).toHaveLength(1);
  const [batch] = await impressions(shop);
  expect(batch).toEqual([
    { product_id: 'A1', container_type: '1253_r963v1317' },
    { product_id: 'A2', container_type: '1253_r963v1317' },
    { product_id: 'A3', container_type: '1253_r963v1317' },
    { product_id: 'B1', container_type: '77_r2v3' },
    { product_id: 'B2', container_type: '77_r2v3' },
  ]);
  await shop.evaluate(() => window.scrollTo(0, 0));
  await shop.waitForTimeout(300);
  await scrollTo(shop, '#first');
  await shop.waitForTimeout(2500);
  expect(await impressions(shop)).toHaveLength(1);
});

test('a block rendered late is tracked; items removed are let go', async ({ shop }) => {
  await open(shop);
  await shop.evaluate(() => {
    document.getElementById('late')!.innerHTML =
      '<section data-yespo-recs="9_r9v9"><div data-yespo-rec-item="L1" style="height:200px"><a href="/x?sc_content=9_r9v9">L1</a></div></section>';
  });
  await expect.poll(() => shop.evaluate(() => (window as unknown as { yespo: { stats(): { observed: number } } }).yespo.stats().observed)).toBe(6);
  await scrollTo(shop, '#late');
  await expect.poll(() => impressions(shop), { timeout: 5000 }).toEqual([[{ product_id: 'L1', container_type: '9_r9v9' }]]);
  await shop.evaluate(() => document.getElementById('first')!.remove());
  await expect.poll(() => shop.evaluate(() => (window as unknown as { yespo: { stats(): { observed: number } } }).yespo.stats().observed)).toBe(2);
});

test('a pending batch goes out when the tab is hidden', async ({ shop }) => {
  await open(shop, PAGE.replace('{ scriptId: "1" }', '{ scriptId: "1", impressions: { flushMs: 60000 } }'));
  await scrollTo(shop, '#first');
  await shop.waitForTimeout(1600);
  expect(await impressions(shop)).toEqual([]);
  await shop.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect((await impressions(shop))[0]).toHaveLength(5);
});

test('add to cart inside a recommendation → extra ProductPage with s_location', async ({ shop }) => {
  await open(shop);
  await scrollTo(shop, '#first');
  await shop.locator('[data-yespo-rec-item="A2"] [data-yespo-add-to-cart]').click();
  await expect
    .poll(async () => (await events(shop)).filter((e) => e[0] === 'ProductPage'))
    .toEqual([['ProductPage', { ProductPage: { productKey: 'A2' }, GeneralInfo: { s_location: '1253_r963v1317' } }]]);
});

test('a visit through a recommendation link tags the purchase with blockId', async ({ shop }) => {
  await shop.goto('/product/24-WB04?sc_content=1253_r963v1317');
  await shop.locator('.product [data-add]').click();
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toContain('StatusCart');
  await shop.goto('/checkout?order=REC-1');
  await shop.fill('#checkout-form input[type=email]', 'rec@shop.io');
  await shop.locator('#checkout-form button').last().click();
  await shop.waitForURL('**/thank-you');
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toContain('PurchasedItems');
  const p = (await events(shop)).find((e) => e[0] === 'PurchasedItems')![1];
  expect(p).toMatchObject({ OrderNumber: 'REC-1', Tags: { blockId: ['1253_r963v1317'] } });
});
