import type { Page } from '@playwright/test';
import { test, expect, allCalls, events, settled, servePage, TRACKER_TAG, waitForEvents } from './support';

const page = (head: string, body = '<h1 data-yespo-page="main">Home</h1>') => `<!doctype html><html><head><title>t</title></head><body>${body}${head}</body></html>`;
const cfg = (c: string) => `<script>window.yespoConfig = ${c};</script>`;
/** The paths of the scripts the page requests from the shop (Yespo's own loader left out), as they come. */
const ownScripts = (shop: Page) => {
  const list: string[] = [];
  shop.on('request', (r) => r.resourceType() === 'script' && !r.url().includes('esputnik') && list.push(new URL(r.url()).pathname));
  return list;
};
const CORE = '<script src="/yespo-autotrack.core.min.js" async></script>';
/** Opens a page that runs the core file with `config`, once its first event has gone out. */
async function openCore(shop: Page, path: string, config: string, body?: string) {
  await servePage(shop, path, page(cfg(config) + CORE, body));
  await shop.goto(path);
  await waitForEvents(shop, 1);
}

test('the default loader comes from Yespo\'s CDN with the store id, an async script at the end of <body>', async ({ shop }) => {
  const requested: string[] = [];
  shop.on('request', (r) => r.url().includes('esputnik') && requested.push(r.url()));
  await servePage(shop, '/plain', page(cfg('{ scriptId: "123456789012345678" }') + TRACKER_TAG));
  await shop.goto('/plain');
  await waitForEvents(shop, 1);
  expect(requested).toEqual(['https://cdn.esputnik.com/scripts/123456789012345678.js']);
  const last = await shop.evaluate(() => {
    const s = document.body.lastElementChild as HTMLScriptElement;
    return { tag: s.tagName, src: s.src, async: s.async };
  });
  expect(last).toEqual({ tag: 'SCRIPT', src: 'https://cdn.esputnik.com/scripts/123456789012345678.js', async: true });
  expect(await allCalls(shop)).toEqual([['init', { TRACKING: false, RECOMS: true }], ['sendEvent', 'MainPage']]);
});

test('recoms: false is passed to init', async ({ shop }) => {
  await servePage(shop, '/plain', page(cfg('{ scriptId: "1", recoms: false }') + TRACKER_TAG));
  await shop.goto('/plain');
  await waitForEvents(shop, 1);
  expect((await allCalls(shop))[0]).toEqual(['init', { TRACKING: false, RECOMS: false }]);
});

test('the store id can come from the script tag', async ({ shop }) => {
  await servePage(shop, '/plain', page('<script src="/yespo-autotrack.min.js" data-yespo-script-id="777" async></script>'));
  const loads: string[] = [];
  shop.on('request', (r) => r.url().includes('esputnik') && loads.push(r.url()));
  await shop.goto('/plain');
  await waitForEvents(shop, 1);
  expect(loads).toEqual(['https://cdn.esputnik.com/scripts/777.js']);
});

test('calls queued before the bundle loads are replayed in order', async ({ shop }) => {
  const queue = `<script>window.yespo = window.yespo || [];
    yespo.push(['identify', { email: 'Early@Bird.io', externalCustomerId: 'c-1' }]);
    yespo.push(['track', 'CustomThing', { CustomThing: { a: '1' } }]);</script>`;
  await servePage(shop, '/plain', page(queue + cfg('{ scriptId: "1" }') + TRACKER_TAG));
  await shop.goto('/plain');
  await waitForEvents(shop, 3);
  const gi = { externalCustomerId: 'c-1', user_email: 'early@bird.io' };
  expect(await settled(shop)).toEqual([
    ['CustomerData', { CustomerData: { externalCustomerId: 'c-1', user_email: 'early@bird.io' }, GeneralInfo: gi }],
    ['CustomThing', { CustomThing: { a: '1' }, GeneralInfo: gi }],
    ['MainPage', { GeneralInfo: gi }],
  ]);
  const api = await shop.evaluate(() => {
    const y = (window as unknown as { yespo: Record<string, unknown> }).yespo;
    return { isArray: Array.isArray(y), version: y.version, methods: Object.keys(y).filter((k) => typeof y[k] === 'function').sort() };
  });
  expect(api).toEqual({
    isArray: false,
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    methods: ['consent', 'debug', 'identify', 'inspect', 'page', 'push', 'scan', 'setCart', 'stats', 'track'],
  });
  await shop.evaluate(() => (window as unknown as { yespo: { push(c: unknown): void } }).yespo.push(['track', 'Later', { x: 1 }]));
  expect((await events(shop)).map((e) => e[0])).toContain('Later');
});

test('two copies of the bundle: one loader, one init, each event once', async ({ shop }) => {
  await servePage(shop, '/plain', page(cfg('{ scriptId: "1" }') + TRACKER_TAG + TRACKER_TAG + '<script src="/yespo-autotrack.min.js"></script>'));
  await shop.goto('/plain');
  await waitForEvents(shop, 1);
  await settled(shop);
  expect(await allCalls(shop)).toEqual([['init', { TRACKING: false, RECOMS: true }], ['sendEvent', 'MainPage']]);
  expect(await shop.evaluate(() => document.querySelectorAll('script[src*="esputnik"]').length)).toBe(1);
});

test('a page that already has eS keeps its loader and init; events go to it', async ({ shop }) => {
  const own = `<script>window.__esCalls = []; window.eS = function () { window.__esCalls.push({ args: Array.from(arguments) }); };
    eS('init', { TRACKING: false, RECOMS: true });</script>`;
  await servePage(shop, '/plain', page(own + cfg('{ scriptId: "1" }') + TRACKER_TAG));
  await shop.goto('/plain');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['MainPage']]);
  expect((await allCalls(shop)).filter((c) => c[0] === 'init')).toHaveLength(1);
  expect(await shop.evaluate(() => document.querySelectorAll('script[src*="esputnik"]').length)).toBe(0);
});

test('a missing scriptId is one console error naming it, and nothing is loaded or sent', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && logs.push(m.type() + ': ' + m.text()));
  await servePage(shop, '/plain', page(cfg('{ recoms: "yes" }') + TRACKER_TAG));
  await shop.goto('/plain');
  await shop.waitForTimeout(500);
  expect(logs).toEqual([
    'warning: [yespo] config "recoms" must be true or false; using the default',
    'error: [yespo] config "scriptId" is required (a non-empty string); the tracker is off',
  ]);
  expect(await shop.evaluate(() => typeof (window as unknown as { eS?: unknown }).eS)).toBe('undefined');
});

test('a blocked loader leaves the page working and the calls queued', async ({ shop }) => {
  await shop.route('https://cdn.esputnik.com/scripts/**', (r) => r.abort());
  await servePage(shop, '/plain', page(cfg('{ scriptId: "1" }') + TRACKER_TAG, '<div data-yespo-category="shoes"></div>'));
  await shop.goto('/plain');
  await expect
    .poll(() => shop.evaluate(() => ((window as unknown as { eS?: { q?: unknown[] } }).eS?.q || []).length))
    .toBe(2);
  expect(await shop.evaluate(() => 1 + 1)).toBe(2);
});

test('debug mode logs the page type and each event', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => logs.push(m.text()));
  await shop.goto('/category/bags?yespo_debug=1');
  await waitForEvents(shop, 1);
  expect(logs.some((l) => l.includes('[yespo] page type: category (from data-yespo-page)'))).toBe(true);
  expect(logs.some((l) => l.startsWith('[yespo] event CategoryPage'))).toBe(true);
});

test('the core variant: declarative attributes and eS only; structured data is left to the full bundle', async ({ shop }) => {
  const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"LD-9","offers":{"price":"5"}}</script>';
  await openCore(shop, '/core', '{ scriptId: "1" }', '<div data-yespo-product="ATTR-1" data-yespo-price="7.00"></div>' + ld);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'ATTR-1', price: '7.00' } }]]);
  await servePage(shop, '/core-ld', page(cfg('{ scriptId: "1" }') + CORE, ld));
  await shop.goto('/core-ld');
  await shop.waitForTimeout(500);
  expect(await events(shop)).toEqual([]);
});

test('the core file loads its own impressions chunk where a page has recommendation items, and nothing else', async ({ shop }) => {
  const scripts = ownScripts(shop);
  await openCore(shop, '/core-plain', '{ scriptId: "1" }');
  await shop.waitForTimeout(600);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js']);

  const recs = '<section data-yespo-recs="9_r1v2"><div data-yespo-rec-item="R1" style="height:200px">R1</div><div data-yespo-rec-item="R2" style="height:200px">R2</div></section>';
  await servePage(shop, '/core-recs', page(cfg('{ scriptId: "1", impressions: { minVisibleMs: 200, flushMs: 100 } }') + CORE, '<h1 data-yespo-page="main">Home</h1>' + recs));
  scripts.length = 0;
  await shop.goto('/core-recs');
  await expect
    .poll(async () => (await events(shop)).filter((e) => e[0] === 'ProductImpressions'), { timeout: 5000 })
    .toEqual([['ProductImpressions', { ProductImpression: [{ product_id: 'R1', container_type: '9_r1v2' }, { product_id: 'R2', container_type: '9_r1v2' }] }]]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.impressions.js']);
});

test('the core file loads its cart chunk where a page has a cart or an order, or calls setCart, and sends the page\'s events with the cart\'s', async ({ shop }) => {
  const scripts = ownScripts(shop);
  // A product page without a cart: the chunk is not loaded.
  await openCore(shop, '/core-product', '{ scriptId: "1" }', '<div data-yespo-product="P-1" data-yespo-price="7.00"></div>');
  await shop.waitForTimeout(300);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js']);

  // A page with a cart: no event goes out before the chunk is in, then the page's and the cart's together.
  const cart = '<div data-yespo-cart data-yespo-currency="EUR"><div data-yespo-cart-item="C-1" data-yespo-price="4,50" data-yespo-quantity="2"></div></div>';
  await servePage(shop, '/core-cart', page(cfg('{ scriptId: "1" }') + CORE, '<div data-yespo-product="P-1" data-yespo-price="7.00"></div>' + cart));
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await shop.route('**/yespo-autotrack.core.cart.js*', async (r) => (await held, r.continue()));
  scripts.length = 0;
  await shop.goto('/core-cart', { waitUntil: 'domcontentloaded' });
  await shop.waitForTimeout(400);
  expect(await events(shop)).toEqual([]);
  release();
  await waitForEvents(shop, 2);
  const [product, statusCart] = await settled(shop);
  expect(product).toEqual(['ProductPage', { ProductPage: { productKey: 'P-1', price: '7.00' } }]);
  expect(statusCart).toEqual(['StatusCart', { StatusCart: [{ productKey: 'C-1', price: '4.50', quantity: '2', currency: 'EUR' }], GUID: expect.any(String) }]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.cart.js']);
  await shop.unroute('**/yespo-autotrack.core.cart.js*');

  // The order on the thank-you page: PurchasedItems with the cart's GUID.
  const guid = (statusCart[1] as { GUID: string }).GUID;
  await servePage(shop, '/core-thanks', page(cfg('{ scriptId: "1" }') + CORE, '<div data-yespo-order="ORD-7"><div data-yespo-order-item="C-1" data-yespo-price="4.50" data-yespo-quantity="2"></div></div>'));
  await shop.goto('/core-thanks');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['PurchasedItems', { OrderNumber: 'ORD-7', PurchasedItems: [{ productKey: 'C-1', price: '4.50', quantity: '2' }], GUID: guid }]]);

  // setCart on a page without a cart loads the chunk and sends the cart.
  scripts.length = 0;
  await shop.goto('/core-product');
  await waitForEvents(shop, 1);
  await shop.evaluate(() => (window as unknown as { yespo: { setCart(i: unknown): void } }).yespo.setCart([{ productKey: 'S-1', price: 3, quantity: 1 }]));
  await expect.poll(async () => (await events(shop)).filter((e) => e[0] === 'StatusCart').map((e) => (e[1] as { StatusCart: unknown }).StatusCart)).toEqual([[{ productKey: 'S-1', price: '3', quantity: '1' }]]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.cart.js']);
});

test('the core file without its cart chunk beside it: one warning naming the file, and the page\'s own event still goes out', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => m.text().includes('[yespo]') && logs.push(m.type() + ': ' + m.text()));
  await shop.route('**/yespo-autotrack.core.cart.js*', (r) => r.fulfill({ status: 404, body: '' }));
  const cart = '<div data-yespo-cart><div data-yespo-cart-item="C-1" data-yespo-price="4.50"></div></div>';
  await servePage(shop, '/core-cart-404', page(cfg('{ scriptId: "1" }') + '<script src="/yespo-autotrack.core.min.js" async></script>', '<div data-yespo-product="P-1" data-yespo-price="7.00"></div>' + cart));
  await shop.goto('/core-cart-404');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'P-1', price: '7.00' } }]]);
  expect(logs).toEqual(['warning: [yespo] yespo-autotrack.core.cart.js is missing beside the bundle: copy all of dist/']);
});

test('the core file loads its visitor chunk where a page identifies the visitor; the page\'s events wait for it and carry the visitor', async ({ shop }) => {
  const scripts = ownScripts(shop);
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await shop.route('**/yespo-autotrack.core.visitor.js*', async (r) => (await held, r.continue()));
  await servePage(shop, '/core-user', page(cfg('{ scriptId: "1", user: { email: " Ann@Example.com ", externalCustomerId: "u-1" } }') + CORE, '<div data-yespo-product="P-1" data-yespo-price="7.00"></div>'));
  await shop.goto('/core-user', { waitUntil: 'domcontentloaded' });
  await shop.waitForTimeout(400);
  expect(await events(shop)).toEqual([]);
  release();
  await waitForEvents(shop, 2);
  const gi = { externalCustomerId: 'u-1', user_email: 'ann@example.com' };
  expect(await settled(shop)).toEqual([
    ['CustomerData', { CustomerData: { externalCustomerId: 'u-1', user_email: 'ann@example.com' }, GeneralInfo: gi }],
    ['ProductPage', { ProductPage: { productKey: 'P-1', price: '7.00' }, GeneralInfo: gi }],
  ]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.visitor.js']);
  await shop.unroute('**/yespo-autotrack.core.visitor.js*');

  // The next page knows the visitor from the session: no chunk, no wait, the same GeneralInfo.
  scripts.length = 0;
  await openCore(shop, '/core-next', '{ scriptId: "1" }', '<div data-yespo-category="bags"></div>');
  expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'bags' }, GeneralInfo: gi }]]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js']);
});

test('the core file: a customer form the page renders late gets the visitor chunk at the first focus, and its post to another page still identifies the visitor', async ({ shop }) => {
  const scripts = ownScripts(shop);
  const form = `<script>setTimeout(() => document.body.insertAdjacentHTML('beforeend',
    '<form data-yespo-customer-form method="post" action="/core-signed-in"><input type="email" name="e"><button>Sign in</button></form>'), 300);</script>`;
  await servePage(shop, '/core-late-form', page(cfg('{ scriptId: "1" }') + CORE, '<h1 data-yespo-page="main">Home</h1>' + form));
  await servePage(shop, '/core-signed-in', page(cfg('{ scriptId: "1" }') + CORE, '<div data-yespo-category="bags"></div>'));
  await shop.goto('/core-late-form');
  await waitForEvents(shop, 1);
  await shop.waitForTimeout(600);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js']);
  await shop.locator('form input').click();
  await expect.poll(() => scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.visitor.js']);
  await shop.locator('form input').fill('Late@Form.io');
  await shop.locator('form button').click();
  await shop.waitForURL('**/core-signed-in');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'bags' }, GeneralInfo: { user_email: 'late@form.io' } }]]);
});

test('the core file: a customer form on the page brings the visitor chunk while idle; a wishlist button only once it is pressed', async ({ shop }) => {
  const scripts = ownScripts(shop);
  await openCore(shop, '/core-form', '{ scriptId: "1" }', '<h1 data-yespo-page="main">Home</h1><form data-yespo-customer-form><input type="email"></form>');
  await expect.poll(() => scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.visitor.js']);

  scripts.length = 0;
  await openCore(shop, '/core-wishlist', '{ scriptId: "1" }', '<div data-yespo-product="P-1" data-yespo-price="7.00"><button data-yespo-wishlist>♡</button></div>');
  await shop.waitForTimeout(500);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js']);
  await shop.locator('[data-yespo-wishlist]').click();
  await waitForEvents(shop, 2);
  expect((await settled(shop))[1]).toEqual(['AddToWishlist', { AddToWishlist: { productKey: 'P-1', price: '7.00' } }]);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.visitor.js']);
});

test('the core file without its visitor chunk beside it: one warning naming the file, and the page\'s events still go out', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => m.text().includes('[yespo]') && logs.push(m.type() + ': ' + m.text()));
  await shop.route('**/yespo-autotrack.core.visitor.js*', (r) => r.fulfill({ status: 404, body: '' }));
  await openCore(shop, '/core-user-404', '{ scriptId: "1", user: { email: "ann@example.com" } }', '<div data-yespo-product="P-1" data-yespo-price="7.00"></div>');
  expect(await settled(shop)).toEqual([['ProductPage', { ProductPage: { productKey: 'P-1', price: '7.00' } }]]);
  expect(logs).toEqual(['warning: [yespo] yespo-autotrack.core.visitor.js is missing beside the bundle: copy all of dist/']);
});

test('a config problem is worded by a chunk loaded only then, beside the file that runs', async ({ shop }) => {
  const logs: string[] = [];
  const scripts = ownScripts(shop);
  shop.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && logs.push(m.type() + ': ' + m.text()));
  await openCore(shop, '/core-bad', '{ scriptId: "1", transport: "rest", impressions: { threshold: 2 } }', '<h1 data-yespo-page="main">Home</h1>');
  await expect.poll(() => logs.length).toBe(2);
  expect(logs).toEqual([`warning: [yespo] config "transport" must be 'es'; using the default`, 'warning: [yespo] config "impressions.threshold" must be a number from 0 to 1; using the default']);
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.config.js']);
  // The config still runs with its defaults: the page's event went out.
  expect((await events(shop)).map((e) => e[0])).toEqual(['MainPage']);

  logs.length = 0;
  scripts.length = 0;
  await servePage(shop, '/shop-bad', page(cfg('{ scriptId: "1", colour: "red" }') + TRACKER_TAG, '<h1 data-yespo-page="main">Home</h1>'));
  await shop.goto('/shop-bad');
  await expect.poll(() => logs).toEqual(['warning: [yespo] config "colour" is not a known option; ignored']);
  expect(scripts).toContain('/yespo-autotrack.config.js');
  expect(scripts).not.toContain('/yespo-autotrack.core.config.js');

  // The chunk not copied beside the bundle: the console still names the option and the problem, and the missing file.
  logs.length = 0;
  await shop.route('**/yespo-autotrack.config.js*', (r) => r.fulfill({ status: 404, body: '' }));
  await shop.goto('/shop-bad');
  await expect.poll(() => logs.filter((l) => l.includes('[yespo]'))).toEqual(['warning: [yespo] yespo-autotrack.config.js is missing beside the bundle: copy all of dist/', 'warning: [yespo] config "colour" unknown']);
});

test('the core file in debug mode runs the core debug file, and warns about the options it does not have', async ({ shop }) => {
  const logs: string[] = [];
  const scripts = ownScripts(shop);
  shop.on('console', (m) => logs.push(m.text()));
  await openCore(shop, '/core-debug?yespo_debug=1', '{ scriptId: "1", transport: "rest", dataLayer: false }');
  expect(scripts).toEqual(['/yespo-autotrack.core.min.js', '/yespo-autotrack.core.debug.js']);
  expect(logs).toContain(`[yespo] config "transport" must be 'es'; using the default`);
  expect(logs).toContain('[yespo] config "dataLayer" is not a known option; ignored');
  expect(logs.some((l) => l.includes('[yespo] page type: main (from data-yespo-page)'))).toBe(true);
  expect(await settled(shop)).toEqual([['MainPage']]);
});
