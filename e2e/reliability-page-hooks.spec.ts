import { readFileSync } from 'node:fs';
import { test, expect, events, settled, waitForEvents, GUID, TRACKER_TAG, type Call } from './support';
import type { Page } from '@playwright/test';
import { checkRestBody } from '../src/schema/rest';

const lib = (name: string) => readFileSync(new URL(`./fixtures/libs/${name}`, import.meta.url), 'utf8');

type Body = { GeneralInfo: { eventName: string } } & Record<string, Record<string, unknown>>;

/** Every key anywhere in `v`. */
const keys = (v: unknown): string[] => (v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : []);

test("Prototype 1.6's toJSON hooks and an enumerable Object.prototype key: REST bodies still carry real arrays and only their own keys", async ({ shop, context }) => {
  const bodies: Body[] = [];
  await context.route('**/collect', (r) => {
    bodies.push(JSON.parse(r.request().postData() || 'null'));
    return r.fulfill({ status: 200, body: '' });
  });
  await shop.addInitScript(lib('prototype-1.6-json.js') + ';Object.prototype.leaked = "from the page";');
  const cfg = '{ transport: "rest", siteId: "S1", restUrl: "/collect", currency: "USD" }';
  const html = (body: string) => `<!doctype html><html><body>${body}<script>window.yespoConfig = ${cfg};</script>${TRACKER_TAG}</body></html>`;
  await context.route('**/hooks/cart', (r) =>
    r.fulfill({ contentType: 'text/html', body: html('<div data-yespo-product="A-1" data-yespo-price="5" data-yespo-tag-color="red,blue"></div><div data-yespo-cart><i data-yespo-cart-item="A-1" data-yespo-price="5" data-yespo-quantity="2" data-yespo-tag-size="m"></i></div>') }),
  );
  await context.route('**/hooks/thanks', (r) => r.fulfill({ contentType: 'text/html', body: html('<div data-yespo-order="H-1"><i data-yespo-order-item="A-1" data-yespo-price="5" data-yespo-quantity="2"></i></div>') }));
  await shop.goto('/hooks/cart');
  await expect.poll(() => bodies.map((b) => b.GeneralInfo.eventName).sort()).toEqual(['ProductPage', 'StatusCart']);
  // The memo was written with real arrays too.
  const memo = JSON.parse((await shop.evaluate(() => localStorage.getItem('yespo:cart')))!);
  await shop.goto('/hooks/thanks');
  await expect.poll(() => bodies.map((b) => b.GeneralInfo.eventName).sort()).toEqual(['ProductPage', 'PurchasedItems', 'StatusCart']);

  for (const b of bodies) {
    expect(checkRestBody(b), JSON.stringify(b)).toEqual([]);
    expect(keys(b)).not.toContain('leaked');
  }
  const by = (n: string) => bodies.find((b) => b.GeneralInfo.eventName === n)!;
  expect(by('ProductPage').ProductPage).toEqual({ Product: { productKey: 'A-1', price: '5', tag_color: ['red', 'blue'] } });
  expect(by('StatusCart').StatusCart).toEqual({ GUID: expect.stringMatching(GUID), Products: [{ productKey: 'A-1', price: '5', quantity: 2, price_currency_code: 'USD', tag_size: ['m'] }] });
  expect(by('PurchasedItems').PurchasedItems).toEqual({ OrderNumber: 'H-1', Products: [{ product_id: 'A-1', unit_price: '5', quantity: 2 }] });
  expect(Array.isArray(memo.items)).toBe(true);
});

/** The demo shop's pages with `files` loaded first in `<head>`, as an old theme loads its library. */
async function withLibraries(p: Page, files: string[]) {
  // MooTools 1.4.5 replaces Array.from with one that reads `.callee`. The bundle is not strict-mode
  // code, so the loader queues sloppy `arguments` as Yespo's own snippet does, and the demo's
  // stand-in (which runs Array.from over them, as a script of Yespo's might) works here unchanged.
  for (const f of files) await p.route(`**/__libs/${f}`, (r) => r.fulfill({ contentType: 'text/javascript', body: lib(f) }));
  await p.route(/^http:\/\/127\.0\.0\.1:\d+\/(product\/[^/]+|cart|checkout(\?.*)?|thank-you)$/, async (r) => {
    const res = await r.fetch();
    const tags = files.map((f) => `<script src="/__libs/${f}"></script>`).join('');
    return r.fulfill({ response: res, body: (await res.text()).replace('<head>', '<head>' + tags) });
  });
}

const carts = (list: Call[]) => list.filter((e) => e[0] === 'StatusCart').map((e) => e[1] as { StatusCart: unknown[]; GUID: string });

for (const files of [['prototype-1.7.3.js'], ['mootools-core-1.4.5.js']]) {
  test(`product → cart → purchase on pages running ${files.join(' + ')}`, async ({ shop }) => {
    await withLibraries(shop, files);
    await shop.goto('/product/24-MB02');
    expect(await shop.evaluate(() => !!((window as unknown as { Prototype?: unknown }).Prototype || (window as unknown as { MooTools?: unknown }).MooTools))).toBe(true);
    await waitForEvents(shop, 1);
    await shop.locator('.product [data-add]').click();
    await waitForEvents(shop, 2);
    const [cart] = carts(await settled(shop));
    expect(cart).toEqual({ StatusCart: [{ productKey: '24-MB02', price: '45.00', quantity: '1', currency: 'USD' }], GUID: expect.stringMatching(GUID) });

    await shop.goto('/checkout?order=LIB-' + files[0].slice(0, 4) + Date.now());
    await waitForEvents(shop, 1);
    await shop.fill('#checkout-form input[type=email]', 'old@theme.io');
    await shop.locator('#checkout-form button').last().click();
    await shop.waitForURL('**/thank-you');
    await waitForEvents(shop, 1);
    const thanks = await settled(shop);
    expect(thanks.map((e) => e[0])).toEqual(['PurchasedItems']);
    expect(thanks[0][1]).toMatchObject({ PurchasedItems: [{ productKey: '24-MB02', price: '45.00', quantity: '1', currency: 'USD' }], GUID: cart.GUID });
    await shop.reload();
    expect(await settled(shop, 600)).toEqual([]);
    expect(await events(shop)).toEqual([]);
  });
}
