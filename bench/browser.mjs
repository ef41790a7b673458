// @ts-check
// Chromium for the bench: launched as the Playwright tests launch it, one fresh context per load
// (a first visit: no HTTP or code cache, empty storage), Yespo's eS script answered by the
// recorder stand-in, everything off 127.0.0.1 aborted, and a CDP session reading thread time.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, ES_RECORDER } from '../bin/chromium.mjs';
import { LONG_TASKS } from './inpage.mjs';

/**
 * @typedef {import('@playwright/test').Browser} Browser
 * @typedef {{
 *   page: import('@playwright/test').Page,
 *   cdp: import('@playwright/test').CDPSession,
 *   errors: string[],
 *   metrics: () => Promise<Record<string, number>>,
 *   close: () => Promise<void>,
 * }} Tab
 */

/** @returns {Promise<Browser>} */
export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page in a new context.
 * @param {Browser} browser
 * @param {readonly string[]} [init] more init scripts, after the long-task observer
 * @returns {Promise<Tab>}
 */
export async function openTab(browser, init = []) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  await ctx.route('https://cdn.esputnik.com/scripts/**', (route) => route.fulfill({ contentType: 'text/javascript', body: ES_RECORDER }));
  for (const s of [LONG_TASKS, ...init]) await ctx.addInitScript(s);
  const page = await ctx.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  const cdp = await ctx.newCDPSession(page);
  // Thread time (CPU time of the renderer's main thread), not wall time: steadier on a busy machine.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { page, cdp, errors, metrics, close: () => ctx.close() };
}

/**
 * Runs `fn` with a fresh tab and closes it after, whatever happens.
 * @template T
 * @param {Browser} browser
 * @param {(tab: Tab) => Promise<T>} fn
 * @param {readonly string[]} [init]
 * @returns {Promise<T>}
 */
export async function withTab(browser, fn, init) {
  const tab = await openTab(browser, init);
  try {
    return await fn(tab);
  } finally {
    await tab.close().catch(() => {});
  }
}
