import { test, expect, events, TRACKER_TAG } from './support';
import type { Page } from '@playwright/test';

/** A tiny client-routed store: each route renders after a short fetch delay, like real apps. */
const app = (tag: string) => `<!doctype html><html><body>
<div id="view"></div>
<script>
  const views = {
    '/spa': '<div data-yespo-page="main">Home</div><section data-yespo-recs="4001_r1v1"><div data-yespo-rec-item="R1" style="height:100px"></div><div data-yespo-rec-item="R2" style="height:100px"></div></section>',
    '/spa/bags': '<div data-yespo-category="bags">Bags</div>',
    '/spa/p/24-MB02': '<div data-yespo-product="24-MB02" data-yespo-price="45.00" data-yespo-in-stock="1">Backpack</div>',
  };
  const render = (path) => { document.getElementById('view').innerHTML = views[path] || '<div data-yespo-page="404">none</div>'; };
  window.go = (path, delay = 150) => {
    history.pushState({}, '', path);
    history.replaceState({}, '', path);
    setTimeout(() => render(location.pathname), delay);
  };
  window.addEventListener('popstate', () => setTimeout(() => render(location.pathname), 50));
  render(location.pathname);
</script>
<script>window.yespoConfig = { scriptId: "1" };</script>${tag}</body></html>`;

/**
 * The same flows with the shop bundle and with the core file, which follows routes with a chunk
 * loaded at the first route change (its events wait for it: `sync` is false).
 */
const FILES = [
  { name: 'shop bundle', tag: TRACKER_TAG, sync: true },
  { name: 'core file', tag: '<script src="/yespo-autotrack.core.min.js" async></script>', sync: false },
];
async function open(page: Page, tag: string) {
  await page.route('**/spa**', (r) => r.fulfill({ contentType: 'text/html', body: app(tag) }));
  await page.goto('/spa');
  await expect.poll(async () => (await events(page)).length).toBe(1);
}

const go = (page: Page, path: string) => page.evaluate((p) => (window as unknown as { go(p: string): void }).go(p), path);
/** `n` route changes, 5 ms apart, between the home and the bags routes. */
const routeChanges = (page: Page, n: number) =>
  page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      (window as unknown as { go(p: string, d: number): void }).go(i % 2 ? '/spa' : '/spa/bags', 0);
      await new Promise((r) => setTimeout(r, 5));
    }
  }, n);
const pageEvents = async (page: Page) => (await events(page)).filter((e) => e[0] !== 'ProductImpressions');

for (const file of FILES) {
  test.describe(file.name, () => {
    test('each route change: one PageView (push + replace of the same URL), then that route\'s events', async ({ shop }) => {
      await open(shop, file.tag);
      await go(shop, '/spa/bags');
      await expect.poll(() => pageEvents(shop)).toHaveLength(3);
      await go(shop, '/spa/p/24-MB02');
      await expect.poll(() => pageEvents(shop)).toHaveLength(5);
      await shop.waitForTimeout(600);
      expect(await pageEvents(shop)).toEqual([
        ['MainPage'],
        ['PageView', { PageView: {} }],
        ['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }],
        ['PageView', { PageView: {} }],
        ['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1 } }],
      ]);
    });

    test('back/forward count as route changes; hash changes and same-URL replaces do not', async ({ shop }) => {
      await open(shop, file.tag);
      await go(shop, '/spa/bags');
      await expect.poll(() => pageEvents(shop)).toHaveLength(3);
      await shop.evaluate(() => {
        location.hash = '#reviews';
        history.replaceState({}, '', location.href);
      });
      await shop.waitForTimeout(500);
      expect(await pageEvents(shop)).toHaveLength(3);
      await shop.goBack();
      await shop.waitForTimeout(400);
      expect(await pageEvents(shop)).toHaveLength(3);
      await shop.goBack();
      await expect.poll(() => pageEvents(shop)).toHaveLength(5);
      expect((await pageEvents(shop)).slice(3)).toEqual([['PageView', { PageView: {} }], ['MainPage']]);
    });

    test('impressions are counted again in a new page view', async ({ shop }) => {
      await open(shop, file.tag);
      const imps = async () => (await events(shop)).filter((e) => e[0] === 'ProductImpressions');
      await expect.poll(imps, { timeout: 5000 }).toHaveLength(1);
      await go(shop, '/spa/bags');
      await expect.poll(() => pageEvents(shop)).toHaveLength(3);
      await go(shop, '/spa');
      await expect.poll(imps, { timeout: 6000 }).toHaveLength(2);
      expect((await imps())[1][1]).toEqual({
        ProductImpression: [
          { product_id: 'R1', container_type: '4001_r1v1' },
          { product_id: 'R2', container_type: '4001_r1v1' },
        ],
      });
    });

    test('yespo.page() right after a route change reads the page at once, without a second PageView', async ({ shop }) => {
      await open(shop, file.tag);
      await shop.evaluate(() => {
        history.pushState({}, '', '/spa/bags');
        document.getElementById('view')!.innerHTML = '<div data-yespo-category="bags">Bags</div>';
        (window as unknown as { yespo: { page(): void } }).yespo.page();
      });
      const read = [['MainPage'], ['PageView', { PageView: {} }], ['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }]];
    // The shop bundle reads it in the same task; the core file once its routes chunk is in.
    if (file.sync) expect(await pageEvents(shop)).toEqual(read);
    else await expect.poll(() => pageEvents(shop)).toEqual(read);
      await shop.waitForTimeout(600);
      expect(await pageEvents(shop)).toHaveLength(3);
    });

    test('200 route changes leave observed nodes and memory flat', async ({ shop }) => {
      await open(shop, file.tag);
      const stats = () => shop.evaluate(() => (window as unknown as { yespo: { stats(): { observed: number; views: number } } }).yespo.stats());
      await expect.poll(async () => (await stats()).observed).toBeLessThanOrEqual(2);
      const heap = () => shop.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
      await routeChanges(shop, 20);
      await shop.waitForTimeout(800);
      const before = await heap();
      await routeChanges(shop, 200);
      await shop.waitForTimeout(800);
      const s = await stats();
      expect(s.views).toBe(221);
      expect(s.observed).toBeLessThanOrEqual(2);
      expect(await shop.evaluate(() => document.querySelectorAll('[data-yespo-rec-item]').length)).toBeLessThanOrEqual(2);
      expect((await pageEvents(shop)).filter((e) => e[0] === 'PageView')).toHaveLength(220);
      const after = await heap();
      expect(after - before).toBeLessThan(2_000_000);
    });

    if (!file.sync)
      test('the routes chunk is loaded at the first route change, not before; a missing one is one warning', async ({ shop }) => {
        const scripts: string[] = [];
        shop.on('request', (r) => r.url().includes('/yespo-autotrack') && scripts.push(new URL(r.url()).pathname));
        await open(shop, file.tag);
        await shop.waitForTimeout(300);
        expect(scripts).not.toContain('/yespo-autotrack.core.routes.js');
        await go(shop, '/spa/bags');
        await expect.poll(() => pageEvents(shop)).toHaveLength(3);
        expect(scripts.filter((s) => s.includes('routes'))).toEqual(['/yespo-autotrack.core.routes.js']);

        const logs: string[] = [];
        shop.on('console', (m) => m.text().includes('[yespo]') && logs.push(m.type() + ': ' + m.text()));
        await shop.route('**/yespo-autotrack.core.routes.js*', (r) => r.fulfill({ status: 404, body: '' }));
        await open(shop, file.tag);
        await go(shop, '/spa/bags');
        await expect.poll(() => logs).toEqual(['warning: [yespo] yespo-autotrack.core.routes.js is missing beside the bundle: copy all of dist/']);
        await shop.waitForTimeout(400);
        expect(await pageEvents(shop)).toEqual([['MainPage']]);
      });
  });
}
