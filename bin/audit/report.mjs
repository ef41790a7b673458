// @ts-check
// Text output: one block per page, a summary line, and for a whole shop a table per page kind.
import { count, short } from './text.mjs';

/** @typedef {import('./types.js').PageReport} PageReport */
/** @typedef {import('./types.js').KindSummary} KindSummary */

const useColor = !!process.stdout.isTTY && !process.env.NO_COLOR;
/**
 * @param {string} code
 * @param {string} s
 */
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

const BUNDLES = { injected: 'debug build injected', page: "the page's own bundle", 'page-debug': "the page's own bundle, debug build served by the audit" };

/** @param {PageReport} p */
function meta(p) {
  const parts = [];
  if (p.status) parts.push(`HTTP ${p.status}`);
  if (p.bundle) parts.push(`${BUNDLES[p.bundle]} ${p.version || ''}`.trim());
  if (p.blocked) parts.push(`${count(p.blocked, 'outside request')} blocked`);
  return parts.join(' · ');
}

/**
 * One page: what it is, what was read, what was sent, what is wrong.
 * @param {PageReport} p
 */
export function pageText(p) {
  const lines = [paint('1', p.input === p.url ? p.url : `${p.input}  (${p.url})`)];
  if (meta(p)) lines.push('  ' + paint('2', meta(p)));
  if (p.type) lines.push(`  page type   ${p.type}  (decided by ${p.typeFrom})`);
  const facts = Object.entries(p.facts);
  if (facts.length) lines.push('  read');
  for (const [k, f] of facts) lines.push(`    ${k.padEnd(9)} ${short(f.value, 200)}  ${paint('2', '← ' + f.from)}`);
  if (p.notes && p.notes.length) lines.push(`  tolerances  ${p.notes.join('; ')}`);
  lines.push(p.events.length ? '  events' : '  events      none');
  for (const e of p.events) lines.push(`    ${e.name}${e.via ? ' (REST)' : ''} ${e.via ? short(e.body, 400) : e.payload === undefined ? '' : short(e.payload, 400)}`.trimEnd());
  lines.push(p.problems.length ? '  problems' : '  problems    none');
  for (const pr of p.problems) lines.push(`    ${pr.level === 'error' ? paint('31', 'error  ') : paint('33', 'warning')}  ${pr.message}`);
  return lines.join('\n');
}

/** @param {PageReport[]} pages */
export function summaryLine(pages) {
  const errs = pages.filter((p) => p.problems.some((x) => x.level === 'error')).length;
  const warns = pages.reduce((n, p) => n + p.problems.filter((x) => x.level === 'warning').length, 0);
  return `${count(pages.length, 'page')} audited: ${errs ? paint('31', `${errs} with errors`) : 'no errors'}, ${count(warns, 'warning')}`;
}

/**
 * `a 3, b 1`, most first.
 * @param {Record<string, number>} tally
 */
export const tallyText = (tally) =>
  Object.entries(tally)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/**
 * The per-kind table for the terminal.
 * @param {KindSummary[]} kinds
 */
export function kindTable(kinds) {
  const head = ['page kind', 'pages', 'ok', 'warn', 'error', 'page types', 'problems (pages)'];
  const rows = kinds.map((k) => [k.kind, String(k.pages), String(k.outcome.ok), String(k.outcome.warning), String(k.outcome.error), tallyText(k.types), tallyText(k.problems) || '—']);
  const width = head.map((h, i) => Math.min(i === 0 ? 36 : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  /** @param {string[]} r */
  const line = (r) => r.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(width[i]) : short(c, width[i]).padEnd(width[i]))).join('  ').trimEnd();
  return [paint('1', line(head)), ...rows.map(line)].join('\n');
}

/** @param {Array<{ url: string, message: string }>} list */
export const regressionText = (list) =>
  list.length ? [paint('31', `${count(list.length, 'regression')} against the baseline:`), ...list.map((r) => `  ${r.url}  ${r.message}`)].join('\n') : 'no regressions against the baseline';
