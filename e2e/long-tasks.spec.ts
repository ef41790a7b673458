// No long task: on the benchmark's heavy category page (60,000 elements, 40 recommendation blocks of
// 20 items, a 5,000-item JSON-LD list) and on its typical product page, no task spends 50 ms or
// more in the tracker's scripts. Measured in a Chromium trace as the bench measures it: the
// tracker's own script events summed per task, in thread time (CPU time of the page's main
// thread, so a busy machine does not lengthen it as it lengthens wall time).
import type { Page } from '@playwright/test';
import { test, expect, servePage, benchPage } from './support';
import { heavyPage, productPage } from '../bench/pages/generate.mjs';
import { ownTaskTimes } from '../bench/trace.mjs';

const LONG_MS = 50;
const OURS = (url: string) => /\/yespo-autotrack\.[a-z.]*js/.test(url);

/** The tracker's thread time per task over one traced load of `html` (with the bundle in place of its marker), longest first. */
async function ownTasks(page: Page, path: string, html: string) {
  await servePage(page, path, benchPage(html));
  const browser = page.context().browser()!;
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await page.goto(path);
  // Start-up, the first read and the impressions pass (at idle) are all done within this.
  await expect.poll(() => page.evaluate(() => (window as unknown as { yespo?: { stats?(): { observed: number } } }).yespo?.stats?.().observed ?? -1), { timeout: 15000 }).toBeGreaterThanOrEqual(0);
  await page.waitForTimeout(1500);
  const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  return ownTaskTimes(ev, path, OURS);
}

test('heavy category page: no task spends 50 ms in the tracker', async ({ shop }) => {
  test.setTimeout(60000);
  const tasks = await ownTasks(shop, '/bench/heavy', heavyPage());
  // The page did get read: the tracker ran, and its recommendation items are observed.
  expect(tasks.length).toBeGreaterThan(1);
  expect(await shop.evaluate(() => (window as unknown as { yespo: { stats(): { observed: number } } }).yespo.stats().observed)).toBeGreaterThan(100);
  expect(tasks[0].thread).toBeLessThan(LONG_MS);
});

test('typical product page: no task spends 50 ms in the tracker', async ({ shop }) => {
  const tasks = await ownTasks(shop, '/bench/product', productPage());
  expect(tasks.length).toBeGreaterThan(1);
  expect(tasks[0].thread).toBeLessThan(LONG_MS);
});

test('the check sees a long task: a file beside the bundle that computes for 250 ms is caught', async ({ shop }) => {
  await shop.route('**/yespo-autotrack.busy.js', (r) => r.fulfill({ contentType: 'text/javascript', body: 'var t = performance.now(); while (performance.now() - t < 250) {}' }));
  const html = productPage().replace('<!--TRACKER-->', '<!--TRACKER--><script src="/yespo-autotrack.busy.js" async></script>');
  const tasks = await ownTasks(shop, '/bench/product-busy', html);
  expect(tasks[0].thread).toBeGreaterThanOrEqual(LONG_MS);
});
