import { test, expect, RECORDER } from './support';
import type { BrowserContext, Page } from '@playwright/test';

/**
 * Two tabs of one browser opening one page at the same moment: what goes out once per browser
 * (an order's PurchasedItems, a new cart's StatusCart) goes out once, not once per tab.
 */

const page = (body: string) =>
  `<!doctype html><html><body>${body}<script>window.yespoConfig = { scriptId: "0", currency: "USD" };</script><script src="/yespo-autotrack.min.js" async></script></body></html>`;

async function setUp(context: BrowserContext) {
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (r) => r.abort());
  await context.route('https://cdn.esputnik.com/scripts/**', (r) => r.fulfill({ contentType: 'text/javascript', body: RECORDER }));
  await context.route('**/reliability/two-tabs/**', (r) => {
    const u = new URL(r.request().url());
    const n = u.searchParams.get('n')!;
    const body = u.pathname.endsWith('/thank-you')
      ? `<div data-yespo-order="R2-${n}"><i data-yespo-order-item="SKU-${n}" data-yespo-price="10" data-yespo-quantity="1"></i></div>`
      : `<div data-yespo-cart><i data-yespo-cart-item="SKU-${n}" data-yespo-price="10" data-yespo-quantity="1"></i></div>`;
    return r.fulfill({ contentType: 'text/html', body: page(body) });
  });
  const tabs = [await context.newPage(), await context.newPage()];
  const errors: string[] = [];
  for (const t of tabs) t.on('pageerror', (e) => errors.push(String(e)));
  return { tabs, errors };
}

/** `name` events each tab sent (the loader's PageView left out). */
const count = (tabs: Page[], name: string) =>
  Promise.all(
    tabs.map((t) =>
      t.evaluate((n) => ((window as unknown as { __esCalls?: Array<{ args: unknown[] }> }).__esCalls || []).filter((c) => c.args[0] === 'sendEvent' && c.args[1] === n).length, name),
    ),
  );

/** Both tabs load `path` together, and have had time to decide (the lock is kept 100 ms after each decision). */
async function together(tabs: Page[], path: string) {
  await Promise.all(tabs.map((t) => t.goto(path)));
  await Promise.all(tabs.map((t) => t.waitForFunction(() => !!(window as unknown as { yespoAutotrack?: string }).yespoAutotrack)));
  await tabs[0].waitForTimeout(400);
}

test('one thank-you page opened in two tabs at once sends PurchasedItems once, 20 times over', async ({ context }) => {
  test.setTimeout(90_000);
  const { tabs, errors } = await setUp(context);
  const totals: number[] = [];
  for (let i = 0; i < 20; i++) {
    await together(tabs, `/reliability/two-tabs/thank-you?n=${Date.now().toString(36)}-${i}`);
    const [a, b] = await count(tabs, 'PurchasedItems');
    totals.push(a + b);
  }
  expect(totals).toEqual(Array(20).fill(1));
  expect(errors).toEqual([]);
});

test('a new cart read by two tabs at once sends one StatusCart, 10 times over', async ({ context }) => {
  test.setTimeout(60_000);
  const { tabs, errors } = await setUp(context);
  const totals: number[] = [];
  for (let i = 0; i < 10; i++) {
    await together(tabs, `/reliability/two-tabs/cart?n=${i}`);
    const [a, b] = await count(tabs, 'StatusCart');
    totals.push(a + b);
  }
  expect(totals).toEqual(Array(10).fill(1));
  expect(errors).toEqual([]);
});
