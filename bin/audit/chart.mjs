// @ts-check
// The summary chart of the HTML report: one bar per page kind, split by outcome, as inline SVG.
import { escapeHtml } from './escape.mjs';

/** @typedef {import('./types.js').KindSummary} KindSummary */

export const OUTCOMES = /** @type {const} */ ([
  ['ok', 'no problems', '#2e8540'],
  ['warning', 'warnings', '#d39e00'],
  ['error', 'errors', '#c62828'],
]);

const LABEL = 240;
const BAR = 420;
const ROW = 28;

/**
 * @param {KindSummary[]} kinds
 */
export function kindChart(kinds) {
  const most = Math.max(1, ...kinds.map((k) => k.pages));
  const height = kinds.length * ROW + 40;
  const rows = kinds.map((k, i) => bar(k, i * ROW + 10, most));
  const legend = OUTCOMES.map(([, text, color], i) => `<g transform="translate(${LABEL + i * 130},${kinds.length * ROW + 22})"><rect width="12" height="12" fill="${color}"/><text x="18" y="11" class="legend">${text}</text></g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Pages per page kind and outcome" viewBox="0 0 ${LABEL + BAR + 60} ${height}" width="${LABEL + BAR + 60}" height="${height}" class="chart">
<style>text{font:13px system-ui,sans-serif;fill:#222}.count{fill:#fff;font-weight:600}.total{fill:#555}</style>
${rows.join('\n')}
${legend.join('')}
</svg>`;
}

/**
 * @param {KindSummary} k
 * @param {number} y
 * @param {number} most
 */
function bar(k, y, most) {
  let x = LABEL;
  const parts = [];
  for (const [key, text, color] of OUTCOMES) {
    const n = k.outcome[key];
    if (!n) continue;
    const w = (n / most) * BAR;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${color}" data-kind="${escapeHtml(k.kind)}" data-outcome="${key}" data-count="${n}"><title>${escapeHtml(k.kind)}: ${n} ${text}</title></rect>`);
    if (w >= 18) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" class="count">${n}</text>`);
    x += w;
  }
  return `<g class="kind"><text x="${LABEL - 8}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(k.kind)}</text>${parts.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + 15}" class="total">${k.pages}</text></g>`;
}
