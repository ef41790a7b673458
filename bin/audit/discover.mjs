// @ts-check
// Which pages of a shop to audit: a sitemap's, or those a crawl reaches; robots.txt honoured.
import { fetchFile } from './fetch.mjs';
import { isAllowed, loadRobots } from './robots.mjs';
import { sampleUrls } from './sample.mjs';
import { readSitemaps } from './sitemap.mjs';

/**
 * robots.txt of each origin, read once before the audit: `allowed(url)` is then a plain test.
 * @param {string[]} origins
 */
export async function robotsGate(origins) {
  const rules = new Map();
  /** @type {string[]} */
  const notes = [];
  for (const origin of new Set(origins)) {
    const r = await loadRobots(origin);
    rules.set(origin, r.rules);
    if (r.note) notes.push(r.note);
  }
  /** @param {string} url */
  const allowed = (url) => {
    const u = new URL(url);
    return !rules.has(u.origin) || isAllowed(rules.get(u.origin), u.pathname + u.search);
  };
  return { allowed, notes };
}

/**
 * The sitemap's pages, robots.txt and the sample applied, in the sitemap's order.
 * @param {string} sitemap
 * @param {{ sample: number, maxPages: number }} opts
 */
export async function sitemapPages(sitemap, opts) {
  const found = await readSitemaps(sitemap, fetchFile);
  const gate = await robotsGate(found.urls.map((u) => new URL(u).origin));
  const robots = found.urls.filter((u) => !gate.allowed(u));
  const { picked, skipped } = sampleUrls(
    found.urls.filter((u) => gate.allowed(u)),
    opts.sample,
    opts.maxPages,
  );
  const notes = [...found.errors.map((e) => `sitemap ${e.url}: ${e.message}`), ...gate.notes];
  if (!found.urls.length) notes.push(`sitemap ${sitemap}: no pages listed`);
  return { urls: picked, skipped: { robots, ...skipped }, notes };
}
