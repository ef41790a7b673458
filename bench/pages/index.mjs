// @ts-check
// The pages the bench loads: where each is served and how long a load of it is given to settle.
import { cartBurstPage, heavyPage, productPage, spaPage } from './generate.mjs';

/**
 * @typedef {{
 *   id: string,
 *   path: string,
 *   html: () => string,
 *   settleMs: number,
 *   waitFor?: string,
 * }} Page
 * `settleMs`: after `load` (and after `waitFor`, a window flag the page's own script sets), how long
 * deferred start-up work is given before the metrics are read.
 */

/** @type {Readonly<Record<string, Readonly<Page>>>} */
export const PAGES = Object.freeze({
  heavy: Object.freeze({ id: 'heavy', path: '/heavy.html', html: heavyPage, settleMs: 1000 }),
  product: Object.freeze({ id: 'product', path: '/product.html', html: productPage, settleMs: 700 }),
  cart: Object.freeze({ id: 'cart', path: '/cart-burst.html', html: cartBurstPage, settleMs: 1500, waitFor: '__burstDone' }),
  spa: Object.freeze({ id: 'spa', path: '/spa/p/0', html: spaPage, settleMs: 500 }),
});

/**
 * The page a request path asks for.
 * @param {string} path
 * @returns {Page | undefined}
 */
export function pageAt(path) {
  if (path.startsWith('/spa/')) return PAGES.spa;
  return Object.values(PAGES).find((p) => p.path === path);
}
