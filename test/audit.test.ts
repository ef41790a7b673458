// The `yespo-autotrack audit` command, run as a shop's CI would run it: on the fixture pages in
// test/audit-fixtures/, through headless Chromium and the built debug bundle (npm test builds first).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../bin/chromium.mjs';

const BIN = fileURLToPath(new URL('../bin/audit.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./audit-fixtures/', import.meta.url));

interface Problem {
  code: string;
  level: 'error' | 'warning';
  message: string;
}
interface Page {
  input: string;
  url: string;
  type: string | null;
  typeFrom: string | null;
  facts: Record<string, { value: unknown; from: string }>;
  events: Array<{ name: string; payload?: unknown }>;
  problems: Problem[];
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: FIXTURES });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const audit = (args: string[]) => run(['audit', ...args]);
const levels = (p: Page, level: Problem['level']) => p.problems.filter((x) => x.level === level).map((x) => x.message);
const codes = (p: Page) => p.problems.map((x) => `${x.level} ${x.code}`);

describe('yespo-autotrack audit', () => {
  it('reports type, sources, events and problems of every fixture page as JSON; exit 1 when a page has errors', async () => {
    const files = ['product-jsonld.html', 'category-attributes.html', 'broken-jsonld.html', 'purchase.html', 'nothing.html', 'product-problems.html'];
    const { code, stdout, stderr } = await audit(['--json', '--wait', '200', '--config', '{"scriptId":"1","currency":"UAH"}', ...files]);
    expect(code, stderr).toBe(1);
    const { pages } = JSON.parse(stdout) as { pages: Page[] };
    expect(pages.map((p) => p.input)).toEqual(files);
    const [product, category, broken, purchase, nothing, bad] = pages;

    // JSON-LD only.
    expect(product).toMatchObject({ type: 'product', typeFrom: 'json-ld' });
    expect(product.facts.product).toEqual({ value: { productKey: '24-MB02', price: '59.00', isInStock: 1 }, from: 'json-ld' });
    expect(product.events).toEqual([{ name: 'ProductPage', payload: { ProductPage: { productKey: '24-MB02', price: '59.00', isInStock: 1 } } }]);
    expect(product.problems).toEqual([]);

    // Attributes, and a recommendation block below the fold: the audit scrolls to it.
    expect(category).toMatchObject({ type: 'category', typeFrom: 'data-yespo-category' });
    expect(category.facts.category).toEqual({ value: 'bags', from: 'data-yespo-*' });
    expect(category.events).toEqual([
      { name: 'CategoryPage', payload: { CategoryPage: { categoryKey: 'bags' } } },
      {
        name: 'ProductImpressions',
        payload: {
          ProductImpression: [
            { product_id: '24-WB04', container_type: '3001_r7v12' },
            { product_id: '24-UG06', container_type: '3001_r7v12' },
          ],
        },
      },
    ]);
    expect(category.problems).toEqual([]);

    // An unreadable JSON-LD block is an error even though the attributes still give the product.
    expect(broken).toMatchObject({ type: 'product', typeFrom: 'data-yespo-product' });
    expect(broken.events.map((e) => e.name)).toEqual(['ProductPage']);
    expect(levels(broken, 'error')).toEqual([expect.stringMatching(/^JSON-LD block #1: cannot be read/)]);
    expect(codes(broken)).toEqual(['error jsonld-unreadable']);

    // The page's own config (currency EUR) wins over --config (UAH).
    expect(purchase).toMatchObject({ type: 'purchase', typeFrom: 'data-yespo-order' });
    expect(purchase.events).toEqual([
      {
        name: 'PurchasedItems',
        payload: {
          OrderNumber: '100045',
          PurchasedItems: [
            { productKey: '24-MB02', quantity: '1', price: '59.00', currency: 'EUR' },
            { productKey: '24-UG06', quantity: '2', price: '7.00', currency: 'EUR' },
          ],
        },
      },
    ]);
    expect(purchase.problems).toEqual([]);

    // Nothing to read: type "other", no events, one warning and no error.
    expect(nothing).toMatchObject({ type: 'other', typeFrom: 'no signal', facts: {}, events: [] });
    expect(levels(nothing, 'error')).toEqual([]);
    expect(levels(nothing, 'warning')).toEqual([expect.stringMatching(/^no page-type signal/)]);
    expect(codes(nothing)).toEqual(['warning no-page-signal']);

    // A title as the key, no price, a URL as a cart key, JSON-LD that disagrees, a block without a container type.
    expect(bad.events.map((e) => e.name)).toEqual(['ProductPage', 'StatusCart']);
    expect(levels(bad, 'error')).toEqual([expect.stringMatching(/<section data-yespo-recs>: recommendation block without a container type/)]);
    const warnings = levels(bad, 'warning').join('\n');
    expect(warnings).toMatch(/json-ld disagrees on the product/);
    expect(warnings).toMatch(/product page without a price/);
    expect(warnings).toMatch(/product key "Strive Shoulder Pack" does not look like a feed id: it looks like a product title/);
    expect(warnings).toMatch(/product key "https:\/\/shop\.example\/p\/24-MB02" does not look like a feed id: it is a URL/);
    expect(codes(bad)).toEqual(['error recs-incomplete', 'warning sources-disagree', 'warning price-missing', 'warning key-not-feed-like', 'warning key-not-feed-like']);
  }, 60_000);

  it('prints a readable report and exits 0 when no page has errors; --config reaches the page', async () => {
    const { code, stdout, stderr } = await audit(['--wait', '200', '--config', '{"productKey":["url"]}', 'product-jsonld.html', 'nothing.html']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('page type   product  (decided by json-ld)');
    expect(stdout).toMatch(/product\s+\{"productKey":"fusion-backpack","price":"59.00","isInStock":1\}\s+← json-ld/);
    expect(stdout).toContain('ProductPage {"ProductPage":{"productKey":"fusion-backpack","price":"59.00","isInStock":1}}');
    expect(stdout).toMatch(/warning\s+no page-type signal/);
    expect(stdout.indexOf('product-jsonld.html')).toBeLessThan(stdout.indexOf('nothing.html'));
    expect(stdout.trim().split('\n').pop()).toBe('2 pages audited: no errors, 1 warning');
  }, 60_000);

  it('a page behind Google Consent Mode (denied by default): the audit accepts, shows the events and warns', async () => {
    const { code, stdout, stderr } = await audit(['--json', '--wait', '200', 'consent-mode.html']);
    expect(code, stderr).toBe(0);
    const [page] = (JSON.parse(stdout) as { pages: Page[] }).pages;
    expect(page.events).toEqual([{ name: 'ProductPage', payload: { ProductPage: { productKey: 'CM-1', price: '29.00', isInStock: 1 } } }]);
    expect(levels(page, 'warning').join('\n')).toMatch(/Google Consent Mode denies analytics_storage: nothing is sent until the visitor accepts; the audit accepted/);
    expect(codes(page)).toEqual(['warning consent-held']);
  }, 60_000);

  it.each([
    [[], /no command given/],
    [['audit'], /give at least one URL or HTML file/],
    [['audit', '--sitemap', 'shop.example/sitemap.xml'], /--sitemap needs an http\(s\) URL/],
    [['audit', '--fail-on', 'sometimes', 'nothing.html'], /--fail-on must be error, warning or none/],
    [['audit', '--sample', 'many', 'nothing.html'], /--sample must be a whole number/],
    [['audit', 'missing.html'], /no such file: missing\.html/],
    [['audit', '--config', '{nope', 'nothing.html'], /--config is not JSON/],
    [['audit', '--wait', 'soon', 'nothing.html'], /--wait must be a number/],
    [['audit', '--frobnicate', 'nothing.html'], /Unknown option/],
  ])('usage error %j → exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: yespo-autotrack audit');
  }, 10_000);
});

// The whole demo shop, as a shop's CI would audit it: its sitemap index (one child gzipped), its
// robots.txt, the cart scenario, the HTML report in Chromium, and a crawl against a baseline.
describe('yespo-autotrack audit, a whole shop (the demo shop)', () => {
  const PORT = 8304;
  const SHOP = `http://127.0.0.1:${PORT}`;
  const dir = mkdtempSync(join(tmpdir(), 'yespo-audit-'));
  let server: ChildProcess;

  beforeAll(async () => {
    server = spawn(process.execPath, [fileURLToPath(new URL('../demo-shop/server.mjs', import.meta.url)), '--port', String(PORT)], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${SHOP}/robots.txt`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the demo shop did not start');
  });
  afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  interface Kind {
    kind: string;
    pages: number;
    outcome: Record<string, number>;
    types: Record<string, number>;
    problems: Record<string, number>;
  }
  interface Report {
    pages: Array<Page & { kind: string }>;
    kinds: Kind[];
    skipped: { robots: string[]; sample: number; limit: number };
    cart?: { url: string; sent: boolean; event?: { name: string } };
    regressions?: Array<{ url: string; code: string; message: string }>;
  }

  it('--sitemap: per-kind counts, robots.txt, the sample, the cart scenario; the HTML report shows the chart', async () => {
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const args = ['--sitemap', `${SHOP}/sitemap_index.xml`, '--sample', '2', '--max-pages', '14', '--wait', '0', '--concurrency', '3', '--cart', '--json', json, '--html', html];
    const { code, stdout, stderr } = await audit(args);
    expect(code, stderr).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.pages).toHaveLength(14);
    // /account is listed but disallowed; 24-UG06 is the third product (sample 2); the page limit ends the zero-config list.
    expect(report.skipped).toEqual({ robots: [`${SHOP}/account`], sample: 2, limit: 6 });
    const kind = (k: string) => report.kinds.find((x) => x.kind === k);
    expect(kind('/product/*')).toMatchObject({ pages: 2, outcome: { ok: 2, warning: 0, error: 0 }, types: { product: 2 }, problems: {} });
    expect(kind('/audit/*')).toMatchObject({ pages: 2, types: { product: 1, other: 1 }, problems: { 'price-missing': 1, 'no-page-signal': 1 } });
    expect(kind('/thank-you')).toMatchObject({ pages: 1, outcome: { error: 1 }, problems: { 'event-missing': 1 } });
    // Pages of the gzipped child sitemap were read.
    expect(kind('/zero/woo/*')?.pages).toBe(1);
    expect(kind('/zero/product/*')?.pages).toBe(2);
    const silent = report.pages.find((p) => p.input.endsWith('/audit/silent'));
    expect(silent).toMatchObject({ type: 'other', events: [] });
    expect(report.cart).toMatchObject({ url: `${SHOP}/product/24-MB02`, sent: true, event: { name: 'StatusCart' } });
    expect(stdout).toMatch(/^\/product\/\*\s+2\s+2\s+0\s+0\s+product 2/m);
    expect(stdout).toContain('cart scenario: http://127.0.0.1:8304/product/24-MB02 → StatusCart sent');

    const browser = await chromium.launch({ headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on('request', (r) => void (r.url().startsWith('file:') || outside.push(r.url())));
      await page.goto(pathToFileURL(html).href);
      const labels = await page.locator('svg.chart text.label').allTextContents();
      expect(labels).toEqual(report.kinds.map((k) => k.kind));
      const bar = page.locator('svg.chart g.kind', { has: page.locator('text.label', { hasText: /^\/product\/\*$/ }) });
      expect(await bar.locator('text.total').textContent()).toBe('2');
      expect(await page.locator('svg.chart rect[data-kind="/thank-you"][data-outcome="error"]').getAttribute('data-count')).toBe('1');
      await page.selectOption('#outcome', 'error');
      expect(await page.locator('#pages tbody tr:not([hidden])').count()).toBe(1);
      expect(await page.locator('#shown').textContent()).toBe('1');
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(1000);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }

    // A crawl against that report as the baseline: a baseline page that sent one more event is a regression.
    const base = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const start = `${SHOP}/zero/woo/cart`;
    const woo = base.pages.find((p) => p.input === start) as Page;
    woo.events.push({ name: 'CustomerData' });
    writeFileSync(json, JSON.stringify(base));
    const crawled = await audit(['--crawl', start, '--max-pages', '2', '--wait', '0', '--json', '--baseline', json]);
    expect(crawled.code, crawled.stderr).toBe(1);
    const again = JSON.parse(crawled.stdout) as Report;
    expect(again.pages.map((p) => p.input)).toEqual([start, `${SHOP}/zero/`]);
    expect(again.regressions).toContainEqual({ url: start, code: 'events-dropped', message: 'no longer sends CustomerData' });
  }, 90_000);
});
