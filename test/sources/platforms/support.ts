import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cartItemSchema, type CartItem } from '../../../src/schema/events';
import type { SourceOptions } from '../../../src/types/evidence';
import type { CartOptions, PlatformContext } from '../../../src/types/platform';

/** The platform's JSON from a fixture in test/sources/fixtures/carts (each names its source in `_source`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
  const f = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'carts', name), 'utf8'));
  expect(typeof f._source).toBe('string');
  return f.body;
}

export const DEFAULT_KEYS: SourceOptions['productKey'] = ['sku', 'productID', 'id', 'url'];

export const options = (productKey = DEFAULT_KEYS, currency?: string): CartOptions => (currency ? { productKey, currency } : { productKey });

/** A PlatformContext with only what the cart and customer readers look at. */
export function context(win: object = {}, url = 'https://shop.example/', doc?: Document): PlatformContext {
  const u = new URL(url);
  return { doc: doc as Document, win, url: u, cls: [], o: { productKey: DEFAULT_KEYS, url, problem: () => undefined } };
}

/** Every line is a valid StatusCart item as Yespo takes it. */
export function expectValid(items: CartItem[] | undefined) {
  expect(items).toBeDefined();
  for (const i of items!) expect(cartItemSchema.safeParse(i).success, JSON.stringify(i)).toBe(true);
}

/** A string past every length limit (1 MB). */
export const HUGE = 'x'.repeat(1 << 20);
