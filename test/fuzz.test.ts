// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkConfig } from '../src/config';
import { createLog } from '../src/lib/log';
import { createTracker, type Tracker } from '../src/tracker';
import { checkEsCall } from '../src/schema/events';

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '<script>alert(1)</script>', '"><img src=x>', '1,249.00', '89,90 €', '-5', 'NaN', 'Infinity', '1e999', ' ', ''),
  fc.string({ minLength: 250, maxLength: 400 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const attrName = fc.constantFrom(
  'page', 'product', 'price', 'currency', 'in-stock', 'tag-color', 'tag-__proto__', 'category', 'cart', 'cart-item', 'quantity', 'discount',
  'order', 'order-item', 'customer', 'email', 'phone', 'name', 'external-id', 'contact-id', 'city', 'search', 'results', 'wishlist', 'recs', 'rec-item',
);
const attrs = fc
  .array(fc.tuple(attrName, hostile), { maxLength: 4 })
  .map((list) => list.map(([n, v]) => ` data-yespo-${n}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join(''));
const tag = fc.constantFrom('div', 'span', 'li', 'section', 'button', 'form', 'a');
const leaf = fc.tuple(tag, attrs).map(([t, a]) => `<${t}${a}></${t}>`);
const branch = (kid: fc.Arbitrary<string>) =>
  fc.tuple(tag, attrs, fc.array(kid, { maxLength: 4 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`);
/** Random trees three levels deep. */
const element = branch(branch(leaf));

let live: Tracker | undefined;
afterEach(() => live && live.stop());

describe('any page: no throw, no prototype change, every payload valid', () => {
  it('random data-yespo-* pages', () => {
    const cfg = checkConfig({ scriptId: '1', currency: 'USD' }).config!;
    fc.assert(
      fc.property(fc.array(element, { maxLength: 6 }), fc.constantFrom('/', '/cart', '/checkout', '/p/x', '/search?q=a'), (els, path) => {
        live && live.stop();
        localStorage.clear();
        sessionStorage.clear();
        history.replaceState(null, '', path);
        document.body.innerHTML = els.join('');
        const problems: string[][] = [];
        (window as unknown as { eS: unknown }).eS = (...a: unknown[]) => {
          const p = checkEsCall(a);
          if (p.length) problems.push([JSON.stringify(a).slice(0, 300), ...p]);
        };
        live = createTracker(cfg, createLog(false));
        live.start();
        live.ready(true);
        for (const b of Array.from(document.querySelectorAll('button'))) b.click();
        for (const f of Array.from(document.querySelectorAll('form'))) f.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
        live.setCart([{ productKey: '__proto__', price: '1e999', quantity: -1 }]);
        live.track('__proto__', { __proto__: { polluted: true } } as object);
        live.identify({ email: 'x'.repeat(1000) + '@a.b', __proto__: 'x' });
        expect(problems).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  }, 60_000);
});
