import { test, expect, answered, waitForEvents } from './support';
import type { BrowserContext, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { checkRestBody } from '../src/schema/rest';

// The demo shop's REST mode against its own collector (POST /collect). Every test runs against
// the one shared server, so the collector's log is read for this browser's `sc` cookie only.

type Body = { GeneralInfo: { eventName: string; siteId: string; cookies: { sc: string } } & Record<string, unknown> } & Record<string, unknown>;
type Entry = { at: number; status: number; body: Body; problems: string[]; injected?: boolean };

const REST_CONFIG = { transport: 'rest', siteId: 'DEMO-SITE', restUrl: '/collect', currency: 'USD' };

/** What the collector took from the visitor with this `sc` cookie, oldest first. */
async function collected(page: Page, sc: string): Promise<Entry[]> {
  const res = await page.request.get(`/collect/log?sc=${encodeURIComponent(sc)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as Entry[]).filter((e) => e.body?.GeneralInfo?.cookies?.sc === sc);
}

/** The `sc` cookie the tracker created (or was given) in this browser context. */
async function scCookie(context: BrowserContext): Promise<string> {
  let sc = '';
  await expect.poll(async () => (sc = (await context.cookies()).find((c) => c.name === 'sc')?.value ?? '')).not.toBe('');
  return sc;
}

/** Gives this context its own `sc` cookie before the first page, so faults can be scoped to it. */
async function ownVisitor(context: BrowserContext, baseURL: string | undefined): Promise<string> {
  const sc = randomUUID().toUpperCase();
  await context.addCookies([{ name: 'sc', value: sc, url: baseURL ?? 'http://127.0.0.1:8181', sameSite: 'Lax' }]);
  return sc;
}

const summary = (entries: Entry[]) => entries.map((e) => `${e.status} ${e.body.GeneralInfo.eventName}`);

test('?transport=rest: the collector gets a valid ProductPage body, and nothing goes to the CDN', async ({ shop, context, outside }) => {
  const requests: string[] = [];
  shop.on('request', (r) => requests.push(r.url()));
  await shop.goto('/product/24-MB02?transport=rest');
  expect(await shop.evaluate(() => (window as unknown as { yespoConfig: unknown }).yespoConfig)).toEqual(REST_CONFIG);
  expect(await shop.locator('script[src="/es-standin.js"]').getAttribute('data-mode')).toBe('rest');

  const sc = await scCookie(context);
  expect(sc).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  await expect.poll(async () => summary(await collected(shop, sc))).toEqual(['200 ProductPage']);
  const [entry] = await collected(shop, sc);
  expect(entry.problems).toEqual([]);
  expect(checkRestBody(entry.body)).toEqual([]);
  expect(entry.body.GeneralInfo).toEqual({ eventName: 'ProductPage', siteId: 'DEMO-SITE', datetime: expect.any(Number), cookies: { sc } });
  expect(entry.body.ProductPage).toMatchObject({ Product: { productKey: '24-MB02', price: '45.00', isInStock: '1' } });

  // The eS side stays untouched: no loader, no stand-in calls, no CDN.
  expect(await shop.evaluate(() => [typeof (window as unknown as { eS?: unknown }).eS, typeof (window as unknown as { __esCalls?: unknown }).__esCalls])).toEqual(['undefined', 'undefined']);
  expect(outside).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
  expect(requests.filter((u) => /esputnik|yespo\.io/.test(u))).toEqual([]);
});

test('fault injection: three 503s for this visitor, then the event arrives exactly once', async ({ shop, context, baseURL }) => {
  test.setTimeout(45_000);
  const sc = await ownVisitor(context, baseURL);
  const fail = await shop.request.post(`/collect/fail?count=3&sc=${sc}`);
  expect(fail.status()).toBe(200);

  await shop.goto('/product/24-MB02?transport=rest');
  // The outbox retries after about 1 s, 2 s and 4 s (with jitter).
  await expect.poll(async () => (await collected(shop, sc)).map((e) => e.status), { timeout: 20_000, intervals: [250] }).toEqual([503, 503, 503, 200]);
  await shop.waitForTimeout(2500);
  const entries = await collected(shop, sc);
  expect(summary(entries)).toEqual(['503 ProductPage', '503 ProductPage', '503 ProductPage', '200 ProductPage']);
  expect(entries.map((e) => !!e.injected)).toEqual([true, true, true, false]);
  expect(new Set(entries.map((e) => JSON.stringify(e.body))).size).toBe(1);
  expect(entries[3].problems).toEqual([]);
  expect(await shop.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yespo:o:')))).toEqual([]);

  const item = shop.locator('#es-inspector li.call').filter({ hasText: 'ProductPage' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('503 (fault injection) → 503 (fault injection) → 503 (fault injection) → 200');
  await expect(item.locator('.mark')).toHaveText('✓');
});

test('the inspector lists the REST body with the collector’s verdict', async ({ shop, context }) => {
  await shop.goto('/product/24-MB02?transport=rest');
  const panel = shop.locator('#es-inspector');
  await expect(panel).toContainText('REST mode · POST /collect');
  const item = panel.locator('li.call').filter({ hasText: 'ProductPage' });
  await expect(item).toHaveCount(1);
  await expect(item.locator('.mark')).toHaveText('✓');
  await expect(item).toContainText('POST /collect answered 200');
  await expect(item.locator('pre')).toContainText('"siteId": "DEMO-SITE"');
  await expect(item.locator('pre')).toContainText(`"sc": "${await scCookie(context)}"`);
  await expect(panel.locator('.count')).toHaveText('(1)');

  // A body the collector refuses (posted here by hand, with this visitor's sc) shows ✗ and its problems.
  const status = await shop.evaluate(async () => {
    const sc = document.cookie.match(/(?:^|; )sc=([^;]+)/)![1];
    const body = { GeneralInfo: { eventName: 'ProductPage', siteId: 'DEMO-SITE', datetime: Date.now(), cookies: { sc } }, ProductPage: { Product: {} } };
    return (await fetch('/collect', { method: 'POST', body: JSON.stringify(body) })).status;
  });
  expect(status).toBe(400);
  const bad = panel.locator('li.call.bad');
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('.mark')).toHaveText('✗');
  await expect(bad).toContainText('not from this page');
  await expect(bad.locator('ul')).toContainText('ProductPage.Product.productKey');
});

test('the switch sticks for the next pages, and ?transport=es goes back to the eS stand-in', async ({ shop, context }) => {
  await shop.goto('/product/24-WB04?transport=rest');
  const sc = await scCookie(context);
  // Delivered and answered before leaving: REST is at-least-once, and a page left earlier may send it again.
  await expect.poll(async () => summary(await collected(shop, sc))).toEqual(['200 ProductPage']);
  await answered(shop);
  await shop.goto('/category/bags');
  expect(await shop.evaluate(() => (window as unknown as { yespoConfig: unknown }).yespoConfig)).toEqual(REST_CONFIG);
  await expect.poll(async () => summary(await collected(shop, sc))).toEqual(['200 ProductPage', '200 CategoryPage']);

  await shop.goto('/category/bags?transport=es');
  expect(await shop.evaluate(() => (window as unknown as { yespoConfig: { transport?: string } }).yespoConfig.transport)).toBeUndefined();
  expect((await waitForEvents(shop, 1)).map((e) => e[0])).toContain('CategoryPage');
  await shop.goto('/cart');
  await waitForEvents(shop, 1);
  expect(summary(await collected(shop, sc))).toEqual(['200 ProductPage', '200 CategoryPage']);
});

test('the collector answers 400 with the problems for an invalid or non-JSON body', async ({ shop }) => {
  const sc = randomUUID().toUpperCase();
  const notJson = await shop.request.post('/collect', { data: Buffer.from('{not json'), headers: { 'Content-Type': 'application/json' } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).problems[0]).toMatch(/^not JSON/);

  const body = { GeneralInfo: { eventName: 'CategoryPage', siteId: 'DEMO-SITE', datetime: Date.now(), cookies: { sc } }, CategoryPage: { Category: {} } };
  const invalid = await shop.request.post('/collect', { data: body });
  expect(invalid.status()).toBe(400);
  const { problems } = await invalid.json();
  expect(problems).toEqual(checkRestBody(body));
  expect(problems.length).toBeGreaterThan(0);

  const valid = await shop.request.post('/collect', { data: { ...body, CategoryPage: { Category: { categoryKey: 'bags' } } } });
  expect(valid.status()).toBe(200);
  expect(await valid.json()).toEqual({ ok: true });
  expect((await collected(shop, sc)).map((e) => [e.status, e.problems.length > 0])).toEqual([[400, true], [200, false]]);
});
