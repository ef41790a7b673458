import { INTERNAL_PROPS } from '../variants.mjs';
import { test, expect, servePage } from './support';

// The names the minified files rename must be no browser's: a property of any interface a page
// has (DOM, events, observers, storage, history, performance, built-ins) would no longer be found.
test('the renamed internal names are no property of anything the browser gives a page', async ({ shop }) => {
  await servePage(shop, '/blank', '<!doctype html><title>blank</title>');
  await shop.goto('/blank');
  const hits = await shop.evaluate((names) => {
    const objects: object[] = [window, document, navigator, location, history, console, JSON, Math, performance, Intl, Reflect];
    const w = window as unknown as Record<string, unknown>;
    for (const k of Object.getOwnPropertyNames(window)) {
      const v = w[k];
      if (typeof v === 'function' && v.prototype) objects.push(v.prototype, v);
    }
    const out: string[] = [];
    for (const o of objects) for (const n of names) if (n in o) out.push(`${n} (${(o.constructor && o.constructor.name) || String(o)})`);
    return out;
  }, [...INTERNAL_PROPS]);
  expect(hits).toEqual([]);
});
