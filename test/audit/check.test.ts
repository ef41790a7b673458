// The checks are pure: an inspection written by hand (the debug build's yespo.inspect() shape)
// and the recorded calls in, the page's facts, events and coded problems out.
import { describe, expect, it } from 'vitest';
import { checkPage } from '../../bin/audit/check.mjs';
import type { Inspection, Observed } from '../../bin/audit/types';

const formats = { checkEsCall: () => [] as string[], checkRestBody: () => [] as string[] };
const config = { transport: 'es', consent: 'granted', dataLayer: 'dataLayer', impressions: { blockSelector: '[data-yespo-recs]', minVisibleMs: 1000, flushMs: 1000 } };

function seen(inspection: Inspection | undefined, more: Partial<Observed> = {}): Observed {
  return { running: true, version: '1.0.0', inspection, calls: [], sent: [], restBodies: [], pageErrors: [], logged: [], cfg: { own: true, keys: ['scriptId'] }, scriptIdAttr: false, granted: false, bundle: 'page-debug', ...more };
}
const codes = (r: ReturnType<typeof checkPage>) => r.problems.map((p) => `${p.level} ${p.code}`);

describe('checkPage', () => {
  it('a clean product page: facts with their source, the event, no problems', () => {
    const product = { productKey: 'SKU-1', price: '10.00', isInStock: 1 };
    const r = checkPage(
      seen({ config, consent: 'granted', problems: [], events: [], page: { type: 'product', typeFrom: 'json-ld', from: { product: 'json-ld' }, product } }, { calls: [['sendEvent', 'ProductPage', { ProductPage: product }]] }),
      formats,
    );
    expect(r).toEqual({ type: 'product', typeFrom: 'json-ld', facts: { product: { value: product, from: 'json-ld' } }, notes: [], events: [{ name: 'ProductPage', payload: { ProductPage: product } }], problems: [] });
  });

  it('names the tolerances the readers used, and the text report shows them', async () => {
    const page = { type: 'product', typeFrom: 'json-ld', from: { product: 'json-ld' }, product: { productKey: 'W-1' }, notes: ['Offers read as offers', 'price read from a string'] };
    const r = checkPage(seen({ config, problems: [], page }, { calls: [['sendEvent', 'ProductPage', { ProductPage: { productKey: 'W-1' } }]] }), formats);
    expect(r.notes).toEqual(['Offers read as offers', 'price read from a string']);
    const { pageText } = await import('../../bin/audit/report.mjs');
    expect(pageText({ input: 'x', url: 'x', status: 200, bundle: 'page', version: '1', blocked: 0, ...r })).toContain('tolerances  Offers read as offers; price read from a string');
  });

  it("takes the tracker's problems with their own code and level, errors first", () => {
    const problems = [
      { code: 'jsonld-repaired', level: 'warning' as const, message: 'JSON-LD block #2: read after a repair' },
      { code: 'jsonld-unreadable', level: 'error' as const, message: 'JSON-LD block #1: cannot be read' },
    ];
    const r = checkPage(seen({ config, problems, page: { type: 'other', typeFrom: 'URL rule', from: {} } }), formats);
    expect(r.problems).toEqual([problems[1], problems[0]]);
  });

  it('a product page without price or ProductPage, a title as key, a repeated event', () => {
    const page = { type: 'product', typeFrom: 'data-yespo-product', from: { product: 'data-yespo-*' }, product: { productKey: 'Strive Shoulder Pack' } };
    const r = checkPage(seen({ config, problems: [], page }, { calls: [['sendEvent', 'MainPage'], ['sendEvent', 'MainPage']] }), formats);
    expect(codes(r)).toEqual(['error event-missing', 'warning price-missing', 'warning event-repeated', 'warning key-not-feed-like']);
    expect(r.problems.find((p) => p.code === 'key-not-feed-like')?.message).toMatch(/"Strive Shoulder Pack" does not look like a feed id: it looks like a product title/);
  });

  it('no page-key-missing twice: the tracker already said why ProductPage is not sent', () => {
    const problems = [{ code: 'page-key-missing', level: 'error' as const, message: 'product page without a product key' }];
    const r = checkPage(seen({ config, problems, page: { type: 'product', typeFrom: 'data-yespo-page', from: {} } }), formats);
    expect(codes(r)).toEqual(['error page-key-missing']);
  });

  it('a purchase page without PurchasedItems; a page with no signal', () => {
    expect(codes(checkPage(seen({ config, problems: [], page: { type: 'purchase', typeFrom: 'URL rule', from: {} } }), formats))).toEqual(['error event-missing']);
    expect(codes(checkPage(seen({ config, problems: [], page: { type: 'other', typeFrom: 'no signal', from: {} } }), formats))).toEqual(['warning no-page-signal']);
  });

  it('the tracker did not start: not-started, with what it logged', () => {
    const r = checkPage(seen(undefined, { running: false, bundle: 'injected', logged: [{ type: 'error', text: 'config "scriptId" is required' }] }), formats);
    expect(r.problems).toEqual([
      { code: 'tracker-log', level: 'error', message: 'config "scriptId" is required' },
      { code: 'not-started', level: 'error', message: 'the tracker did not start' },
    ]);
  });

  it("the page's install: no scriptId, consent held, a bundle that cannot be inspected", () => {
    const own = seen({ config, problems: [], page: { type: 'main', typeFrom: 'URL rule', from: {} } }, { cfg: { own: true, keys: ['currency'] }, granted: 'config' });
    expect(codes(checkPage(own, formats))).toEqual(['error config-missing-script-id', 'warning consent-held']);
    const rest = seen({ config: { ...config, transport: 'rest' }, problems: [] }, { cfg: { own: true, keys: ['siteId'] }, granted: 'google' });
    expect(checkPage(rest, formats).problems).toEqual([{ code: 'consent-held', level: 'warning', message: expect.stringMatching(/^Google Consent Mode denies analytics_storage/) }]);
    expect(codes(checkPage(seen(undefined, { bundle: 'page' }), formats))).toEqual(['warning not-inspectable']);
  });

  it('format errors from the schema checks; the same line the tracker logged is not repeated', () => {
    const bad = { checkEsCall: (c: unknown[]) => (c[1] === 'ProductPage' ? ['ProductPage.productKey: required'] : []), checkRestBody: () => ['GeneralInfo.siteId: required'] };
    const r = checkPage(
      seen(
        { config, problems: [], page: { type: 'main', typeFrom: 'URL rule', from: {} } },
        { calls: [['sendEvent', 'ProductPage', { ProductPage: {} }]], restBodies: [{ GeneralInfo: { eventName: 'MainPage' } }], logged: [{ type: 'warning', text: "ProductPage does not match Yespo's format: ProductPage.productKey: required" }] },
      ),
      bad,
    );
    expect(codes(r)).toEqual(['error event-format', 'error event-format']);
  });

  it("a platform's page whose cart was not read; none when the cart was read", () => {
    const page = { type: 'cart', typeFrom: 'woocommerce', from: {} };
    expect(codes(checkPage(seen({ config, problems: [], page }), formats))).toEqual(['warning cart-not-read']);
    expect(codes(checkPage(seen({ config, problems: [], page, cart: { items: [], from: 'woocommerce Store API' } }), formats))).toEqual([]);
  });

  it('uncaught page errors: the first three, then a count', () => {
    const r = checkPage(seen({ config, problems: [] }, { pageErrors: ['a', 'b', 'c', 'd', 'e'] }), formats);
    expect(r.problems.map((p) => p.message)).toEqual(['uncaught error in the page: a', 'uncaught error in the page: b', 'uncaught error in the page: c', '2 more uncaught errors in the page']);
  });
});
