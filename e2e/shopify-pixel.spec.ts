import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page } from '@playwright/test';
import { test, expect } from './support';
import { checkRestBody } from '../src/schema/rest';
import { completed, contactSubmitted, initWith } from '../test/pixel/fixtures/checkout';

// The built file, driven through an emulation of Shopify's Web Pixels API (fixtures/pixel/web-pixels.js):
// the pixel runs in a sandboxed iframe, `browser.*` act on the harness page as the shop's top frame.
const PIXEL = readFileSync('dist/yespo-autotrack.shopify-pixel.js', 'utf8');
const HARNESS = readFileSync('e2e/fixtures/pixel/harness.html', 'utf8');
const EMULATOR = readFileSync('e2e/fixtures/pixel/web-pixels.js', 'utf8');
const REST = 'https://tracker.yespo.io/api/v2';
const SC = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3';
const STORE_GUID = '6f9619ff-8b86-d011-b42d-00cf4fc964ff';

type Body = { GeneralInfo: Record<string, unknown> } & Record<string, unknown>;

/** What the merchant pastes into the custom pixel: the config, then the file. */
const pasted = (cfg: Record<string, unknown> = {}) => `const yespoConfig = ${JSON.stringify({ siteId: 'S1', debug: true, ...cfg })};\n${PIXEL}`;

/** The REST tracker (page routes, so they come before the fixture's blocker): answers CORS (the sandbox's origin is opaque) and records every body. */
async function tracker(page: Page) {
  const bodies: Body[] = [];
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'POST' };
  await page.route(`${REST}**`, async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const body = JSON.parse(req.postData() || 'null') as Body;
    expect(checkRestBody(body), JSON.stringify(body)).toEqual([]);
    bodies.push(body);
    return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: '{}' });
  });
  return { bodies, names: () => bodies.map((b) => b.GeneralInfo.eventName) };
}

async function harness(page: Page) {
  await page.route('**/pixel/harness', (r) => r.fulfill({ contentType: 'text/html', body: HARNESS }));
  await page.route('**/pixel/web-pixels.js', (r) => r.fulfill({ contentType: 'text/javascript', body: EMULATOR }));
  await page.goto('/pixel/harness');
}

/** `init` as the harness page's top frame would give it. */
const initFor = (allowed: boolean) => ({ ...initWith(allowed), context: { document: { location: { protocol: 'http:' } } } });

const start = (page: Page, allowed = true, code = pasted()) =>
  page.evaluate(([c, init]) => (window as any).pixelHarness.start(c, init), [code, initFor(allowed)] as const);
const publish = (page: Page, name: string, event: unknown) => page.evaluate(([n, e]) => (window as any).pixelHarness.publish(n, e), [name, event] as const);
const sandboxErrors = (page: Page) => page.evaluate(() => (window as any).pixelHarness.errors as string[]);
const rpcCalls = (page: Page) => page.evaluate(() => (window as any).pixelHarness.rpc as string[]);
const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key);

test.afterEach(async ({ shop }) => {
  expect(await sandboxErrors(shop)).toEqual([]);
});

test('checkout_completed → PurchasedItems once, with the storefront\'s visitor; the cart memo emptied', async ({ shop }) => {
  const t = await tracker(shop);
  const logs: string[] = [];
  shop.on('console', (m: ConsoleMessage) => logs.push(m.text()));
  await harness(shop);
  // What the storefront bundle left: its visitor cookie and the last StatusCart.
  await shop.evaluate(([sc, guid]) => {
    document.cookie = `sc=${sc}; path=/; SameSite=Lax`;
    localStorage.setItem('yespo:cart', JSON.stringify({ fp: '["24-MB02","45.00","1"]', guid, items: [] }));
  }, [SC, STORE_GUID]);
  await start(shop);
  await publish(shop, 'checkout_completed', completed());
  await expect.poll(t.names).toEqual(['CustomerData', 'PurchasedItems']);
  expect(t.bodies[1]).toEqual({
    GeneralInfo: { eventName: 'PurchasedItems', siteId: 'S1', datetime: expect.any(Number), cookies: { sc: SC }, user_email: 'ann.lee@example.com', user_phone: '+49301234567', user_name: 'Ann Lee' },
    PurchasedItems: {
      Products: [
        { product_id: 'TEE-M-BLUE', unit_price: '22.50', quantity: 2 },
        { product_id: '7120000001', unit_price: '12.50', quantity: 1 },
      ],
      OrderNumber: '5210499102',
    },
  });
  await expect.poll(() => stored(shop, 'yespo:cart')).toEqual({ fp: '' });
  expect(await stored(shop, 'yespo:orders')).toEqual(['5210499102']);
  // The storefront's GUID was read from the top frame (debug output; REST has no field for it).
  expect(logs.some((l) => l.includes('PurchasedItems') && l.includes(STORE_GUID))).toBe(true);

  // The same event again, then a reload of the Thank you page with a fresh pixel: nothing more.
  await publish(shop, 'checkout_completed', completed());
  await shop.reload();
  await start(shop);
  await publish(shop, 'checkout_completed', completed());
  await shop.waitForTimeout(500);
  expect(t.names()).toEqual(['CustomerData', 'PurchasedItems']);
});

test('consent denied: nothing sent, stored or read; granted later: what was held is sent', async ({ shop }) => {
  const t = await tracker(shop);
  await harness(shop);
  await start(shop, false);
  await publish(shop, 'checkout_contact_info_submitted', contactSubmitted());
  await publish(shop, 'checkout_completed', completed());
  await shop.evaluate(() => (window as any).pixelHarness.consent({ analyticsProcessingAllowed: false, marketingAllowed: false }));
  await shop.waitForTimeout(400);
  expect(t.bodies).toEqual([]);
  expect(await rpcCalls(shop)).toEqual([]);
  expect(await shop.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, '']);
  await shop.evaluate(() => (window as any).pixelHarness.consent({ analyticsProcessingAllowed: true, marketingAllowed: true }));
  await expect.poll(t.names).toEqual(['CustomerData', 'CustomerData', 'PurchasedItems']);
  expect(t.bodies.map((b) => b.GeneralInfo.user_email)).toEqual(['guest@example.com', 'ann.lee@example.com', 'ann.lee@example.com']);
});

test('contact info → CustomerData once; a new sc cookie in the top frame when the storefront left none', async ({ shop, context }) => {
  const t = await tracker(shop);
  await harness(shop);
  await start(shop);
  await publish(shop, 'checkout_contact_info_submitted', contactSubmitted('Guest@Example.com'));
  await publish(shop, 'checkout_contact_info_submitted', contactSubmitted('guest@example.com'));
  await expect.poll(t.names).toEqual(['CustomerData']);
  await shop.waitForTimeout(400);
  expect(t.names()).toEqual(['CustomerData']);
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'sc');
  expect(cookie.value).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  expect(cookie.sameSite).toBe('Lax');
  expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(360 * 864e5);
  expect(t.bodies[0].GeneralInfo).toMatchObject({ cookies: { sc: cookie.value }, user_email: 'guest@example.com', user_name: 'Gus Guest' });
  expect(await stored(shop, 'yespo:customers')).toEqual(['{"user_email":"guest@example.com","user_name":"Gus Guest"}']);
});

test('malformed event data: no exception, no rejection; a good event afterwards still goes', async ({ shop, pageErrors }) => {
  const t = await tracker(shop);
  await harness(shop);
  await start(shop);
  const bad = [
    undefined,
    null,
    'checkout',
    { data: null },
    { data: { checkout: null } },
    { data: { checkout: { order: { id: 'gid://shopify/Order/' }, lineItems: [{ quantity: 1, variant: { sku: 'X' } }] } } },
    { data: { checkout: { order: { id: '9' }, lineItems: 'x', email: { toString: null } } } },
    { data: { checkout: { order: { id: ['9'] }, lineItems: [null, 7, [], { variant: 'x', quantity: -1 }], billingAddress: 'x' } } },
    { data: { checkout: { order: { id: '10' }, lineItems: [{ quantity: 1e308, variant: { sku: '<script>alert(1)</script>', price: { amount: 'NaN' } } }] } } },
  ];
  for (const e of bad) await publish(shop, 'checkout_completed', e);
  for (const e of bad) await publish(shop, 'checkout_contact_info_submitted', e);
  await shop.waitForTimeout(400);
  expect(t.bodies).toEqual([]);
  await publish(shop, 'checkout_completed', completed());
  await expect.poll(t.names).toEqual(['CustomerData', 'PurchasedItems']);
  expect(pageErrors).toEqual([]);
});

test('the emulation reports what a subscriber throws or leaves rejected (so the test above can fail)', async ({ shop, pageErrors }) => {
  await harness(shop);
  await start(shop, true, "analytics.subscribe('checkout_completed', (e) => { Promise.reject(new Error('late')); e.data.checkout.order.id; });");
  await publish(shop, 'checkout_completed', null);
  await expect.poll(() => sandboxErrors(shop)).toHaveLength(2);
  const errors = await sandboxErrors(shop);
  expect(errors.some((m) => /null/.test(m))).toBe(true);
  expect(errors.some((m) => /unhandled rejection: Error: late/.test(m))).toBe(true);
  // Playwright sees the sandbox's errors too.
  expect(pageErrors).toEqual(["TypeError: Cannot read properties of null (reading 'data')", 'Error: late']);
  pageErrors.length = 0;
  await shop.evaluate(() => ((window as any).pixelHarness.errors = []));
});

test('a missing siteId or no Web Pixels API: one console error, nothing thrown, nothing sent', async ({ shop }) => {
  const t = await tracker(shop);
  const errors: string[] = [];
  shop.on('console', (m: ConsoleMessage) => m.type() === 'error' && errors.push(m.text()));
  await harness(shop);
  await start(shop, true, `const yespoConfig = {};\n${PIXEL}`);
  await publish(shop, 'checkout_completed', completed());
  // Pasted into a theme instead of a custom pixel: no API in scope.
  await shop.addScriptTag({ content: `var yespoConfig = { siteId: "S1" };\n${PIXEL}` });
  await shop.waitForTimeout(300);
  expect(t.bodies).toEqual([]);
  expect(errors).toEqual([
    '[yespo] yespoConfig.siteId is required (a non-empty string)',
    '[yespo] no Shopify Web Pixels API here: paste this file into a custom pixel (Settings → Customer events)',
  ]);
});
