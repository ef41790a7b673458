// @ts-check
// The cart scenario: on one product page, add to cart through the page's own button, as a
// visitor would, and expect a StatusCart within a few seconds.
import { eventsOf } from './check.mjs';
import { collect } from './inpage.mjs';
import { openPage } from './page.mjs';
import { problem, tidy } from './problems.mjs';
import { firstLine } from './text.mjs';

/** @typedef {import('./types.js').CartScenario} CartScenario */
/** @typedef {import('./types.js').PageReport} PageReport */

const WAIT_FOR_CART = 5000;
/** The parts of an observation the event list does not read. */
const emptyRest = { pageErrors: [], logged: [], granted: /** @type {false} */ (false), bundle: null };

/**
 * The product page for the scenario: the first that sent ProductPage for a product in stock.
 * @param {PageReport[]} pages
 */
export function cartPage(pages) {
  const products = pages.filter((p) => p.type === 'product' && p.events.some((e) => e.name === 'ProductPage'));
  const inStock = (/** @type {PageReport} */ p) => !p.facts.product || /** @type {any} */ (p.facts.product.value).isInStock !== 0;
  return products.find(inStock) || products[0];
}

/**
 * In the page: marks the add-to-cart button (platform markup first, then a button of the page's
 * product, then one labelled so), outside recommendation blocks; answers how it reads, or ''.
 */
export function markAddToCart() {
  const w = /** @type {any} */ (window);
  const insp = w.yespo && typeof w.yespo.inspect === 'function' ? w.yespo.inspect() : undefined;
  const recs = (insp && insp.config && insp.config.impressions && insp.config.impressions.blockSelector) || '';
  const SELECTORS = ['form[action*="/cart/add"] [type=submit]', 'button.single_add_to_cart_button', '#product-addtocart-button', '[data-button-action="add-to-cart"]', '#form-action-addToCart', '[data-yespo-product] button'];
  const LABEL = /add to (cart|bag|basket)|in den warenkorb|ajouter au panier|в кошик|в корзину|do koszyka|buy now/i;
  /** @param {Element} el */
  const usable = (el) => {
    const b = /** @type {HTMLButtonElement} */ (el);
    const box = b.getBoundingClientRect();
    return !b.disabled && box.width > 0 && box.height > 0 && !(recs && b.closest(recs)) && !b.closest('[data-yespo-wishlist]') && !b.hasAttribute('data-yespo-wishlist');
  };
  const labelled = (/** @type {Element} */ el) => LABEL.test(el.textContent || /** @type {HTMLInputElement} */ (el).value || '');
  const any = Array.from(document.querySelectorAll('button, input[type=submit], a[role=button]'));
  const found = SELECTORS.flatMap((s) => Array.from(document.querySelectorAll(s)).filter(usable)).find((el) => labelled(el) || el.matches(SELECTORS.slice(0, 5).join(','))) || any.filter(usable).find(labelled);
  if (!found) return '';
  found.setAttribute('data-audit-add-to-cart', '');
  return `<${found.tagName.toLowerCase()}> "${(found.textContent || /** @type {HTMLInputElement} */ (found).value || '').trim().slice(0, 40)}"`;
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {import('./page.mjs').PageOptions} opts
 * @param {import('./page.mjs').Assets} assets
 * @returns {Promise<CartScenario>}
 */
export async function cartScenario(browser, url, opts, assets) {
  /** @type {import('./types.js').Problem[]} */
  const problems = [];
  /** @type {CartScenario} */
  const out = { url, sent: false, problems };
  const open = await openPage(browser, url, opts, assets, (p) => problems.push(p)).catch((e) => void problems.push(problem('audit-failed', `the cart scenario failed: ${firstLine(e)}`)));
  if (!open) return out;
  try {
    if (!open.loaded) return out;
    await open.page.waitForFunction(() => /** @type {any} */ (window).__esLoads, undefined, { timeout: 3000 }).catch(() => {});
    const statusCarts = async () => eventsOf({ ...(await open.page.evaluate(collect)), restBodies: open.traffic.restBodies, ...emptyRest }).filter((e) => e.name === 'StatusCart');
    const before = (await statusCarts()).length;
    out.button = (await open.page.evaluate(markAddToCart)) || undefined;
    if (!out.button) return problems.push(problem('cart-no-button', 'no add-to-cart button found on the product page: the cart scenario was not played')), out;
    await open.page.click('[data-audit-add-to-cart]', { timeout: 5000 });
    const until = Date.now() + WAIT_FOR_CART;
    for (let now = await statusCarts(); !out.sent && Date.now() < until; now = await statusCarts()) {
      if (now.length > before) Object.assign(out, { sent: true, event: now[now.length - 1] });
      else await open.page.waitForTimeout(200);
    }
    if (!out.sent) problems.push(problem('cart-not-sent', `clicked ${out.button}, but no StatusCart was sent within ${WAIT_FOR_CART / 1000} s`));
  } catch (e) {
    problems.push(problem('audit-failed', `the cart scenario failed: ${firstLine(e)}`));
  } finally {
    out.problems = tidy(problems);
    await open.context.close().catch(() => {});
  }
  return out;
}

