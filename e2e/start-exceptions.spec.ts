// No exception on the way in: on well-formed pages the tracker starts, reads and sends without
// throwing even an exception it catches itself. The first exception thrown with the bundle's code
// on the stack makes V8 re-parse the bundle for the stack trace's source positions: about 3 ms of
// main-thread time on a typical product page (measured with the bench), more than the floor's
// whole cost. The debugger is asked to pause on every exception, caught or not, and each pause in
// one of the tracker's files is recorded.
import type { Page } from '@playwright/test';
import { test, expect, servePage, benchPage } from './support';
import { heavyPage, productPage, spaPage } from '../bench/pages/generate.mjs';

const OURS = /\/yespo-autotrack\.[a-z.]*js/;

/** Every exception thrown in the tracker's files while `load` runs and the page settles. */
async function exceptionsWhile(page: Page, load: () => Promise<unknown>, settleMs = 1500) {
  // The shop's origin first: a navigation to another site starts a new renderer, which the
  // debugger session would not follow.
  if (!page.url().startsWith('http')) {
    await servePage(page, '/blank-start', '<!doctype html><title>blank</title>');
    await page.goto('/blank-start');
  }
  const cdp = await page.context().newCDPSession(page);
  const thrown: string[] = [];
  // Call frames name their script by id (their url field is empty): the ids of the tracker's files.
  const ours = new Set<string>();
  cdp.on('Debugger.scriptParsed', (s: { scriptId: string; url: string }) => void (OURS.test(s.url) && ours.add(s.scriptId)));
  cdp.on('Debugger.paused', (e: { data?: { description?: string }; callFrames: Array<{ functionName: string; location: { scriptId: string } }> }) => {
    const top = e.callFrames[0];
    if (top && ours.has(top.location.scriptId)) thrown.push(`${(e.data?.description || '').split('\n')[0]} in ${top.functionName || '(anonymous)'}`);
    void cdp.send('Debugger.resume').catch(() => {});
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setPauseOnExceptions', { state: 'all' });
  await load();
  await page.waitForTimeout(settleMs);
  await cdp.send('Debugger.disable');
  return thrown;
}

test('the bench pages: product, heavy category, and 20 SPA route changes', async ({ shop }) => {
  test.setTimeout(60000);
  await servePage(shop, '/bench/product', benchPage(productPage()));
  expect(await exceptionsWhile(shop, () => shop.goto('/bench/product'))).toEqual([]);
  await servePage(shop, '/bench/heavy', benchPage(heavyPage()));
  expect(await exceptionsWhile(shop, () => shop.goto('/bench/heavy'))).toEqual([]);
  await servePage(shop, '/spa/p/0', benchPage(spaPage(), true));
  await shop.goto('/spa/p/0');
  await shop.waitForTimeout(500);
  const nav = () => shop.evaluate(async () => {
    for (let i = 1; i <= 20; i++) {
      (window as unknown as { __benchNav(i: number): void }).__benchNav(i);
      await new Promise((ok) => setTimeout(ok, 60));
    }
  });
  expect(await exceptionsWhile(shop, nav, 800)).toEqual([]);
});

test('the demo shop: a returning visitor with a cart, a signed-in visitor, a purchase, zero-config pages', async ({ shop }) => {
  test.setTimeout(60000);
  for (const path of ['/', '/product/24-MB02', '/cart', '/account', '/thank-you', '/zero/product/shopify-tee', '/zero/ga4/product', '/zero/woo/cart', '/category/bags', '/search?q=bag'])
    expect(await exceptionsWhile(shop, () => shop.goto(path), 900), path).toEqual([]);
});

test('the check sees a caught exception: a file beside the bundle that throws and catches', async ({ shop }) => {
  await shop.route('**/yespo-autotrack.throws.js', (r) => r.fulfill({ contentType: 'text/javascript', body: 'try { JSON.parse("") } catch (e) {}' }));
  await servePage(shop, '/throws', '<!doctype html><body><script src="/yespo-autotrack.throws.js"></script></body>');
  expect(await exceptionsWhile(shop, () => shop.goto('/throws'), 300)).toEqual(['SyntaxError: Unexpected end of JSON input in (anonymous)']);
});
