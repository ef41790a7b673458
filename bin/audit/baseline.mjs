// @ts-check
// The CI gate: which problems are new since a saved report, and what makes the run fail.
import { pageKind } from './sample.mjs';

/** @typedef {import('./types.js').PageReport} PageReport */
/** @typedef {import('./types.js').Regression} Regression */
/** @typedef {'error' | 'warning' | 'none'} FailOn */

/**
 * A page's key across runs: its path and query, so a baseline taken on another host or port applies.
 * @param {string} url
 */
export function pageKey(url) {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** @param {FailOn} failOn */
const counts = (failOn) => (/** @type {{ level: string }} */ p) => failOn === 'warning' || (failOn === 'error' && p.level === 'error');

/** @param {PageReport} p */
const kindOf = (p) => p.kind || pageKind(p.input);

/**
 * New since the baseline: a problem code (at the --fail-on level) on a page that did not have it
 * (a page the baseline did not audit is compared with its page kind there), and events a page no
 * longer sends. Pages the baseline has and this run does not are not compared.
 * @param {{ pages: PageReport[], cart?: { sent: boolean } }} current
 * @param {{ pages: PageReport[], cart?: { sent: boolean } }} baseline
 * @param {FailOn} failOn
 * @returns {Regression[]}
 */
export function regressions(current, baseline, failOn) {
  const byKey = new Map(baseline.pages.map((p) => [pageKey(p.input), p]));
  /** @type {Map<string, Set<string>>} */
  const byKind = new Map();
  for (const p of baseline.pages) {
    const set = byKind.get(kindOf(p)) || byKind.set(kindOf(p), new Set()).get(kindOf(p));
    p.problems.forEach((x) => /** @type {Set<string>} */ (set).add(x.code));
  }
  /** @type {Regression[]} */
  const out = [];
  for (const page of current.pages) {
    const before = byKey.get(pageKey(page.input));
    const known = before ? new Set(before.problems.map((x) => x.code)) : byKind.get(kindOf(page)) || new Set();
    for (const p of page.problems.filter(counts(failOn)))
      if (!known.has(p.code)) known.add(p.code), out.push({ url: page.input, code: p.code, message: p.message });
    const now = new Set(page.events.map((e) => e.name));
    const dropped = before ? [...new Set(before.events.map((e) => e.name))].filter((n) => !now.has(n)) : [];
    if (dropped.length) out.push({ url: page.input, code: 'events-dropped', message: `no longer sends ${dropped.join(', ')}` });
  }
  if (baseline.cart && baseline.cart.sent && current.cart && !current.cart.sent) out.push({ url: 'cart scenario', code: 'cart-not-sent', message: 'add to cart no longer sends StatusCart' });
  return out;
}

/**
 * The exit code: with a baseline, 1 for any regression; else 1 when a page (or the cart scenario)
 * has a problem at the --fail-on level.
 * @param {{ pages: Array<{ problems: Array<{ level: string }> }>, cart?: { problems: Array<{ level: string }> }, regressions?: Regression[] }} report
 * @param {FailOn} failOn
 */
export function exitCode(report, failOn) {
  if (report.regressions) return report.regressions.length ? 1 : 0;
  const lists = [...report.pages.map((p) => p.problems), report.cart ? report.cart.problems : []];
  return lists.some((l) => l.some(counts(failOn))) ? 1 : 0;
}
