// @ts-check
// Drives one page in Chromium: a fresh context, the page's own origin only, the debug build in
// place, the page scrolled and consent accepted; then reads what the tracker saw and sent.
import { checkPage } from './check.mjs';
import { beforePage, collect, grantConsent } from './inpage.mjs';
import { problem, tidy } from './problems.mjs';
import { routePage } from './route.mjs';
import { showRecommendations } from './scroll.mjs';
import { firstLine } from './text.mjs';

/** @typedef {import('./types.js').PageReport} PageReport */
/** @typedef {import('./types.js').Problem} Problem */
/**
 * @typedef {object} Assets  what the audit brings to every page
 * @property {string} debugJs
 * @property {(call: unknown[]) => string[]} checkEsCall
 * @property {(body: unknown) => string[]} checkRestBody
 */
/**
 * @typedef {object} PageOptions
 * @property {Record<string, unknown>} config the audit's window.yespoConfig
 * @property {number} wait extra time for late content, ms
 * @property {number} [timeout] the most one page may take, ms
 */

const NAV_TIMEOUT = 30_000;

/**
 * Opens a page as a first-time visitor with the tracker running (the page's own, else the debug build).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {PageOptions} opts
 * @param {Assets} assets
 * @param {(p: Problem) => void} add
 */
export async function openPage(browser, url, opts, assets, add) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const traffic = await routePage(page, url, assets.debugJs);
  /** @type {{ pageErrors: string[], logged: Array<{ type: string, text: string }> }} */
  const heard = { pageErrors: [], logged: [] };
  page.on('pageerror', (e) => heard.pageErrors.push(String((e && e.message) || e)));
  page.on('console', (m) => {
    const type = m.type();
    if ((type === 'error' || type === 'warning') && /^\[yespo\]/.test(m.text())) heard.logged.push({ type, text: m.text().replace(/^\[yespo\]\s*/, '') });
  });
  // Debug mode makes a shop bundle already on the page load its debug build, which can be inspected.
  await page.addInitScript(beforePage, { debug: true, ...opts.config });
  let res;
  try {
    res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
  } catch (e) {
    add(problem('page-unreachable', `the page could not be loaded: ${firstLine(e)}`));
    return { context, page, traffic, heard, status: null, loaded: false };
  }
  const status = res ? res.status() : null;
  if (status && status >= 400 && status !== 404) add(problem('http-error', `the page answered HTTP ${status}`));
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  const bundle = await startTracker(page, assets.debugJs, add);
  return { context, page, traffic, heard, status, loaded: true, bundle };
}

/**
 * The page's own tracker when it runs; else the debug build, injected.
 * @param {import('@playwright/test').Page} page
 * @param {string} debugJs
 * @param {(p: Problem) => void} add
 * @returns {Promise<'page' | 'injected'>}
 */
async function startTracker(page, debugJs, add) {
  // A bundle tag still on its way (async, or added by a tag manager) gets a moment to start.
  const own = () => /** @type {any} */ (window).yespoAutotrack || !Array.from(document.scripts).some((s) => /yespo-autotrack/i.test(s.src));
  await page.waitForFunction(own, undefined, { timeout: 3000 }).catch(() => {});
  const before = await page.evaluate(() => ({
    active: /** @type {any} */ (window).yespoAutotrack || '',
    tags: Array.from(document.scripts, (s) => s.src).filter((s) => /yespo-autotrack/i.test(s)),
  }));
  if (before.active) return 'page';
  if (before.tags.length) add(problem('bundle-not-started', `the page includes ${before.tags[0]} but it did not start; the audit injected its own copy`));
  await page.addScriptTag({ content: debugJs });
  return 'injected';
}

/**
 * Audits one page; never throws. With `opts.timeout`, a page that takes longer is closed and reported.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ input: string, url: string }} target
 * @param {PageOptions} opts
 * @param {Assets} assets
 * @returns {Promise<PageReport & { links: string[] }>}
 */
export async function auditPage(browser, target, opts, assets) {
  const started = Date.now();
  /** @type {Problem[]} */
  const problems = [];
  const add = (/** @type {Problem} */ p) => problems.push(p);
  /** @type {PageReport & { links: string[] }} */
  const out = { input: target.input, url: target.url, status: null, bundle: null, version: null, type: null, typeFrom: null, facts: {}, events: [], problems: [], blocked: 0, links: [] };
  /** @type {Awaited<ReturnType<typeof openPage>> | undefined} */
  let open;
  let timedOut = false;
  const timer = opts.timeout ? setTimeout(() => ((timedOut = true), open && open.context.close().catch(() => {})), opts.timeout) : undefined;
  try {
    open = await openPage(browser, target.url, opts, assets, add);
    if (timedOut) throw new Error('timeout');
    Object.assign(out, { url: open.page.url(), status: open.status, blocked: open.traffic.blocked });
    if (open.loaded) Object.assign(out, await readPage(open, opts, assets));
  } catch (e) {
    if (timedOut) add(problem('page-timeout', `the page took longer than the audit's limit of ${opts.timeout} ms per page`));
    else add(problem('audit-failed', `the audit failed on this page: ${firstLine(e)}`));
  } finally {
    clearTimeout(timer);
    if (open) out.blocked = open.traffic.blocked;
    await (open && open.context.close().catch(() => {}));
  }
  out.problems = tidy([...problems, ...out.problems]);
  out.ms = Date.now() - started;
  return out;
}

/**
 * Lets the page settle, scrolls it, accepts held consent, then checks what was seen.
 * @param {Awaited<ReturnType<typeof openPage>>} open
 * @param {PageOptions} opts
 * @param {Assets} assets
 */
async function readPage({ page, traffic, heard, bundle }, opts, assets) {
  // The eS script (the recorder) has loaded, or the tracker's requests (REST) are done.
  await Promise.race([
    page.waitForFunction(() => /** @type {any} */ (window).__esLoads, undefined, { timeout: 3000 }),
    page.waitForLoadState('networkidle', { timeout: 3000 }),
  ]).catch(() => {});
  await showRecommendations(page, opts.wait);
  const granted = await page.evaluate(grantConsent);
  if (granted) {
    await page.waitForFunction(() => /** @type {any} */ (window).__esLoads, undefined, { timeout: 3000 }).catch(() => {});
    await page.waitForTimeout(300);
  }
  const got = await page.evaluate(collect);
  const seen = { ...got, ...heard, restBodies: traffic.restBodies, granted, bundle: traffic.bundle || bundle || null };
  return { bundle: seen.bundle, version: got.version || null, links: got.links, ...checkPage(seen, assets) };
}
