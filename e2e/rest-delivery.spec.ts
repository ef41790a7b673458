import { test, expect, answered, TRACKER_TAG } from './support';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { checkRestBody } from '../src/schema/rest';

type Body = { GeneralInfo: Record<string, unknown> } & Record<string, unknown>;

const page = (cfg: string, body: string) =>
  `<!doctype html><html><body>${body}<script>window.yespoConfig = ${cfg};</script>${TRACKER_TAG}</body></html>`;
const REST = '{ transport: "rest", siteId: "S1", restUrl: "/collect", currency: "USD" }';
const PRODUCT = '<div data-yespo-product="24-MB02" data-yespo-price="45.00" data-yespo-in-stock="1"></div>';
const CATEGORY = '<div data-yespo-category="bags"></div>';

/** The REST endpoint: answers with the next status of `plan` (then 200), records what it took. */
async function collector(ctx: BrowserContext, plan: Array<number | 'abort'> = []) {
  const delivered: Body[] = [];
  let attempts = 0;
  const state = { plan, down: false };
  await ctx.route('**/collect', async (route: Route) => {
    attempts++;
    const next = state.down ? 503 : state.plan.shift() ?? 200;
    if (next === 'abort') return route.abort();
    if (next === 200) {
      const body = JSON.parse(route.request().postData() || 'null') as Body;
      expect(checkRestBody(body), JSON.stringify(body)).toEqual([]);
      delivered.push(body);
    }
    return route.fulfill({ status: next, body: '' });
  });
  return { delivered, state, attempts: () => attempts, names: () => delivered.map((b) => b.GeneralInfo.eventName) };
}

async function pageAt(ctx: BrowserContext, p: Page, path: string, html: string) {
  await ctx.route(`**${path}`, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await p.goto(path);
}

test('REST bodies as the REST document shapes them, and the sc cookie', async ({ shop, context }) => {
  const c = await collector(context);
  await pageAt(context, shop, '/p', page(REST, PRODUCT + '<span data-yespo-customer data-yespo-email="Ann@Shop.io" data-yespo-name="Ann"></span>'));
  await expect.poll(c.names).toEqual(['CustomerData', 'ProductPage']);
  const [cookie] = (await context.cookies()).filter((k) => k.name === 'sc');
  expect(cookie.value).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  expect(cookie.sameSite).toBe('Lax');
  expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(360 * 864e5);
  const gi = { siteId: 'S1', cookies: { sc: cookie.value }, user_email: 'ann@shop.io', user_name: 'Ann', datetime: expect.any(Number) };
  expect(c.delivered).toEqual([
    { GeneralInfo: { eventName: 'CustomerData', ...gi } },
    { GeneralInfo: { eventName: 'ProductPage', ...gi }, ProductPage: { Product: { productKey: '24-MB02', price: '45.00', isInStock: '1' } } },
  ]);
  await answered(shop);
  await shop.reload();
  await expect.poll(c.names).toEqual(['CustomerData', 'ProductPage', 'ProductPage']);
  expect(c.delivered[2].GeneralInfo.cookies).toEqual({ sc: cookie.value });
});

test('a burst of 503s and a dropped connection: delivered once, after retries', async ({ shop, context }) => {
  test.setTimeout(45_000);
  const c = await collector(context, [503, 503, 'abort', 503]);
  await pageAt(context, shop, '/p', page(REST, PRODUCT));
  // Four failures wait 1 + 2 + 4 + 8 s, each × 0.5–1.5 (jitter): up to 22.5 s before the fifth try.
  await expect.poll(c.names, { timeout: 30000 }).toEqual(['ProductPage']);
  expect(c.attempts()).toBe(5);
  await shop.waitForTimeout(1500);
  expect(c.names()).toEqual(['ProductPage']);
  expect(await shop.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yespo:o:')).length)).toBe(0);
});

test('4xx answers are not retried', async ({ shop, context }) => {
  const c = await collector(context, [400]);
  await pageAt(context, shop, '/p', page(REST, PRODUCT));
  await expect.poll(c.attempts).toBe(1);
  await shop.waitForTimeout(2500);
  expect(c.attempts()).toBe(1);
  expect(c.delivered).toEqual([]);
});

test('the outbox survives navigation while the endpoint is down, and the next page sends it', async ({ shop, context }) => {
  const c = await collector(context);
  c.state.down = true;
  await pageAt(context, shop, '/p', page(REST, PRODUCT));
  await expect.poll(c.attempts).toBeGreaterThan(0);
  await pageAt(context, shop, '/c', page(REST, CATEGORY));
  await expect.poll(c.attempts).toBeGreaterThan(2);
  c.state.down = false;
  await pageAt(context, shop, '/c2', page(REST, '<p>other</p>'));
  await expect.poll(() => c.names().sort(), { timeout: 15000 }).toEqual(['CategoryPage', 'ProductPage']);
  await shop.waitForTimeout(1500);
  expect(c.names().sort()).toEqual(['CategoryPage', 'ProductPage']);
});

test('offline: kept, and sent when the browser is back online', async ({ shop, context }) => {
  const c = await collector(context);
  await pageAt(context, shop, '/p', page(REST, '<p>start</p>'));
  await context.setOffline(true);
  await shop.evaluate(() => (window as unknown as { yespo: { track(n: string, p: object): void } }).yespo.track('CategoryPage', { CategoryPage: { categoryKey: 'offline' } }));
  await shop.waitForTimeout(500);
  expect(c.delivered).toEqual([]);
  await context.setOffline(false);
  await expect.poll(c.names, { timeout: 10000 }).toEqual(['CategoryPage']);
});

test('two tabs never send the same outbox entry twice', async ({ shop, context }) => {
  const c = await collector(context);
  c.state.down = true;
  await pageAt(context, shop, '/p', page(REST, PRODUCT));
  const other = await context.newPage();
  await pageAt(context, other, '/c', page(REST, CATEGORY));
  // Both tabs see both entries in the shared outbox and both retry on their own timers.
  await expect.poll(c.attempts).toBeGreaterThan(3);
  c.state.down = false;
  await expect.poll(() => c.names().length, { timeout: 20000 }).toBeGreaterThanOrEqual(2);
  await shop.waitForTimeout(4000);
  expect(c.names().sort()).toEqual(['CategoryPage', 'ProductPage']);
  await other.close();
});

test('consent pending: no cookie, no storage, no request until granted; denied drops', async ({ shop, context }) => {
  const c = await collector(context);
  const cfg = REST.replace('}', ', consent: "pending" }');
  await pageAt(context, shop, '/p', page(cfg, PRODUCT));
  await shop.waitForTimeout(600);
  expect(c.attempts()).toBe(0);
  expect((await context.cookies()).filter((k) => k.name === 'sc')).toEqual([]);
  expect(await shop.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)).filter((k) => k.startsWith('yespo')))).toEqual([]);
  await shop.evaluate(() => (window as unknown as { yespo: { consent(s: string): void } }).yespo.consent('granted'));
  await expect.poll(c.names).toEqual(['ProductPage']);
  expect((await context.cookies()).filter((k) => k.name === 'sc')).toHaveLength(1);

  await pageAt(context, shop, '/c', page(cfg, CATEGORY));
  await shop.evaluate(() => (window as unknown as { yespo: { consent(s: string): void } }).yespo.consent('denied'));
  await shop.waitForTimeout(600);
  expect(c.names()).toEqual(['ProductPage']);
});

test('consent pending with eS: no loader until granted', async ({ shop, context }) => {
  await pageAt(context, shop, '/p', page('{ scriptId: "1", consent: "pending" }', PRODUCT));
  await shop.waitForTimeout(400);
  expect(await shop.evaluate(() => typeof (window as unknown as { eS?: unknown }).eS)).toBe('undefined');
  await shop.evaluate(() => (window as unknown as { yespo: { consent(s: string): void } }).yespo.consent('granted'));
  await expect
    .poll(() => shop.evaluate(() => ((window as unknown as { __esCalls?: Array<{ args: unknown[] }> }).__esCalls || []).map((c) => c.args[1])))
    .toEqual([{ TRACKING: false, RECOMS: true }, 'ProductPage']);
});

test("transport 'auto': a blocked eS loader falls back to REST for the visit", async ({ shop, context }) => {
  await shop.route('https://cdn.esputnik.com/**', (r) => r.abort('blockedbyclient'));
  const c = await collector(context);
  const cfg = '{ transport: "auto", scriptId: "1", siteId: "S1", restUrl: "/collect" }';
  await pageAt(context, shop, '/p', page(cfg, PRODUCT));
  await expect.poll(c.names, { timeout: 8000 }).toEqual(['ProductPage']);
  await answered(shop);
  await pageAt(context, shop, '/c', page(cfg, CATEGORY));
  await expect.poll(c.names).toEqual(['ProductPage', 'CategoryPage']);
  expect(await shop.evaluate(() => document.querySelectorAll('script[src*="esputnik"]').length)).toBe(0);
});
