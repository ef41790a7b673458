// Long SPA sessions: what the tracker keeps after 100 more route changes, measured as heap
// snapshots after forced GC, beside the same page without the tracker. JavaScript objects count;
// compiled code does not: V8 compiles hot functions as a session goes on, and a snapshot of this
// session shows that code (InstructionStream, TrustedByteArray) as the only growth the tracker adds.
import type { CDPSession, Page } from '@playwright/test';
import { test, expect, servePage, benchPage } from './support';
// The benchmark's SPA page: every route renders a product and a block of 20 recommendation items.
import { spaPage } from '../bench/pages/generate.mjs';
import { heapSplit } from '../bench/spa.mjs';

/** Self size of every JavaScript value on the heap (objects, closures, arrays, strings), after a forced GC. */
async function heapObjects(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await heapSplit(cdp)).values;
}

/** Growth of the heap's values from route 20 to route 120 of the SPA page, with or without the tracker. */
async function growth(page: Page, tracked: boolean): Promise<number> {
  await servePage(page, '/spa/p/0', tracked ? benchPage(spaPage(), true) : spaPage());
  // Yespo's script as a sink that keeps nothing: the recorder the other flows use keeps every call.
  await page.route('https://cdn.esputnik.com/scripts/**', (r) => r.fulfill({ contentType: 'text/javascript', body: 'window.eS = function () { window.__esCount = (window.__esCount || 0) + 1; };' }));
  await page.goto('/spa/p/0');
  await page.waitForTimeout(600);
  const cdp = await page.context().newCDPSession(page);
  const nav = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      await page.evaluate((n) => (window as unknown as { __benchNav(n: number): void }).__benchNav(n), i);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(500);
  };
  await nav(1, 21);
  const before = await heapObjects(cdp);
  await nav(21, 121);
  return (await heapObjects(cdp)) - before;
}

test('100 route changes: the tracker keeps under 16 KB of objects beyond what the page itself keeps', async ({ shop, browser }) => {
  test.setTimeout(90_000);
  const bare = await browser.newPage({ baseURL: new URL(shop.url() === 'about:blank' ? `http://127.0.0.1:${process.env.E2E_PORT || 8181}` : shop.url()).origin });
  const without = await growth(bare, false).finally(() => bare.close());
  const withTracker = await growth(shop, true);
  expect(withTracker - without).toBeLessThan(16 * 1024);
  // The session really ran through the tracker: one page view per route, its events sent.
  expect(await shop.evaluate(() => (window as unknown as { yespo: { stats(): { views: number } } }).yespo.stats().views)).toBeGreaterThanOrEqual(121);
  expect(await shop.evaluate(() => (window as unknown as { __esCount: number }).__esCount)).toBeGreaterThanOrEqual(240);
});
