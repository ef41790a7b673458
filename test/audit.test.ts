// The `yespo-autotrack audit` command, run as a shop's CI would run it: on the fixture pages in
// test/audit-fixtures/, through headless Chromium and the built debug bundle (npm test builds first).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/audit.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./audit-fixtures/', import.meta.url));

interface Problem {
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

    // A title as the key, no price, a URL as a cart key, JSON-LD that disagrees, a block without a container type.
    expect(bad.events.map((e) => e.name)).toEqual(['ProductPage', 'StatusCart']);
    expect(levels(bad, 'error')).toEqual([expect.stringMatching(/<section data-yespo-recs>: recommendation block without a container type/)]);
    const warnings = levels(bad, 'warning').join('\n');
    expect(warnings).toMatch(/json-ld disagrees on the product/);
    expect(warnings).toMatch(/product page without a price/);
    expect(warnings).toMatch(/product key "Strive Shoulder Pack" does not look like a feed id: it looks like a product title/);
    expect(warnings).toMatch(/product key "https:\/\/shop\.example\/p\/24-MB02" does not look like a feed id: it is a URL/);
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
  }, 60_000);

  it.each([
    [[], /no command given/],
    [['audit'], /give at least one URL or HTML file/],
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
