// @ts-check
// Runs the audit over every page asked for: the files and URLs given, a sitemap's pages, a crawl.
import { basename, dirname } from 'node:path';
import { crawl } from './crawl.mjs';
import { robotsGate, sitemapPages } from './discover.mjs';
import { auditPage } from './page.mjs';
import { workQueue } from './pool.mjs';
import { progressBar } from './progress.mjs';
import { pageKind } from './sample.mjs';
import { serveDir } from './serve.mjs';

/** @typedef {import('./types.js').PageReport} PageReport */
/** @typedef {import('./args.mjs').Options} Options */
/** @typedef {{ skipped: import('./types.js').SiteReport['skipped'], notes: string[] }} Left */

/**
 * Local files are served from their directory on 127.0.0.1 so relative and root-relative assets load.
 * @param {Options['targets']} targets
 */
async function serveFiles(targets) {
  /** @type {Map<string, { origin: string, close: () => Promise<void> }>} */
  const servers = new Map();
  for (const t of targets) {
    if (!t.file) continue;
    const dir = dirname(t.file);
    if (!servers.has(dir)) servers.set(dir, await serveDir(dir));
    t.url = `${/** @type {{ origin: string }} */ (servers.get(dir)).origin}/${encodeURIComponent(basename(t.file))}`;
  }
  return () => Promise.all([...servers.values()].map((s) => s.close()));
}

/**
 * Audits every page; `onPage` hears of each one in the order they were asked for, as soon as it can.
 * @param {import('@playwright/test').Browser} browser
 * @param {Options} opts
 * @param {import('./page.mjs').Assets} assets
 * @param {(page: PageReport) => void} [onPage]
 */
export async function runAudit(browser, opts, assets, onPage) {
  const close = await serveFiles(opts.targets);
  /** @type {PageReport[]} */
  const pages = [];
  /** @type {Left} */
  const left = { skipped: { robots: [], sample: 0, limit: 0 }, notes: [] };
  const bar = progressBar();
  let printed = 0;
  let asked = 0;
  /** @param {string} input @param {string} url @param {number} i */
  const visit = async (input, url, i) => {
    const { links, ...page } = await auditPage(browser, { input, url }, { config: opts.config, wait: opts.wait, timeout: opts.pageTimeout }, assets);
    pages[i] = { ...page, kind: pageKind(/^https?:/i.test(input) ? input : url) };
    bar.tick(pages.filter(Boolean).length, asked, input);
    for (; onPage && printed < pages.length && pages[printed]; printed++) onPage(pages[printed]);
    return links;
  };
  try {
    const queue = workQueue(opts.concurrency);
    for (const t of opts.targets) queue.add(((i) => () => visit(t.input, /** @type {string} */ (t.url), i))(asked++));
    if (opts.sitemap) await fromSitemap(opts, left, (url) => queue.add(((i) => () => visit(url, url, i))(asked++)));
    await queue.idle();
    if (opts.crawl) await fromCrawl(opts, left, (url) => visit(url, url, asked++));
  } finally {
    bar.end();
    await close();
  }
  return { pages: pages.filter(Boolean), ...left };
}

/**
 * @param {Options} opts
 * @param {Left} left
 * @param {(url: string) => void} add
 */
async function fromSitemap(opts, left, add) {
  const found = await sitemapPages(/** @type {string} */ (opts.sitemap), opts);
  merge(left, found);
  found.urls.forEach(add);
}

/**
 * @param {Options} opts
 * @param {Left} left
 * @param {(url: string) => Promise<string[]>} visit
 */
async function fromCrawl(opts, left, visit) {
  const start = /** @type {string} */ (opts.crawl);
  const gate = await robotsGate([new URL(start).origin]);
  const done = await crawl(start, { maxPages: opts.maxPages, perKind: opts.sample, concurrency: opts.concurrency, allowed: gate.allowed }, visit);
  merge(left, { skipped: done.skipped, notes: gate.notes });
}

/**
 * @param {Left} left
 * @param {Left} more
 */
function merge(left, more) {
  left.skipped.robots.push(...more.skipped.robots);
  left.skipped.sample += more.skipped.sample;
  left.skipped.limit += more.skipped.limit;
  left.notes.push(...more.notes);
}
