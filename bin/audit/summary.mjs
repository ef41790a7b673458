// @ts-check
// Per page kind: how many pages, which types they were given, what they sent, what is wrong.
import { pageKind } from './sample.mjs';

/** @typedef {import('./types.js').PageReport} PageReport */
/** @typedef {import('./types.js').KindSummary} KindSummary */

/**
 * @param {PageReport} p
 * @returns {'error' | 'warning' | 'ok'}
 */
export const outcomeOf = (p) => (p.problems.some((x) => x.level === 'error') ? 'error' : p.problems.length ? 'warning' : 'ok');

/**
 * @param {Record<string, number>} into
 * @param {string} key
 */
const bump = (into, key) => void (into[key] = (into[key] || 0) + 1);

/**
 * @param {PageReport[]} pages
 * @returns {KindSummary[]} sorted by kind
 */
export function summarize(pages) {
  /** @type {Map<string, KindSummary>} */
  const kinds = new Map();
  for (const p of pages) {
    const kind = p.kind || pageKind(p.url);
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { kind, pages: 0, outcome: { ok: 0, warning: 0, error: 0 }, types: {}, events: {}, problems: {} }));
    k.pages++;
    k.outcome[outcomeOf(p)]++;
    bump(k.types, p.type || 'unknown');
    new Set(p.events.map((e) => e.name)).forEach((n) => bump(k.events, n));
    new Set(p.problems.map((x) => x.code)).forEach((c) => bump(k.problems, c));
  }
  return [...kinds.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
