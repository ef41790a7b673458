// @ts-check
// Recommendation items count as seen only when they have been in view: the audit scrolls to them.
import { impressionSettings, impressionsReady } from './inpage.mjs';

/** Most time spent scrolling one page so recommendation items count as seen. */
const SCROLL_BUDGET = 10_000;

/**
 * Scrolls the page so the tracker sees its recommendation blocks, then waits for the batch to go
 * out: `wait` ms after the last stop, or the flush time when longer.
 * @param {import('@playwright/test').Page} page
 * @param {number} wait
 */
export async function showRecommendations(page, wait) {
  // The tracker starts observing recommendation items in an idle moment after start-up: wait for it.
  await page.waitForFunction(impressionsReady, undefined, { timeout: 2000 }).catch(() => {});
  const imp = await page.evaluate(impressionSettings);
  // An item counts as seen after `minVisibleMs` in view; its batch goes out `flushMs` later.
  const dwell = imp.minVisibleMs + 250;
  const stops = imp.observed ? await scrollThrough(page, imp.blockSelector, dwell).catch(() => 0) : 0;
  await page.waitForTimeout(stops ? Math.max(wait, imp.flushMs + 300) : wait);
}

/**
 * Scrolls down the page (late content), then stops at each recommendation block long enough for its items to count as seen.
 * @param {import('@playwright/test').Page} page
 * @param {string} blockSelector
 * @param {number} dwell
 */
async function scrollThrough(page, blockSelector, dwell) {
  const start = Date.now();
  const left = () => SCROLL_BUDGET - (Date.now() - start);
  const { height, vh } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, vh: window.innerHeight }));
  for (let y = 0, n = 0; y < height && n < 25 && left() > 6000; y += Math.max(200, vh * 0.8), n++) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(80);
  }
  const tops = blockSelector ? await page.evaluate(blockTops, blockSelector).catch(() => []) : [];
  let stops = 0;
  let shown = -Infinity;
  for (const top of tops.sort((a, b) => a - b)) {
    if (left() < dwell) break;
    // Blocks in one screenful share one stop.
    if (top >= shown && top < shown + vh * 0.6) continue;
    await page.evaluate((to) => window.scrollTo(0, to), Math.max(0, top - vh * 0.2));
    shown = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(dwell);
    stops++;
  }
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => {});
  return stops;
}

/**
 * In the page: where each block starts, in document coordinates.
 * @param {string} sel
 */
function blockTops(sel) {
  try {
    return Array.from(document.querySelectorAll(sel)).map((el) => el.getBoundingClientRect().top + window.scrollY);
  } catch {
    return [];
  }
}
