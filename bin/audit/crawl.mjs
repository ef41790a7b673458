// @ts-check
// Breadth-first through a shop's same-origin links: each page is audited once and its links are
// offered next. robots.txt, the page-kind sample and the page limit decide what is visited.
import { workQueue } from './pool.mjs';
import { sampler } from './sample.mjs';

/** Links to files that are not pages. */
const NOT_PAGES = /\.(?:jpe?g|png|gif|webp|avif|svg|ico|css|js|mjs|json|xml|gz|zip|pdf|txt|mp4|webm|mp3|woff2?)$/i;

/**
 * A link as the crawl keeps it: same origin, no fragment, no query (sort and filter parameters
 * would make endless pages), not a file; else undefined.
 * @param {string} href
 * @param {string} origin
 */
export function crawlUrl(href, origin) {
  let u;
  try {
    u = new URL(href, origin);
  } catch {
    return undefined;
  }
  if (u.origin !== origin || NOT_PAGES.test(u.pathname)) return undefined;
  return u.origin + u.pathname;
}

/**
 * @typedef {object} CrawlOptions
 * @property {number} maxPages
 * @property {number} perKind
 * @property {number} concurrency
 * @property {(url: string) => boolean} allowed robots.txt
 */

/**
 * Visits `start` and what it links to, breadth first; `visit` audits a page and answers its links.
 * @param {string} start
 * @param {CrawlOptions} opts
 * @param {(url: string, index: number) => Promise<string[]>} visit
 */
export async function crawl(start, opts, visit) {
  const origin = new URL(start).origin;
  const pick = sampler(opts.perKind, opts.maxPages);
  const queue = workQueue(opts.concurrency);
  const seen = new Set();
  /** @type {string[]} */
  const robots = [];
  let index = 0;
  /** @param {string} href */
  const offer = (href) => {
    const url = crawlUrl(href, origin);
    if (!url || seen.has(url)) return;
    seen.add(url);
    if (!opts.allowed(url)) return void robots.push(url);
    if (!pick.take(url)) return;
    const i = index++;
    queue.add(async () => (await visit(url, i)).forEach(offer));
  };
  offer(start);
  await queue.idle();
  return { skipped: { robots, ...pick.skipped } };
}
