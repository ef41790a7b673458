// @ts-check
// `yespo-autotrack audit`: arguments in, reports out, an exit code for CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCli, USAGE, UsageError } from './args.mjs';
import { exitCode, regressions } from './baseline.mjs';
import { DEBUG_BUILD, launch, loadAssets, loadChromium, SCHEMA } from './browser.mjs';
import { cartPage, cartScenario } from './cart.mjs';
import { renderHtml } from './html.mjs';
import { kindTable, pageText, regressionText, summaryLine } from './report.mjs';
import { runAudit } from './run.mjs';
import { summarize } from './summary.mjs';
import { firstLine } from './text.mjs';

/** @typedef {import('./args.mjs').Options} Options */
/** @typedef {import('./types.js').SiteReport} SiteReport */

/** @param {string} msg */
const fail = (msg) => (process.stderr.write(`yespo-autotrack: ${msg}\n`), 2);

/**
 * @param {string[]} argv
 * @returns {Promise<number>} the exit code
 */
export async function main(argv) {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`yespo-autotrack: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) return process.stdout.write(USAGE + '\n'), 0;
  let baseline;
  try {
    baseline = opts.baseline ? JSON.parse(readFileSync(opts.baseline, 'utf8')) : undefined;
    if (baseline && !Array.isArray(baseline.pages)) throw new Error('no "pages" in it');
  } catch (e) {
    return fail(`--baseline ${opts.baseline} is not a report of this command (--json): ${firstLine(e)}`);
  }
  let assets;
  try {
    assets = await loadAssets();
  } catch (e) {
    return fail(`the package's build is missing or broken (${DEBUG_BUILD}, ${SCHEMA}): build it first (node build.mjs)\n${firstLine(e)}`);
  }
  const chromium = await loadChromium();
  if (!chromium) return fail('the audit needs Playwright to drive Chromium. Install it in your project:\n\n  npm i -D @playwright/test\n  npx playwright install chromium   # unless CHROMIUM_PATH or /usr/bin/chromium is there');
  let browser;
  try {
    browser = await launch(chromium);
  } catch (e) {
    return fail(`Chromium did not start: ${firstLine(e)}\nSet CHROMIUM_PATH, install Debian's chromium, or run: npx playwright install chromium`);
  }
  try {
    const report = await audit(browser, opts, assets, baseline);
    output(report, opts);
    return exitCode(report, opts.failOn);
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {Options} opts
 * @param {import('./page.mjs').Assets} assets
 * @param {SiteReport | undefined} baseline
 * @returns {Promise<SiteReport>}
 */
async function audit(browser, opts, assets, baseline) {
  const site = !!(opts.sitemap || opts.crawl);
  const started = new Date().toISOString();
  const stream = !site && !opts.json ? (/** @type {import('./types.js').PageReport} */ p) => process.stdout.write(pageText(p) + '\n\n') : undefined;
  const run = await runAudit(browser, opts, assets, stream);
  for (const note of run.notes) process.stderr.write(`yespo-autotrack: ${note}\n`);
  /** @type {SiteReport} */
  const report = { version: run.pages.find((p) => p.version)?.version || '', started, pages: run.pages, kinds: summarize(run.pages), skipped: run.skipped };
  if (site) report.source = opts.sitemap ? { sitemap: opts.sitemap } : { crawl: opts.crawl };
  if (opts.cart) {
    const product = cartPage(run.pages);
    report.cart = product
      ? await cartScenario(browser, product.url, { config: opts.config, wait: opts.wait, timeout: opts.pageTimeout }, assets)
      : { url: '', sent: false, problems: [{ code: 'cart-no-button', level: 'warning', message: 'no product page that sent ProductPage: the cart scenario was not played' }] };
  }
  if (baseline) report.regressions = regressions(report, baseline, opts.failOn);
  return report;
}

/**
 * @param {SiteReport} report
 * @param {Options} opts
 */
function output(report, opts) {
  if (opts.jsonFile) writeFileSync(opts.jsonFile, JSON.stringify(report, null, 2) + '\n');
  if (opts.html) writeFileSync(opts.html, renderHtml(report));
  if (opts.json) return void process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  const lines = [];
  if (opts.sitemap || opts.crawl) lines.push(kindTable(report.kinds), '');
  if (report.cart) lines.push(`cart scenario: ${report.cart.url || 'no product page'} → ${report.cart.sent ? 'StatusCart sent' : report.cart.problems.map((p) => p.message).join('; ')}`);
  if (report.regressions) lines.push(regressionText(report.regressions));
  lines.push(summaryLine(report.pages));
  process.stdout.write(lines.join('\n') + '\n');
}
