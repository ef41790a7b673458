// @ts-check
// The HTML report: one self-contained file (no external requests) with the summary chart, the
// per-kind table, and every page in a table that filters and expands.
import { kindChart } from './chart.mjs';
import { escapeHtml as esc } from './escape.mjs';
import { tallyText } from './report.mjs';
import { outcomeOf } from './summary.mjs';
import { count } from './text.mjs';

/** @typedef {import('./types.js').SiteReport} SiteReport */
/** @typedef {import('./types.js').PageReport} PageReport */

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd}
th{background:#f4f4f4}.ok{color:#2e8540}.warning{color:#a07700}.error{color:#c62828}pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f7;padding:6px;margin:4px 0}
details summary{cursor:pointer}.filters{display:flex;gap:8px;margin:8px 0}.filters input{flex:1}code{font-size:12px}`;

/** Filters the page table by text, kind, outcome and problem code. */
const SCRIPT = `(() => {
  const f = (id) => document.getElementById(id);
  const apply = () => {
    const text = f('q').value.toLowerCase(), kind = f('kind').value, outcome = f('outcome').value, code = f('code').value;
    let shown = 0;
    for (const row of document.querySelectorAll('#pages tbody tr')) {
      const d = row.dataset;
      const ok = (!text || row.textContent.toLowerCase().includes(text)) && (!kind || d.kind === kind) && (!outcome || d.outcome === outcome) && (!code || d.codes.split(' ').includes(code));
      row.hidden = !ok;
      if (ok) shown++;
    }
    f('shown').textContent = shown;
  };
  for (const id of ['q', 'kind', 'outcome', 'code']) f(id).addEventListener('input', apply);
})();`;

/**
 * @param {string} id
 * @param {string} label
 * @param {string[]} values
 */
const select = (id, label, values) => `<select id="${id}" aria-label="${label}"><option value="">${label}: all</option>${values.map((v) => `<option>${esc(v)}</option>`).join('')}</select>`;

/** @param {PageReport} p */
function pageDetails(p) {
  const facts = Object.entries(p.facts).map(([k, f]) => `<li>${esc(k)} <code>${esc(JSON.stringify(f.value))}</code> ← ${esc(f.from)}</li>`);
  const events = p.events.map((e) => `<li>${esc(e.name)}${e.via ? ' (REST)' : ''}<pre>${esc(JSON.stringify(e.via ? e.body : e.payload ?? null, null, 1))}</pre></li>`);
  const problems = p.problems.map((x) => `<li class="${x.level}">${x.level} <code>${esc(x.code)}</code> ${esc(x.message)}</li>`);
  return `<details><summary>${esc(p.input)}</summary>
<p>${p.status ? `HTTP ${p.status} · ` : ''}${esc(p.bundle || '')} ${esc(p.version || '')} · <a href="${esc(p.url)}">${esc(p.url)}</a></p>
<p>page type <b>${esc(p.type || '—')}</b>${p.typeFrom ? ` (decided by ${esc(p.typeFrom)})` : ''}</p>
<h4>read</h4><ul>${facts.join('') || '<li>nothing</li>'}</ul>${p.notes && p.notes.length ? `<h4>tolerances</h4><ul>${p.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h4>events</h4><ul>${events.join('') || '<li>none</li>'}</ul>
<h4>problems</h4><ul>${problems.join('') || '<li>none</li>'}</ul></details>`;
}

/** @param {PageReport} p */
function pageRow(p) {
  const outcome = outcomeOf(p);
  const codes = [...new Set(p.problems.map((x) => x.code))];
  return `<tr data-kind="${esc(p.kind)}" data-outcome="${outcome}" data-codes="${esc(codes.join(' '))}">
<td>${pageDetails(p)}</td><td>${esc(p.kind)}</td><td>${esc(p.type || '—')}</td><td>${esc([...new Set(p.events.map((e) => e.name))].join(', ') || '—')}</td>
<td class="${outcome}">${outcome}</td><td>${codes.map((c) => `<code>${esc(c)}</code>`).join(' ') || '—'}</td></tr>`;
}

/** @param {SiteReport} r */
function kindRows(r) {
  return r.kinds
    .map((k) => `<tr><td>${esc(k.kind)}</td><td>${k.pages}</td><td>${esc(tallyText(k.types))}</td><td>${esc(tallyText(k.events) || '—')}</td><td>${esc(tallyText(k.problems) || '—')}</td></tr>`)
    .join('\n');
}

/** @param {SiteReport} r */
function extras(r) {
  const out = [];
  if (r.cart) out.push(`<h2>Cart scenario</h2><p class="${r.cart.sent ? 'ok' : 'error'}">${esc(r.cart.url)}: ${r.cart.button ? `clicked ${esc(r.cart.button)}; ` : ''}${r.cart.sent ? 'StatusCart sent' : 'no StatusCart'}</p><ul>${r.cart.problems.map((x) => `<li class="${x.level}">${esc(x.message)}</li>`).join('')}</ul>`);
  if (r.regressions) out.push(`<h2>Against the baseline</h2><ul>${r.regressions.map((x) => `<li class="error">${esc(x.url)} <code>${esc(x.code || '')}</code> ${esc(x.message)}</li>`).join('') || '<li class="ok">no regressions</li>'}</ul>`);
  const skipped = [r.skipped.robots.length && `${r.skipped.robots.length} by robots.txt`, r.skipped.sample && `${r.skipped.sample} by the sample`, r.skipped.limit && `${r.skipped.limit} over the page limit`].filter(Boolean);
  if (skipped.length) out.push(`<p>Pages left out: ${skipped.join(', ')}.</p>`);
  return out.join('\n');
}

/** @param {SiteReport} r */
export function renderHtml(r) {
  const kinds = r.kinds.map((k) => k.kind);
  const codes = [...new Set(r.pages.flatMap((p) => p.problems.map((x) => x.code)))].sort();
  const from = r.source ? esc(r.source.sitemap || r.source.crawl || '') : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>yespo-autotrack audit${from ? ' — ' + from : ''}</title><style>${STYLE}</style></head><body>
<h1>yespo-autotrack audit</h1>
<p>${from ? `${from} · ` : ''}${count(r.pages.length, 'page')} · ${esc(r.started)} · tracker ${esc(r.version)}</p>
<h2>Pages per kind and outcome</h2>
${kindChart(r.kinds)}
<h2>Page kinds</h2>
<table id="kinds"><thead><tr><th>page kind</th><th>pages</th><th>page types</th><th>events (pages)</th><th>problems (pages)</th></tr></thead><tbody>
${kindRows(r)}
</tbody></table>
${extras(r)}
<h2>Pages (<span id="shown">${r.pages.length}</span>)</h2>
<div class="filters"><input id="q" type="search" placeholder="Filter by text" aria-label="Filter by text">${select('kind', 'kind', kinds)}${select('outcome', 'outcome', ['ok', 'warning', 'error'])}${select('code', 'problem', codes)}</div>
<table id="pages"><thead><tr><th>page</th><th>kind</th><th>type</th><th>events</th><th>outcome</th><th>problems</th></tr></thead><tbody>
${r.pages.map(pageRow).join('\n')}
</tbody></table>
<script>${SCRIPT}</script>
</body></html>
`;
}
