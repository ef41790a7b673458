import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- jsdom ships no type declarations and @types/jsdom is not a dependency
import * as jsdom from 'jsdom';
import { expect } from 'vitest';
import { readJsonLd } from '../../src/sources/jsonld';
import { readMicrodata } from '../../src/sources/microdata';
import { readOpenGraph } from '../../src/sources/opengraph';
import { readPlatforms } from '../../src/sources/platforms';
import type { Evidence, SourceOptions } from '../../src/types/evidence';
import { productSchema } from '../../src/schema/events';

const JSDOM = (jsdom as { JSDOM: new (html: string, o?: { url?: string }) => { window: Window & typeof globalThis } }).JSDOM;

export const KEYS: SourceOptions['productKey'] = ['sku', 'productID', 'id', 'url'];

/**
 * A fixture from test/sources/fixtures/breadth served at `url`, read by every structured-data source
 * and the platform adapters in the README's precedence order. `verdict` is what the first source with a
 * view says: the page type, and the product and category of the first source that has them.
 */
export function readPage(name: string, url: string, productKey = KEYS) {
  const html = readFileSync(join(__dirname, 'fixtures', 'breadth', name), 'utf8');
  // Each fixture opens with a comment naming the template or platform output it is shaped after.
  expect(html).toMatch(/^<!DOCTYPE html>\s*<!--/i);
  const win = new JSDOM(html, { url }).window;
  const problems: string[] = [];
  const opts: SourceOptions = { productKey, url, problem: (_c, m) => problems.push(m) };
  const doc = win.document;
  const ev: Evidence[] = [readJsonLd(doc, opts), readMicrodata(doc, opts), readOpenGraph(doc, opts), ...readPlatforms(doc, win as unknown as Window, opts)];
  const first = <K extends keyof Evidence>(k: K) => ev.find((e) => e[k] !== undefined);
  const typed = first('pageType');
  const product = first('product');
  const verdict = {
    pageType: typed && typed.pageType,
    product: product && product.product,
    category: first('category') && first('category')!.category,
    notes: ev.flatMap((e) => e.notes || []),
  };
  if (verdict.product) expect(productSchema.safeParse(verdict.product).success).toBe(true);
  return { ev, verdict, problems, doc };
}
