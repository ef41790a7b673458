import { test, expect, events, servePage, TRACKER_TAG } from './support';
import type { Page } from '@playwright/test';
import { checkRestBody } from '../src/schema/rest';

/** A page whose CSP (a meta tag, as Chromium honours it) requires Trusted Types for scripts. */
const strict = (tt: string, cfg: string) =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; ${tt}"></head><body>
  <div data-yespo-product="24-MB02" data-yespo-price="45.00" data-yespo-in-stock="1"></div>
  <script>window.yespoConfig = ${cfg};</script>${TRACKER_TAG}</body></html>`;

const ES = '{ scriptId: "0", currency: "USD" }';
const AUTO = '{ scriptId: "0", siteId: "S1", transport: "auto", restUrl: "/collect", currency: "USD" }';

/** The tracker's own console lines. */
function ours(p: Page) {
  const lines: string[] = [];
  p.on('console', (m) => m.text().startsWith('[yespo]') && lines.push(m.type() + ': ' + m.text()));
  return lines;
}

for (const tt of ['trusted-types yespo-autotrack', 'trusted-types *']) {
  test(`"${tt}": the loader is inserted through the policy and events arrive`, async ({ shop }) => {
    const lines = ours(shop);
    await servePage(shop, '/tt', strict(tt, ES));
    await shop.goto('/tt');
    await expect.poll(() => events(shop)).toEqual([['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1 } }]]);
    expect(await shop.evaluate(() => (window as unknown as { __esLoads?: number }).__esLoads)).toBe(1);
    expect(lines).toEqual([]);
  });
}

test('a CSP without our policy name: one warning naming the directive, and auto goes to REST at once', async ({ shop, context }) => {
  const lines = ours(shop);
  const bodies: Array<{ GeneralInfo: { eventName: string } }> = [];
  await context.route('**/collect', (r) => {
    const b = JSON.parse(r.request().postData() || 'null');
    expect(checkRestBody(b)).toEqual([]);
    bodies.push(b);
    return r.fulfill({ status: 200, body: '' });
  });
  await servePage(shop, '/tt', strict('trusted-types other-policy', AUTO));
  const started = Date.now();
  await shop.goto('/tt');
  await expect.poll(() => bodies.map((b) => b.GeneralInfo.eventName)).toEqual(['ProductPage']);
  // Not after the 4 s the loader is otherwise given.
  expect(Date.now() - started).toBeLessThan(3000);
  await shop.waitForTimeout(300);
  expect(lines).toEqual([`warning: [yespo] add "trusted-types yespo-autotrack" to the Content-Security-Policy: sending through REST meanwhile`]);
  expect(await shop.evaluate(() => typeof (window as unknown as { eS?: unknown }).eS)).toBe('undefined');
});

test("a CSP without our policy name and transport 'es': the warning says nothing can be sent", async ({ shop }) => {
  const lines = ours(shop);
  await servePage(shop, '/tt', strict('trusted-types other-policy', ES));
  await shop.goto('/tt');
  await expect.poll(() => lines.length).toBe(1);
  await shop.waitForTimeout(300);
  expect(lines).toEqual([`warning: [yespo] add "trusted-types yespo-autotrack" to the Content-Security-Policy: no event can be sent`]);
});

test("debug mode under Trusted Types: the debug build is inserted through the policy ('allow-duplicates' lets it make its own)", async ({ shop }) => {
  const html = strict("trusted-types yespo-autotrack 'allow-duplicates'", ES);
  await shop.route(/\/tt\?yespo_debug=1$/, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await shop.goto('/tt?yespo_debug=1');
  await expect.poll(() => events(shop)).toEqual([['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1 } }]]);
  expect(await shop.evaluate(() => [...document.scripts].some((s) => s.src.endsWith('/yespo-autotrack.debug.js')))).toBe(true);
});
