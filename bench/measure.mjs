// @ts-check
// One page load of one variant → its numbers: main-thread script time from just before navigation
// until the page has settled, the variant's own longest script (long-animation-frame attribution),
// the page's long tasks, the cart reads the server saw, uncaught errors.
import { withTab } from './browser.mjs';
import { ownsScript } from './variants.mjs';

export const LONG_TASK_MS = 50;

/**
 * @typedef {{
 *   scriptMs: number, taskMs: number, ownLongestMs: number, ownLongScripts: number,
 *   longTasks: number, cartReads: number, cartAdds: number, esEvents: string[], errors: number, wallMs: number,
 * }} LoadRun
 */

/** CDP metric `k` between two readings, in ms. @param {Record<string, number>} a @param {Record<string, number>} b @param {string} k */
export const deltaMs = (a, b, k) => (b[k] - a[k]) * 1000;

/** @param {import('@playwright/test').Page} page */
const readBench = (page) =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const calls = /** @type {Array<{ args: unknown[] }>} */ (w.__esCalls || []);
    return {
      bench: /** @type {{ longtasks: number[], loaf: Array<{ url: string, dur: number }> }} */ (w.__bench),
      esEvents: calls.filter((c) => c.args[0] === 'sendEvent').map((c) => String(c.args[1])),
    };
  });

/**
 * @param {import('./browser.mjs').Browser} browser
 * @param {import('./serve.mjs').Server} server
 * @param {import('./variants.mjs').Variant} v
 * @param {import('./pages/index.mjs').Page} pg
 * @returns {Promise<LoadRun>}
 */
export function loadRun(browser, server, v, pg) {
  return withTab(browser, async ({ page, errors, metrics }) => {
    const started = Date.now();
    await page.goto(server.base + '/blank.html');
    server.cart.reset();
    const m0 = await metrics();
    await page.goto(`${server.base}${pg.path}?v=${v.id}`, { waitUntil: 'load' });
    if (pg.waitFor) await page.waitForFunction(`!!window.${pg.waitFor}`, null, { timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(pg.settleMs);
    const m1 = await metrics();
    const { bench, esEvents } = await readBench(page);
    const own = ownsScript(v);
    const mine = bench.loaf.filter((s) => own(s.url)).map((s) => s.dur);
    return {
      scriptMs: deltaMs(m0, m1, 'ScriptDuration'),
      taskMs: deltaMs(m0, m1, 'TaskDuration'),
      ownLongestMs: Math.max(0, ...mine),
      ownLongScripts: mine.filter((d) => d > LONG_TASK_MS).length,
      longTasks: bench.longtasks.filter((d) => d > LONG_TASK_MS).length,
      cartReads: server.cart.counts.reads,
      cartAdds: server.cart.counts.adds,
      esEvents,
      errors: errors.length,
      wallMs: Date.now() - started,
    };
  });
}
