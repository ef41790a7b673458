import type { Page } from '@playwright/test';
import { createPage, fireTag, loadTemplate, type TagRun } from '../test/gtm/runner';
import { test, expect, allCalls, events, settled, waitForEvents } from './support';

/**
 * The GTM tag template on a page that has no tracker tag of its own (demo-shop/pages/gtm.html).
 * GTM's part is played by the offline runner: it runs the template's sandboxed code with the
 * tag's fields and records what the code asks GTM to do; the test then does exactly that in
 * Chromium (sets the globals, appends the <script> with the URL the code passed to injectScript)
 * and reports the script's load back to the tag as GTM does. The page is served as
 * https://shop.example/gtm, an https shop as in production, where the template's inject_script
 * patterns apply.
 */

const template = loadTemplate();
const SHOP = 'https://shop.example';
const PRODUCT_PAGE = ['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1, tag_color: ['black', 'grey'], tag_material: ['leather'] } }];
const INIT = ['init', { TRACKING: false, RECOMS: true }];

/** https://shop.example/… answered by the demo shop (the fixture blocks every other host). */
async function serveShopOverHttps(page: Page, baseURL: string) {
  await page.route(`${SHOP}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: new URL(url.pathname + url.search, baseURL).href });
    await route.fulfill({ response });
  });
}

/** The tracker's own `yespo:event`s, collected from the start of every page. */
async function listenForYespoEvents(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __yespoEvents: string[] }).__yespoEvents = []);
    window.addEventListener('yespo:event', (e) => seen.push((e as CustomEvent<{ name: string }>).detail.name));
  });
}

/** Does in the page what the tag asked GTM to do, and tells the tag whether each script loaded. */
async function applyTagEffects(page: Page, run: TagRun) {
  await page.evaluate((writes) => {
    for (const { key, value } of writes) {
      const path = key.split('.');
      let target = window as unknown as Record<string, unknown>;
      for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[path[path.length - 1]] = value;
    }
  }, run.writes);
  for (const script of run.injected) {
    if (script.state !== 'pending') continue;
    const loaded = await page.evaluate(
      (src) =>
        new Promise<boolean>((resolve) => {
          const s = document.createElement('script');
          s.src = src;
          s.async = true;
          s.onload = () => resolve(true);
          s.onerror = () => resolve(false);
          document.head.appendChild(s);
        }),
      script.url,
    );
    if (loaded) script.load();
    else script.fail();
  }
}

const trackerScripts = (page: Page) => page.evaluate(() => Array.from(document.scripts, (s) => s.src).filter((src) => /yespo|esputnik/.test(src)));

test.beforeEach(async ({ shop, baseURL }) => {
  await serveShopOverHttps(shop, baseURL!);
  await listenForYespoEvents(shop);
});

test('the page has the product markup and no tracker until the tag fires', async ({ shop }) => {
  await shop.goto(`${SHOP}/gtm`);
  await expect(shop.locator('[data-yespo-product="24-MB02"]')).toHaveCount(1);
  expect(await trackerScripts(shop)).toEqual([]);
  expect(await shop.evaluate(() => 'yespoConfig' in window || 'yespo' in window || 'eS' in window)).toBe(false);
  expect(await settled(shop, 300)).toEqual([]);
});

test('the tag sets yespoConfig and injects the shop\'s bundle: eS is initialised and ProductPage sent', async ({ shop }) => {
  await shop.goto(`${SHOP}/gtm`);
  const run = fireTag(template, { scriptId: '000000000000000000' }, { pageUrl: shop.url() });
  expect(run.error).toBeUndefined();
  expect(run.writes).toEqual([{ key: 'yespoConfig', value: { scriptId: '000000000000000000', transport: 'es', consent: 'granted' } }]);
  expect(run.injected.map((s) => [s.url, s.resolvedUrl])).toEqual([['/yespo-autotrack.min.js', `${SHOP}/yespo-autotrack.min.js`]]);
  expect(run.outcome).toBe('pending');

  await applyTagEffects(shop, run);
  expect(run.outcome).toBe('success');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([PRODUCT_PAGE]);
  expect(await allCalls(shop)).toEqual([INIT, ['sendEvent', ...PRODUCT_PAGE]]);
  expect(await shop.evaluate(() => (window as unknown as { __yespoEvents: string[] }).__yespoEvents)).toEqual(['ProductPage']);
  expect(await trackerScripts(shop)).toEqual([`${SHOP}/yespo-autotrack.min.js`, 'https://cdn.esputnik.com/scripts/000000000000000000.js']);
});

test('fired twice (two triggers), the tag loads the bundle once and the page is tracked once', async ({ shop }) => {
  await shop.goto(`${SHOP}/gtm`);
  const page = createPage({ url: shop.url() });
  const first = fireTag(template, { scriptId: '000000000000000000' }, { page });
  const second = fireTag(template, { scriptId: '000000000000000000' }, { page });
  expect(second.injected).toHaveLength(1);
  expect(second.injected[0]).toBe(first.injected[0]);
  await applyTagEffects(shop, first);
  await applyTagEffects(shop, second);
  expect([first.outcome, second.outcome]).toEqual(['success', 'success']);
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([PRODUCT_PAGE]);
  expect((await allCalls(shop)).filter((c) => c[0] === 'init')).toHaveLength(1);
  expect((await trackerScripts(shop)).filter((src) => src.endsWith('/yespo-autotrack.min.js'))).toHaveLength(1);
});

test('consent pending: nothing is loaded from Yespo or sent until the page grants it', async ({ shop }) => {
  await shop.goto(`${SHOP}/gtm`);
  const run = fireTag(template, { scriptId: '000000000000000000', consent: 'pending' }, { pageUrl: shop.url() });
  expect(run.writes[0].value).toEqual({ scriptId: '000000000000000000', transport: 'es', consent: 'pending' });
  await applyTagEffects(shop, run);
  expect(run.outcome).toBe('success');
  expect(await settled(shop)).toEqual([]);
  expect((await trackerScripts(shop)).filter((src) => src.includes('esputnik'))).toEqual([]);

  await shop.evaluate(() => (window as unknown as { yespo: { push(c: unknown[]): void } }).yespo.push(['consent', 'granted']));
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([PRODUCT_PAGE]);
});

test('debug mode: the bundle loads its debug build and logs the events', async ({ shop }) => {
  const logs: string[] = [];
  shop.on('console', (m) => logs.push(m.text()));
  await shop.goto(`${SHOP}/gtm`);
  const run = fireTag(template, { scriptId: '000000000000000000', debug: true }, { pageUrl: shop.url() });
  expect(run.writes[0].value).toMatchObject({ debug: true });
  await applyTagEffects(shop, run);
  await waitForEvents(shop, 1);
  expect(await trackerScripts(shop)).toContain(`${SHOP}/yespo-autotrack.debug.js`);
  await expect.poll(() => logs.some((l) => l.includes('[yespo]') && l.includes('ProductPage'))).toBe(true);
});

test('an invalid value (from a variable) fails the tag: gtmOnFailure, no yespoConfig, nothing injected or sent', async ({ shop }) => {
  await shop.goto(`${SHOP}/gtm`);
  const run = fireTag(template, { scriptId: '{{Yespo script ID}}' }, { pageUrl: shop.url(), variables: { 'Yespo script ID': 'my store' } });
  expect(run.error).toBeUndefined();
  expect(run.outcome).toBe('failure');
  expect(run.writes).toEqual([]);
  expect(run.injected).toEqual([]);
  await applyTagEffects(shop, run);
  expect(await shop.evaluate(() => 'yespoConfig' in window || 'yespo' in window)).toBe(false);
  expect(await trackerScripts(shop)).toEqual([]);
  expect(await settled(shop)).toEqual([]);
  expect(await events(shop)).toEqual([]);
});

test('on a plain http page the root-relative bundle matches no https pattern: a permission error fails the tag', async ({ shop }) => {
  await shop.goto('/gtm');
  const run = fireTag(template, { scriptId: '000000000000000000' }, { pageUrl: shop.url() });
  expect(run.outcome).toBe('failure');
  expect(run.error?.name).toBe('PermissionError');
  expect(run.error?.message).toContain(`${new URL('/yespo-autotrack.min.js', shop.url()).href}`);
  expect(run.injected).toEqual([]);
  await applyTagEffects(shop, run);
  expect(await trackerScripts(shop)).toEqual([]);
});
