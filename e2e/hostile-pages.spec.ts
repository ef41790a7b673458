import { test, expect, allCalls, events, TRACKER_TAG, waitForEvents } from './support';
import type { Page } from '@playwright/test';

async function serve(page: Page, path: string, body: string, headers: Record<string, string> = {}) {
  await page.route(`**${path}`, (r) => r.fulfill({ contentType: 'text/html', headers, body }));
}

const CART = '<div data-yespo-cart><i data-yespo-cart-item="A1" data-yespo-price="10"></i></div>';

for (const policy of ["script-src 'nonce-r4nd0m' 'strict-dynamic'", "script-src 'nonce-r4nd0m'"]) {
  test(`strict CSP (${policy}): the loader carries the bundle's nonce, no violation`, async ({ shop }) => {
    const html = `<!doctype html><html><head><script nonce="r4nd0m">window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));</script></head>
      <body><p data-yespo-page="main">csp</p>
      <script nonce="r4nd0m">window.yespoConfig = { scriptId: "1" };</script>
      <script nonce="r4nd0m" src="/yespo-autotrack.min.js" async></script></body></html>`;
    await serve(shop, '/csp', html, { 'Content-Security-Policy': policy });
    await shop.goto('/csp');
    await expect.poll(() => shop.evaluate(() => (window as unknown as { __esLoads?: number }).__esLoads)).toBe(1);
    await waitForEvents(shop, 1);
    expect(await shop.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(await events(shop)).toEqual([['MainPage']]);
  });
}

test('storage that throws everywhere (private mode, sandboxed frames): events still go out', async ({ shop }) => {
  await shop.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); }, set: () => { throw new DOMException('denied', 'SecurityError'); } });
  });
  await serve(shop, '/nostore', `<!doctype html><p data-yespo-page="main"></p>${CART}<span data-yespo-customer data-yespo-email="a@b.io"></span>
    <script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}`);
  await shop.goto('/nostore');
  await waitForEvents(shop, 3);
  expect((await events(shop)).map((e) => e[0])).toEqual(['CustomerData', 'MainPage', 'StatusCart']);
});

test('storage whose writes fail (quota exceeded): the cart is still followed for the page', async ({ shop }) => {
  await shop.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await serve(shop, '/full', `<!doctype html><p data-yespo-page="cart"></p>${CART}<script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}`);
  await shop.goto('/full');
  await waitForEvents(shop, 1);
  await shop.evaluate(() => document.querySelector('[data-yespo-cart]')!.insertAdjacentHTML('beforeend', '<i data-yespo-cart-item="B2" data-yespo-price="5"></i>'));
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toEqual(['StatusCart', 'StatusCart']);
});

test('a 60,000-element page: the page stays responsive and each event is sent once', async ({ shop }) => {
  const tiles = Array.from({ length: 6700 }, (_, i) =>
    `<div class="tile"><a href="/p/${i}"><span>${i}</span></a><p>Name ${i}</p><p>$${i}.00</p><ul><li>a</li><li>b</li></ul><button>Add</button></div>`,
  ).join('');
  await serve(shop, '/huge', `<!doctype html><div data-yespo-category="everything"></div>${tiles}<script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}`);
  await shop.goto('/huge');
  expect(await shop.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(60000);
  await waitForEvents(shop, 1);
  await shop.evaluate(() => document.querySelectorAll('.tile')[10].remove());
  await shop.waitForTimeout(400);
  expect(await events(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'everything' } }]]);
});

test('a page that wraps history.pushState after us: one PageView per route; a page that replaces it keeps working', async ({ shop }) => {
  await serve(shop, '/hist', `<!doctype html><div id="v" data-yespo-page="main"></div><script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}`);
  await shop.goto('/hist');
  await waitForEvents(shop, 1);
  await shop.evaluate(() => {
    const ours = history.pushState;
    history.pushState = function (...a: Parameters<History['pushState']>) {
      (window as unknown as { wrapped: number }).wrapped = ((window as unknown as { wrapped: number }).wrapped || 0) + 1;
      return ours.apply(this, a);
    };
    history.pushState({}, '', '/hist/2');
  });
  await expect.poll(async () => (await events(shop)).map((e) => e[0])).toEqual(['MainPage', 'PageView', 'MainPage']);
  await shop.evaluate(() => {
    const native = Object.getPrototypeOf(history).pushState;
    history.pushState = function (...a: Parameters<History['pushState']>) {
      return native.apply(this, a);
    };
    history.pushState({}, '', '/hist/3');
  });
  expect(await shop.evaluate(() => location.pathname)).toBe('/hist/3');
});

test('bad input everywhere: broken config values, hostile attributes, bad API calls — no error escapes', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => logs.push(m.type() + ': ' + m.text()));
  await serve(shop, '/bad', `<!doctype html>
    <div data-yespo-page="landing"></div>
    <div data-yespo-product="${'x'.repeat(2000)}" data-yespo-price="free"></div>
    <div data-yespo-product="P1" data-yespo-price="<b>9</b>" data-yespo-tag-__proto__="a"></div>
    <div data-yespo-cart><i data-yespo-cart-item="" data-yespo-price="1"></i><i data-yespo-cart-item="C1" data-yespo-quantity="-3"></i></div>
    <form data-yespo-customer-form><input type="email" value="not-an-email"></form>
    <script>window.yespoConfig = { scriptId: "1", pages: 5, impressions: { itemSelector: "[[" }, debug: true };</script>${TRACKER_TAG}`);
  await shop.goto('/bad');
  await waitForEvents(shop, 2);
  await shop.evaluate(() => {
    const y = (window as unknown as { yespo: Record<string, (...a: unknown[]) => unknown> }).yespo;
    y.track(null);
    y.identify('nope');
    y.setCart('nope');
    y.setCart([null, 5, { productKey: {} }]);
    y.consent(42);
    y.push(null);
    y.push(['nope']);
    document.querySelector('form')!.requestSubmit();
  });
  await shop.waitForTimeout(300);
  expect((await events(shop)).map((e) => e[0])).toEqual(['ProductPage', 'StatusCart']);
  expect((await allCalls(shop))[1]).toEqual(['sendEvent', 'ProductPage', { ProductPage: { productKey: 'P1', price: '9', tag___proto__: ['a'] } }]);
  expect(logs).toContain('warning: [yespo] config "pages" must be an object of page type → path pattern(s); using the default');
  expect(logs.some((l) => l.includes('unknown page type "landing"'))).toBe(true);
  expect(logs.some((l) => l.includes('impressions: "[[" is not a valid selector'))).toBe(true);
});

test('dataLayer: a throwing wrapper before us, a wrapper after us, and push replaced later — everyone keeps working', async ({ shop }) => {
  await serve(shop, '/dl', `<!doctype html><p>dl</p><script>
      window.dataLayer = [];
      window.seen = { throwing: 0, after: 0, replaced: 0 };
      const native = dataLayer.push.bind(dataLayer);
      dataLayer.push = function (e) { native(e); window.seen.throwing++; throw new Error('another tag failed'); };
    </script><script>window.yespoConfig = { scriptId: "1" };</script>${TRACKER_TAG}`);
  await shop.goto('/dl');
  await expect.poll(() => shop.evaluate(() => typeof (window as unknown as { yespo: { stats?: unknown } }).yespo.stats)).toBe('function');
  const result = await shop.evaluate(() => {
    const w = window as unknown as { dataLayer: Array<unknown> & { push(e: unknown): number }; seen: Record<string, number> };
    const ours = w.dataLayer.push;
    w.dataLayer.push = function (e: unknown) {
      w.seen.after++;
      return ours.call(this, e);
    };
    let threw = false;
    try {
      w.dataLayer.push({ event: 'view_item', ecommerce: { items: [{ item_id: 'W-1', price: 3 }] } });
    } catch {
      threw = true;
    }
    w.dataLayer.push = function (e: unknown) {
      w.seen.replaced++;
      return Array.prototype.push.call(this, e);
    };
    w.dataLayer.push({ event: 'add_to_wishlist', ecommerce: { items: [{ item_id: 'W-2' }] } });
    return { threw, seen: w.seen };
  });
  expect(result).toEqual({ threw: false, seen: { throwing: 1, after: 1, replaced: 1 } });
  await expect.poll(async () => (await events(shop)).map((e) => e[0]).sort()).toEqual(['AddToWishlist', 'ProductPage']);
});
